"""Every person named in the five seed articles resolves to the right actor.

The surface forms are written here by hand (as they appear in the seeds); the test
reads the seeds at run time to make sure each form really occurs there.
"""

from datetime import date
from pathlib import Path

import pytest

from parley.cases import load_case

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seeds"

# (surface form in a seed, expected actor id, date of the article for role phrases)
SEED_PERSONS: list[tuple[str, str, date | None]] = [
    ("Trump", "donald-trump", None),
    ("Donald Trump", "donald-trump", None),
    ("Donald Trumps", "donald-trump", None),
    ("Witkoff", "steve-witkoff", None),
    ("Steve Witkoff", "steve-witkoff", None),
    ("Witkoffs", "steve-witkoff", None),
    ("Putin", "vladimir-putin", None),
    ("Putins", "vladimir-putin", None),
    ("Wladimir Putin", "vladimir-putin", None),
    ("Juri Uschakow", "yuri-ushakov", None),
    ("Uschakow", "yuri-ushakov", None),
    ("Ushakov", "yuri-ushakov", None),
    ("Jared Kushner", "jared-kushner", None),
    ("Kushners", "jared-kushner", None),
    ("Kusher", "jared-kushner", None),
    ("Marco Rubio", "marco-rubio", None),
    ("Rubio", "marco-rubio", None),
    ("Kirill Dmitrijew", "kirill-dmitriev", None),
    ("Dmitrijew", "kirill-dmitriev", None),
    ("Kirill Dmitriev", "kirill-dmitriev", None),
    ("Mike Waltz", "mike-waltz", None),
    ("Selenskyj", "volodymyr-zelensky", None),
    ("Wolodymyr Selenskyj", "volodymyr-zelensky", None),
    ("Keith Kellogg", "keith-kellogg", None),
    ("Biden", "joe-biden", None),
    ("Dmitri Peskow", "dmitry-peskov", None),
    ("Peskow", "dmitry-peskov", None),
    ("Waleri Gerassimow", "valery-gerasimov", None),
    ("Johann Wadephul", "johann-wadephul", None),
    ("Mark Rutte", "mark-rutte", None),
    ("Rutte", "mark-rutte", None),
    ("Lawrow", "sergey-lavrov", None),
    ("Lawrows", "sergey-lavrov", None),
    ("Rustem Umerow", "rustem-umerov", None),
    ("Andreas Mink", "andreas-mink", None),
    ("Gregor Schwung", "gregor-schwung", None),
    ("Alastair Crooke", "alastair-crooke", None),
    ("Valeriia Semeniuk", "valeriia-semeniuk", None),
    # role phrases, resolved on the article's date
    ("Trumps Schwiegersohn", "jared-kushner", date(2025, 11, 27)),
    ("US-Aussenminister", "marco-rubio", date(2025, 11, 27)),
    ("Sondergesandte", "steve-witkoff", date(2025, 11, 27)),
    ("Putin-Berater", "yuri-ushakov", date(2025, 11, 27)),
    ("US-Präsidenten", "donald-trump", date(2025, 3, 18)),
    ("Kreml-Chef", "vladimir-putin", date(2025, 3, 18)),
    ("Sprecherin des Weißen Hauses", "karoline-leavitt", date(2025, 3, 18)),
    ("Kremlchef", "vladimir-putin", date(2025, 12, 3)),
    ("Kremlsprecher", "dmitry-peskov", date(2025, 12, 3)),
    ("Nato-Generalsekretär", "mark-rutte", date(2025, 12, 3)),
    ("Bundesaußenminister", "johann-wadephul", date(2025, 12, 3)),
    ("Präsidentenberater", "yuri-ushakov", date(2025, 12, 8)),
    ("Kremlberater", "yuri-ushakov", date(2025, 12, 3)),
    ("ukrainischen Chefunterhändler", "rustem-umerov", date(2025, 12, 3)),
    ("ukrainische Präsident", "volodymyr-zelensky", date(2025, 12, 3)),
]


@pytest.mark.shared
def test_every_seed_person_resolves():
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds not present")
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    case = load_case("ukraine-2025")
    wrong = []
    for surface, expected, day in SEED_PERSONS:
        assert surface in text, f"{surface!r} does not occur in the seeds"
        got = case.resolve(surface, day)
        if got != expected:
            wrong.append((surface, expected, got))
    assert not wrong
