"""Per-outlet boilerplate rules, one YAML file per outlet slug (see ../outlets.yaml)."""
