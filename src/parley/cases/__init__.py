"""Case packs: the data that tells the generic engine about one negotiation."""
