"""The real Oxigraph SPARQL endpoint over HTTP: protocol, formats, read-only, errors, `kg serve`."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
from pathlib import Path
from xml.dom import minidom

import pyoxigraph as ox
import pytest
import requests
from SPARQLWrapper import CSV, JSON, POST, TSV, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.rdf.namespaces import ONTOLOGY_GRAPH
from kg.rdf.ontology import ontology_paths
from kg.stores import oxigraph_store
from kg.stores.sparql_client import query_endpoint
from kg.stores.sparql_server import Endpoint, free_port, start_endpoint, stop_endpoint
from kg.workspace import KgError, Workspace
from tests.fixtures.sparql import SAMPLE_TRIG, make_sample_workspace

pytestmark = pytest.mark.sparql

KGO = "https://w3id.org/kg-builder/ontology#"
DOCS = f"SELECT ?doc WHERE {{ ?doc a <{KGO}Document> }} ORDER BY ?doc"
KG = Path(sys.executable).parent / "kg"


def wrapper(endpoint: Endpoint, query: str, fmt: str = JSON, method: str = "GET") -> SPARQLWrapper:
    client = SPARQLWrapper(endpoint.url)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    return client


def documents(endpoint: Endpoint) -> list[str]:
    result = wrapper(endpoint, DOCS).queryAndConvert()
    return [b["doc"]["value"] for b in result["results"]["bindings"]]


@pytest.mark.parametrize("method", ["GET", POST])
def test_select_as_json_by_get_and_post(sparql_endpoint: Endpoint, method: str) -> None:
    result = wrapper(sparql_endpoint, DOCS, JSON, method).queryAndConvert()
    assert result["head"]["vars"] == ["doc"]
    docs = [b["doc"] for b in result["results"]["bindings"]]
    assert docs and all(d["type"] == "uri" for d in docs)


def test_result_formats_by_accept(sparql_endpoint: Endpoint) -> None:
    expected = documents(sparql_endpoint)

    xml = wrapper(sparql_endpoint, DOCS, XML).queryAndConvert()
    assert isinstance(xml, minidom.Document)
    assert [u.firstChild.data for u in xml.getElementsByTagName("uri")] == expected

    rows = list(csv.reader(io.StringIO(wrapper(sparql_endpoint, DOCS, CSV).queryAndConvert().decode())))
    assert rows[0] == ["doc"] and [r[0] for r in rows[1:]] == expected

    lines = wrapper(sparql_endpoint, DOCS, TSV).queryAndConvert().decode().splitlines()
    assert lines[0] == "?doc" and lines[1:] == [f"<{d}>" for d in expected]


def test_ask_and_construct(sparql_endpoint: Endpoint) -> None:
    assert wrapper(sparql_endpoint, f"ASK {{ ?x a <{KGO}Company> }}").queryAndConvert()["boolean"] is True
    nothing = f"ASK {{ ?x a <{KGO}NoSuchClass> }}"
    assert wrapper(sparql_endpoint, nothing).queryAndConvert()["boolean"] is False
    columns, rows = query_endpoint(
        sparql_endpoint.url, "CONSTRUCT { ?d a kgo:Document } WHERE { ?d a kgo:Document }")
    assert columns == ["subject", "predicate", "object"]
    assert sorted(r[0] for r in rows) == sorted(documents(sparql_endpoint))


def test_each_document_is_a_named_graph(sparql_endpoint: Endpoint) -> None:
    docs = documents(sparql_endpoint)
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    bindings = wrapper(sparql_endpoint, query).queryAndConvert()["results"]["bindings"]
    graphs = {b["g"]["value"] for b in bindings}
    assert set(docs) <= graphs
    assert ONTOLOGY_GRAPH in graphs  # the ontology rides along in its own graph
    for doc in docs:  # the document node sits in its own graph, and a parameter picks it
        own = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g a kgo:Document ; ?p ?o } }"
        cols, rows = query_endpoint(sparql_endpoint.url, own, {"g": f"<{doc}>"})
        assert rows[0][0] >= 2


def test_default_graph_is_the_union(sparql_endpoint: Endpoint) -> None:
    default = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    named = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
    assert query_endpoint(sparql_endpoint.url, default)[1] == query_endpoint(sparql_endpoint.url, named)[1]
    response = requests.get(sparql_endpoint.store_url, params={"default": ""},
                            headers={"Accept": "application/n-triples"}, timeout=10)
    assert len(list(ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES))) == \
        query_endpoint(sparql_endpoint.url, default)[1][0][0]


def test_graph_store_protocol_reads(sparql_endpoint: Endpoint) -> None:
    doc = documents(sparql_endpoint)[0]
    response = requests.get(sparql_endpoint.store_url, params={"graph": doc},
                            headers={"Accept": "application/n-triples"}, timeout=10)
    assert response.status_code == 200
    triples = list(ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES))
    count = query_endpoint(sparql_endpoint.url, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                           {"g": f"<{doc}>"})[1][0][0]
    assert len(triples) == count > 0
    missing = requests.get(sparql_endpoint.store_url, params={"graph": "https://example.org/none"},
                           timeout=10)
    assert missing.status_code == 404


def test_writes_refused_by_default(sparql_endpoint: Endpoint) -> None:
    update = "INSERT DATA { <https://example.org/a> <https://example.org/b> <https://example.org/c> }"
    client = SPARQLWrapper(sparql_endpoint.url, updateEndpoint=sparql_endpoint.update_url)
    client.setMethod(POST)
    client.setQuery(update)
    with pytest.raises(urllib.error.HTTPError) as refused:
        client.query()
    assert refused.value.code == 403
    response = requests.put(sparql_endpoint.store_url, params={"graph": "https://example.org/g"},
                            data=b"<https://example.org/a> <https://example.org/b> <https://example.org/c> .",
                            headers={"Content-Type": "application/n-triples"}, timeout=10)
    assert response.status_code == 403
    ask = "ASK { <https://example.org/a> ?p ?o }"
    assert wrapper(sparql_endpoint, ask).queryAndConvert()["boolean"] is False


def test_updates_accepted_with_allow_updates(tmp_path: Path) -> None:
    ws = make_sample_workspace(tmp_path / "ws")
    endpoint = start_endpoint(ws, allow_updates=True)
    try:
        client = SPARQLWrapper(endpoint.url, updateEndpoint=endpoint.update_url)
        client.setMethod(POST)
        client.setQuery("INSERT DATA { GRAPH <https://example.org/g> "
                        "{ <https://example.org/a> <https://example.org/b> 'c' } }")
        client.query()
        in_graph = "ASK { GRAPH <https://example.org/g> { <https://example.org/a> ?p 'c' } }"
        assert wrapper(endpoint, in_graph).queryAndConvert()["boolean"] is True
        # the default graph is a stored union: a write to a named graph does not show there
        in_default = "ASK { <https://example.org/a> ?p 'c' }"
        assert wrapper(endpoint, in_default).queryAndConvert()["boolean"] is False
        client.setQuery("INSERT DATA { <https://example.org/a> <https://example.org/b> 'c' }")
        client.query()
        assert wrapper(endpoint, in_default).queryAndConvert()["boolean"] is True
        with pytest.raises(KgError, match="in use"):  # a writer holds the store: no second server, no build
            start_endpoint(ws)
    finally:
        stop_endpoint(endpoint)
    assert oxigraph_store.query(ws, "ASK { <https://example.org/a> ?p 'c' }")[1] == [[True]]  # persisted


def test_malformed_query_is_400_and_the_server_lives_on(sparql_endpoint: Endpoint) -> None:
    with pytest.raises(QueryBadFormed):
        wrapper(sparql_endpoint, "SELECT WHERE { oops").queryAndConvert()
    response = requests.get(sparql_endpoint.url, params={"query": "SELECT WHERE { oops"}, timeout=10)
    assert response.status_code == 400
    with pytest.raises(KgError, match="answered 400"):
        query_endpoint(sparql_endpoint.url, "SELECT WHERE { oops")
    assert sparql_endpoint.running()
    assert documents(sparql_endpoint)


def test_parameters_are_terms_not_text(sparql_endpoint: Endpoint) -> None:
    hostile = 'x" } } ; DROP ALL ; SELECT * WHERE { ?s ?p "'
    cols, rows = query_endpoint(sparql_endpoint.url, "SELECT ?s WHERE { ?s rdfs:label ?name }",
                                {"name": hostile})
    assert cols == ["s"] and rows == []
    with pytest.raises(KgError, match="invalid IRI"):
        query_endpoint(sparql_endpoint.url, "SELECT ?p WHERE { ?s ?p ?o }", {"s": "<a> } <b>"})


def test_build_refused_while_served(tmp_path: Path) -> None:
    ws = make_sample_workspace(tmp_path / "ws")
    before = oxigraph_store.query(ws, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[1]
    other_trig = tmp_path / "other.trig"
    other_trig.write_text("<https://example.org/g> { <https://example.org/a> <https://example.org/b> 1 . }")
    endpoint = start_endpoint(ws)
    second = start_endpoint(ws)  # read-only servers share the store
    try:
        with pytest.raises(KgError, match="in use by a running `kg serve`"):
            oxigraph_store.rebuild_store(ws, other_trig, ontology_paths())
        assert query_endpoint(endpoint.url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[1] == before
        assert oxigraph_store.query(ws, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[1] == before
    finally:
        stop_endpoint(endpoint)
        stop_endpoint(second)
    assert oxigraph_store.rebuild_store(ws, other_trig, []) == 2  # its graph + the default graph


def _run_kg(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(KG), *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "COLUMNS": "200"})


def test_cli_serve_port_taken(sample_sparql_workspace: Workspace) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = _run_kg("serve", "--out", str(sample_sparql_workspace.root), "--port", str(port))
    assert result.returncode == 1
    assert "already in use" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_cli_serve_store_missing(tmp_path: Path) -> None:
    result = _run_kg("serve", "--out", str(tmp_path / "nothing-here"), "--port", str(free_port()))
    assert result.returncode == 1
    assert "no SPARQL store" in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_cli_serve_runs_and_stops_on_signal(tmp_path: Path, sig: signal.Signals) -> None:
    ws = Workspace.at(tmp_path / "ws")
    ws.root.mkdir()
    shutil.copyfile(SAMPLE_TRIG, ws.graph_trig)
    oxigraph_store.rebuild_store(ws, ws.graph_trig, [])
    port = free_port()
    proc = subprocess.Popen([str(KG), "serve", "--out", str(ws.root), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "COLUMNS": "200"})
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        url = f"http://127.0.0.1:{port}/query"
        assert url in line
        assert requests.get(url, params={"query": "ASK { ?s ?p ?o }"}, timeout=10).json()["boolean"] is True
        proc.send_signal(sig)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # the server went with it: port free, lock released
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                break
        time.sleep(0.1)
    else:
        pytest.fail("the oxigraph server outlived `kg serve`")
    assert oxigraph_store.rebuild_store(ws, ws.graph_trig, []) > 0


def test_kg_query_sparql_against_the_endpoint(sparql_endpoint: Endpoint) -> None:
    result = _run_kg("query", "sparql", "--endpoint", sparql_endpoint.url, "--format", "json", DOCS)
    assert result.returncode == 0, result.stderr
    assert [row["doc"] for row in json.loads(result.stdout)] == documents(sparql_endpoint)
