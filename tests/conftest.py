"""Shared fixtures: a built seed workspace, the real Neo4j server, the real SPARQL endpoint."""

pytest_plugins = [
    "tests.fixtures.workspace",
    "tests.fixtures.neo4j",
    "tests.fixtures.sparql",
]
