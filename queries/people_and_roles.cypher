// question: Who heads which organisation, and in what role (optionally: one person's, or one organisation's heads)?
// parameter: person (string, optional): only this person, by name (its rdfs:label)
// parameter: organization (string, optional): only this organisation, by name
// columns: person, role, organization
// One row per HEAD_OF relationship: person and organization by name; role is the relationship's
// `role` (the smallest role title its supporting sentences state, null when none does). The
// relationship's `roles` / `sentences` lists keep every stated title with its sentence. An omitted
// parameter is null and filters nothing. Twin of people_and_roles.rq.
MATCH (p:Resource)-[h:HEAD_OF]->(o:Resource)
WHERE ($person IS NULL OR p.name = $person)
  AND ($organization IS NULL OR o.name = $organization)
RETURN DISTINCT p.name AS person, h.role AS role, o.name AS organization
ORDER BY person, organization, role
