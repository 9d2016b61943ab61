// question: Who funds what, for how much (KRW and USD where stated), and for which year (optionally: one funder's, or one project's)?
// parameter: funder (string, optional): only this funder, by name (its rdfs:label)
// parameter: project (string, optional): only this funded project, by name
// columns: funder, project, year, krw, usd
// One row per funder of each Funding node (distinct rows): funder and project are the names at
// the ends of its FUNDER and FUNDED_PROJECT relationships; krw / usd are the `value` (a float, in
// units: 700 billion won is 7.0E11) of its AMOUNT nodes whose `currency` is KRW / USD, stated or
// converted; year is the funding's `year` (integer). Each is null where the graph does not state it.
// An omitted parameter is null and filters nothing. Twin of fundings.rq.
MATCH (f:Funding)-[:FUNDER]->(who:Resource), (f)-[:FUNDED_PROJECT]->(what:Resource)
WHERE ($funder IS NULL OR who.name = $funder)
  AND ($project IS NULL OR what.name = $project)
OPTIONAL MATCH (f)-[:AMOUNT]->(k:MonetaryAmount {currency: 'KRW'})
OPTIONAL MATCH (f)-[:AMOUNT]->(u:MonetaryAmount {currency: 'USD'})
RETURN DISTINCT who.name AS funder, what.name AS project, f.year AS year, k.value AS krw, u.value AS usd
ORDER BY funder, project, year, krw, usd
