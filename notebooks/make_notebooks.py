"""Write the notebooks of this folder from the cells below (outputs empty), so they stay reviewable.

    .venv/bin/python notebooks/make_notebooks.py        # rewrites notebooks/*.ipynb

Every computation lives in the library (kg.views, kg.stores, kg.build); the notebooks only call it
and explain what they show. tests/test_notebooks.py runs them top to bottom.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent
KERNEL = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}

SETUP = """\
import pandas as pd
from IPython.display import display

from kg.views import notebook

pd.set_option("display.max_colwidth", 80)
ws = notebook.workspace()             # KG_WORKSPACE, else kg-data/ at the repository root
images = notebook.images_dir()        # KG_IMAGES_DIR, else docs/images/
print("workspace:", ws.root)"""


def md(text: str):
    return new_markdown_cell(text.strip())


def code(text: str):
    return new_code_cell(text.strip())


NB01 = [
    md("""
# 1. Explore the build

What `kg build seeds/` makes of the seed article, step by step through the library API (the CLI is a
thin shell over the same calls):

1. **build** the seed folder into a workspace (ingest → spaCy extraction → resolution → RDF → stores);
2. look at the **article with its entities highlighted** by the extraction pipeline (displaCy);
3. **draw the graph** the build wrote (`graph.trig`, read back as a typed networkx graph);
4. list the **entities and relations with their provenance**: the document and the sentence each one
   comes from, and the extractor's confidence.

The workspace is `KG_WORKSPACE` when set, else `kg-data/` at the repository root. Building again
is cheap: unchanged documents are not extracted a second time.
"""),
    code(SETUP),
    md("""
## Build

`kg.build.build(paths, workspace)` is what `kg build` runs. It returns a `BuildReport`: how many
documents were read, extracted or skipped (unchanged since the last build), the entities and
relations by type, and every warning (one line each).
"""),
    code("""
from kg.build import build

report = build([notebook.seeds()], ws)
print(f"{report.documents} document(s): {report.extracted} extracted, {report.skipped} unchanged; "
      f"{report.triples} triples, {report.fundings} funding(s)")
for line in report.warnings + report.errors:
    print(line)
counts = [("entity", t, n) for t, n in sorted(report.entities_by_type.items())]
counts += [("relation", t, n) for t, n in sorted(report.relations_by_type.items())]
pd.DataFrame(counts, columns=["kind", "type", "count"])
"""),
    md("""
## The article, as the extractor sees it

Ingest cleans each file (site chrome and foreign-language lines go; the offsets of every statement
refer to this cleaned text). The extraction pipeline is spaCy's English model plus kg-builder's
components; `Extractor.parse` runs it on one text. Highlighted: the core entity types
(colours as in the graph pictures below), and the money amounts and dates the facts are built from.
"""),
    code("""
from IPython.display import HTML

from kg.extract.pipeline import Extractor
from kg.ingest import Problem, read_sources
from kg.views.text import entity_html

documents = [d for d in read_sources([notebook.seeds()]) if not isinstance(d, Problem)]
article = documents[0]
print(article.doc_id, "-", article.title or article.text.splitlines()[0])
parsed = Extractor().parse(article.text)
display(HTML(entity_html(parsed, max_chars=2400)))
"""),
    md("""
## The graph

`to_networkx(workspace)` reads `graph.trig` (the RDF every build writes, see docs/rdf-model.md) into a
`networkx.MultiDiGraph`: one node per entity with its most specific type, canonical name, aliases
and confidence; one edge per relation, keyed by the ontology property (`memberOf`, `funds` ...) with
its confidence, documents and supporting sentences. The picture lays out each connected component
on its own; colour is the entity type.
"""),
    code("""
from kg.views.draw import core_view, draw_graph
from kg.views.networkx import to_networkx

G = to_networkx(ws)
print(G.number_of_nodes(), "entities,", G.number_of_edges(), "relations")
fig = draw_graph(core_view(G), images / "seed_graph.png", title="The seed article as a knowledge graph")
"""),
    md("""
## Entities, with provenance

One row per entity: its canonical name and type, the aliases resolution merged into it, the
confidence, the document(s) it was found in, how many sentences support it and the first of them.
"""),
    code("""
from kg.views.tables import entities_table, relations_table

entities_table(G)[["name", "type", "aliases", "confidence", "documents", "mentions", "sentence"]]
"""),
    md("""
## Relations, with provenance

One row per supporting sentence of each relation (a `kgo:Assertion` in the RDF): the sentence and its
character offsets in the cleaned text, the confidence, and the role for `headOf` (chairman, CEO ...).
"""),
    code("""
relations = relations_table(G)
relations[["subject", "relation", "object", "role", "confidence", "start", "end", "sentence"]]
"""),
    md("""
The offsets point into the cleaned text of the document, so every statement can be checked against
its source:
"""),
    code("""
row = relations.iloc[0]
print(f"{row.subject} -{row.relation}-> {row.object}")
print(repr(article.text[int(row.start):int(row.end)]))
"""),
]

NB02 = [
    md("""
# 2. Funding and targets

Who funds what and for how much, what is aimed at by when, and how the government's agencies reach
their targets through the projects they announce, fund or lead.

Amounts are shown in one currency **only where the articles themselves state a conversion**
("700 billion won ($478 million)"): the `basis` column tells whether a value is stated, a stated
conversion of this very amount, or converted at a rate another funding's stated conversion implies.
Nothing is converted at an outside exchange rate.
"""),
    code(SETUP),
    code("""
report = notebook.ensure_built(ws)    # builds the seeds only when the workspace has no graph yet
print("built now" if report else "using the existing graph")
"""),
    md("""
## Who funds what

Each `kgo:Funding` is one stated money commitment: funder(s), the project, the amount as stated
plus any conversion the text gives, and the year.
"""),
    code("""
from kg.views.networkx import to_networkx
from kg.views.tables import fundings_table

G = to_networkx(ws)
fundings = fundings_table(G, currency="USD")
fundings[["funder", "project", "year", "stated", "value", "currency", "basis", "confidence", "sentence"]]
"""),
    code("""
from kg.views.charts import funding_chart

fig = funding_chart(fundings, images / "fundings.png")
"""),
    md("""
## Targets by deadline

Every `kgo:Target` with its deadline year, its value and unit where the text states a number
("10 types of AI semiconductors", "more than 100 trillion won"), and its owner: whoever
`hasTarget` it (an agency, an alliance, or a project).
"""),
    code("""
from kg.views.charts import target_timeline
from kg.views.tables import targets_table

targets = targets_table(G)
display(targets[["year", "target", "value", "unit", "qualifier", "owners", "owner_types"]])
fig = target_timeline(targets, images / "targets_timeline.png")
"""),
    md("""
## Agency → project → target

From each government agency: the projects it announces, funds or leads, and the targets those
projects (or their parts, column `via`) aim at; targets an agency holds directly have no project.
"""),
    code("""
from kg.views.tables import agency_project_targets

agency_project_targets(G)
"""),
    md("""
The same chains as a picture: agencies on the left, then what they reach in one step, then two
steps (columns are distances from the agencies).
"""),
    code("""
from kg.views.draw import core_view, draw_graph

chains = core_view(G, types=["GovernmentAgency", "Project", "Target"],
                   relations=["announces", "funds", "leads", "partOf", "hasTarget"])
fig = draw_graph(chains, images / "agency_project_target.png", layout="layered",
                 title="Government agencies, their projects and targets")
"""),
]

NB03 = [
    md("""
# 3. Cypher on the project's Neo4j

The analyst's Cypher library (`queries/*.cypher`, each with a header: question, parameters, columns)
run against the project's Neo4j server:

- the server is the workspace's own (`kg neo4j start`), started here if it does not run yet and
  stopped at the end if this notebook started it; when `NEO4J_URI` (with `NEO4J_USER`,
  `NEO4J_PASSWORD`) is set, that server is used instead and nothing is started;
- the graph is loaded with the same loader as `kg load` (a sync: loading twice changes nothing);
- every query takes its values as parameters, never pasted into the Cypher text.

A result that names entities is then fetched back from Neo4j as a graph and drawn twice:
interactively with **neo4j-viz**, and as a static image.
"""),
    code(SETUP),
    code("""
notebook.ensure_built(ws)              # builds the seeds only when the workspace has no graph yet
"""),
    code("""
from kg.stores import cypher_library, neo4j_loader, neo4j_server

driver, started = notebook.connect_neo4j(ws)
summary = neo4j_loader.load_workspace(driver, ws)
print(f"loaded {summary.nodes} nodes and {summary.relationships} relationships "
      f"({summary.nodes_created} nodes created) in {summary.seconds:.1f} s"
      + ("; server started by this notebook" if started else ""))
"""),
    md("""
## The library

Each query answers one question; the same questions exist in SPARQL (notebook 4) with the same
columns.
"""),
    code("""
library = cypher_library.list_queries()
pd.DataFrame([(q.name, q.question, ", ".join(p.signature for p in q.params) or "-")
              for q in library], columns=["query", "question", "parameters"])
"""),
    md("""
## Running them

Parameterised queries get example values: `targets_due_by` the year 2030, `document_facts` the
seed document's IRI. The optional parameters (an alliance, a funder, a person, an agency ...) are
left out here, so each query answers for the whole graph; `run_query(driver, "fundings", {"funder":
"Government of South Korea"})` asks for one funder's.
"""),
    code("""
from kg.views.networkx import to_networkx

G = to_networkx(ws)
examples = {"targets_due_by": {"year": 2030}, "document_facts": {"document": sorted(G.graph["documents"])[0]}}
results = {}
for q in library:
    results[q.name] = cypher_library.run_query(driver, q.name, examples.get(q.name))
    print(f"{q.name}: {len(results[q.name].rows)} row(s)")
"""),
    code("""
def table(name):
    result = results[name]
    return pd.DataFrame(result.rows, columns=result.columns)

display(table("members_of_alliance"))
display(table("people_and_roles"))
display(table("fundings"))
table("targets_due_by")
"""),
    md("""
## A result as a graph

`agency_to_company_paths` lists the shortest connections from each government agency to each
company. The entities on those paths are fetched back from Neo4j with the relationships between
them (`neo4j_subgraph`, names as a parameter), then shown with neo4j-viz: drag nodes, zoom, hover
for properties.
"""),
    code("""
from kg.views.interactive import names_in_rows, neo4j_subgraph, to_visualization

paths = table("agency_to_company_paths")
display(paths)
names = names_in_rows(paths.columns, paths.itertuples(index=False), ["agency", "company", "path"])
subgraph = neo4j_subgraph(driver, names)
print(subgraph.number_of_nodes(), "nodes,", subgraph.number_of_edges(), "relationships")
to_visualization(subgraph).render(height="520px")
"""),
    md("""
The same subgraph as a static picture (what a report or the README can show):
"""),
    code("""
from kg.views.draw import draw_graph

fig = draw_graph(subgraph, images / "cypher_agency_to_company.png",
                 title="Agencies to companies (Cypher: agency_to_company_paths)")
"""),
    md("""
## Clean up

Close the driver, and stop the server if this notebook started it.
"""),
    code("""
driver.close()
if started:
    neo4j_server.stop(ws)
print("stopped the server" if started else "left the server running (not started here)")
"""),
]

NB04 = [
    md("""
# 4. SPARQL on `kg serve`

The same questions as notebook 3, asked in SPARQL (`queries/*.rq`) of the workspace's Oxigraph store
served over HTTP, as `kg serve` does: a read-only SPARQL 1.1 endpoint on 127.0.0.1 whose default
graph is the union of the documents' named graphs. Parameters are bound as values, never pasted
into the query text. Results come back as pandas tables; the endpoint is stopped at the end.
"""),
    code(SETUP),
    code("""
notebook.ensure_built(ws)              # builds the seeds only when the workspace has no graph yet
"""),
    code("""
from kg.stores import sparql_library
from kg.stores.sparql_server import start_endpoint, stop_endpoint

endpoint = start_endpoint(ws)          # a free port on 127.0.0.1; read-only
print("SPARQL endpoint:", endpoint.url)
"""),
    md("""
## The library
"""),
    code("""
library = sparql_library.list_queries()
pd.DataFrame([(q.name, q.question, ", ".join(p.signature for p in q.parameters) or "-")
              for q in library], columns=["query", "question", "parameters"])
"""),
    md("""
## Running them over HTTP
"""),
    code("""
def run(name, **params):
    columns, rows = sparql_library.run_query(endpoint, name, params or None)
    return pd.DataFrame(rows, columns=columns)

display(run("members_of_alliance"))
display(run("people_and_roles"))
display(run("fundings"))
run("targets_due_by", year=2030)
"""),
    md("""
The optional parameters narrow a question to one name, which is what keeps it fast on a large
graph (the query starts from that name): one funder's fundings, one organisation's heads.
"""),
    code("""
display(run("fundings", funder="Government of South Korea"))
run("people_and_roles", organization="Korea Chamber of Commerce and Industry")
"""),
    code("""
run("agency_to_company_paths")
"""),
    md("""
`document_facts` takes a document (its IRI or its source path). The documents themselves are in the
graph, so a first ad-hoc query lists them; `execute` runs any SPARQL text on the same endpoint.
"""),
    code("""
columns, rows = sparql_library.execute(endpoint, '''
PREFIX kgo: <https://w3id.org/kg-builder/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?doc ?source ?title WHERE { ?doc a kgo:Document ; dcterms:source ?source ; dcterms:title ?title }
ORDER BY ?source''')
documents = pd.DataFrame(rows, columns=columns)
display(documents)
run("document_facts", document=str(documents["source"].iloc[0]))
"""),
    md("""
## Stop the endpoint
"""),
    code("""
stop_endpoint(endpoint)
print("endpoint stopped:", not endpoint.running())
"""),
]

NB05 = [
    md("""
# 5. Graph analytics

Network measures on the networkx view of the graph. They run on its undirected form (direction says
who did what, not whether two actors are connected) and, by default, leave out `locatedIn` and
`hasTarget`: a shared country or deadline would tie everything together. This is the same choice as
the library query `agency_to_company_paths`, so the paths below can be compared with notebooks 3 and 4.
"""),
    code(SETUP),
    code("""
from kg.views import analytics
from kg.views.draw import draw_graph, save
from kg.views.networkx import to_networkx

notebook.ensure_built(ws)              # builds the seeds only when the workspace has no graph yet
G = to_networkx(ws)
print(G.number_of_nodes(), "entities,", G.number_of_edges(), "relations")
"""),
    md("""
## Who is central?

Degree centrality counts an organisation's direct ties; betweenness measures how many shortest
paths between other entities run through it: the brokers. Both are computed on the whole view and
reported for organisations.
"""),
    code("""
central = analytics.centrality(G)
display(central[["name", "type", "degree", "degree_centrality", "betweenness"]])
ax = central.head(10).iloc[::-1].plot.barh(x="name", y=["degree_centrality", "betweenness"], figsize=(9, 4.5))
ax.set_xlabel("centrality (normalised)")
ax.set_ylabel("")
ax.set_title("Most central organisations")
save(ax.figure, images / "centrality.png");
"""),
    md("""
## Communities

Greedy modularity maximisation (Clauset–Newman–Moore, `networkx.algorithms.community`) splits the
view into groups more densely tied inside than between them.
"""),
    code("""
groups = analytics.communities(G)
print(f"{groups['community'].nunique()} communities, modularity {analytics.modularity(G, groups):.2f}")
display(groups.groupby("community").agg(size=("name", "size"), members=("name", "; ".join)))
fig = draw_graph(analytics.with_communities(G, groups), images / "communities.png", color_by="community",
                 title="Communities (greedy modularity)")
"""),
    md("""
## From agencies to companies

All shortest paths (up to three hops) from each government agency to each company, with the
relations along the way.
"""),
    code("""
paths = analytics.shortest_paths(G, "GovernmentAgency", "Company", max_hops=3)
display(paths[["agency", "company", "hops", "path", "relations"]])
if len(paths):
    fig = draw_graph(analytics.path_subgraph(G, paths), images / "agency_company_paths.png",
                     title="Shortest paths from agencies to companies")
"""),
]

NOTEBOOKS = {
    "01_explore_the_build.ipynb": NB01,
    "02_funding_and_targets.ipynb": NB02,
    "03_cypher.ipynb": NB03,
    "04_sparql.ipynb": NB04,
    "05_graph_analytics.ipynb": NB05,
}


def build_notebook(name: str) -> nbformat.NotebookNode:
    """The notebook `name` with empty outputs, as it is committed."""
    metadata = {"kernelspec": KERNEL, "language_info": {"name": "python"}}
    nb = new_notebook(cells=NOTEBOOKS[name], metadata=metadata)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:02d}"              # stable ids: regenerating changes nothing
    return nb


def write_all(folder: Path = HERE) -> list[Path]:
    written = []
    for name in NOTEBOOKS:
        path = folder / name
        nbformat.write(build_notebook(name), path)
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_all():
        print(path)
