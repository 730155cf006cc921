"""Stage 2: mentions, quotes, events and stances from clean articles, with offsets."""

from parley.extract.records import Event, Mention, Quote, Record, Stance

__all__ = ["Event", "Mention", "Quote", "Record", "Stance"]
