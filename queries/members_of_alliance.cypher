// question: Which organisations are members of which alliance or association (optionally: of one alliance, or one member's)?
// parameter: alliance (string, optional): only this alliance or association, by name (its rdfs:label)
// parameter: member (string, optional): only this member, by name
// columns: alliance, member
// One row per (alliance, member) name pair, for each MEMBER_OF relationship into a node labelled
// Alliance or Association (a kgo:hasMember triple is loaded as MEMBER_OF too). alliance and member
// are the nodes' `name` (rdfs:label); an omitted parameter is null and filters nothing. Twin of
// members_of_alliance.rq.
MATCH (m:Resource)-[:MEMBER_OF]->(a:Resource)
WHERE (a:Alliance OR a:Association)
  AND ($alliance IS NULL OR a.name = $alliance)
  AND ($member IS NULL OR m.name = $member)
RETURN DISTINCT a.name AS alliance, m.name AS member
ORDER BY alliance, member
