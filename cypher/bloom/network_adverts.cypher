// Bloom search phrase "Adverts of network $id": a network's adverts, who posted them, the chat each was
// posted in and where it was forwarded from (Telegram's context, which joins nothing), and the template
// links among them (SAME_TEMPLATE: near-duplicate texts, a second kind of evidence, docs/networks.md).
// Parameters: $id: a network id (n-4kq2x7d9ab) or key (network:n-4kq2x7d9ab).
// Returns one row per advert and template link: network, membership, advert, posted, author, in_chat,
//   chat, forwarded, origin, same_template, copy (all but the first three null where there is none).
CALL () {
  MATCH (network:Network {id: $id}) RETURN network
  UNION MATCH (network:Network {key: $id}) RETURN network
}
MATCH (advert:Advert)-[membership:IN_NETWORK]->(network)
OPTIONAL MATCH (author:Account)-[posted:POSTED]->(advert)
OPTIONAL MATCH (advert)-[in_chat:IN_CHAT]->(chat:Account)
OPTIONAL MATCH (advert)-[forwarded:FORWARDED_FROM]->(origin:Account)
// From each advert to its copies, then whether each copy is in the network: work in proportion to the
// links, where matching the network's adverts as copies would compare every advert with every other.
OPTIONAL MATCH (advert)-[same_template:SAME_TEMPLATE]-(copy:Advert)
  WHERE EXISTS { (copy)-[:IN_NETWORK]->(network) }
RETURN network, membership, advert, posted, author, in_chat, chat, forwarded, origin, same_template, copy
