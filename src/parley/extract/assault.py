"""Assaults: who struck whom with drones, missiles, artillery or troops.

News of a negotiation reports the war around it ("In der Nacht griff Russland Kiew
mit Drohnen an", "Russian missiles struck Kyiv", "ein ukrainischer Drohnenangriff
auf Stützpunkte in Russland"). An attack cue reports an ASSAULT only beside a
weapon or military word (the base lexicon's ``weapon_words``), since "Trump griff
Selenskyj scharf an" and "attacked the plan" are words, not force; a cue that is
itself a weapon ("Drohnenangriff", "missile strike") carries its own.

The sides are states. The attacker is named by a nationality adjective on the
weapon or the attack ("Russian missiles", "ukrainischer Drohnenangriff"), after
"by"/"von"/"seitens", or as the clause's first state; the target by a state or a
capital after "auf", "gegen", "on", "in" ("tief in Russland"), or as the verb's
object ("struck Kyiv": the capital stands for its state).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence

from parley.extract.cues import CueHit
from parley.extract.records import Mention
from parley.extract.sentences import Sentence

# Prepositions naming whom an attack hits ("Angriff auf Kiew", "strikes on Kyiv",
# "Stützpunkte tief in Russland", "Raketen tief nach Russland").
_AT = frozenset({"auf", "gegen", "in", "im", "nach", "on", "against", "at", "into", "across"})
# Prepositions naming who attacks ("seitens der USA", "by Russia", "von Russland").
_BY = frozenset({"seitens", "von", "vom", "durch", "by", "from"})
# Words that may stand between a preposition and its name ("auf die Ukraine", "in der
# Hauptstadt Kiew" is not one: the name must follow the article or an adjective).
_FILLERS = frozenset(
    {"der", "die", "das", "den", "dem", "des", "the", "a", "an", "tief", "deep", "ganz"}
)
# Words a nationality adjective may stand before and act through: the attack itself
# ("ukrainischer Drohnenangriff", "Russian strikes") besides weapons and troops.
_ATTACK_HEADS = ("angriff", "attack", "strike", "beschuss", "shelling", "offensive")
# A relative clause opened by these ("Eskalation seitens der USA, bei der Raketen
# abgefeuert wurden") tells of the noun before its comma: its attacker stands there.
_RELATIVE_OPENERS = frozenset({"bei", "wobei", "in", "during", "which", "when", "als"})
_PASSIVE = frozenset({"wurde", "wurden", "worden", "werden", "was", "were", "been"})
# Words a weapon may stand from the cue: "vier Langstreckenraketen „tief nach Russland“
# abgefeuert", "missiles and drones struck".
_NEAR = 6
# Words that make an attack threatened, feared, planned or possible, not done.
UNDONE = frozenset(
    {"droht", "drohte", "drohten", "drohen", "drohung", "gedroht", "warnte", "warnt"}
    | {"befürchtet", "befürchtete", "plant", "plante", "geplant", "könnte", "könnten"}
    | {"würde", "würden", "werde", "werden", "wolle", "will", "would", "could", "might"}
    | {"threatened", "threatens", "threat", "threats", "warned", "warns", "fears", "feared"}
    | {"plans", "planned", "planning", "possible", "möglichen", "mögliche", "möglicher"}
    | {"if", "wenn", "falls", "unless", "prepared", "ready", "bereit"}
    # capable of it, allowed to, asked whether: "Raketen, die Moskau erreichen können"
    | {"can", "kann", "können", "capable", "able", "fähig", "permission", "erlaubnis"}
    | {"allow", "allowed", "erlauben", "erlaubt", "whether", "ob", "let"}
    # halted or ended: "einigten sich, die Angriffe einzustellen", "halt strikes"
    | {"einstellen", "einzustellen", "eingestellt", "beenden", "beendet", "end", "ending"}
)


def armed(sent: Sentence, hit: CueHit, lo: int, hi: int, weapons: Sequence[str]) -> bool:
    """Does the cue name a weapon or military force ("Drohnenangriff"), or a word near
    it in its clause [lo, hi) ("griff Kiew mit Drohnen an", "Russian missiles struck")?
    Near: between a split cue's words or a few words either side, so that "griff Putin
    scharf an und warf Russland vor, Kiew mit Raketen zu beschießen" stays words."""
    a = max(_token(sent, lo), hit.first - _NEAR)
    b = min(_token(sent, hi), hit.last + _NEAR + 1)
    near = " ".join(sent.words[a:b])
    return any(w in near for w in weapons)


def assault_sides(
    sent: Sentence,
    cue: tuple[int, int],
    clause: tuple[int, int],
    before: tuple[int, int] | None,
    mentions: Sequence[Mention],
    demonyms: Mapping[str, tuple[str, str]],
    weapons: Sequence[str],
    seat_of: Callable[[str], str | None],
    party: Callable[[str], str],
) -> list[str]:
    """The attacker first, then the states attacked, of an attack cue (token span
    ``cue``) in its clause (character span ``clause``); ``before`` is the clause
    before it, which a relative clause's attacker is looked for in. Empty when the
    clause does not name two different sides."""
    lo, hi = clause
    words = sent.words
    first, last = cue
    a = _token(sent, lo)
    b = _token(sent, hi)
    passive = not _PASSIVE.isdisjoint(words[a:b])
    attackers: list[str] = []
    targets: list[str] = []
    plain: list[tuple[int, str]] = []  # (token, state) named with no preposition
    for i, state, role in _sides(sent, a, b, mentions, demonyms, weapons, seat_of, party):
        if role == "by":
            attackers.append(state)
        elif role == "at":
            targets.append(state)
        else:
            plain.append((i, state))
    if passive:  # "Kiew wurde mit Raketen angegriffen": the subject is hit
        targets += [s for _, s in plain]
    elif plain:
        if not attackers:
            attackers.append(plain[0][1])
            plain = plain[1:]
        # the verb's object: a state named after the cue ("struck Kyiv"; German puts
        # the subject first: "griff Russland Kiew an")
        targets += [s for i, s in plain if i > last or (i > first and s != attackers[0])]
    if not attackers and before is not None and words[a] in _RELATIVE_OPENERS:
        x, y = _token(sent, before[0]), _token(sent, before[1])
        sides = _sides(sent, x, y, mentions, demonyms, weapons, seat_of, party)
        attackers = [s for _, s, role in sides if role == "by"][-1:]
    if not attackers:
        return []
    attacker = attackers[0]
    hit = [t for t in dict.fromkeys(targets) if t != attacker]
    return [attacker, *hit] if hit else []


def _sides(
    sent: Sentence,
    a: int,
    b: int,
    mentions: Sequence[Mention],
    demonyms: Mapping[str, tuple[str, str]],
    weapons: Sequence[str],
    seat_of: Callable[[str], str | None],
    party: Callable[[str], str],
) -> list[tuple[int, str, str]]:
    """The states named in tokens [a, b), in order: (token, state, role), the role
    "by" (the attacker's mark), "at" (the target's) or "" (neither)."""
    lo = sent.offsets[a] if a < len(sent.offsets) else sent.end
    hi = sent.offsets[b] if b < len(sent.offsets) else sent.end
    words = sent.words
    found: list[tuple[int, str, str]] = []
    for m in mentions:
        if not lo <= m.start < hi or m.type not in ("state", "place", "organization", "person"):
            continue
        if m.type == "place":
            state = seat_of(m.actor)
        elif m.type == "person":
            state = party(m.actor)
            state = None if state == m.actor else state
        else:
            state = m.actor
        if state is None:
            continue
        i = _token(sent, m.start)
        at = sent.offsets[i] - sent.start
        if at > 0 and sent.text[at - 1] == "-":  # "ATACM-Raketen", "Ukraine-Krieg"
            continue
        if m.end - sent.start < len(sent.text) and sent.text[m.end - sent.start] == "-":
            continue
        found.append((i, state, _role(words, i)))
    for i in range(a, min(b, len(words))):
        form = demonyms.get(words[i])
        if form is None:
            continue
        if any(m.start == sent.offsets[i] for m in mentions):
            continue  # the adjective is part of a name already counted
        role = _role(words, i)
        if _attack_after(words, i):  # "gegen russische Angriffe": the attacks' state
            role = "by"
        elif not role and _armed_noun(words, i, weapons):
            role = "by"  # "Russian missiles", "russische Truppen"
        # "Angriffe auf ukrainische Städte", "griffen ukrainische Stellungen an": the
        # state of what is hit
        found.append((i, form[0], role))
    return sorted(found)


def _armed_noun(words: Sequence[str], i: int, weapons: Sequence[str]) -> bool:
    """Does a weapon or force noun follow the adjective at ``i`` (one more adjective
    may stand between: "russische ballistische Raketen")?"""
    return any(w in word for word in words[i + 1 : i + 3] for w in weapons)


def _attack_after(words: Sequence[str], i: int) -> bool:
    """Does an attack noun follow the adjective at ``i`` ("ukrainischer
    Drohnenangriff", "Russian air strikes")?"""
    return any(h in word for word in words[i + 1 : i + 3] for h in _ATTACK_HEADS)


def _role(words: Sequence[str], i: int) -> str:
    """ "by" or "at" for a name after such a preposition (an article, "tief" or
    "deep" may stand between), else ""."""
    j = i - 1
    while j >= 0 and words[j] in _FILLERS and j > i - 3:
        j -= 1
    if j < 0:
        return ""
    if words[j] in _BY:
        return "by"
    if words[j] in _AT:
        return "at"
    return ""


def _token(sent: Sentence, pos: int) -> int:
    """The first token starting at or after character ``pos``."""
    return bisect_left(sent.offsets, pos)
