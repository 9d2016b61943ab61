// question: Which targets are due by a given year (inclusive), and who owns them (optionally: one owner's)?
// parameter: year (integer): the deadline year; targets whose targetYear is this year or earlier
// parameter: owner (string, optional): only the targets this owner (by name) has
// columns: owner, target, due_year, value, unit
// One row per (owner, target): owner is the name of whoever HAS_TARGET it (null when nobody does),
// target its name, due_year its `targetYear` (integer), value its `targetValue` (float) and unit
// its `unit`, null where not stated. An omitted owner is null and filters nothing; a given one
// keeps only that owner's targets. Twin of targets_due_by.rq.
MATCH (t:Target)
WHERE t.targetYear <= $year
OPTIONAL MATCH (o:Resource)-[:HAS_TARGET]->(t)
WITH t, o
WHERE $owner IS NULL OR o.name = $owner
RETURN DISTINCT o.name AS owner, t.name AS target, t.targetYear AS due_year, t.targetValue AS value,
       t.unit AS unit
ORDER BY due_year, target, owner
