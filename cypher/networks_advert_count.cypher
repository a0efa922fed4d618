// How many adverts the graph holds (from the count store: no scan).
// No parameters.
MATCH (a:Advert)
RETURN count(a) AS adverts
