// question: How is a government agency connected to companies (shortest paths, up to 3 hops; optionally: one agency, one company)?
// parameter: agency (string, optional): only paths from this government agency, by name (its rdfs:label)
// parameter: company (string, optional): only paths to this company, by name
// columns: agency, company, hops, path
// Hops follow MEMBER_OF, LEADS, ANNOUNCES, FUNDS, PART_OF and HEAD_OF in either direction (not
// LOCATED_IN or HAS_TARGET: places and shared targets would join everything); only the shortest
// connections of each (agency, company) pair are listed (allShortestPaths); path is the names of
// the nodes on the way joined by " > " (agency first, company last). An omitted parameter is null
// and filters nothing; without an agency it tries every agency/company pair, which is meant for
// graphs of news articles, not for millions of nodes. Twin of agency_to_company_paths.rq.
MATCH (a:GovernmentAgency), (c:Company)
WHERE a <> c
  AND ($agency IS NULL OR a.name = $agency)
  AND ($company IS NULL OR c.name = $company)
MATCH p = allShortestPaths((a)-[:MEMBER_OF|LEADS|ANNOUNCES|FUNDS|PART_OF|HEAD_OF*..3]-(c))
RETURN DISTINCT a.name AS agency, c.name AS company, length(p) AS hops,
       reduce(s = head(nodes(p)).name, n IN tail(nodes(p)) | s + ' > ' + n.name) AS path
ORDER BY agency, company, path
