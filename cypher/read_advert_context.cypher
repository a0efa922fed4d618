// Each advert's context: the Account of the chat it was posted in and of the account it was forwarded
// from (Telegram), for the API's Advert.chat and Advert.forwardedFrom.
// Parameters: $keys: advert keys.
// Returns one row per advert found: advert (key), chat, forwarded_from (Account keys, or null).
UNWIND $keys AS key
MATCH (a:Advert {key: key})
RETURN a.key AS advert,
       [(a)-[:IN_CHAT]->(chat:Account) | chat.key][0] AS chat,
       [(a)-[:FORWARDED_FROM]->(origin:Account) | origin.key][0] AS forwarded_from
