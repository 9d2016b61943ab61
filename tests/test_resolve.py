"""Entity resolution across documents: one IRI per real thing, never two things merged."""

from __future__ import annotations

from kg.model import Document, DocumentExtraction, Entity, Evidence, Relation
from kg.rdf.iris import slug
from kg.resolve import resolve


def doc(
    doc_id: str, *entities: tuple[str, str, list[str]], relations: list[Relation] | None = None
) -> DocumentExtraction:
    d = Document(doc_id, f"{doc_id}.txt", "text", "sha256:" + "0" * 64)
    ents = [
        Entity(key=f"k{i}", type=t, name=n, aliases=a, evidence=[Evidence(doc_id, "s", 0, 1, 0.8)])
        for i, (t, n, a) in enumerate(entities)
    ]
    return DocumentExtraction(d, ents, relations or [], [], "test")


def names(graph) -> dict[str, tuple[str, set[str]]]:
    return {e.name: (e.type, e.aliases) for e in graph.entities.values()}


def test_same_name_in_two_documents_is_one_entity() -> None:
    g = resolve(
        [doc("a", ("Company", "Samsung Electronics", [])), doc("b", ("Company", "Samsung Electronics", ["Samsung"]))]
    )
    (ent,) = g.entities.values()
    assert ent.documents == {"a", "b"}
    assert "Samsung" in ent.aliases
    assert ent.id == "org/samsung-electronics"


def test_bare_brand_joins_the_full_name_not_the_subsidiary() -> None:
    g = resolve(
        [
            doc("a", ("Company", "Samsung Electronics", [])),
            doc("b", ("Company", "Samsung", [])),
            doc("c", ("Company", "Samsung SDI", [])),
        ]
    )
    result = names(g)
    assert set(result) == {"Samsung Electronics", "Samsung SDI"}
    assert "Samsung" in result["Samsung Electronics"][1]


def test_two_different_full_names_never_merge() -> None:
    g = resolve(
        [
            doc("a", ("Company", "Hyundai Motor Group", ["Hyundai"])),
            doc("b", ("Company", "Hyundai Motor Company", ["Hyundai Motor"])),
        ]
    )
    assert set(names(g)) == {"Hyundai Motor Group", "Hyundai Motor Company"}


def test_alias_links_documents_and_fullest_name_wins() -> None:
    g = resolve(
        [doc("a", ("GovernmentAgency", "Korea Development Bank", ["KDB"])), doc("b", ("GovernmentAgency", "KDB", []))]
    )
    # an acronym alone does not merge (two bodies may share one); the full names do
    assert "Korea Development Bank" in names(g)


def test_common_noun_projects_stay_in_their_document() -> None:
    g = resolve([doc("a", ("Project", "R&D", [])), doc("b", ("Project", "R&D", []))])
    assert len(g.entities) == 2
    assert {e.id for e in g.entities.values()} == {"project/a/r-d", "project/b/r-d"}


def test_named_projects_merge_across_documents() -> None:
    g = resolve(
        [
            doc("a", ("Project", "National Growth Fund", [])),
            doc("b", ("Project", "National Growth Fund", ["KRW 150 trillion National Growth Fund"])),
        ]
    )
    (ent,) = g.entities.values()
    assert ent.documents == {"a", "b"}


def test_relations_are_rewritten_onto_merged_ids() -> None:
    ev = Evidence("b", "s", 0, 1, 0.7)
    g = resolve(
        [
            doc("a", ("Alliance", "Battery Alliance", [])),
            doc(
                "b",
                ("Company", "SK On", []),
                ("Alliance", "Battery Alliance", []),
                relations=[Relation("k0", "memberOf", "k1", ev)],
            ),
        ]
    )
    ((doc_id, rel),) = g.relations
    assert (doc_id, rel.subject, rel.object) == ("b", "org/sk-on", "org/battery-alliance")


def test_slugs_are_ascii_and_deterministic() -> None:
    assert slug("Zürich Société Générale") == slug("Zürich Société Générale") == "zurich-societe-generale"
    long = slug("x" * 200)
    assert len(long) <= 90 and long != slug("x" * 199)
    assert slug("a/b?c#d e") == "a-b-c-d-e"


def test_a_short_form_misread_as_a_person_elsewhere_is_the_organisation() -> None:
    g = resolve(
        [
            doc("a", ("GovernmentAgency", "Export-Import Bank of Korea", ["Kexim"])),
            doc("b", ("Person", "Kexim", [])),
            doc("c", ("Person", "Park Jinho", []), ("Person", "Jinho", [])),
            doc("d", ("Company", "Jinho Holdings", ["Jinho"])),
        ]
    )
    result = names(g)
    assert "Kexim" not in result and result["Export-Import Bank of Korea"][0] == "GovernmentAgency"
    # a word of a person's full name stays a person, whatever an organisation calls itself
    assert result["Jinho"][0] == "Person"
