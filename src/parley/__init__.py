"""parley: sourced records and bargaining forecasts from news of multi-party negotiations.

The package is laid out by stage, following the data flow:
``ingest`` (sources to clean articles) -> ``extract`` (mentions, quotes, events,
stances) -> ``store`` (SQLite knowledge base) -> ``model`` (scenario built from
evidence) -> ``simulate`` (bargaining engines) -> ``report`` (views).
``cases`` holds case packs as data plus the schema that validates them.
A stage imports only from stages before it; ``cli`` sits on top of all of them.
"""

__version__ = "0.1.0"
