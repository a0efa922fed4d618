// Taken first by every batch of adverts written: the write lock of one node, held until the batch commits,
// so that the batches of runs that overlap (two ingests at once, an ingestAdverts push during a run) are
// written one after the other. Each batch then reads which adverts exist after the other's commit; two
// batches that both took an advert for new would each add its POSTED, IN_COUNTRY, MENTIONS and USES.
// Setting the key to itself is what takes the lock; the node never changes. No parameters.
MERGE (l:IngestLock {key: 'ingest'})
SET l.key = 'ingest'
