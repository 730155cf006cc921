"""Case packs: the data that tells the generic engine about one negotiation.

``load_case("ukraine-2025")`` or ``load_case(path)`` returns a checked
``CasePack``; see docs/case-packs.md for how to write one.
"""

from parley.cases.loader import (
    CaseError,
    CasePack,
    Problem,
    available_cases,
    case_dir,
    check_case,
    load_case,
)
from parley.cases.schema import (
    Actor,
    Ambiguity,
    Document,
    Issue,
    LexiconFile,
    Position,
    Role,
    normalize_alias,
    slugify,
)

__all__ = [
    "Actor",
    "Ambiguity",
    "CaseError",
    "CasePack",
    "Document",
    "Issue",
    "LexiconFile",
    "Position",
    "Problem",
    "Role",
    "available_cases",
    "case_dir",
    "check_case",
    "load_case",
    "normalize_alias",
    "slugify",
]
