// question: Everything one document says: the relations stated in its named graph.
// parameter: document (string): the document's IRI, or its source (dcterms:source path or URL)
// columns: subject, relation, object
// One row per relationship whose `documents` list holds the document (the MENTIONS links from the
// document node excluded): subject and object by name, relation is the relationship type
// (kgo:memberOf -> MEMBER_OF; FUNDER / FUNDED_PROJECT / AMOUNT link a Funding). Twin of
// document_facts.rq.
MATCH (d:Document:Resource)
WHERE d.iri = $document OR d.source = $document
MATCH (s:Resource)-[r]->(o:Resource)
WHERE d.iri IN r.documents AND type(r) <> 'MENTIONS'
RETURN DISTINCT s.name AS subject, type(r) AS relation, o.name AS object
ORDER BY subject, relation, object
