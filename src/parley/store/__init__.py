"""Stage 3: the SQLite knowledge base (articles, removals, rejections, extracted records).

The API lives in :mod:`parley.store.kb` (``KnowledgeBase``); ingesting into it in
:mod:`parley.store.load`. Only light constants here, so the CLI can name the
default database without importing SQLite machinery.
"""

#: Knowledge base used when neither ``--db`` nor ``$PARLEY_DB`` names one.
DEFAULT_DB = "parley.db"
DB_ENV = "PARLEY_DB"
