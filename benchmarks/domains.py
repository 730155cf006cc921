"""Shared benchmark domains, so every engine (and its peer tool) is measured on the same input.

``four_party_five_issues``: a synthetic peace negotiation with four parties (two belligerents, a
mediating power, an ally bloc) and five issues of six ordered options each (7,776 packages),
with positions, saliences, clout and reservation points chosen so that the zone of agreement
is neither empty nor trivial. It is generic on purpose: no case pack data.
"""

from __future__ import annotations

from parley.model.scenario import Scenario

ISSUES = ["territory", "guarantees", "sanctions", "army-cap", "assets"]
OPTIONS = 6  # option values 0, 20, 40, 60, 80, 100

# party: capability, {issue: (position, salience, reservation)}
PARTIES = {
    "north": (0.9, {"territory": (100, 0.35, 40), "guarantees": (0, 0.15, 60),
                    "sanctions": (100, 0.25, 40), "army-cap": (100, 0.15, 40),
                    "assets": (0, 0.10, 80)}),
    "south": (0.6, {"territory": (0, 0.40, 60), "guarantees": (100, 0.30, 40),
                    "sanctions": (0, 0.05, 80), "army-cap": (0, 0.15, 60),
                    "assets": (100, 0.10, 20)}),
    "broker": (1.0, {"territory": (60, 0.15, 20), "guarantees": (40, 0.10, 100),
                     "sanctions": (80, 0.30, 0), "army-cap": (60, 0.05, 0),
                     "assets": (40, 0.40, 100)}),
    "allies": (0.7, {"territory": (20, 0.20, 80), "guarantees": (80, 0.35, 20),
                     "sanctions": (20, 0.20, 80), "army-cap": (20, 0.10, 80),
                     "assets": (80, 0.15, 0)}),
}  # fmt: skip


def four_party_five_issues() -> Scenario:
    """The 4-party, 5-issue domain as a parley scenario (discrete issues, 6 options each)."""
    step = 100 // (OPTIONS - 1)
    return Scenario.from_dict(
        {
            "name": "four-party-five-issues",
            "description": "synthetic benchmark domain shared by simulate and mediate benchmarks",
            "issues": [
                {
                    "key": k,
                    "options": [{"key": f"{k}-{v}", "value": v} for v in range(0, 101, step)],
                }
                for k in ISSUES
            ],
            "actors": [
                {
                    "id": party,
                    "capability": cap,
                    "stances": {
                        k: {"position": p, "salience": s, "reservation": r}
                        for k, (p, s, r) in stances.items()
                    },
                }
                for party, (cap, stances) in PARTIES.items()
            ],
        }
    )
