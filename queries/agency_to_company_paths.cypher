// question: How is each government agency connected to each company (shortest paths, up to 3 hops)?
// parameters: none
// columns: agency, company, hops, path
// Hops follow MEMBER_OF, LEADS, ANNOUNCES, FUNDS, PART_OF and HEAD_OF in either direction (not
// LOCATED_IN or HAS_TARGET: places and shared targets would join everything); only the shortest
// connections of each (agency, company) pair are listed (allShortestPaths); path is the names of
// the nodes on the way joined by " > " (agency first, company last). Meant for graphs of news
// articles, not for millions of nodes: it tries every agency/company pair. Twin of
// agency_to_company_paths.rq.
MATCH (a:GovernmentAgency), (c:Company)
WHERE a <> c
MATCH p = allShortestPaths((a)-[:MEMBER_OF|LEADS|ANNOUNCES|FUNDS|PART_OF|HEAD_OF*..3]-(c))
RETURN DISTINCT a.name AS agency, c.name AS company, length(p) AS hops,
       reduce(s = head(nodes(p)).name, n IN tail(nodes(p)) | s + ' > ' + n.name) AS path
ORDER BY agency, company, path
