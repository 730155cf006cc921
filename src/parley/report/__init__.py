"""Stage 6: views over the knowledge base and forecasts (tables, annotated text, plots)."""
