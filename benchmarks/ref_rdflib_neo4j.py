"""Load a TriG file into Neo4j with the `rdflib-neo4j` store (the reference the benchmark compares to).

Runs in its own virtual environment (benchmarks/out/venv-ref, made by neo4j_load.py) so that the
project's install never depends on rdflib-neo4j. Prints one JSON line: seconds, triples, counts.
The store is used as its README shows: batching on, vocabulary IRIs reduced to local names
(HANDLE_VOCAB_URI_STRATEGY.IGNORE, like our mapping), its uniqueness constraint on Resource.uri.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import time

from neo4j import GraphDatabase
from rdflib import Graph
from rdflib_neo4j import HANDLE_VOCAB_URI_STRATEGY, Neo4jStore, Neo4jStoreConfig


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("trig")
    parser.add_argument("--uri", required=True)
    parser.add_argument("--user", default="neo4j")
    parser.add_argument("--batch-size", type=int, default=5000)
    args = parser.parse_args()
    password = os.environ["NEO4J_PASSWORD"]               # not on the command line
    driver = GraphDatabase.driver(args.uri, auth=(args.user, password))
    config = Neo4jStoreConfig(handle_vocab_uri_strategy=HANDLE_VOCAB_URI_STRATEGY.IGNORE, batching=True,
                              batch_size=args.batch_size)
    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):          # the store prints progress lines
        store = Neo4jStore(config=config, neo4j_driver=driver)
        graph = Graph(store=store)
        graph.open(config.get_config_dict(), create=True)
        graph.parse(args.trig, format="trig")
        graph.close(True)
    seconds = time.perf_counter() - started
    with driver.session() as session:
        nodes = session.run("MATCH (n) RETURN count(n) AS c").single()["c"]
        rels = session.run("MATCH ()-[r]->() RETURN count(r) AS c").single()["c"]
    driver.close()
    print(json.dumps({"seconds": seconds, "nodes": nodes, "relationships": rels,
                      "triples": store.total_triples if hasattr(store, "total_triples") else None}))


if __name__ == "__main__":
    main()
