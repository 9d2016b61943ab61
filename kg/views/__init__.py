"""Views of a built graph for notebooks and analysis (they read only the RDF of docs/rdf-model.md).

- `networkx.to_networkx`: the typed, attributed MultiDiGraph every other view starts from.
- `tables`: pandas tables (entities, relations, fundings, targets) with provenance.
- `draw`, `charts`: matplotlib pictures (the graph; fundings; targets on a timeline).
- `analytics`: centrality, communities, shortest paths.
- `interactive`: Cypher results fetched from Neo4j as graphs, and drawn with neo4j-viz.
- `text`: an article with its entities highlighted (displaCy).
- `notebook`: where the notebooks find the workspace, the seeds and the figures folder.

Submodules are imported on demand (matplotlib, pandas and neo4j-viz are not needed to build).
"""
