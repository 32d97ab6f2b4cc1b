"""Synthetic news articles for the benchmarks: N articles of about 3 KB on many country pairs, written as a sources folder.

Each article is drawn from templates and word lists (below) with a seeded random generator, so the same N and
seed give the same bytes. Articles carry a dateline with the publication date, named officials with titles,
dated bilateral events (visits, agreements, relations, embassies, commission sessions), trade sentences,
figures and memberships, padded with neutral prose to about 3 KB. 80% are .txt, 10% .md with front matter and
10% .html with page furniture, like the bundled sources. `python -m bench.generate N [DIR]`.
"""
from __future__ import annotations

import json
import random
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

DATA = Path(__file__).parent / "data"
GENERATOR_VERSION = 1
TARGET_BYTES = 3000

# iso3, name, demonym, capital
COUNTRIES = [
    ("AZE", "Azerbaijan", "Azerbaijani", "Baku"), ("BLR", "Belarus", "Belarusian", "Minsk"),
    ("KAZ", "Kazakhstan", "Kazakh", "Astana"), ("UZB", "Uzbekistan", "Uzbek", "Tashkent"),
    ("GEO", "Georgia", "Georgian", "Tbilisi"), ("LTU", "Lithuania", "Lithuanian", "Vilnius"),
    ("ARM", "Armenia", "Armenian", "Yerevan"), ("IRN", "Iran", "Iranian", "Tehran"),
    ("MNG", "Mongolia", "Mongolian", "Ulaanbaatar"), ("JPN", "Japan", "Japanese", "Tokyo"),
    ("TUR", "Turkey", "Turkish", "Ankara"), ("MDA", "Moldova", "Moldovan", "Chisinau"),
    ("ROU", "Romania", "Romanian", "Bucharest"), ("VNM", "Vietnam", "Vietnamese", "Hanoi"),
    ("HUN", "Hungary", "Hungarian", "Budapest"), ("SRB", "Serbia", "Serbian", "Belgrade"),
    ("POL", "Poland", "Polish", "Warsaw"), ("CZE", "Czechia", "Czech", "Prague"),
    ("EGY", "Egypt", "Egyptian", "Cairo"), ("SAU", "Saudi Arabia", "Saudi", "Riyadh"),
    ("CHN", "China", "Chinese", "Beijing"), ("IND", "India", "Indian", "New Delhi"),
    ("BRA", "Brazil", "Brazilian", "Brasilia"), ("ARG", "Argentina", "Argentine", "Buenos Aires"),
    ("KEN", "Kenya", "Kenyan", "Nairobi"), ("NGA", "Nigeria", "Nigerian", "Abuja"),
    ("FIN", "Finland", "Finnish", "Helsinki"), ("EST", "Estonia", "Estonian", "Tallinn"),
    ("KGZ", "Kyrgyzstan", "Kyrgyz", "Bishkek"), ("TJK", "Tajikistan", "Tajik", "Dushanbe"),
    ("IDN", "Indonesia", "Indonesian", "Jakarta"), ("MYS", "Malaysia", "Malaysian", "Kuala Lumpur"),
    ("GRC", "Greece", "Greek", "Athens"), ("BGR", "Bulgaria", "Bulgarian", "Sofia"),
    ("PRT", "Portugal", "Portuguese", "Lisbon"), ("MAR", "Morocco", "Moroccan", "Rabat"),
    ("CHL", "Chile", "Chilean", "Santiago"), ("PER", "Peru", "Peruvian", "Lima"),
    ("KOR", "South Korea", "South Korean", "Seoul"), ("THA", "Thailand", "Thai", "Bangkok"),
]
FIRST = ["Timur", "Aidos", "Nino", "Giorgi", "Ruta", "Andrei", "Marta", "Ilham", "Leyla", "Bakhyt", "Saule",
         "Davit", "Anahit", "Kenji", "Yuki", "Mehmet", "Elif", "Ion", "Elena", "Minh", "Lan", "Peter", "Anna",
         "Milos", "Jelena", "Piotr", "Ewa", "Tomas", "Jana", "Omar", "Nadia", "Wei", "Li", "Arjun", "Priya",
         "Lucas", "Camila", "Wanjiru", "Chinedu", "Aino", "Kaarel", "Azamat", "Farrukh", "Budi", "Siti",
         "Nikos", "Maria", "Georgi", "Rui", "Youssef", "Diego", "Sofia", "Jisoo", "Somchai"]
SURNAMES = ["Rakhmatov", "Seitkali", "Beridze", "Kazlauskas", "Ravkov", "Khalafov", "Nurlanov", "Sargsyan",
            "Tanaka", "Yilmaz", "Popescu", "Ceban", "Nguyen", "Kovacs", "Petrovic", "Nowak", "Novak", "Hassan",
            "Al-Farsi", "Zhang", "Sharma", "Oliveira", "Fernandez", "Kamau", "Okafor", "Virtanen", "Tamm",
            "Usenov", "Rahimov", "Santoso", "Abdullah", "Papadopoulos", "Dimitrov", "Costa", "Benali", "Rojas",
            "Quispe", "Kim", "Suzuki", "Aliyev", "Mammadov", "Tokayev", "Ivanov", "Horvat", "Lungu", "Demir"]
TITLES = ["President", "Prime Minister", "Foreign Minister", "Minister of Economy", "Deputy Prime Minister",
          "Minister of Trade", "Minister of Energy", "Speaker of Parliament"]
OUTLETS = ["Regional Wire", "Daily Courier", "Morning Ledger", "Continental Post", "Capital Herald",
           "Silk Road Times", "Evening Dispatch", "Border Review"]
PRODUCTS = ["wheat", "flour", "petroleum products", "natural gas", "fresh fruit", "textiles", "passenger cars",
            "building materials", "medicines", "fertilizers", "cotton", "copper", "machinery", "tea", "coffee",
            "tobacco", "chocolate", "steel", "aluminium", "electricity", "furniture", "footwear", "rice", "wine",
            "dairy products", "fish", "timber", "plastics", "tractors", "sugar"]
TOPICS = ["visa-free travel", "the avoidance of double taxation", "cooperation in education",
          "the mutual protection of investments", "cooperation in tourism", "customs cooperation",
          "cooperation in healthcare", "information security", "road transport", "cultural exchange"]
ORGS = [("Organization for Security and Cooperation in Europe", "OSCE"), ("Commonwealth of Independent States", "CIS"),
        ("Shanghai Cooperation Organisation", "SCO"), ("Asian Development Bank", "ADB"),
        ("Non-Aligned Movement", "NAM"), ("World Trade Organization", "WTO"),
        ("Organisation of Islamic Cooperation", "OIC"), ("Black Sea Economic Cooperation", "BSEC")]
SECTORS = ["energy", "agriculture", "transport", "logistics", "education", "tourism", "healthcare",
           "digital services", "mining", "pharmaceuticals", "textiles", "banking"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Neutral prose that names nothing to extract: it brings an article to its size as real background paragraphs do.
FILLER = [
    "Officials said the talks were held in a constructive and friendly atmosphere.",
    "Analysts note that the partnership has grown steadily over the past decade despite the distance.",
    "The delegations discussed logistics routes, customs procedures and the simplification of border crossings.",
    "Business associations on both sides welcomed the outcome and called for regular investment forums.",
    "Experts expect new opportunities in {sector} and in the processing of agricultural goods.",
    "The ministries agreed to prepare a road map of joint measures before the end of the year.",
    "Universities plan to expand student exchanges and joint research programmes in {sector}.",
    "Observers describe the relationship as pragmatic, with a focus on concrete projects rather than declarations.",
    "Regional governors are expected to join the next round of consultations on {sector}.",
    "A working group on {sector} will meet regularly to review the implementation of earlier decisions.",
    "Chambers of commerce reported growing interest from small and medium-sized enterprises.",
    "The sides also exchanged views on regional security and on the situation in neighbouring markets.",
]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(SURNAMES)}"


def _day_date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange(max(1, (end - start).days)))


def _long(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def article(i: int, seed: int) -> dict:
    """One article: its file format, title, publication date and body paragraphs (a list of strings)."""
    rng = random.Random(seed * 1_000_003 + i)
    a, b = rng.sample(COUNTRIES, 2)
    published = _day_date(rng, date(2012, 1, 1), date(2025, 12, 31))
    pa_, pb = _person(rng), _person(rng)
    ta, tb = rng.choice(TITLES), rng.choice(TITLES)
    sector = rng.choice(SECTORS)
    weekday = WEEKDAYS[(published - timedelta(days=rng.randint(1, 4))).weekday()]
    established = _day_date(rng, date(1991, 9, 1), date(1995, 12, 31))
    embassy = _day_date(rng, established, date(2010, 12, 31))
    signed = _day_date(rng, date(2000, 1, 1), published - timedelta(days=40))
    visit = published - timedelta(days=rng.randint(1, 3))
    year = published.year
    value = rng.randint(12, 980) / 10
    growth = rng.randint(2, 45)
    p = rng.sample(PRODUCTS, 5)
    org_name, org_acr = rng.choice(ORGS)
    title = rng.choice([f"{a[1]} and {b[1]} expand cooperation in {sector}",
                        f"{a[2]} {ta.lower()} visits {b[3]}", f"{a[1]}–{b[1]}: a new stage of partnership"])
    lead = rng.choice([
        f"{ta} {pa_} of {a[1]} arrived in {b[3]} on {weekday} for an official visit, the first in several years.",
        f"{a[1]} and {b[1]} agreed on {weekday} to expand cooperation in {sector}, as {ta} {pa_} held talks "
        f"with {b[2]} {tb} {pb} in {b[3]}.",
        f"{ta} {pa_} paid a working visit to {b[1]} on {_long(visit)} and met {b[2]} {tb} {pb}.",
    ])
    events = [
        f"During the talks, the two sides signed an agreement on {rng.choice(TOPICS)}.",
        f"Diplomatic relations between {a[1]} and {b[1]} were established on {_long(established)}.",
        f"{a[1]} opened its embassy in {b[3]} in {MONTHS[embassy.month - 1]} {embassy.year}.",
        f"The intergovernmental commission of {a[1]} and {b[1]} held its {rng.choice(ORDINALS)} meeting in "
        f"{a[3]} on {_long(signed)}.",
        f"{a[1]} and {b[1]} signed a memorandum on {rng.choice(TOPICS)} on {_long(signed)}.",
    ]
    rng.shuffle(events)
    trade = [
        f"{a[1]} exports {p[0]}, {p[1]} and {p[2]} to {b[1]}.",
        f"{b[2]} exports to {a[1]} include {p[3]} and {p[4]}.",
        f"Trade between the two countries reached ${value} million in {year - 1}, an increase of {growth}% on "
        f"{year - 2}.",
        f"More than {rng.randint(20, 900)} companies with {a[2]} capital are registered in {b[1]}.",
    ]
    member = f"Both countries are members of the {org_name} ({org_acr})."
    paragraphs = [lead, " ".join(events[:3]), " ".join(trade[:2]), " ".join(events[3:] + [member]), " ".join(trade[2:])]
    size = sum(len(x) for x in paragraphs)
    filler = FILLER[:]
    rng.shuffle(filler)
    k = 0
    while size < TARGET_BYTES - 200:
        sentence = filler[k % len(filler)].format(sector=rng.choice(SECTORS))
        slot = 1 + k % (len(paragraphs) - 1)
        paragraphs[slot] += " " + sentence
        size += len(sentence) + 1
        k += 1
    fmt = "html" if i % 10 == 9 else "md" if i % 10 == 4 else "txt"
    return {"format": fmt, "pair": (a[0], b[0]), "title": title, "published": published, "paragraphs": paragraphs,
            "dateline": f"{b[3]}, {_long(published)} ({rng.choice(OUTLETS)})", "outlet": rng.choice(OUTLETS)}


def render(doc: dict) -> str:
    """The article as the text of a .txt, .md or .html file."""
    paragraphs = doc["paragraphs"]
    if doc["format"] == "txt":
        return f"{doc['dateline']}: {paragraphs[0]}\n\n" + "\n\n".join(paragraphs[1:]) + "\n"
    if doc["format"] == "md":
        return (f"---\ntitle: \"{doc['title']}\"\ndate: {doc['published'].isoformat()}\noutlet: {doc['outlet']}\n---\n\n"
                f"# {doc['title']}\n\n" + "\n\n".join(paragraphs) + "\n")
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (f"<!doctype html>\n<html><head><title>{doc['title']}</title>\n"
            f"<meta property=\"article:published_time\" content=\"{doc['published'].isoformat()}T09:00:00Z\">\n"
            f"</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n"
            f"<article><h1>{doc['title']}</h1>\n{body}</article>\n"
            f"<footer>© {doc['outlet']}. All rights reserved.</footer></body></html>\n")


def generate_articles(n: int, out: Path | None = None, seed: int = 7) -> Path:
    """Write n articles to out/documents/ (default bench/data/articles_N) and return out, a sources folder.

    A stamp file beside it records n, seed and the generator version; a folder whose stamp matches is reused as it is.
    """
    out = out or DATA / f"articles_{n}"
    stamp = out.with_name(f"{out.name}.json")  # beside, not inside: discover would read it as a source
    wanted = {"n": n, "seed": seed, "version": GENERATOR_VERSION}
    if stamp.exists() and json.loads(stamp.read_text()) == wanted:
        return out
    if out.exists():
        shutil.rmtree(out)
    documents = out / "documents"
    documents.mkdir(parents=True)
    for i in range(n):
        doc = article(i, seed)
        (documents / f"a{i:06d}.{doc['format']}").write_text(render(doc), encoding="utf-8")
    stamp.write_text(json.dumps(wanted))
    return out


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    print(generate_articles(count, Path(sys.argv[2]) if len(sys.argv) > 2 else None))
