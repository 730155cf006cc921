"""Boilerplate and outlet rules as data (YAML), shipped with the package."""
