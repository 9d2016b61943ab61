"""SPARQL latency: each library query (queries/*.rq) on the running Oxigraph endpoint, vs rdflib in memory.

Same synthetic graph for both (benchmarks/synthetic_graph.py, the Neo4j benchmark's generator;
1,200 documents give ~1.03M quads), same query text with the same parameters (bound by a VALUES
block, as for any endpoint). Each query is asked as an analyst asks it, with parameter values
picked from the graph (`cases`: the alliance with the most members, the funder with the most
fundings, ...; for the paths, a median and the best-connected agency), and each listing query
also without its optional parameters ("whole graph" rows). Oxigraph: `kg serve`'s server
(start_endpoint), timed from a Python client over HTTP with JSON results, p50/p95 over --reps
runs after one warm-up. rdflib: a Dataset (default graph = union of the named graphs) parsed from
the same graph.trig, each query run --rdflib-reps times in a forked child that is killed after
--rdflib-timeout seconds. Goal: p50 < 20 ms on the endpoint and >= 50x faster than rdflib.
Writes benchmarks/RESULTS-sparql.md.

    .venv/bin/python benchmarks/sparql_latency.py [--docs 1200] [--reps 30] [--timeout 120]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib
import requests

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import synthetic_graph  # noqa: E402

from kg.rdf.namespaces import ONTOLOGY_GRAPH  # noqa: E402
from kg.rdf.ontology import ontology_paths  # noqa: E402
from kg.stores.oxigraph_store import open_store, query, rebuild_store, store_exists  # noqa: E402
from kg.stores.sparql_client import parse_json_results  # noqa: E402
from kg.stores.sparql_library import load_query  # noqa: E402
from kg.stores.sparql_params import bind_values  # noqa: E402
from kg.stores.sparql_server import start_endpoint, stop_endpoint  # noqa: E402
from kg.stores.sparql_terms import prefix_prologue  # noqa: E402
from kg.workspace import KgError, Workspace  # noqa: E402

RESULTS = HERE / "RESULTS-sparql.md"
ACCEPT_JSON = "application/sparql-results+json"


@dataclass
class Timing:
    runs: list[float]
    rows: int | None
    note: str = ""

    def pct(self, q: float) -> float | None:
        if not self.runs:
            return None
        ordered = sorted(self.runs)
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]

    @property
    def p50(self) -> float | None:
        return statistics.median(self.runs) if self.runs else None


@dataclass
class Case:
    """One timed question: a library query with its parameters (`note` says how they were picked)."""

    query: str
    params: dict[str, Any]
    note: str = ""

    @property
    def label(self) -> str:
        return ", ".join(f"{k}={v}" for k, v in self.params.items()) or "none"


PATH = "|".join(f"kgo:{p}|^kgo:{p}" for p in ("memberOf", "leads", "announces", "funds", "partOf", "headOf"))
# (query, parameter, what is counted, SPARQL binding ?name once per counted thing): the busiest
# value (the most rows) is benchmarked
BUSIEST = [
    ("members_of_alliance", "alliance", "members", "?m kgo:memberOf ?x . ?x rdfs:label ?name"),
    ("members_of_alliance", "member", "memberships", "?x kgo:memberOf ?a . ?x rdfs:label ?name"),
    ("fundings", "funder", "fundings", "?f kgo:funder ?x . ?x rdfs:label ?name"),
    ("fundings", "project", "fundings", "?f kgo:fundedProject ?x . ?x rdfs:label ?name"),
    ("people_and_roles", "person", "headOf facts", "?x kgo:headOf ?o . ?x rdfs:label ?name"),
    ("people_and_roles", "organization", "heads", "?p kgo:headOf ?x . ?x rdfs:label ?name"),
    ("targets_due_by", "owner", "targets", "?x kgo:hasTarget ?t . ?x rdfs:label ?name"),
]


def ranked(store: ox.Store, pattern: str) -> list[tuple[str, int]]:
    """(name, count) for the solutions of `pattern` (binding ?name), fewest first, ties by name."""
    _, rows = query(store, f"SELECT ?name (COUNT(*) AS ?n) WHERE {{ {pattern} }} GROUP BY ?name ORDER BY ?n ?name")
    return [(name, n) for name, n in rows]


def cases(ws: Workspace) -> list[Case]:
    """Representative questions on the synthetic graph, then the unparameterised listings."""
    store = open_store(ws)
    out = []
    for name, param, counted, pattern in BUSIEST:
        value, n = ranked(store, pattern)[-1]
        year = {"year": 2030} if name == "targets_due_by" else {}
        out.append(Case(name, {**year, param: value}, f"the {param} with the most {counted}: {n}"))
    agencies = ranked(store, f"?x a kgo:GovernmentAgency ; rdfs:label ?name ; ({PATH}) ?y")
    median, busiest = agencies[len(agencies) // 2], agencies[-1]
    out.append(Case("agency_to_company_paths", {"agency": median[0]},
                    f"a median agency: {median[1]} links, the median of {len(agencies)} linked agencies"))
    out.append(Case("agency_to_company_paths", {"agency": busiest[0]},
                    f"the best-connected agency: {busiest[1]} links"))
    out.append(Case("document_facts", {"document": "synthetic/000007.txt"}, "one document"))
    for name in ("members_of_alliance", "fundings", "people_and_roles"):
        out.append(Case(name, {}, "whole graph"))
    out.append(Case("targets_due_by", {"year": 2030}, "whole graph"))
    out.append(Case("agency_to_company_paths", {}, "whole graph"))  # the slow one last
    return out


def prepare(ws: Workspace, docs: int) -> tuple[int, int]:
    """The synthetic workspace (graph.trig + store), reused when already built for `docs`."""
    marker = ws.root / f".synthetic-{docs}-compacted"  # a store built before builds compacted is rebuilt
    if not (marker.exists() and store_exists(ws)):
        ws.root.mkdir(parents=True, exist_ok=True)
        synthetic_graph.generate(ws.graph_trig, docs)
        rebuild_store(ws, ws.graph_trig, ontology_paths())
        marker.write_text("")
    quads = sum(1 for _ in ox.parse(path=str(ws.graph_trig)))
    stored = len(ox.Store.read_only(str(ws.store)))
    return quads, stored


def post_query(session: requests.Session, url: str, text: str, deadline: float) -> int:
    """One query over HTTP (JSON results, parsed); gives up at `deadline` (time.monotonic)."""
    response = session.post(url, data={"query": text}, headers={"Accept": ACCEPT_JSON}, stream=True,
                            timeout=max(1.0, deadline - time.monotonic()))
    chunks = []
    for chunk in response.iter_content(chunk_size=1 << 16):
        chunks.append(chunk)
        if time.monotonic() > deadline:
            response.close()
            raise TimeoutError
    if response.status_code != 200:
        raise KgError(f"HTTP {response.status_code}: {b''.join(chunks)[:200]!r}")
    return len(parse_json_results(json.loads(b"".join(chunks)))[1])


def time_endpoint(ws: Workspace, text: str, reps: int, budget: float) -> Timing:
    """p50/p95 on a fresh endpoint (a query past its budget keeps the server busy: it is killed)."""
    endpoint = start_endpoint(ws, timeout_s=int(budget))
    session = requests.Session()
    try:
        try:
            rows = post_query(session, endpoint.url, text, time.monotonic() + budget)  # warm-up
        except (TimeoutError, requests.RequestException, KgError) as exc:
            late = isinstance(exc, (TimeoutError, requests.Timeout))
            return Timing([], None, f"no answer within {budget:g} s" if late else f"failed: {exc}")
        runs: list[float] = []
        deadline = time.monotonic() + budget
        for _ in range(reps):
            start = time.perf_counter()
            post_query(session, endpoint.url, text, deadline + budget)
            runs.append(time.perf_counter() - start)
            if time.monotonic() > deadline:
                break
        return Timing(runs, rows)
    finally:
        session.close()
        stop_endpoint(endpoint, timeout=2)


_DATASET: rdflib.Dataset | None = None


def _rdflib_child(text: str, reps: int, conn: Any) -> None:
    assert _DATASET is not None
    runs, rows = [], 0
    for _ in range(reps):
        start = time.perf_counter()
        rows = len(list(_DATASET.query(text)))
        runs.append(time.perf_counter() - start)
        conn.send((list(runs), rows))


def time_rdflib(text: str, reps: int, timeout: float) -> Timing:
    """Run in a forked child (the loaded dataset is shared copy-on-write) and kill it at `timeout`."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_rdflib_child, args=(text, reps, child))
    proc.start()
    child.close()
    deadline = time.monotonic() + timeout
    runs: list[float] = []
    rows: int | None = None
    while time.monotonic() < deadline and len(runs) < reps:
        if parent.poll(max(0.0, min(1.0, deadline - time.monotonic()))):
            try:
                runs, rows = parent.recv()
            except EOFError:
                break
        elif not proc.is_alive():
            break
    note = "" if len(runs) == reps else f"stopped after {timeout:g} s"
    if proc.is_alive():
        proc.kill()
    proc.join()
    return Timing(runs, rows, note)


def load_rdflib(ws: Workspace) -> tuple[rdflib.Dataset, float]:
    start = time.perf_counter()
    ds = rdflib.Dataset(default_union=True)
    ds.parse(ws.graph_trig, format="trig")
    onto = ds.graph(rdflib.URIRef(ONTOLOGY_GRAPH))
    for path in ontology_paths():
        onto.parse(path, format="turtle")
    return ds, time.perf_counter() - start


def ms(value: float | None) -> str:
    return "-" if value is None else f"{value * 1000:,.1f}"


def main() -> int:
    global _DATASET
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1200)
    parser.add_argument("--reps", type=int, default=30)
    parser.add_argument("--rdflib-reps", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120.0, help="per question on the endpoint, seconds")
    parser.add_argument("--rdflib-timeout", type=float, default=60.0, help="per question with rdflib, seconds")
    parser.add_argument("--work", type=Path, default=HERE / "out" / "sparql-latency")
    parser.add_argument("--no-rdflib", action="store_true")
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args()

    args.load_average = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    ws = Workspace.at(args.work)
    t0 = time.perf_counter()
    quads, stored = prepare(ws, args.docs)
    print(f"graph: {quads} quads, store {stored} quads ({time.perf_counter() - t0:.0f} s)", flush=True)

    todo = cases(ws)
    texts = []
    for case in todo:
        q = load_query(case.query)
        texts.append(prefix_prologue() + bind_values(q.text, q.bind(case.params)))
    oxi: list[Timing] = []
    for case, text in zip(todo, texts, strict=True):
        oxi.append(time_endpoint(ws, text, args.reps, args.timeout))
        t = oxi[-1]
        print(f"oxigraph {case.query} ({case.label}): p50 {ms(t.p50)} ms p95 {ms(t.pct(0.95))} ms, "
              f"{t.rows} rows {t.note}", flush=True)

    ref: list[Timing] = []
    load_s = None
    if not args.no_rdflib:
        _DATASET, load_s = load_rdflib(ws)
        print(f"rdflib loaded in {load_s:.0f} s", flush=True)
        for case, text in zip(todo, texts, strict=True):
            ref.append(time_rdflib(text, args.rdflib_reps, args.rdflib_timeout))
            t = ref[-1]
            print(f"rdflib {case.query} ({case.label}): p50 {ms(t.p50)} ms, {t.rows} rows {t.note}", flush=True)

    args.load_average_end = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    write_results(args, quads, stored, load_s, todo, oxi, ref)
    print(f"wrote {args.results}")
    return 0


def write_results(args: argparse.Namespace, quads: int, stored: int, load_s: float | None,
                  todo: list[Case], oxi: list[Timing], ref: list[Timing]) -> None:
    lines = [
        "# SPARQL latency: Oxigraph endpoint vs rdflib in memory",
        "",
        f"Run of `benchmarks/sparql_latency.py --docs {args.docs} --reps {args.reps} --timeout {args.timeout:g} "
        f"--rdflib-timeout {args.rdflib_timeout:g}` on {time.strftime('%Y-%m-%d')}: {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, pyoxigraph {ox.__version__}, rdflib {rdflib.__version__}; "
        f"load average {args.load_average} at the start, {args.load_average_end} at the end (other work on "
        "the machine inflates the figures).",
        "",
        f"Graph: benchmarks/synthetic_graph.py, {args.docs} documents = {quads:,} quads in "
        f"{args.docs} named graphs; the store holds {stored:,} quads (named graphs + ontology graph + "
        "their union as the default graph)."
        + (f" rdflib parses it in {load_s:.0f} s." if load_s else ""),
        "",
        "Endpoint: `oxigraph serve-read-only` started by `start_endpoint` (a fresh one per question), timed "
        "from Python over HTTP (POST, JSON results, parsed): p50/p95 over the runs after one warm-up, "
        f"runs stopped once {args.timeout:g} s are spent. rdflib: "
        f"`Dataset(default_union=True)`, {args.rdflib_reps} runs in a forked child, killed after "
        f"{args.rdflib_timeout:g} s. Both run the same text (parameters as a VALUES block). Parameter values "
        "are names picked from the graph (see `cases`); \"whole graph\" rows omit the optional parameters. "
        "Goal: p50 < 20 ms and >= 50x rdflib.",
        "",
        "| query | parameters | rows | Oxigraph p50 ms | Oxigraph p95 ms | rdflib p50 ms | speed-up | goal |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for i, (case, o) in enumerate(zip(todo, oxi, strict=True)):
        r = ref[i] if ref else None
        speed = (r.p50 / o.p50) if (r and r.p50 and o.p50) else None
        if r and not r.runs and o.p50:
            speed_text = f"> {args.rdflib_timeout / o.p50:,.0f}x"
        else:
            speed_text = "-" if speed is None else f"{speed:,.0f}x"
        rows = o.rows if o.rows is not None else (r.rows if r else None)
        agree = "" if not r or r.rows is None or o.rows is None or r.rows == o.rows else " (rows differ!)"
        fast_enough = speed is not None and speed >= 50 or (
            r is not None and not r.runs and o.p50 is not None and args.rdflib_timeout / o.p50 >= 50)
        ok = o.p50 is not None and o.p50 < 0.020 and fast_enough
        rdflib_text = ms(r.p50) if r and r.runs else (f"> {args.rdflib_timeout * 1000:,.0f}" if r else "-")
        oxi_text = ms(o.p50) + (f" ({o.note})" if o.note else "")
        params = f"{case.label} ({case.note})" if case.note else case.label
        lines.append(f"| {case.query} | {params} | {'-' if rows is None else rows}{agree} | {oxi_text} "
                     f"| {ms(o.pct(0.95))} | {rdflib_text} | {speed_text} | {'met' if ok else 'missed'} |")
    lines.append("")
    args.results.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
