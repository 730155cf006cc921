"""No tracked file repeats the prose of a seed article (the repo holds only what we wrote).

The five seed articles in ../shared are real published articles: tests read them
at run time, the repo never copies them. This check fails when a tracked file
shares a run of ``RUN`` consecutive words with a seed article.

Why eight words: names, role phrases and idioms ("der russische Präsident Wladimir
Putin", "am Rande des Gipfels") are shared with any German news text and run to
five or six words; a run of eight is a copied sentence. Boilerplate is not
exempt: a consent banner or disclaimer is someone else's text too, so fixtures
that need one are written in our own words. Words are compared case-folded and
without punctuation, so re-punctuated or rewrapped copies are still found.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / ".." / "shared" / "corpus" / "seeds"
RUN = 8
WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return [w.casefold() for w in WORD.findall(text)]


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def _tracked_texts() -> list[Path]:
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, text=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [ROOT / name for name in listed.split("\0") if name]


@pytest.mark.shared
def test_no_tracked_file_shares_a_run_of_words_with_a_seed_article():
    if not SEEDS.is_dir():
        pytest.skip("../shared seeds not present")
    seed_runs: set[tuple[str, ...]] = set()
    for seed in sorted(SEEDS.glob("*.txt")):
        seed_runs |= _runs(_words(seed.read_text(encoding="utf-8")))
    copied: list[str] = []
    for path in _tracked_texts():
        try:
            words = _words(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, OSError):
            continue  # binary or unreadable: no prose to copy
        for i in range(len(words) - RUN + 1):
            if tuple(words[i : i + RUN]) in seed_runs:
                copied.append(f"{path.relative_to(ROOT)}: {' '.join(words[i : i + RUN])!r}")
                break
    assert not copied, "seed article text in the repo:\n" + "\n".join(copied)
