"""Stage 1: turn raw sources (text, HTML, JSON Lines, gzip, stdin) into clean articles."""

from parley.ingest.article import Article, RemovedLine, article_id

__all__ = ["Article", "RemovedLine", "article_id"]
