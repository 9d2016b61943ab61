"""Cue words of English policy and business news: what a name's head word says about its type.

These are properties of the language and of how organisations are named, not lists of the names
in any article: "Ministry of ..." is a government body, "... Electronics" a company, "... Alliance"
an alliance, "... Chamber of ..." an association.
"""

from __future__ import annotations

# head (last) word of a name -> type
GOV_HEADS = {
    "department", "ministry", "ministries", "agency", "commission", "administration", "authority", "bureau", "office",
    "government", "parliament", "assembly", "senate", "congress", "court", "cabinet", "presidency",
    "treasury", "regulator", "secretariat", "directorate", "inspectorate", "service", "ombudsman",
}
GOV_FIRST = {"ministry", "department", "bank", "office", "secretariat", "government", "state", "federal"}
PUBLIC_BANK_WORDS = {"development", "central", "export-import", "exim", "reserve", "investment", "national",
                     "policy", "industrial", "infrastructure"}
COMPANY_HEADS = {
    "electronics", "motor", "motors", "group", "corp", "corp.", "corporation", "inc", "inc.", "co", "co.",
    "company", "ltd", "ltd.", "limited", "llc", "plc", "ag", "gmbh", "sa", "nv", "holdings", "holding",
    "industries", "industry", "industrial", "chemical", "chemicals", "steel", "energy", "solution",
    "solutions", "technologies", "technology", "tech", "robotics", "semiconductor", "semiconductors",
    "systems", "bio", "biologics", "biosciences", "pharma", "pharmaceutical", "pharmaceuticals",
    "airlines", "airline", "shipbuilding", "telecom", "telecommunications", "networks", "capital",
    "securities", "asset", "assets", "bank", "financial", "insurance", "motors", "automotive", "auto",
    "display", "displays", "materials", "logistics", "shipping", "construction", "engineering",
    "mobility", "battery", "batteries", "aerospace", "defense",
    "foods", "retail", "mart", "labs", "software", "platform", "platforms", "media", "entertainment",
    "partners", "ventures", "investments", "power", "oil", "gas", "petroleum", "petrochemical", "cement",
    "paper", "textiles", "foundry", "micro", "devices", "instruments", "communications", "mobile", "cloud",
    "ocean", "marine", "shipyard", "shipyards", "heavy", "steelworks", "airways", "air", "rail", "telecoms",
}
ALLIANCE_HEADS = {"alliance", "coalition", "consortium", "taskforce", "task force", "partnership", "league",
                  "bloc", "pact", "initiative alliance"}
ASSOCIATION_HEADS = {"chamber", "federation", "association", "confederation", "union", "society", "lobby",
                     "council", "institute of", "guild", "syndicate", "club"}
ORGANIZATION_HEADS = {"university", "institute", "committee", "division", "foundation", "school", "college",
                      "laboratory", "laboratories", "lab", "team", "unit", "department", "board", "panel",
                      "academy", "centre", "observatory", "museum", "hospital", "subcommittee", "secretariat"}
PROJECT_HEADS = {"fund", "funds", "program", "programme", "project", "initiative", "plan", "package", "scheme",
                 "cluster", "complex", "roadmap", "strategy", "policy", "campus", "hub", "hubs", "zone",
                 "valley", "center", "centre", "corridor", "belt", "park", "facility", "plant", "fab",
                 "mission", "act"}
# heads that make a common-noun phrase a programme on their own ("a support package for ...")
PROGRAMME_HEADS = {"fund", "funds", "program", "programme", "project", "initiative", "plan", "package", "scheme",
                   "roadmap", "subsidy", "subsidies", "incentive", "incentives"}
CONNECTORS = {"of", "and", "for", "on", "&", "the", "de", "du"}
TITLE_WORDS = {
    "president", "vice", "chairman", "chairwoman", "chair", "chairperson", "ceo", "cfo", "cto", "coo",
    "minister", "deputy", "prime", "secretary", "director", "head", "governor", "mayor", "commissioner",
    "chief", "executive", "officer", "founder", "co-founder", "general", "senator", "lawmaker", "rep.",
    "representative", "spokesperson", "spokesman", "spokeswoman", "ambassador", "professor", "dr.",
    "mr.", "ms.", "mrs.", "managing", "senior", "first", "acting", "former", "administrator", "leader",
    "premier", "chancellor", "king", "queen", "finance", "vice-president", "vice-chairman", "vice-chair", "industry", "trade", "foreign", "defense",
    "commerce", "energy", "science", "economy", "labor", "labour", "health", "transport", "land",
}
HEAD_ROLES = {
    "president", "chairman", "chairwoman", "chair", "chairperson", "ceo", "chief executive",
    "chief executive officer", "minister", "prime minister", "director", "director general",
    "director-general", "head", "governor", "mayor", "commissioner", "administrator", "founder",
    "managing director", "secretary", "secretary general", "premier", "chancellor", "leader",
}
NOT_HEAD_ROLE_WORDS = {"vice", "deputy", "former", "assistant", "associate", "acting", "ex"}

# Korean and other administrative-unit suffixes mark places ("Haenam-gun", "Jeollanam-do")
PLACE_SUFFIXES = ("-gun", "-gu", "-do", "-si", "-dong", "-eup", "-myeon", "-ku", "-shi", "-ken", "-cho")
PLACE_HEADS = {"province", "city", "county", "state", "prefecture", "island", "islands", "region",
               "district", "peninsula", "bay", "river", "valley"}

# verbs
FUND_VERBS = {"invest", "fund", "allocate", "spend", "earmark", "provide", "inject", "pour", "pump", "award",
              "grant", "lend", "finance", "subsidize", "subsidise", "commit", "budget", "deploy", "set",
              "chip", "put", "contribute", "channel", "disburse", "raise", "offer", "support", "back"}
MONEY_GO_VERBS = {"go", "be", "flow", "head"}
ANNOUNCE_VERBS = {"announce", "unveil", "say", "reveal", "launch", "present", "introduce", "outline",
                  "lay", "detail", "propose", "publish", "disclose", "add", "declare", "roll",
                  "hold", "report"}
LEAD_VERBS = {"lead", "run", "head", "manage", "spearhead", "oversee", "operate", "steer", "drive",
              "coordinate", "carry", "implement", "administer", "chair", "helm", "execute"}
MEMBER_VERBS = {"join", "include", "involve", "comprise", "bring", "gather", "unite", "consist"}
GOAL_VERBS = {"aim", "target", "seek", "plan", "intend", "hope", "strive", "expect", "pledge", "vow",
              "goal", "want", "push", "look"}
DOING_VERBS = {"develop", "build", "create", "establish", "expand", "extend", "launch", "promote", "secure",
               "support", "boost", "construct", "introduce", "foster", "nurture", "set", "open", "train",
               "deploy", "upgrade", "strengthen", "improve", "increase", "aid", "help", "modernize",
               "modernise", "accelerate", "advance", "grow", "raise", "produce", "release", "cultivate",
               "provide", "offer", "make", "form", "stimulate", "revamp", "overhaul", "scale", "speed"}
MILESTONE_NOUNS = {"production", "release", "launch", "commercialization", "commercialisation",
                   "completion", "operation", "deployment", "construction", "rollout", "adoption",
                   "development", "introduction", "opening", "delivery", "export", "exports"}
GENERIC_PROJECT_NOUNS = {"effort", "efforts", "project", "projects", "plan", "plans", "programme", "program",
                         "initiative", "initiatives", "package", "measures", "measure", "incentives", "policy",
                         "scheme", "strategy", "programmes", "programs", "support", "it", "this", "these"}
# noun phrases that are not projects even in a project position
NON_PROJECT_HEADS = {"vision", "theme", "company", "companies", "firm", "firms", "government", "year", "years",
                     "meeting", "ceremony", "event", "people", "percent", "share", "time", "way",
                     "need", "challenges", "uncertainties", "growth", "demand", "competition", "deal",
                     "part", "total", "capital", "one", "lot", "won", "dollars", "amount", "sum",
                     "structure", "framework", "cooperation", "ties", "leader", "leaders", "country",
                     "countries", "economy", "employment", "jobs", "partnership", "partnerships", "decision", "supply",
                     "addition", "contrast", "total", "history", "deal", "agreement", "announcement", "statement",
                     "workers", "people", "engineers", "specialists", "technicians", "talent", "talents",
                     "students", "researchers", "staff", "employees", "wheelers", "market", "players", "makers", "volumes"}
# synonyms folded when comparing names (chips = semiconductors; hubs = bases)
SYNONYMS = {"chips": "semiconductors", "chip": "semiconductor", "bases": "hubs", "base": "hub",
            "programme": "program", "programmes": "programs", "centre": "center"}

NATIONALITY_TO_COUNTRY = {
    "south korean": "South Korea", "korean": "South Korea", "north korean": "North Korea",
    "american": "United States", "u.s.": "United States", "us": "United States", "chinese": "China",
    "japanese": "Japan", "german": "Germany", "french": "France", "british": "United Kingdom",
    "indian": "India", "taiwanese": "Taiwan", "vietnamese": "Vietnam", "indonesian": "Indonesia",
    "canadian": "Canada", "mexican": "Mexico", "australian": "Australia", "italian": "Italy",
    "spanish": "Spain", "dutch": "Netherlands", "swedish": "Sweden", "polish": "Poland",
    "brazilian": "Brazil", "saudi": "Saudi Arabia", "singaporean": "Singapore", "thai": "Thailand",
    "malaysian": "Malaysia", "philippine": "Philippines", "turkish": "Turkey", "russian": "Russia",
    "ukrainian": "Ukraine", "european": "European Union", "emirati": "United Arab Emirates",
    "israeli": "Israel", "egyptian": "Egypt", "nigerian": "Nigeria", "kenyan": "Kenya",
    "south african": "South Africa", "czech": "Czech Republic", "hungarian": "Hungary", "irish": "Ireland",
    "swiss": "Switzerland", "austrian": "Austria", "belgian": "Belgium", "danish": "Denmark",
    "finnish": "Finland", "norwegian": "Norway", "portuguese": "Portugal", "greek": "Greece",
    "chilean": "Chile", "argentine": "Argentina", "colombian": "Colombia", "peruvian": "Peru",
    "pakistani": "Pakistan", "bangladeshi": "Bangladesh", "qatari": "Qatar", "new zealand": "New Zealand",
}
COUNTRY_ALIASES = {
    "korea": "South Korea", "republic of korea": "South Korea", "rok": "South Korea", "s. korea": "South Korea",
    "u.s.": "United States", "us": "United States", "usa": "United States", "u.s.a.": "United States",
    "united states of america": "United States", "america": "United States", "the united states": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "prc": "China", "people's republic of china": "China",
    "uae": "United Arab Emirates", "eu": "European Union", "the netherlands": "Netherlands",
    "holland": "Netherlands", "viet nam": "Vietnam", "russian federation": "Russia",
}
COUNTRIES = {
    "South Korea", "North Korea", "United States", "China", "Japan", "Germany", "France", "United Kingdom",
    "India", "Taiwan", "Vietnam", "Indonesia", "Canada", "Mexico", "Australia", "Italy", "Spain",
    "Netherlands", "Sweden", "Poland", "Brazil", "Saudi Arabia", "Singapore", "Thailand", "Malaysia",
    "Philippines", "Turkey", "Russia", "Ukraine", "European Union", "United Arab Emirates", "Israel",
    "Egypt", "Nigeria", "Kenya", "South Africa", "Czech Republic", "Hungary", "Ireland", "Switzerland",
    "Austria", "Belgium", "Denmark", "Finland", "Norway", "Portugal", "Greece", "Chile", "Argentina",
    "Colombia", "Peru", "Pakistan", "Bangladesh", "Qatar", "New Zealand", "Kazakhstan", "Uzbekistan",
    "Mongolia", "Cambodia", "Laos", "Myanmar", "Morocco", "Ethiopia", "Iran", "Iraq", "Kuwait", "Oman",
}
# capitalised words that are never names on their own
NOT_NAMES = {
    "ai", "ia", "r&d", "ceo", "ceos", "it", "ict", "esg", "ev", "evs", "gdp", "krw", "usd", "eur", "jpy",
    "won", "smes", "sme", "ipo", "m&a", "hbm", "dram", "cpu", "gpu", "npu", "5g", "6g", "ax", "dx",
    "the", "a", "an", "in", "on", "at", "by", "for", "of", "and", "image", "photo", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "english",
}

FACILITY_HEADS = {"plant", "plants", "factory", "factories", "gigafactory", "facility", "facilities", "fab", "site",
                  "sites", "complex", "mill", "refinery", "smelter", "line", "campus", "hub", "shipyard", "yard"}
CAPITALS = {"seoul": "South Korea", "tokyo": "Japan", "beijing": "China", "washington": "United States",
            "ottawa": "Canada", "berlin": "Germany", "paris": "France", "london": "United Kingdom",
            "new delhi": "India", "jakarta": "Indonesia", "canberra": "Australia", "taipei": "Taiwan",
            "hanoi": "Vietnam", "rome": "Italy", "madrid": "Spain", "brussels": "European Union"}
