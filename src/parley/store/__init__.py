"""Stage 3: the SQLite knowledge base (articles, removals, rejections, extracted records)."""
