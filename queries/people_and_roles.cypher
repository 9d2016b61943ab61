// question: Who heads which organisation, and in what role?
// parameters: none
// columns: person, role, organization
// One row per HEAD_OF relationship: person and organization by name; role is the relationship's
// `role` (the smallest role title its supporting sentences state, null when none does). The
// relationship's `roles` / `sentences` lists keep every stated title with its sentence.
// Twin of people_and_roles.rq.
MATCH (p:Resource)-[h:HEAD_OF]->(o:Resource)
RETURN DISTINCT p.name AS person, h.role AS role, o.name AS organization
ORDER BY person, organization, role
