// question: Which organisations are members of each alliance or association?
// parameters: none
// columns: alliance, member
// One row per (alliance, member) name pair, for each MEMBER_OF relationship into a node labelled
// Alliance or Association (a kgo:hasMember triple is loaded as MEMBER_OF too). alliance and member
// are the nodes' `name` (rdfs:label). Twin of members_of_alliance.rq.
MATCH (m:Resource)-[:MEMBER_OF]->(a:Resource)
WHERE a:Alliance OR a:Association
RETURN DISTINCT a.name AS alliance, m.name AS member
ORDER BY alliance, member
