"""Who said what: direct, indirect and reported speech with speakers, by rule.

No statistical parser is available for German here, so the extractor reads the
topology of the German clause directly from tokens, lemmas and punctuation:

* **Direct** quotes are the quotation-mark spans of :func:`parley.extract.nlp.quoted_spans`;
  a quote split by its attribution („…“, sagte X, „…“) becomes one quote with two spans.
* **Indirect** speech is a speech verb with a complement ("sagte, dass …", "erklärte, die
  Lage sei …", "…, teilte X mit"), a source phrase ("laut X", "X zufolge", "nach Angaben
  von X", "…, so X"), or English "according to X".
* **Indirect/free indirect** sentences carry Konjunktiv I ("Die Lage sei ernst.") with no
  verb of their own: they continue the last speaker's report.
* **Free indirect** speech is hearsay "soll" with a perfect infinitive ("Der Täter soll
  geschossen haben").
* **Reported** speech is a verb like "forderte", "kritisierte", "lehnte … ab" whose object
  sums up a statement; the whole clause is the quote.

Which verbs, nouns and particles count as cues comes from the speech lexicons
(:mod:`parley.extract.lexicon`). Where the benchmark's training split showed a rule or
a verb to be wrong more often than right, it was dropped; the numbers are printed by
``parley eval quotes``.

Speakers come from the German clause positions: the verb's subject is the noun phrase
before the finite verb when that phrase is all of the prefield ("Der Minister sagte"),
otherwise the phrase right after it (", sagte der Minister", "Am Montag erklärte
Putin"), skipping dative objects and time phrases; appositions belong to it ("Kaja
Kallas, die Außenbeauftragte der EU"). Pronouns ("sagte er") resolve to the previous
speaker; a quote with no frame of its own continues the latest speaker. "gegenüber X"
names the addressee. A caller that knows its
actors (the case pack's matcher) passes their mentions as :class:`SpeakerCandidate`;
a speaker phrase that overlaps one takes its actor id.

Offsets are characters into the input text; a quote may have several spans. The
type names follow the German news quotation benchmark (Direct, Indirect,
IndirectFreeIndirect, FreeIndirect, Reported); ``mode`` maps them onto SPEC §1.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from parley.extract.lexicon import SpeechLexicon, load_speech_lexicon
from parley.extract.nlp import QuotedSpan, parse, quoted_spans, token_columns
from parley.extract.records import Quote, QuoteMode

if TYPE_CHECKING:
    from spacy.tokens import Doc

Span = tuple[int, int]

#: Benchmark quote types and the SPEC mode each one maps to.
QUOTE_TYPES: dict[str, QuoteMode] = {
    "Direct": "direct",
    "Indirect": "indirect",
    "IndirectFreeIndirect": "indirect",
    "FreeIndirect": "indirect",
    "Reported": "reported",
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DETERMINERS = {
    "de": _words(
        "der die das des dem den ein eine einer eines einem einen sein seine seiner seines "
        "seinem seinen ihr ihre ihrer ihres ihrem ihren dessen deren unser unsere mehrere einige "
        "viele zahlreiche alle beide andere dieser diese dieses diesem diesen jener jene "
        "zwei drei vier fünf kein keine"
    ),
    "en": _words("the a an his her their its our this that these those two three"),
}
_GENITIVE_LINKS = {"de": _words("des der von vom"), "en": _words("of")}
# Finite auxiliaries and modals: with them the speech verb is a participle or infinitive.
_AUXILIARIES = {
    "de": _words(
        "hat hatte haben hatten hätte hätten habe ist war sind waren sei seien wird wurde werden "
        "wurden würde würden werde soll sollen sollte sollten will wollen wollte wollten kann "
        "können konnte konnten muss müssen musste mussten darf dürfen durfte"
    ),
    "en": _words("has had have is was are were will would should could can may might"),
}
_CLAUSE_BREAKS = frozenset(",;:()–—-")
_TERMINAL = frozenset(".!?…")
_TERMINAL_OR_COMMA = _TERMINAL | {","}
_OPEN_MARKS = frozenset('„»«"“”')
_COMPLEMENTIZERS = {
    "de": _words("dass daß ob wonach wie warum weshalb wieso"),
    "en": _words("that whether if how why"),
}
_PASSIVE = _words("wird wurde werden wurden worden")
_TIME_NOUNS = _words(
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag wochenende "
    "januar februar märz april mai juni juli august september oktober november dezember "
    "vormittag nachmittag abend morgen jahr jahresbeginn woche monat tag jahres woche"
)
# Sentence-initial adverbs that are capitalised only by position ("Gestern sagte …").
_ADVERBS = _words(
    "gestern heute morgen bislang bisher monatelang jahrelang insbesondere zudem außerdem "
    "allerdings inzwischen mittlerweile unterdessen indessen daraufhin anschließend zuvor "
    "damals derzeit zuletzt kürzlich jüngst vorher später seither weiterhin ebenfalls "
    "gleichzeitig zugleich offenbar offensichtlich vermutlich angeblich tatsächlich "
    "schließlich letztlich ursprünglich hingegen ferner zunächst erneut jetzt nun bereits "
    "außerdem deshalb daher dennoch trotzdem jedoch überdies ebenso weder sowohl entweder"
)
# German determiners and pronouns that never open a subject.
_OBLIQUE = _words(
    "dem den einem einen einer ihm ihnen ihn diesem diesen seinem seinen ihrem ihren "
    "unserem unseren allen"
)
_PREPOSITIONS = _words(
    "in im am an auf aus bei beim mit nach von vom vor zu zum zur für gegen über unter durch "
    "seit während wegen trotz ohne um bis ab hinter neben zwischen laut gemäß angesichts "
    "aufgrund infolge innerhalb außerhalb nahe"
)
# Relative-clause openers after a comma: not a complement of the speech verb.
_RELATIVE = _words("der die das dem den denen deren dessen welche welcher welches")
_MIN_BARE_QUOTE_WORDS = 4
# "nach eigenen Angaben": the source is the sentence's own subject.
_OWN = _words("eigenen eigener eigene own")
_DEMONSTRATIVES = _words("dieser jener letzterer")
# English verbs that take a clause without "that": "said the talks had been useful".
_BARE_COMPLEMENT_VERBS = _words("say claim insist argue believe think add warn admit")
# "…, Ushakov told Russian media": a closing attribution, though "told X to go" is reported.
_TELL = _words("tell")
_CLAUSE_OPENERS = _words(
    "the a an it he she they we there his her their its this these those any every all both each"
)
# Words opening a time adjunct after a closing attribution ("…, a day after …").
_EN_ADJUNCTS = _words("a after before hours days weeks shortly just one two")
# Personal pronouns that open a that-less English complement ("said they would …").
_EN_SUBJECTS = _words("he she they we i there")
_NOUN_MARKERS = _words("of the a an his her their its")
_READY = _words("bereit einverstanden willens")
_POINTING = _words("das dies this that")
_ROLE_LINKS = _words("to for of")
_REFUSALS = _words("weigern verweigern ablehnen vermeiden scheuen")
_POSSESSIVES = _words("seinen seinem seiner seine ihren ihrem ihrer ihre")
_CONTRAST = _words("jedoch aber allerdings zugleich gleichzeitig dennoch trotzdem zudem außerdem")
_KONJUNKTIV_II_MODALS = _words("könnte könnten würde würden müsste müssten dürfte dürften")
_CONDITIONALS = _words("wenn falls sofern da weil")
_KONJUNKTIV_II = _words(
    "wäre wären würde würden hätte hätten könnte könnten müsste müssten dürfte dürften "
    "sollte sollten gäbe käme stünde ginge hieße läge weiterginge"
)
_ARTICLES = _words("der die das des dem den ein eine einer eines einem einen")
# Words opening a subordinate clause after a comma or at the sentence start. "dass" is not
# one of them here: a Konjunktiv "dass" clause is reported content.
_SUBORDINATORS = _words(
    "wie ob was wer wo warum weshalb wieso weil obwohl damit sodass während nachdem bevor "
    "seit seitdem um falls wenn sofern als"
)
# Prepositions that look like a Konjunktiv I form of a particle verb ("anstelle" from
# "anstellen").
_E_PREPOSITIONS = _words("anstelle infolge mithilfe zulasten")
# An English clause is under way when a finite auxiliary or modal follows soon.
_EN_FINITE = _words("is are was were has have had will would can could must should might may did")
_EN_WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
_EN_PREPOSITIONS = _words("in on at to for with about of by from after before during over")
_EN_RELATIVE = _words("who which")
_SEPARABLE = _words(
    "ab an auf aus bei dar durch ein fest fort her hin los mit nach vor voran vorbei weg "
    "weiter wieder zurück zusammen um über unter"
)
_TELLING = _words("berichten erzählen reden sprechen informieren report speak talk")
# Openers of adverbial clauses: what follows them is no reported content.
_ADVERBIAL = _words("nachdem weil obwohl während bevor um seitdem sodass")
_ANSWERS = _words("antworten entgegnen erwidern reply answer respond")
_EN_ADVERBS = _words(
    "also later earlier again then still previously now repeatedly publicly himself herself"
)
_INDEFINITE = _words("ein eine einer a an")
_JOINS = _words("und and sowie")
_NEGATIONS = _words("nicht nichts keine keinen")
# Verbs of naming: "nannte X einen Akt", whose object is the reported wording.
_NAMING = _words("nennen bezeichnen")
_OTHERS = _words("weitere andere other others")
# "Trump selbst sagte": an intensifier between the subject and its verb.
_SELF = _words("selbst persönlich")
# "…, and said …", "…, but said …", "…, und fügte hinzu …", "…, aber sagte …": a second verb
# of saying after one of these shares the first clause's subject.
_COORDINATORS = _words("and und but aber")
_UNAMBIGUOUS_RELATIVE = _words("denen deren dessen welche welcher welches welchem welchen")


@dataclass(frozen=True, slots=True)
class SpeakerCandidate:
    """A known actor mention (from the case-pack matcher) that may be a speaker."""

    start: int
    end: int
    actor: str


@dataclass(slots=True)
class QuoteFinding:
    """One quotation with its roles, as character spans into the text.

    ``spans`` may be discontinuous („…“, sagte X, „…“). ``speaker_span`` is where the
    speaker is named for this quote (for a pronoun: the pronoun); ``speaker`` is the
    actor id when one is known (from candidates, or through the pronoun's antecedent).
    """

    spans: list[Span]
    type: str
    speaker_span: Span | None = None
    speaker_surface: str | None = None
    speaker: str | None = None
    cue_spans: list[Span] = field(default_factory=list)
    addressee_span: Span | None = None
    cue: str | None = None
    frame_spans: list[Span] = field(default_factory=list)

    @property
    def mode(self) -> QuoteMode:
        return QUOTE_TYPES[self.type]

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    def to_quote(self, text: str, article: str) -> Quote:
        """The SPEC §1 record: one span from the first to the last part of the quote."""
        return Quote(
            article=article,
            start=self.start,
            end=self.end,
            text=" … ".join([text[s:e] for s, e in self.spans]),
            mode=self.mode,
            speaker=self.speaker,
            speaker_surface=self.speaker_surface,
            cue=self.cue,
        )


class _Sentence:
    """Token indices of one sentence (spaces dropped) plus which are inside quotes.

    ``active`` is False when no quote opens in the sentence and no word outside quotes
    is one the speech rules look for: then none of them can find anything in it.
    """

    __slots__ = ("active", "quoted", "tokens")

    def __init__(self, tokens: list[int], quoted: list[QuotedSpan], active: bool = True) -> None:
        self.tokens = tokens
        self.quoted = quoted
        self.active = active


class _Vocabulary:
    """What the rules ask of each distinct word form, answered once per form.

    The answers depend only on the form (its text and lemma), the language and the
    speech lexicon, so they are kept across articles, one table row per form: an
    article then costs one dictionary hit per token (its row), and its per-token lists
    are spread from the rows by array indexing instead of Python tests per token.
    """

    # The per-form boolean flags, in the order :meth:`form` gives them.
    FLAGS = (
        "cap_mid",  # capitalised as a name where it is not the first word of a sentence
        "cap_first",  # ... and where it is
        "brk",  # a clause break or a sentence terminal
        "en_noun",  # an English content word (lower-case nouns of noun phrases)
        "adjective",  # could be an attributive adjective before a German noun
        "source",  # may open a source phrase ("laut", "zufolge", "according")
        "subjunctive",  # may be a Konjunktiv I form (see _subjunctive)
        "verbish",  # the verb-cue search must look at it (a cue, or its lemma is guessed)
        "joins",  # "und"/"and"/"but", or an English comma: may lead to a second statement
        "hearsay",  # a hearsay adverb ("demnach")
        "speech_noun",  # a noun naming a speech act ("Forderungen", "Hinweise")
        "reporting",  # outside quotes, makes a sentence worth the speech rules (see run)
    )

    def __init__(self, lang: str, lex: SpeechLexicon) -> None:
        self.lang = lang
        self.lex = lex
        self.verbs = lex.all_verbs
        self.stems = _particle_stems(lex)
        self.source_words = _source_words(lex)
        self.stop = _stop_words(lang)
        self.forms = _lemma_forms(lang)
        self.dets = _DETERMINERS[lang]
        self.aux = _AUXILIARIES[lang]
        self.links = _GENITIVE_LINKS[lang]
        self.comps = _COMPLEMENTIZERS[lang]
        self.source_endings = tuple(lex.source_nouns)  # str.endswith takes a tuple
        self.np_pronouns = lex.pronouns | {"man", "wir", "ich", "we", "i"}
        self.dets_or_prepositions = self.dets | _PREPOSITIONS
        self.dets_or_links = self.dets | self.links
        self.clause_subjects = lex.pronouns | {"es", "man", "wir", "ich"}
        self.report_comps = self.comps - {"if", "ob", "wie", "how"}
        # One row per distinct form: its strings, flags, and the lemma it was made for.
        import numpy as np

        self.rows: dict[int, int] = {}  # ORTH -> row
        self.pair_rows: dict[tuple[int, int], int] = {}  # (ORTH, LEMMA) -> row, rare
        self.size = 0
        self.texts = np.empty((0, 4), dtype=object)
        self.flags = np.zeros((0, len(self.FLAGS)), dtype=bool)
        self.lemma_ids = np.zeros(0, dtype=np.uint64)

    def form(self, orth: str, lemma: str) -> tuple[tuple[str, str, str, str], tuple[bool, ...]]:
        """(word, lower, lemma, verb lemma) and the ``FLAGS`` of one form."""
        lang, w = self.lang, orth
        lw = w.lower()
        lemma = lemma.lower()
        verb_lemma = self.verb_lemma(lw, lemma)
        first = w[0]
        cap_mid = first.isupper() or (first.isdigit() and "-" in w)
        cap_first = cap_mid and not (
            first.isupper()
            and (
                lw in self.stop
                or (lang == "de" and lw in _ADVERBS)
                or (lw in self.forms and w not in self.forms)
            )
        )
        lower_first = first.islower()
        source = lw in self.source_words
        subjunctive = lw in self.lex.subjunctive or (
            lang == "de"
            and lw.endswith("e")
            and lower_first
            and lw not in self.stop
            and lw not in self.dets
            and lw not in _E_PREPOSITIONS
            # _subjunctive reads the lemma, or the verb lemma the cue search may set
            and any(
                lem == lw + "n" or (lem == lw and lw + "n" in _lemma_values(lang))
                for lem in (lemma, verb_lemma)
            )
        )
        verbish = lower_first and (
            verb_lemma != lemma
            or verb_lemma in self.verbs
            or verb_lemma in self.stems
            or verb_lemma in self.lex.impersonal_cues
        )
        flags = (
            cap_mid,
            cap_first,
            w in _CLAUSE_BREAKS or w in _TERMINAL,
            lang == "en" and w.isalpha() and lw not in self.stop and lw not in self.aux,
            len(lw) > 3
            and lw not in _PREPOSITIONS
            and lw[-1:] in "enrsm"
            and w.replace("-", "").isalpha(),
            source,
            subjunctive,
            verbish,
            lw in _COORDINATORS or (lang == "en" and w == ","),
            lw in self.lex.hearsay_adverbs,
            lw in self.lex.speech_nouns,
            # What the indirect rules look for: a source word, a Konjunktiv, a cue verb
            # (or a guessed lemma), hearsay "soll", a speech noun ("Forderungen, wie …").
            source
            or subjunctive
            or verbish
            or lw in ("soll", "sollen")
            or lw in self.lex.speech_nouns,
        )
        return (w, lw, lemma, verb_lemma), flags

    def verb_lemma(self, word: str, lemma: str) -> str:
        """The lookup lemma, or for a form the table lacks ("relativierte") a lemma guessed
        from the weak-verb endings, so that added cue verbs need no inflection list."""
        if lemma in self.verbs or lemma != word or self.lang != "de":
            return lemma
        verbs = self.verbs
        for suffix in ("ten", "te", "test", "tet", "t", "en", "e"):
            if word.endswith(suffix) and word[: -len(suffix)] + "en" in verbs:
                return word[: -len(suffix)] + "en"
        # A strong participle the table reads as another verb: "geraten" (from "raten").
        if word.startswith("ge") and word[2:] in verbs:
            return word[2:]
        # Strong past plural the table lacks: "sprachen" is "sprach" + "en".
        if word.endswith("en") and word[:-2] in self.forms:
            return str(self.forms[word[:-2]]).lower()
        return word

    def columns(self, doc: Doc) -> tuple[list[list[str]], Any, Any, Any, Any]:
        """Per-token strings (word, lower, lemma, verb lemma) and flags (``FLAGS``, one
        row per token), offsets, ends, and the is-space and sentence-start columns."""
        import numpy as np

        cols = token_columns(doc)
        orths = cols[:, 0].tolist()
        rows = list(map(self.rows.get, orths))
        if None in rows:
            lemmas = cols[:, 1].tolist()
            for k, row in enumerate(rows):
                if row is None:
                    rows[k] = self._row(orths[k], lemmas[k], doc)
        token_rows = np.array(rows, dtype=np.intp)
        # A row is made for the lemma its form first came with; a form lemmatised
        # otherwise here (never by the lookup table) gets a row of its own.
        for k in np.flatnonzero(self.lemma_ids[token_rows] != cols[:, 1]).tolist():
            token_rows[k] = self._row(orths[k], int(cols[k, 1]), doc, by_pair=True)
        idx = cols[:, 2]
        texts = self.texts[token_rows].T.tolist()
        return texts, self.flags[token_rows], idx, idx + cols[:, 3], cols[:, 4:6]

    def _row(self, orth: int, lemma: int, doc: Doc, by_pair: bool = False) -> int:
        """The table row of a form (made on its first sight)."""
        import numpy as np

        row = self.pair_rows.get((orth, lemma)) if by_pair else self.rows.get(orth)
        if row is not None:
            return row
        row = self.size
        if row == len(self.lemma_ids):  # full: double the tables
            grow = max(row, 1024)
            self.texts = np.concatenate([self.texts, np.empty((grow, 4), dtype=object)])
            self.flags = np.concatenate([self.flags, np.zeros((grow, len(self.FLAGS)), bool)])
            self.lemma_ids = np.concatenate([self.lemma_ids, np.zeros(grow, np.uint64)])
        strings = doc.vocab.strings
        self.texts[row], self.flags[row] = self.form(strings[orth], strings[lemma])
        self.lemma_ids[row] = lemma
        self.size += 1
        if by_pair:
            self.pair_rows[orth, lemma] = row
        else:
            self.rows[orth] = row
        return row


@lru_cache(maxsize=8)
def _vocabulary(lang: str, lex: SpeechLexicon) -> _Vocabulary:
    return _Vocabulary(lang, lex)


class _Extractor:
    def __init__(
        self,
        text: str,
        doc: Doc,
        lang: str,
        lex: SpeechLexicon,
        candidates: Sequence[SpeakerCandidate],
    ) -> None:
        import numpy as np

        self.text = text
        self.lang = lang
        self.lex = lex
        self.candidates = sorted(candidates, key=attrgetter("start"))
        self._starts = [c.start for c in self.candidates]
        self._candidate_starts = set(self._starts)
        self._longest = max([c.end - c.start for c in self.candidates], default=0)
        vocab = _vocabulary(lang, lex)
        # The word sets of the language and lexicon (built once per lexicon).
        self.verbs, self.stems, self.dets = vocab.verbs, vocab.stems, vocab.dets
        self.links, self.aux, self.comps = vocab.links, vocab.aux, vocab.comps
        self.stop, self.forms = vocab.stop, vocab.forms
        self.source_endings, self.np_pronouns = vocab.source_endings, vocab.np_pronouns
        self.dets_or_prepositions = vocab.dets_or_prepositions
        self.dets_or_links = vocab.dets_or_links
        self.clause_subjects = vocab.clause_subjects
        self.report_comps = vocab.report_comps
        self._last_verb_cues: tuple[list[int] | None, list[tuple[int, list[int]]]] = (None, [])
        self._last_source: tuple[list[int] | None, Any] = (None, None)
        # Noun phrases and subjects are asked for again and again by the rules of one
        # sentence; the answers hold until a lemma changes (see _find_verb_cues).
        self._phrases: dict[tuple[int, int], int] = {}
        self._subjects: dict[tuple, list[int]] = {}
        self._clauses: dict[tuple[int, int, int, int], tuple[int, int]] = {}
        self._actors: dict[tuple[int, ...], str | None] = {}
        cached = doc.user_data.get("parley_quoted_spans")
        self.quotes = [QuotedSpan(*q) for q in cached] if cached is not None else quoted_spans(text)
        self.out: list[QuoteFinding] = []
        self.last_speaker: tuple[Span, str, str | None] | None = None
        self.last_speaker_sentence = -10
        self.sentences: list[_Sentence] = []
        # Read the Doc as arrays: creating spaCy Token objects one by one is the costly part.
        texts, flags, idx, ends, rest = vocab.columns(doc)
        self.words, self.lower, self.lemma, self.vlemma = texts
        self.idx, self.ends = idx.tolist(), ends.tolist()
        space = rest[:, 0] != 0
        self.space = space.tolist()
        # Sentences are runs of non-space tokens between two sentence starts.
        opens = rest[:, 1] == 1
        opens[0] = True
        kept = np.flatnonzero(~space)
        number = np.cumsum(opens)[kept]
        cuts = [0, *(np.flatnonzero(np.diff(number)) + 1).tolist(), len(kept)] if len(kept) else [0]
        first = kept[cuts[:-1]]
        sent_start = np.zeros(len(space), dtype=bool)
        sent_start[first] = True
        self.cap = np.where(sent_start, flags[:, 1], flags[:, 0]).tolist()
        # The per-token flags the rules read (cap_mid/cap_first make ``cap``; the last,
        # "reporting", is only summed per sentence below).
        for name, values in zip(_Vocabulary.FLAGS[2:-1], flags[:, 2:-1].T.tolist(), strict=True):
            setattr(self, name, values)
        # _spans asks whether words lie between two tokens: a running count of words.
        self._solid = [0, *np.cumsum(~space).tolist()]
        # A quote covers the tokens from the first ending after its start to the last
        # starting before its end (what _tokens_between gives).
        in_quote = np.zeros(len(space), dtype=bool)
        lows = np.searchsorted(ends, [q.start for q in self.quotes], side="right")
        highs = np.searchsorted(idx, [q.end for q in self.quotes], side="left")
        for lo, hi in zip(lows.tolist(), highs.tolist(), strict=True):
            in_quote[lo:hi] = True
        self.in_quote = in_quote.tolist()
        # How many words outside quotes that the speech rules look for precede each
        # sentence: a sentence with none (and no quote of its own) is skipped by run().
        reporting = flags[kept, -1] & ~in_quote[kept]
        before = [0, *np.cumsum(reporting).tolist()]
        kept_list = kept.tolist()
        q = 0
        for a, b in itertools.pairwise(cuts):
            toks = kept_list[a:b]
            s0, s1 = self.idx[toks[0]], self.ends[toks[-1]]
            while q < len(self.quotes) and self.quotes[q].end <= s0:
                q += 1
            inner = []
            k = q
            while k < len(self.quotes) and self.quotes[k].start < s1:
                inner.append(self.quotes[k])
                k += 1
            opens_quote = bool(inner) and inner[-1].start >= s0  # quote starts ascend
            self.sentences.append(_Sentence(toks, inner, opens_quote or before[b] > before[a]))
        self._quote_at = {q.start: q for q in self.quotes}

    # ---- token helpers -------------------------------------------------
    def _tokens_between(self, start: int, end: int) -> range:
        """Tokens from the first one ending after ``start`` up to the first one starting
        at or after ``end`` (token offsets and ends both ascend)."""
        lo = bisect_right(self.ends, start)
        return range(lo, max(lo, bisect_left(self.idx, end)))

    def _first_token_at(self, char: int) -> int:
        return bisect_right(self.ends, char)

    # Whether token ``i`` is capitalised as a name is ``self.cap[i]``: sentence-initial
    # words are capitalised by position, so there a function word, or a word the lemma
    # table knows only in lower case ("Besorgt äußerte sich …"), is no name.

    def _span(self, toks: Sequence[int]) -> Span:
        return self.idx[toks[0]], self.ends[toks[-1]]

    def _spans(self, toks: Iterable[int]) -> list[Span]:
        """Contiguous runs of token indices as character spans (spaces bridged)."""
        if isinstance(toks, list) and toks:
            first, last = toks[0], toks[-1]
            if last - first == len(toks) - 1 and toks == list(range(first, last + 1)):
                return [(self.idx[first], self.ends[last])]  # one unbroken run
        ordered = sorted(toks)
        if not ordered:
            return []
        out: list[Span] = []
        solid, idx, ends = self._solid, self.idx, self.ends
        first = last = ordered[0]
        for i in ordered[1:]:
            if solid[i] > solid[last + 1]:  # a word between the two: a new run
                out.append((idx[first], ends[last]))
                first = i
            last = i
        out.append((idx[first], ends[last]))
        return out

    # ---- noun phrases --------------------------------------------------
    def _np_forward(self, i: int, limit: int) -> int:
        """End (exclusive) of the noun phrase starting at ``i``, or ``i`` if none."""
        end = self._phrases.get((i, limit))
        if end is None:
            end = self._phrases[i, limit] = self._scan_np(i, limit)
        return end

    def _scan_np(self, i: int, limit: int) -> int:
        j = i
        lower, cap = self.lower, self.cap
        if j < limit:
            if lower[j] in self.np_pronouns or self._demonstrative(j):
                return j + 1
            if lower[j] in self.dets:
                j += 1
        head = False
        in_quote, en_noun = self.in_quote, self.en_noun
        while j < limit:
            if in_quote[j]:
                title = self._title_end(j, limit)
                if title is None:
                    break
                head, j = True, title  # a quoted name: der „New York Times“
                continue
            if cap[j] or (self.words[j][0].isdigit() and head is False and j + 1 < limit):
                head = True
                j += 1
            elif en_noun[j]:
                head = True  # English nouns are lower case: "Ukrainian officials"
                j += 1
            elif (
                not head
                and self.adjective[j]
                and j + 1 < limit
                and (cap[j + 1] or (lower[j] not in self.stop and lower[j + 1][-1:] in "enrsm"))
            ):
                j += 1  # attributive adjective before the noun
            elif head and lower[j] in self.links and j + 1 < limit:
                if lower[j + 1] in _TIME_NOUNS:
                    break  # "Angaben der Polizei vom Dienstag": a date, not a genitive
                k = self._np_forward(j + 1, limit)
                if k > j + 1 and any(cap[j + 1 : k]):
                    j = k
                else:
                    break
            elif (
                head
                and lower[j] in ("und", "and", "sowie")
                and j + 1 < limit
                and (cap[j + 1] or lower[j + 1] in self.dets)
                and self._np_forward(j + 1, limit) > j + 1
            ):
                j = self._np_forward(j + 1, limit)  # "dpa und AFP"
            elif head and self.words[j] == "(" and j + 2 < limit and self.words[j + 2] == ")":
                j += 3  # "(CDU)"
            else:
                break
        return j if head else i

    def _title_end(self, j: int, limit: int) -> int | None:
        """If a short quoted name (up to five words, capitalised) opens at token ``j``,
        the token index just past its closing mark; else None."""
        span = self._quote_at.get(self.idx[j])
        if span is None or not span.closed:
            return None
        end = self._first_token_at(span.end)
        inner = [x for x in range(j + 1, end) if self.words[x].isalnum()]
        if not inner or len(inner) > 5 or not self.cap[inner[0]] or end > limit:
            return None
        return end

    def _np_backward(self, end: int, floor: int) -> int:
        """Start of a noun phrase ending just before ``end`` (for "X zufolge"), or ``end``."""
        best = end
        for start in range(end - 1, max(floor, end - 12) - 1, -1):
            if self._np_forward(start, end) == end:
                best = start
        return best

    # ---- speaker bookkeeping --------------------------------------------
    def _speaker_from(self, toks: range | list[int], sentence_no: int):
        if not toks:
            return None
        toks = self._with_list(list(toks))
        span = self._span(toks)
        surface = self.text[span[0] : span[1]]
        actor = self._actor_of(toks) if self.candidates else None
        if actor is not None and self._collective(toks):
            actor = None
        if len(toks) == 1 and (
            self.lower[toks[0]] in self.lex.pronouns or self._demonstrative(toks[0])
        ):
            actor = self._antecedent(toks[0], sentence_no)
        # The latest mention, pronoun or not, is what a following report refers back to.
        self.last_speaker = (span, surface, actor)
        self.last_speaker_sentence = sentence_no
        return span, surface, actor

    def _collective(self, toks: list[int]) -> bool:
        """ "Berlin and Paris", "Merz, Macron, Starmer und weitere Regierungschefs": several
        speakers at once are a collective source, which the guidelines give no speaker."""
        joins = [k for k, t in enumerate(toks) if self.lower[t] in _JOINS and 0 < k < len(toks) - 1]
        if not joins:
            return False
        if any(self.lower[toks[k + 1]] in _OTHERS for k in joins):
            return True
        starts = self._starts
        lo, hi = self.idx[toks[0]], self.ends[toks[-1]]
        named = {
            c.actor
            for c in self.candidates[bisect_left(starts, lo) : bisect_left(starts, hi)]
            if c.end <= hi
        }
        return len(named) >= 2 and all(
            self._np_forward(toks[k + 1], toks[-1] + 1) > toks[k + 1] for k in joins
        )

    def _with_list(self, toks: list[int]) -> list[int]:
        """ "Merz, Frankreichs Präsident Macron und weitere Regierungschefs": a subject phrase
        that is the first item of a list ending in "und weitere …"/"and other …" speaks as
        the whole list."""
        n = len(self.words)
        j = toks[-1] + 1
        while j + 1 < n and self.words[j] == ",":
            nxt = self._np_forward(j + 1, n)
            if nxt == j + 1:
                return toks
            j = nxt
        if j + 1 < n and self.lower[j] in _JOINS and self.lower[j + 1] in _OTHERS:
            end = self._np_forward(j + 1, n)
            if end > j + 1:
                return list(range(toks[0], end))
        return toks

    def _antecedent(self, pronoun: int, sentence_no: int) -> str | None:
        """Whom "er"/"sie" stands for: the speaker of this or the previous sentence, else
        the latest known actor named before it (within two sentences), else the last
        speaker."""
        recent = self.last_speaker is not None and self.last_speaker_sentence >= sentence_no - 1
        if recent or not self.candidates:
            return self.last_speaker[2] if self.last_speaker is not None else None
        floor = self.idx[self.sentences[max(0, sentence_no - 2)].tokens[0]]
        # The latest known actor starting in [floor, pronoun): candidates are by start.
        last = bisect_left(self._starts, self.idx[pronoun]) - 1
        if last >= 0 and self._starts[last] >= floor:
            return self.candidates[last].actor
        return self.last_speaker[2] if self.last_speaker is not None else None

    def _actor_of(self, toks: list[int]) -> str | None:
        """The known actor a speaker phrase names: the one at its head, not one in a
        modifier ("Ein Berater von Kremlchef Putin" is not Putin, "Putins Sprecher" neither);
        for a source phrase ("Angaben des Kremls") the one after the source noun."""
        key = tuple(toks)
        if key not in self._actors:
            self._actors[key] = self._find_actor(toks)
        return self._actors[key]

    def _find_actor(self, toks: list[int]) -> str | None:
        head = toks
        # "An adviser to Putin": an unnamed person qualified by a known one.
        links = self.links | _ROLE_LINKS if self.lower[toks[0]] in ("a", "an") else self.links
        for k, i in enumerate(toks[1:], start=1):
            if self.lower[i] in links or self.words[i] in (",", "("):
                head = toks[:k]
                break
        while len(head) > 1 and not self.words[head[-1]][0].isalnum():
            head = head[:-1]  # das Portal „Semafor“: the name, not its closing mark
        last = head[-1]
        if self.lower[last].endswith(self.source_endings) and len(head) < len(toks):
            rest = toks[len(head) + 1 :]
            return self._actor_of(rest) if rest else None
        # Candidates covering the head start at most ``_longest`` characters before it.
        at = self.idx[last]
        covering = [
            c
            for c in self.candidates[
                bisect_left(self._starts, at - self._longest + 1) : bisect_right(self._starts, at)
            ]
            if at < c.end
        ]
        if covering:
            best = covering[0] if len(covering) == 1 else max(covering, key=_length)
            if self._unnamed_official(toks, last, best):
                return None
            return best.actor
        # An apposition names the same person: "der Sprecher, Dmitri Peskow,".
        if len(head) < len(toks) and self.words[toks[len(head)]] == ",":
            rest = toks[len(head) + 1 :]
            return self._actor_of(rest) if rest else None
        return None

    def _unnamed_official(self, toks: list[int], head: int, known: SpeakerCandidate) -> bool:
        """ "ein US-Regierungsvertreter", "eine Kreml-Sprecherin": an indefinite phrase whose
        head noun merely begins with a known actor is an unnamed official, not that state
        (the guidelines give such sources no speaker)."""
        return self.lower[toks[0]] in _INDEFINITE and known.end < self.ends[head]

    def _previous_speaker(self, sentence_no: int, window: int = 4):
        if self.last_speaker is None or sentence_no - self.last_speaker_sentence > window:
            return None
        self.last_speaker_sentence = sentence_no
        return self.last_speaker

    # ---- cues ------------------------------------------------------------
    def _verb_cues(self, toks: list[int]) -> list[tuple[int, list[int]]]:
        """Speech verbs outside quotes: (verb token, cue tokens incl. particle and aux).

        Several rules ask for the cues of one sentence: the last answer is kept (with
        the token list it is for, so identity is safe) and handed out as it is: the
        rules only read the cues, never change them.
        """
        last_toks, found = self._last_verb_cues
        if toks is not last_toks:
            found = self._find_verb_cues(toks)
            self._last_verb_cues = (toks, found)
        return found

    def _find_verb_cues(self, toks: list[int]) -> list[tuple[int, list[int]]]:
        found = []
        verbs = self.verbs
        stems = self.stems
        # Only lower-case words that are cues, or whose lemma is guessed, can matter:
        # visit just those (the others would neither match nor change a lemma).
        for pos in itertools.compress(range(len(toks)), map(self.verbish.__getitem__, toks)):
            i = toks[pos]
            if self.in_quote[i]:
                continue
            if (
                self.lang == "en"
                and pos
                and (
                    self.lower[toks[pos - 1]] in _NOUN_MARKERS
                    or self.words[toks[pos - 1]] == "-"
                    or self._attributive_participle(toks[pos - 1], i)
                )
            ):
                continue  # "the secretary of state", "a statement", "so-called": no verb
            lemma = self.vlemma[i]
            if self.lemma[i] != lemma:  # later rules read it back
                self.lemma[i] = lemma
                self._phrases.clear()  # a demonstrative's reading may depend on it
                self._subjects.clear()
            cue = None
            # Separable particle at the clause end: "kündigte ... an".
            for j in toks[pos + 1 :] if lemma in stems else ():
                if self.in_quote[j] or self.brk[j]:
                    break
                if self.lower[j] not in self.lex.particles or self.lower[j] + lemma not in verbs:
                    continue
                nxt = j + 1
                while nxt < len(self.words) and self.space[nxt]:
                    nxt += 1
                if nxt >= len(self.words) or not self.words[nxt][0].isalnum():  # clause end
                    cue = [i, j]
                    break
            if cue is None and lemma in verbs:
                cue = [i]
            if cue is None and lemma in self.lex.impersonal_cues:
                # "heißt es", "es heißt": the cue phrase names nobody.
                cue = [i]
                if pos + 1 < len(toks) and self.lower[toks[pos + 1]] == "es":
                    cue.append(toks[pos + 1])
                elif pos and self.lower[toks[pos - 1]] == "es":
                    cue.insert(0, toks[pos - 1])
            if cue is None:
                continue
            # An auxiliary just before in the clause belongs to the cue ("hatte … betont").
            for back in range(pos - 1, -1, -1):
                j = toks[back]
                if self.words[j] in _CLAUSE_BREAKS or self.in_quote[j]:
                    break
                if self.lower[j] in self.aux:
                    cue.insert(0, j)
                    break
            found.append((i, cue))
        return found

    def _attributive_participle(self, prev: int, i: int) -> bool:
        """ "signed an order adding a tariff": an English "-ing" form right after a noun
        modifies it; a participle of saying follows a comma (", adding that …") or an
        auxiliary ("was saying")."""
        return (
            self.lower[i].endswith("ing")
            and self.words[prev].isalpha()
            and self.lower[prev] not in self.aux
            and self.en_noun[prev]
        )

    def _clause_bounds(self, toks: list[int], pos: int) -> tuple[int, int]:
        """Positions (into ``toks``) of the clause around ``pos``: start incl., end excl."""
        key = (toks[0], toks[-1], len(toks), pos)  # a run of a sentence's tokens
        found = self._clauses.get(key)
        if found is None:
            found = self._clauses[key] = self._find_clause_bounds(toks, pos)
        return found

    def _find_clause_bounds(self, toks: list[int], pos: int) -> tuple[int, int]:
        brk = self.brk
        lo = pos
        while lo > 0 and not brk[toks[lo - 1]]:
            lo -= 1
        hi = pos + 1
        n = len(toks)
        while hi < n and not brk[toks[hi]]:
            hi += 1
        return lo, hi

    def _with_appositions(self, start: int, end: int, limit: int) -> int:
        """Extend the phrase ``start:end`` over appositions: "Klaus Stöhr, Leiter der WHO,"."""
        while end + 1 < limit and self.words[end] == ",":
            nxt = self._np_forward(end + 1, limit)
            if nxt == end + 1 or not (nxt >= limit or self.words[nxt] in (",", ".", ")")):
                break
            end = nxt
        return end

    def _subject(self, toks: list[int], cue: list[int]) -> list[int]:
        """Token indices of the subject of the speech verb whose cue tokens are ``cue``."""
        # Token lists are runs of a sentence's tokens: first, last and length name one.
        key = (toks[0], toks[-1], len(toks), *cue)
        found = self._subjects.get(key)
        if found is None:
            found = self._subjects[key] = self._find_subject(toks, cue)
        return list(found)

    def _find_subject(self, toks: list[int], cue: list[int]) -> list[int]:
        first = cue[0]
        pos = toks.index(first)
        verb = toks[pos]
        lo, hi = self._clause_bounds(toks, pos)
        prefield = [t for t in toks[lo:pos] if not self.in_quote[t]]
        after = toks[pos + 1 : hi]
        limit = toks[hi - 1] + 1 if hi > pos + 1 else verb + 1
        if prefield and self.lower[prefield[-1]] in ("und", "and"):
            # "…, erklärte Witkoff und bezeichnete Moskau als …": the first verb's subject.
            earlier = [c for v, c in self._verb_cues(toks) if v < prefield[-1]]
            if earlier:
                return self._subject(toks, earlier[-1])
            before = [t for t in toks[:pos] if t < prefield[-1] and not self.in_quote[t]]
            return self._leading_subject(before) if before else []
        # "Die Tat bezeichnete er als sinnlos": a pronoun right after the verb is the subject.
        if after and self.lower[after[0]] in self.lex.pronouns and self.lang == "de":
            return [after[0]]
        # A subordinate "wie X mitteilte": the subject follows "wie".
        if prefield and self.lower[prefield[0]] in ("wie", "as"):
            prefield = prefield[1:]
            if prefield:
                end = self._np_forward(prefield[0], verb)
                return list(range(prefield[0], end)) if end > prefield[0] else []
        if not prefield and lo > 0 and self.words[toks[lo - 1]] == ",":
            # "Der Vorsitzende, Jean Mignon, bezeichnete": the subject spans appositions.
            start = next((t for t in toks if not self.in_quote[t]), toks[0])
            end = self._np_forward(start, verb)
            if end > start and self._nominative(start):
                end = self._with_appositions(start, end, verb)
                if end in (verb - 1, verb):
                    return list(range(start, end))
                # "Der 84-jährige Küng, der als Kritiker gilt, hofft": skip the relative clause.
                if (
                    self.words[end] == ","
                    and self.lower[end + 1] in _RELATIVE | _EN_RELATIVE
                    and not self._infinitive_after(end + 1, verb)
                ):
                    return list(range(start, end))
            before = [t for t in toks[: lo - 1] if not self.in_quote[t]]
            if (
                len(before) > 3
                and self._ends_relative(before)
                # "…, die Teile aufzugeben, bekräftigte X": a zu-infinitive, no relative clause
                and not (self._fused_zu(before[-1]) or self.lower[before[-2]] == "zu")
            ):
                # "A und B wie X, das sich auf Y stützt, bestreiten": the sentence's opening.
                return self._leading_subject(before)
        if prefield and self.lang == "de" and self.lower[prefield[0]] not in _PREPOSITIONS:
            # The prefield is the subject when a noun phrase fills it, possibly after
            # adverbs ("Auch sie forderten", "Zudem warnte der Minister").
            for k, start in enumerate(prefield[:3]):
                if k and (
                    self.cap[start - 1] or self.lower[start - 1] in self.dets_or_prepositions
                ):
                    break
                end = self._np_forward(start, verb)
                if end == start + 1 < verb and self._possessor_phrase(start, verb):
                    end = verb  # "Putins außenpolitischer Berater Juri Uschakow nannte"
                if end == verb - 1 and self.lower[end] in _SELF:
                    verb = end  # "Trump selbst sagte": the name is the subject
                if (
                    end == verb
                    and self.lower[start] not in ("es", "man")
                    and self._nominative(start)
                ):
                    return list(range(start, verb))
        if prefield and self.lang == "en":  # English keeps the subject before the verb
            if all(self.lower[t] in _EN_ADVERBS for t in prefield):
                # "Dmitriev, who has long …, later wrote": the name before the relative clause.
                apposed = self._apposed_subject(toks, lo)
                if apposed:
                    return apposed
            # "Putin also said", "Peskov later told": an adverb between subject and verb.
            while verb - 1 > prefield[0] and self.lower[verb - 1] in _EN_ADVERBS:
                verb -= 1
            start = self._np_backward(verb, prefield[0])
            # "An adviser to Putin said", "a spokesman for the Kremlin said": the role
            # noun is the subject, the name after "to"/"for" only qualifies it.
            while start < verb and start in prefield[1:]:
                link = prefield[prefield.index(start) - 1]
                if self.lower[link] not in _ROLE_LINKS:
                    break
                head = self._np_backward(link, prefield[0])
                if head == link:
                    break
                start = head
            return list(range(start, verb)) if start < verb else []
        # Otherwise the subject follows the finite verb, after adverbs and dative objects
        # (", sagte der Nachrichtenagentur Reuters der Minister" is rare; "sagte dem
        # Spiegel der Minister" is not).
        k = 0
        while k < min(len(after), 10):
            j = after[k]
            if self.lower[j] in _PREPOSITIONS and self.idx[j] not in self._candidate_starts:
                # "sagte am Dienstag auch Nato-Generalsekretär Rutte": skip the adverbial.
                end = self._np_forward(j + 1, limit) if j + 1 < limit else j + 1
                if end <= j + 1:
                    break
                k = next((n for n, t in enumerate(after) if t >= end), len(after))
                continue
            end = self._np_forward(j, limit)
            if end > j and self.lower[j] not in ("es", "it"):
                if not self._nominative(j):
                    k = next((n for n, t in enumerate(after) if t >= end), len(after))
                    continue
                end = self._with_appositions(j, end, toks[-1] + 1)
                return list(range(j, end))
            if self.cap[j] or not self.words[j].isalpha() or self.lower[j] in _PREPOSITIONS:
                break
            k += 1
        return []

    def _possessor_phrase(self, i: int, end: int) -> bool:
        """Is token ``i`` a genitive name ("Putins", "Trumps") before a noun phrase with an
        adjective that fills the rest up to ``end`` ("außenpolitischer Berater X")?"""
        word = self.words[i]
        return (
            self.lang == "de"
            and self.cap[i]
            and len(word) > 3
            and word.endswith("s")
            and self.adjective[i + 1]
            and self._np_forward(i + 1, end) == end
        )

    def _infinitive_after(self, start: int, verb: int) -> bool:
        """ "Kiews Weigerung, die … Teile aufzugeben, bekräftigte Selenskyj": the clause
        after the noun is its zu-infinitive ("die" an article), not a relative clause; so
        the noun is the fronted object and the subject follows the verb."""
        close = next((t for t in range(start, verb) if self.words[t] == ","), None)
        if close is None or close - start < 2:
            return False
        last = close - 1
        return self._fused_zu(last) or self.lower[last - 1] == "zu"

    def _leading_subject(self, outside: list[int]) -> list[int]:
        """The noun phrase opening a sentence (after up to two adverbs), if it is one."""
        for k, start in enumerate(outside[:3]):
            if self.in_quote[start] or (k and self.cap[outside[k - 1]]):
                break
            if self.lower[start] in _PREPOSITIONS:
                break
            end = self._np_forward(start, outside[-1] + 1)
            if end > start and self._nominative(start) and self.lower[start] not in ("es", "man"):
                end = self._with_appositions(start, end, outside[-1] + 1)
                return list(range(start, end))
        # "Seit August vertritt er die These, …": a pronoun early in the clause.
        for i in outside[1:7]:
            if self.words[i] in _CLAUSE_BREAKS or self.in_quote[i]:
                break
            if self.lower[i] in self.lex.pronouns:
                return [i]
        return []

    def _nominative(self, i: int) -> bool:
        """Could the phrase starting at ``i`` be a subject? Not after "dem", "den", "ihm",
        and not a time ("vergangener Woche")."""
        if self.lang != "de":
            return True
        if self.lower[i] in _OBLIQUE:
            return False
        end = self._np_forward(i, len(self.words))
        return not (end > i and self.lower[end - 1] in _TIME_NOUNS)

    # ---- extraction -------------------------------------------------------
    def run(self) -> list[QuoteFinding]:
        out: list[QuoteFinding] = []
        self.out = out
        last_no = self.last_report_sentence = -1
        self.last_report_aside = False
        for no, sent in enumerate(self.sentences):
            if not sent.active:
                continue  # nothing for the rules to find (and nothing they would change)
            saved = (self.last_speaker, self.last_speaker_sentence)
            found = self._direct(no, sent)
            if found:
                # Indirect speech with quoted fragments ("Er sei „nicht zuständig“") is one
                # indirect quote, not a direct one; the frame the fragments suggested
                # ("Die Europäer müssten „…“ anerkennen") does not name its speaker.
                after_direct = (self.last_speaker, self.last_speaker_sentence)
                self.last_speaker, self.last_speaker_sentence = saved
                indirect = self._indirect(no, sent)
                if indirect and indirect[0].type != "Reported" and self._embeds(indirect[0], found):
                    for fragment in found:  # quotes of their own too, in the same voice
                        fragment.speaker_span = indirect[0].speaker_span
                        fragment.speaker_surface = indirect[0].speaker_surface
                        fragment.speaker = indirect[0].speaker
                    found = indirect + found
                elif (
                    indirect
                    and indirect[0].type in ("Indirect", "Reported")
                    and indirect[0].cue is not None
                    and not any(
                        f.start < indirect[0].end and indirect[0].start < f.end for f in found
                    )
                ):
                    # "… „von X beendet“ worden sei (er meint, es sei der dritte)": a report
                    # of its own beside the quote.
                    found = sorted(found + indirect, key=lambda f: f.start)
                elif self._second_beside_direct(indirect, found):
                    found = sorted(found + indirect[1:], key=lambda f: f.start)
                else:
                    self.last_speaker, self.last_speaker_sentence = after_direct
            else:
                found = self._indirect(no, sent)
            if found and self._imagined(no, sent):
                found = []
            if (
                len(found) == 1
                and out
                and found[0].type == out[-1].type == "IndirectFreeIndirect"
                and found[0].speaker_span == out[-1].speaker_span
                and "\n" not in self.text[out[-1].end : found[0].start]
                and last_no == no - 1
            ):
                # A report in Konjunktiv runs on over several sentences: one quote, one
                # span per sentence.
                out[-1].spans.append((found[0].start, found[0].end))
            else:
                out.extend(found)
            if found:
                last_no = self.last_report_sentence = no
                # "(er behauptet, es wäre der achte)": a report in an aside is no account
                # the next sentence goes on with.
                s0 = self.idx[sent.tokens[0]]
                self.last_report_aside = all(
                    _inside_brackets(self.text[s0 : f.start]) for f in found
                )
        self._cataphora(out)
        self._named_right_after(out)
        return out

    def _second_beside_direct(self, indirect: list[QuoteFinding], direct: list[QuoteFinding]):
        """ "Ushakov called the talks „useful“ and said both sides had …": the clause of a
        second verb of saying stands beside the quote of the first; the first clause (which
        holds the quote) is read as the direct quote only."""
        return len(indirect) > 1 and all(
            f.cue is not None
            and f.type in ("Indirect", "Reported")
            and not any(d.start < f.end and f.start < d.end for d in direct)
            for f in indirect[1:]
        )

    def _named_right_after(self, out: list[QuoteFinding]) -> None:
        """ "„Haben Sie sich bedankt?“ Vance shot back …": a direct quote that ends its own
        sentence (with "?" or "!") and has no cue is attributed by the name that opens the
        next sentence with a verb of its own, not by the speaker before."""
        for f in out:
            if f.type != "Direct" or f.cue is not None or not self.candidates:
                continue
            if self.text[f.end - 2 : f.end - 1] not in ("?", "!"):
                continue
            k = bisect_right(self._starts, f.end)
            if k >= len(self.candidates):
                continue
            c = self.candidates[k]
            after = self.text[c.end : c.end + 2]
            if self.text[f.end : c.start] == " " and after[:1] == " " and after[1:2].islower():
                f.speaker_span = (c.start, c.end)
                f.speaker_surface = self.text[c.start : c.end]
                f.speaker = c.actor

    def _cataphora(self, out: list[QuoteFinding]) -> None:
        """A paragraph that opens with Konjunktiv and names its speaker in the very next
        sentence ("Die Seiten seien … . Es gebe noch viel Arbeit, sagte X.") is X's."""
        for f, g in itertools.pairwise(out):
            if (
                f.type == "IndirectFreeIndirect"
                and g.cue is not None
                and g.speaker_span is not None
                and (
                    self.text[: f.start].rstrip(" \t").endswith("\n")
                    or not self.text[: f.start].strip()
                )
                and not self.text[f.end : g.start].strip()
            ):
                f.speaker_span, f.speaker_surface, f.speaker = (
                    g.speaker_span,
                    g.speaker_surface,
                    g.speaker,
                )

    def _direct(self, no: int, sent: _Sentence) -> list[QuoteFinding]:
        toks = sent.tokens
        s0 = self.idx[toks[0]]
        quotes = [q for q in sent.quoted if q.start >= s0]
        if not quotes:
            return []
        outside = [i for i in toks if not self.in_quote[i]]
        all_cues = self._verb_cues(toks)
        aside = self._parenthesised(toks)
        source = self._source_phrase(toks)
        findings: list[QuoteFinding] = []
        groups: list[list[QuotedSpan]] = []
        for q in quotes:
            cues = self._cues_beside(all_cues, aside, q.start)
            words = [
                i
                for i in self._tokens_between(q.inner_start, q.inner_end)
                if self.words[i].isalnum()
            ]
            before = [i for i in outside if self.ends[i] <= q.start]
            colon = bool(before) and self.words[before[-1]] == ":"
            if len(words) < _MIN_BARE_QUOTE_WORDS and not (cues or source or colon):
                continue
            if (
                len(words) > 1
                and not colon
                and all(self.words[i][0].isupper() or self.words[i][0].isdigit() for i in words)
            ):
                continue  # a title or name: „Süddeutsche Zeitung“, „Die Andere Medizin“
            if not colon and self._names_something(q, words, before):
                continue
            if len(words) < 2 and not colon and not self._answered_with(cues, before, q):
                continue
            if (
                not cues
                and before
                and self.words[before[-1]] == ","
                and self.words[words[0]] in _RELATIVE
            ):
                continue  # "Der Hund, „der in der Nacht nicht bellte“": a quoted relative
                # clause modifies the noun before it, the writer's allusion
            # „…“, sagte X, „…“: the second part continues the first.
            if groups and self._joined_by_frame(groups[-1][-1], q):
                groups[-1].append(q)
            else:
                groups.append([q])
        for group in groups:
            spans = [(q.start, q.end) for q in group]
            cues = self._cues_beside(all_cues, aside, spans[0][0])
            finding = QuoteFinding(spans=spans, type="Direct")
            frame = [i for i in outside if self.words[i] not in _TERMINAL or i != toks[-1]]
            speaker = None
            if cues:
                _verb, cue = (
                    cues[0]  # the common case: no distances to weigh
                    if len(cues) == 1
                    else min(cues, key=lambda c: _distance(self.idx[c[0]], spans))
                )
                subject = self._subject(toks, cue)
                speaker = self._speaker_from(subject, no) if subject else None
                finding.cue_spans = self._spans(cue)
                finding.cue = " ".join([self.words[i] for i in cue])
            elif source is not None:
                cue_toks, subject = source
                speaker = self._speaker_from(subject, no) if subject else None
                finding.cue_spans = self._spans(cue_toks)
                finding.cue = " ".join([self.words[i] for i in cue_toks])
            elif outside and self.words[outside[0]] != ":":
                # No verb of saying, but a frame: "Auch der Sprecher X will „…“",
                # "Die Bewohner sehen das gelassen: „…“" – its subject speaks.
                subject = self._leading_subject(outside)
                if subject and not self._nameless(subject):
                    speaker = self._speaker_from(subject, no)
            if speaker is None:
                speaker = self._previous_speaker(no)
                frame = []
            if speaker is not None:
                finding.speaker_span, finding.speaker_surface, finding.speaker = speaker
            finding.frame_spans = self._spans(frame) if frame else []
            finding.addressee_span = self._addressee(frame) if frame else None
            findings.append(finding)
        return findings

    def _names_something(self, q: QuotedSpan, words: list[int], before: list[int]) -> bool:
        """A capitalised phrase right after an article or noun is a name or title
        (die Organisation „Reporter ohne Grenzen“, des „Sacharow-Preises“), not speech."""
        if not words or not self.words[words[0]][0].isupper() or len(words) > 8:
            return False
        if any(
            self.words[i] in _TERMINAL for i in self._tokens_between(q.inner_start, q.inner_end)
        ):
            return False
        if not before or self.idx[before[-1]] + len(self.words[before[-1]]) + 1 < q.start:
            return False
        prev = before[-1]
        return self.lower[prev] in self.dets_or_prepositions or self.cap[prev]

    def _speaks_about(self, toks: list[int], verb: int) -> bool:
        """ "Augenzeugen berichteten von Panzerbewegungen", "sprach von 800 Autos": a verb of
        telling with a "von"/"über" object reports what was told."""
        if self.lemma[verb] not in _TELLING:
            return False
        pos = toks.index(verb)
        return any(self.lower[t] in ("von", "über", "about", "of") for t in toks[pos + 1 : pos + 4])

    def _answered_with(self, cues: list, before: list[int], q: QuotedSpan) -> bool:
        """ "Waltz antwortete mit einem gequälten „Ha-ha“": a one-word quote closing the
        clause of a verb of answering is what was said."""
        if not cues or not before:
            return False
        verb = cues[-1][0]
        clause = [t for t in before if t > verb]
        after = self._first_token_at(q.end)
        return (
            self.lemma[verb] in _ANSWERS
            and not any(self.words[t] in _CLAUSE_BREAKS for t in clause)
            and (after >= len(self.words) or self.words[after] in _TERMINAL | {","})
        )

    def _parenthesised(self, toks: list[int]) -> set[int]:
        """Tokens of ``toks`` inside round brackets."""
        inside: set[int] = set()
        if "(" not in self.text[self.idx[toks[0]] : self.ends[toks[-1]]]:
            return inside  # most sentences have no brackets
        depth = 0
        for i in toks:
            if self.words[i] == "(":
                depth += 1
            elif self.words[i] == ")":
                depth = max(0, depth - 1)
            elif depth:
                inside.add(i)
        return inside

    def _cues_beside(self, cues: list, aside: set[int], char: int) -> list:
        """The cues on the same side of a bracket as the quote at ``char``: the verb of an
        aside ("… „von X gestoppt“ wurde (er behauptet, …)") speaks only inside it."""
        if not aside:
            return cues
        inner = self._first_token_at(char) in aside
        return [c for c in cues if (c[0] in aside) == inner]

    def _embeds(self, outer: QuoteFinding, inner: list[QuoteFinding]) -> bool:
        """Does ``outer`` contain every quote of ``inner`` plus words of its own?"""
        start, end = outer.start, outer.end
        if not all(start <= f.start and f.end <= end + 1 for f in inner):
            return False
        # "X äußerte sich skeptisch: „…“, sagte er": a colon introduces a direct quote.
        for f in inner:
            before = [i for i in self._tokens_between(start, f.start) if not self.space[i]]
            if before and self.words[before[-1]] == ":":
                return False
        own = sum(
            1
            for s, e in outer.spans
            for i in self._tokens_between(s, e)
            if not self.in_quote[i] and self.words[i].isalpha()
        )
        return own >= 3

    def _joined_by_frame(self, a: QuotedSpan, b: QuotedSpan) -> bool:
        between = [i for i in self._tokens_between(a.end, b.start) if not self.space[i]]
        if not between:
            return True  # „Erster Satz.“ „Zweiter Satz.“ – one statement in two pairs of marks
        if len(between) > 10 or self.words[between[0]] != ",":
            return False
        return any(
            self.lemma[i] in self.verbs or self.lower[i] in self.lex.attribution_adverbs
            for i in between
        )

    def _source_phrase(self, toks: list[int]) -> tuple[list[int], list[int]] | None:
        """ "laut X", "nach Angaben von X", "X zufolge", ", so X", "according to X".

        Several rules ask for the source phrase of one sentence: the last answer is kept
        (with the token list it is for)."""
        last_toks, found = self._last_source
        if toks is not last_toks:
            found = self._find_source_phrase(toks)
            self._last_source = (toks, found)
        return found

    def _find_source_phrase(self, toks: list[int]) -> tuple[list[int], list[int]] | None:
        for pos in itertools.compress(range(len(toks)), map(self.source.__getitem__, toks)):
            i = toks[pos]
            if self.in_quote[i]:
                continue
            lw = self.lower[i]
            nxt = toks[pos + 1] if pos + 1 < len(toks) else None
            if lw in self.lex.source_prepositions and nxt is not None:
                end = self._np_forward(nxt, toks[-1] + 1)
                if end > nxt:
                    return [i], list(range(nxt, self._with_appositions(nxt, end, toks[-1] + 1)))
            if lw in self.lex.source_prepositions_before_noun and nxt is not None:
                end = self._np_forward(nxt, toks[-1] + 1)
                if end > nxt and self._names_a_source(nxt, end):
                    return [i], list(range(nxt, self._with_appositions(nxt, end, toks[-1] + 1)))
            if (
                lw in self.lex.source_prepositions_before_noun
                and pos > 1
                and self.lower[toks[pos - 1]] in self.lex.source_nouns
                and self.lower[toks[pos - 2]] in _POSSESSIVES
            ):
                # "Seinen Angaben nach": the one who spoke last; no subject of its own.
                return [toks[pos - 2], toks[pos - 1], i], []
            if lw in self.lex.source_postpositions and pos > 0:
                start = self._np_backward(i, toks[0])
                if start < i:
                    return [i], list(range(start, i))
            if nxt is not None and f"{lw} {self.lower[nxt]}" in self.lex.source_phrases:
                after = toks[pos + 2] if pos + 2 < len(toks) else None
                if after is not None:
                    end = self._np_forward(after, toks[-1] + 1)
                    if end > after:
                        return [i, nxt], list(range(after, end))
            if (
                lw in self.lex.attribution_adverbs
                and pos > 0
                and self.words[toks[pos - 1]] == ","
                and nxt is not None
            ):
                end = self._np_forward(nxt, toks[-1] + 1)
                rest = [j for j in toks if j >= end]
                if end > nxt and (not rest or self.words[rest[0]] in _TERMINAL_OR_COMMA):
                    return [i], list(range(nxt, end))
        return None

    def _indirect(self, no: int, sent: _Sentence) -> list[QuoteFinding]:
        toks = sent.tokens
        body = toks[:-1] if self.words[toks[-1]] in _TERMINAL else toks
        if len(body) < 3:
            return []
        # 1. A named source: "laut X", "X zufolge", "nach Angaben von X", ", so X".
        source = self._source_phrase(toks)
        if source is not None and (
            self._translated(toks, source[0][0])
            or self._inner_report(toks, source)
            or self._inner_speaker(toks, source)
        ):
            # "sagte er laut Übersetzer": the verb's subject speaks; "According to the
            # Kremlin, Putin told Witkoff that …": the innermost speaker speaks.
            source = None
        if source is not None:
            cue, subject = source
            if subject and self.lower[subject[0]] in _OWN:
                # "Russland hat nach eigenen Angaben …": the sentence's subject speaks.
                own = self._leading_subject(
                    [t for t in toks if t < cue[0] and not self.in_quote[t]]
                )
                subject = own or subject
            taken = set(cue) | set(subject)
            if self.lower[cue[0]] in self.lex.attribution_adverbs:
                comma = toks.index(cue[0]) - 1
                taken |= set(toks[comma:])
            quote = [i for i in body if i not in taken]
            # Drop a comma that only set off the source phrase.
            while quote and self.words[quote[-1]] == ",":
                quote.pop()
            while quote and self.words[quote[0]] == ",":
                quote.pop(0)
            if len(quote) >= 3:
                quote, also = self._relative_report(toks, quote, subject)
                first = self._finding(no, "Indirect", quote, cue, subject, sorted(taken))
                if also:
                    second = self._finding(no, "Indirect", also[1], also[0], [], also[0])
                    second.speaker_span = first.speaker_span
                    second.speaker_surface = first.speaker_surface
                    second.speaker = first.speaker
                    return [first, second]
                return [first]
        cues = self._verb_cues(toks)
        split = (
            self._coordinated_report(no, sent, body, cues)
            or self._second_statement(no, sent, body)
            or self._coordinated_clauses(no, sent, body, cues)
        )
        if split:
            return split
        impersonal = self._impersonal_attribution(no, toks, body, cues)
        if impersonal:
            return impersonal
        for verb, cue in cues:
            pos = toks.index(verb)
            lo, hi = self._clause_bounds(toks, pos)
            if self.lower[verb] == self.lemma[verb] and not self._subject(toks, cue):
                refusal = self._refused_statement(toks, lo, pos)
                if refusal:
                    subject, frame = refusal
                    quote = toks[lo : pos + 1]
                    return [self._finding(no, "Reported", quote, cue, subject, frame)]
                continue  # an infinitive with no subject ("Es lässt sich sagen, dass …")
            # 2a. English needs no comma: "said on Tuesday that …".
            if self.lang == "en":
                for k in range(pos + 1, min(pos + 8, len(body))):
                    if self.lower[body[k]] in self.comps and not self.in_quote[body[k]]:
                        subject = (
                            self._participle_subject(toks, lo, verb)
                            or self._apposed_subject(toks, lo)
                            or self._subject(toks, cue)
                        )
                        return [self._finding(no, "Indirect", body[k:], cue, subject, toks[lo:k])]
                    if self.words[body[k]] in _TERMINAL or self.lower[body[k]] in _EN_SUBJECTS:
                        break  # "said they would not accept a plan that …": a clause began
                # "Ushakov said the talks had been useful": a clause right after the verb.
                nxt = self._bare_clause_start(body, body.index(verb) + 1) if verb in body else None
                participle = (
                    lo > 0 and self.words[toks[lo - 1]] == "," and self.lower[verb].endswith("ing")
                )
                # "A lawmaker, Konstantin Kosachev, said …": the subject ends in an apposition.
                apposed = (
                    lo > 0
                    and not participle
                    and self.words[toks[lo - 1]] == ","
                    and all(t < toks[lo - 1] for t in self._subject(toks, cue))
                )
                if (
                    self.lemma[verb] in _BARE_COMPLEMENT_VERBS
                    and (
                        participle
                        or apposed
                        or self._apposed_subject(toks, lo)
                        or any(not self.in_quote[t] for t in toks[lo:pos])
                    )
                    and nxt is not None
                ):
                    # "…, saying he had nothing to say": the main clause's subject says it.
                    subject = (
                        self._leading_subject([t for t in toks[: lo - 1] if not self.in_quote[t]])
                        if participle
                        else self._apposed_subject(toks, lo) or self._subject(toks, cue)
                    )
                    if subject:
                        frame = toks[lo : toks.index(body[nxt])]
                        return [self._finding(no, "Indirect", body[nxt:], cue, subject, frame)]
            # 3a. An attribution set off by commas inside the statement: "Sensitive points,
            # he said, would have to be discussed" / "Die Gespräche, sagte er, seien …".
            if (
                lo >= 3
                and self.words[toks[lo - 1]] == ","
                and hi + 2 < len(body)
                and self.words[toks[hi]] == ","
                and hi - lo <= 6
                and self.words[toks[hi + 1]][0].islower()
                and not self.in_quote[toks[hi + 1]]
                # ", die Außenbeauftragte der EU": an apposition, not the statement going on
                and self.lower[toks[hi + 1]] not in self.dets
                and any(not self.in_quote[t] and self.words[t].isalpha() for t in body[: lo - 1])
                and self._verb_opens_clause(toks, lo, pos)
            ):
                inner = [t for t in toks[lo:hi] if t not in cue and not self.space[t]]
                end = self._np_forward(inner[0], toks[hi - 1] + 1) if inner else 0
                subject = list(range(inner[0], end)) if inner and end > inner[0] else []
                if subject:
                    quote = body[: lo - 1] + body[hi + 1 :]
                    frame = toks[lo - 1 : hi + 1]
                    return [self._finding(no, "Indirect", quote, cue, subject, frame)]
            # 2. Verb, then comma or colon, then the complement: "sagte, dass …".
            if hi < len(body) and self.words[toks[hi]] in (",", ":"):
                rest = self._until_next_statement(body[hi + 1 :])
                # "Wie die Polizei mitteilte, wurde er …": a fronted "wie" clause names the
                # source of the main clause after it.
                # ("Wie Steve Marshall, Sprecher der UN, mitteilte, hat …": appositions too).
                fronted = (
                    rest
                    and self.lower[toks[0]] in ("wie", "as")
                    and self.words[rest[0]][0].islower()
                    and not any(self.lower[t] in self.comps for t in toks[1:lo])
                )
                if (
                    rest
                    and (fronted or self._is_complement(rest))
                    and not (self.lemma[verb] in _NAMING and self._relative(rest))
                ):
                    frame = toks[lo : hi + 1]
                    return [
                        self._finding(no, "Indirect", rest, cue, self._subject(toks, cue), frame)
                    ]
            # 3. Clause first, then ", sagte X." / ", wie X mitteilte." / ", teilte X mit."
            # The attribution must close the sentence and hold little besides verb and subject.
            if (
                lo > 0
                and self.words[toks[lo - 1]] == ","
                and lo - 1 >= 3
                and (hi >= len(body) or self._trailing_adjunct(body, hi))
                and self._verb_opens_clause(toks, lo, pos)
                and min(len(body), hi) - lo <= 12
                # "…, said they would keep up aid": a clause follows, the verb opens a report
                and not (
                    self.lang == "en"
                    and any(self.lower[t] in _EN_FINITE for t in body[pos + 1 : pos + 6])
                )
                # "Zelensky, who …, called the proposal a positive step": an object follows
                and not (
                    self.lang == "en"
                    and self.lemma[verb] in self.lex.reported_verbs
                    and self.lemma[verb] not in _BARE_COMPLEMENT_VERBS | _TELL
                )
            ):
                quote = body[: lo - 1]
                subject = self._subject(toks, cue)
                if self.lower[quote[0]] in _ADVERBIAL | {"da"}:
                    subject = []  # "Da … nicht möglich war, entschied sich der Pilot …"
                if subject and self._is_main_clause(quote) and not self._ends_relative(quote):
                    frame = body[lo - 1 :]
                    quote, subject = self._after_colon(quote, subject)
                    return [self._finding(no, "Indirect", quote, cue, subject, frame)]
        # 4. Hearsay adverb: "Die Rolle der Fed soll demnach gestärkt werden": with a
        # hearsay "soll" or a Konjunktiv it reports the source named before.
        hearsay = next(
            (
                i
                for i in itertools.compress(body, map(self.hearsay.__getitem__, body))
                if not self.in_quote[i]
            ),
            None,
        )
        if hearsay is not None and any(
            (self.lower[i] in ("soll", "sollen") or self._subjunctive(i))
            and not self.in_quote[i]
            and i not in self._embedded(body)
            for i in body
        ):
            quote = [i for i in body if i != hearsay]
            return [self._finding(no, "Indirect", quote, [hearsay], [], [hearsay])]
        # 5. Reported speech: "Die Regierung kritisierte die Pläne."
        after = self.text[self.ends[toks[-1]] : self.ends[toks[-1]] + 2]
        heading = (
            self.words[toks[-1]] not in _TERMINAL
            and not self.in_quote[toks[-1]]
            and (not after.strip() or after.lstrip(" ").startswith("\n"))
        )
        for verb, cue in cues:
            if not _PASSIVE.isdisjoint(map(self.lower.__getitem__, cue)) or self._passive_after(
                verb
            ):
                continue  # "wurde verurteilt": the subject is not the one speaking
            if heading:
                break  # "Putin droht Europa mit Krieg" as a subheading: a title, not a report
            if self._reported_in_konjunktiv(no, cue):
                continue  # the account of the speaker before goes on (rule 6)
            declined = self._declined_to_say(toks, cue)
            if declined:
                return [self._finding(no, "Reported", declined[0], cue, declined[1], [])]
            if (
                self.lemma[verb] in self.lex.reported_verbs
                or any(self.lower[c] + self.lemma[verb] in self.lex.reported_verbs for c in cue)
                or self._declares_readiness(toks, verb)
                or self._speaks_about(toks, verb)
            ):
                subject = self._subject(toks, cue)
                content = self._infinitive_content(toks, body, cue) if subject else None
                if content:
                    frame = toks[: toks.index(content[0])]
                    return [self._finding(no, "Reported", content, cue, subject, frame)]
                if subject and not (
                    len(subject) == 1 and self.lower[subject[0]] in self.lex.pronouns
                ):
                    return [self._finding(no, "Reported", toks, [], subject, [])]
                if subject:
                    return [self._finding(no, "Reported", toks, [], subject, [])]
        # 4b. A speech noun with its content clause: "gab ihm Hinweise, wie …".
        by_noun = self._speech_noun_report(no, toks, body)
        if by_noun:
            return by_noun
        # 6. Konjunktiv I without a verb of saying: the last speaker goes on. The
        # Konjunktiv must be the main clause's: in a relative or interrogative clause
        # ("beriet, wie man … könne") it is the clause's own mood, not a report's.
        forms = [
            i
            for i in itertools.compress(body, map(self.subjunctive.__getitem__, body))
            if not self.in_quote[i] and self._subjunctive(i)
        ]
        konj = forms[0] if forms else None
        embedded = self._embedded(body) if forms else set()
        if (
            any(i not in embedded for i in forms)
            and not any(self.lower[i] in ("ich", "wir") or self.lemma[i] == "fragen" for i in body)
            and not (
                self._hypothetical(body)
                and (self.last_report_sentence < no - 2 or self.last_report_aside)
            )
        ):  # "Er wurde gefragt, ob man sicher sei": a question, not what he reported
            # "Die Experten kamen zu dem Ergebnis, dass es keine Beweise gebe": a clause in
            # Konjunktiv after "dass" is what the main clause's subject reports.
            for k in range(3, len(body)):
                i = body[k]
                if i >= konj:
                    break
                if self.lower[i] in ("dass", "daß") and self.words[body[k - 1]] == ",":
                    subject = self._leading_subject([t for t in body[:k] if not self.in_quote[t]])
                    if subject:
                        return [self._finding(no, "Indirect", body[k:], [], subject, body[:k])]
                    break
            speaker = self._previous_speaker(no)
            finding = QuoteFinding(spans=self._spans(toks), type="IndirectFreeIndirect")
            if speaker is not None:
                finding.speaker_span, finding.speaker_surface, finding.speaker = speaker
            return [finding]
        # 7. Hearsay "soll" with a perfect infinitive: "Der Täter soll geschossen haben."
        #    (Plain "soll" + infinitive is as often a plan or an order, so it is left out.)
        if self.lower[body[-1]] in ("haben", "sein", "handeln") and any(
            self.lower[i] in ("soll", "sollen") and not self.in_quote[i] for i in body
        ):
            finding = QuoteFinding(spans=self._spans(toks), type="FreeIndirect")
            speaker = self._previous_speaker(no)
            if speaker is not None:
                finding.speaker_span, finding.speaker_surface, finding.speaker = speaker
            return [finding]
        # A verb of saying with no quote of its own ("Stattdessen äußerte er sich lobend
        # über X.") still names who talks next: the following Konjunktiv is theirs.
        for _verb, cue in cues:
            subject = self._subject(toks, cue)
            if subject:
                speaker = self._speaker_from(subject, no)
                self._points_back(toks, speaker)
                break
        return []

    def _after_colon(self, quote: list[int], subject: list[int]) -> tuple[list[int], list[int]]:
        """ "Orbán, der Gastgeber sein wollte, gab sich gelassen: Ungarn bleibe bereit, …,
        schrieb er": what was said starts after the colon; the clause before it frames it,
        and a pronoun subject of the closing verb stands for that clause's subject."""
        colon = next(
            (
                k
                for k in range(len(quote) - 1, 0, -1)
                if self.words[quote[k]] == ":" and not self.in_quote[quote[k]]
            ),
            None,
        )
        if colon is None or len(quote) - colon < 4:
            return quote, subject
        if len(subject) == 1 and self.lower[subject[0]] in self.lex.pronouns:
            subject = self._leading_subject(quote[:colon]) or subject
        return quote[colon + 1 :], subject

    def _relative(self, rest: list[int]) -> bool:
        """ "… einen unfreundlichen Akt genannt, der Russlands Wirtschaft nicht schaden
        werde": after a verb of naming, a clause that opens with a relative pronoun and ends
        in its Konjunktiv verb qualifies the name given; "…, der Präsident sei krank" (verb
        second) would be what was said."""
        if self.lang != "de" or len(rest) < 4 or self.lower[rest[0]] not in _RELATIVE:
            return False
        for k, t in enumerate(rest[2:], start=2):
            if self.brk[t] or self.in_quote[t]:
                return False
            if self.subjunctive[t] and self._subjunctive(t):
                nxt = rest[k + 1] if k + 1 < len(rest) else None
                return nxt is None or self.brk[nxt]
        return False

    def _relative_report(
        self, toks: list[int], quote: list[int], subject: list[int]
    ) -> tuple[list[int], tuple[list[int], list[int]] | None]:
        """ "…, according to the president, who said he had since briefed his allies": a
        relative clause on the source with a verb of saying is a second statement of the
        same speaker. The first statement without it, and (cue, content) of the second."""
        if not subject or self.lang != "en":
            return quote, None
        after = [t for t in toks if t > subject[-1]]
        if len(after) < 5 or self.words[after[0]] != "," or self.lower[after[1]] != "who":
            return quote, None
        verb = after[2]
        if self.vlemma[verb] not in self.verbs or self.in_quote[verb]:
            return quote, None
        content = [t for t in after[3:] if self.words[t] not in _TERMINAL]
        while content and self.lower[content[0]] in self.comps | {"on", "that"}:
            content = content[1:]
        head = [t for t in quote if t < after[0]]
        while head and self.words[head[-1]] == ",":
            head.pop()
        if len(content) < 3 or len(head) < 3:
            return quote, None
        return head, ([after[1], verb], content)

    def _participle_subject(self, toks: list[int], lo: int, verb: int) -> list[int]:
        """ "Zelensky asked …, reminding his hosts that …": the participle's subject is the
        main clause's, not the object after it."""
        if lo < 2 or self.words[toks[lo - 1]] != "," or not self.lower[verb].endswith("ing"):
            return []
        return self._leading_subject([t for t in toks[: lo - 1] if not self.in_quote[t]])

    def _passive_after(self, verb: int) -> bool:
        """ "war sie noch verlangt worden", "…, die gefordert wurde": a passive auxiliary
        right after the participle (German puts it last)."""
        nxt = verb + 1
        return (
            self.lang == "de"
            and nxt < len(self.words)
            and self.lower[nxt] in _PASSIVE
            and self.lower[verb] != self.lemma[verb]
        )

    def _trailing_adjunct(self, body: list[int], hi: int) -> bool:
        """ "…, the Kremlin said on Thursday, a day after the envoy's visit": after the
        closing attribution only a time adjunct follows, so the attribution still closes
        the statement."""
        return (
            self.lang == "en"
            and hi + 2 < len(body)
            and self.words[body[hi]] == ","
            and self.lower[body[hi + 1]] in _EN_ADJUNCTS
            and not any(self.lower[t] in self.comps for t in body[hi + 1 :])
        )

    def _impersonal_attribution(self, no: int, toks: list[int], body: list[int], cues) -> list:
        """ "…, hieß es aus dem Kreml", "…, hieß es aus seinem Haus": a closing impersonal
        attribution with a source after "aus"/"von": the clause before it is what was said,
        the source phrase its speaker (none for "in Regierungskreisen")."""
        if self.lang != "de":
            return []
        for verb, cue in cues:
            if self.lemma[verb] not in self.lex.impersonal_cues:
                continue
            pos = toks.index(verb)
            lo, hi = self._clause_bounds(toks, pos)
            if lo < 4 or self.words[toks[lo - 1]] != "," or hi < len(body) or toks[lo] != verb:
                continue
            after = [t for t in toks[pos + 1 : hi] if t not in cue]
            if len(after) < 2 or self.lower[after[0]] not in ("aus", "von", "vom"):
                continue
            end = self._np_forward(after[1], after[-1] + 1)
            quote = body[: lo - 1]
            if end <= after[1] or not self._is_main_clause(quote):
                continue
            subject = list(range(after[1], end))
            return [self._finding(no, "Indirect", quote, cue, subject, toks[lo - 1 :])]
        return []

    def _reported_in_konjunktiv(self, no: int, cue: list[int]) -> bool:
        """ "„…“, sagte Umerow. Eine Waffenruhe habe Russland abgelehnt": a verb of saying
        under a Konjunktiv I auxiliary right after a report is that speaker's account of
        what the other side said, not the writer's report of it."""
        return (
            self.lang == "de"
            and self.last_report_sentence >= no - 1
            and not self.last_report_aside
            and any(self.lower[c] in self.lex.subjunctive for c in cue[:-1])
        )

    def _inner_speaker(self, toks: list[int], source: tuple[list[int], list[int]]) -> bool:
        """ "Nach Berichten russischer Medien verlangt Moskau darin …": a source naming no
        known actor around a reported verb whose subject is one; the innermost speaker
        (Moskau) speaks, the unnamed source only passes it on."""
        cue_toks, subject = source
        if not self.candidates or not subject or self._actor_of(subject) is not None:
            return False
        taken = set(cue_toks) | set(subject)
        for verb, cue in self._verb_cues(toks):
            if verb in taken or self.lemma[verb] not in self.lex.reported_verbs:
                continue
            inner = [t for t in self._subject(toks, cue) if t not in taken]
            if inner and self._actor_of(inner) is not None:
                return True
        return False

    def _declined_to_say(self, toks: list[int], cue: list[int]):
        """ "Über Einzelheiten wollte er nichts sagen": a negated verb of saying under
        "wollen" is a refusal to comment, a speech act of the modal's subject; what was not
        said is the phrase before the modal. (quote, subject) or None."""
        modal = cue[0]
        if self.lang != "de" or len(cue) < 2 or self.lemma[modal] != "wollen":
            return None
        between = [t for t in toks if modal < t < cue[-1]]
        if not any(self.lower[t] in _NEGATIONS for t in between):
            return None
        subject = self._subject(toks, cue)
        if not subject:
            return None
        topic = [t for t in toks if t < modal and not self.in_quote[t]]
        return (topic if len(topic) >= 2 else toks), subject

    def _refused_statement(self, toks: list[int], lo: int, pos: int):
        """ "X weigerte sich, Y als Z zu bezeichnen": declining to say something is a speech
        act of X's, the infinitive clause its content. (subject, frame) or None."""
        if (
            self.lang != "de"
            or lo < 3
            or self.words[toks[lo - 1]] != ","
            or self.lower[toks[pos - 1]] != "zu"
        ):
            return None
        main = [t for t in toks[: lo - 1] if not self.in_quote[t]]
        if not any(self.lemma[t] in _REFUSALS for t in main):
            return None
        subject = self._leading_subject(main)
        if not subject:
            refusing = next(t for t in main if self.lemma[t] in _REFUSALS)
            k = main.index(refusing) + 1
            if k < len(main) and self.lower[main[k]] == "sich":
                k += 1
            end = self._np_forward(main[k], main[-1] + 1) if k < len(main) else 0
            subject = list(range(main[k], end)) if k < len(main) and end > main[k] else []
        return (subject, toks[:lo]) if subject else None

    def _coordinated_report(self, no: int, sent: _Sentence, body: list[int], cues) -> list:
        """ "X stimmte zu, dass …, bekräftigte jedoch die Positionen Y": a second verb
        sharing the first clause's subject (an adverb like "jedoch" right after it shows the
        subject is left out, not inverted); its object is what was said, the first clause
        is read on its own."""
        if self.lang != "de":
            return []
        for verb, cue in cues:
            pos = body.index(verb) if verb in body else -1
            if (
                pos < 4
                or pos + 2 >= len(body)
                or self.words[body[pos - 1]] != ","
                or self.lower[body[pos + 1]] not in _CONTRAST
                or self.lemma[verb] not in self.lex.reported_verbs
            ):
                continue
            subject = self._leading_subject([t for t in body[: pos - 1] if not self.in_quote[t]])
            if subject:
                head = self._indirect(no, _Sentence(body[: pos - 1], sent.quoted))
                return [*head, self._finding(no, "Reported", body[pos + 2 :], cue, subject, [])]
        return []

    def _points_back(self, toks: list[int], speaker) -> None:
        """ "Das berichtete das Portal X." / "This was said by …": the report just before
        is X's (the demonstrative object stands for it)."""
        if self.lower[toks[0]] not in _POINTING or not self.out:
            return
        last = self.out[-1]
        if self.text[last.end : self.idx[toks[0]]].strip(' .!?…"“”»«') == "":
            last.speaker_span, last.speaker_surface, last.speaker = speaker

    def _demonstrative(self, i: int) -> bool:
        """ "sagte dieser bei einer Veranstaltung", "Dieser teile …": a demonstrative that
        stands for a person named before, not a determiner ("dieser Plan")."""
        if self.lower[i] not in _DEMONSTRATIVES:
            return False
        nxt = i + 1
        while nxt < len(self.words) and self.space[nxt]:
            nxt += 1
        if nxt >= len(self.words) or not self.words[nxt][0].isalnum():
            return True
        w = self.lower[nxt]
        if self.words[nxt][0].isupper():
            return False
        return (
            w in _PREPOSITIONS
            or w in _ADVERBS
            or w in self.aux
            or self._subjunctive(nxt)
            or self.vlemma[nxt] in self.verbs
        )

    def _nameless(self, subject: list[int]) -> bool:
        """With known actors at hand, a frame subject without a verb of saying that names
        none of them ("Diese Vorschläge „blockieren …“") is what the quote is about, not
        who says it; the speaker then carries on from before."""
        pronoun = len(subject) == 1 and self.lower[subject[0]] in self.lex.pronouns
        if not self.candidates or pronoun:
            return False
        return self._actor_of(subject) is None

    def _inner_report(self, toks: list[int], source: tuple[list[int], list[int]]) -> bool:
        """Does the sentence hold its own report, a speech verb followed by "dass"/"that"?"""
        taken = set(source[0]) | set(source[1])
        for verb, _cue in self._verb_cues(toks):
            if verb in taken:
                continue
            pos = toks.index(verb)
            for i in toks[pos + 1 : pos + 9]:
                if self.lower[i] in self.report_comps and not self.in_quote[i]:
                    return True
        return False

    def _declares_readiness(self, toks: list[int], verb: int) -> bool:
        """ "Putin erklärte sich bereit zu einer Waffenruhe": declaring oneself ready or
        willing is a statement whose content follows."""
        if self.lang != "de" or self.lemma[verb] != "erklären":
            return False
        pos = toks.index(verb)
        after = [self.lower[i] for i in toks[pos + 1 : pos + 6] if not self.in_quote[i]]
        return "sich" in after and any(w in _READY for w in after)

    def _translated(self, toks: list[int], source: int) -> bool:
        """Is the source phrase at ``source`` a channel after a speech verb and its subject
        ("sagte er laut Übersetzer", "said through an interpreter") rather than the source?"""
        if self.lower[source] not in self.lex.source_prepositions:
            return False
        pos = toks.index(source)
        verbs = self.verbs
        return any(
            not self.in_quote[i] and self.vlemma[i] in verbs for i in toks[max(0, pos - 3) : pos]
        )

    def _imagined(self, no: int, sent: _Sentence) -> bool:
        """Speech only imagined: "Dann könnte es sagen, dass …" (a verb of saying under a
        Konjunktiv II modal), or, away from any report and with no verb of saying, a
        Konjunktiv II sentence with a condition or reason whose quotation marks are the
        writer's scare quotes ("Für Anleger wäre das „eine Wende“, weil …")."""
        if self.lang != "de":
            return False
        toks = sent.tokens
        body = toks[:-1] if self.words[toks[-1]] in _TERMINAL else toks
        cues = self._verb_cues(toks)
        for verb, _cue in cues:
            lo, _hi = self._clause_bounds(toks, toks.index(verb))
            if self.lower[verb] == self.lemma[verb] and any(
                self.lower[t] in _KONJUNKTIV_II_MODALS for t in toks[lo : toks.index(verb)]
            ):
                return True
        return (
            not cues
            and self.last_report_sentence < no - 2
            and any(self.lower[i] in _KONJUNKTIV_II for i in body)
            and self._hypothetical(body)
            and self._source_phrase(toks) is None
            and not any(
                self._subjunctive(i)
                for i in itertools.compress(body, map(self.subjunctive.__getitem__, body))
                if self.lower[i] not in _KONJUNKTIV_II
            )
        )

    def _embedded(self, body: list[int]) -> set[int]:
        """Tokens of subordinate clauses: from a subordinator (or a relative pronoun) after a
        comma up to the next clause break, where German puts the clause's finite verb."""
        inside: set[int] = set()
        open_ = False
        prev = ""  # not at the sentence start: "Während der 30 Tage …" is a preposition
        for k, i in enumerate(body):
            w = self.words[i]
            if self.space[i] or w in _OPEN_MARKS:
                if open_:
                    inside.add(i)
                continue
            low = self.lower[i]
            nxt = body[k + 1] if k + 1 < len(body) else None
            if w in _CLAUSE_BREAKS and not self.in_quote[i]:
                open_ = False
            elif prev in (",", "(") and (
                low in _SUBORDINATORS
                or low in _UNAMBIGUOUS_RELATIVE
                # "der Mann, der unter … würde": a relative pronoun, not an article
                or (k and low in _RELATIVE and nxt is not None and self.words[nxt][0].islower())
            ):
                open_ = True
            if open_:
                inside.add(i)
            prev = w
        return inside

    def _second_statement(self, no: int, sent: _Sentence, body: list[int]) -> list:
        """ "He insisted that …, and said he would call Trump later" / "declined to comment,
        saying he had nothing to say" / "fordert, dass …, und lehnt X ab": a second speech
        verb with the first clause's subject left out. When the first clause is a report
        of its own, both are read on their own and the second takes the first's speaker."""
        verbs = self.verbs
        # Only "und"/"and" (or an English comma) can join the second statement.
        for k in itertools.compress(range(len(body)), map(self.joins.__getitem__, body)):
            if not 3 <= k < len(body) - 2:
                continue
            i = body[k]
            if self.in_quote[i]:
                continue
            participle = self.lang == "en" and self.words[i] == ","
            participle = participle and self.lower[body[k + 1]].endswith("ing")
            if self.lower[i] not in _COORDINATORS and not participle:
                continue
            v = body[k + 1]
            if self.in_quote[v] or not self.words[v][0].islower():
                continue
            lemma = self.vlemma[v]
            rest = body[body.index(v) + 1 :]
            particle = [t for t in rest[-1:] if self.lower[t] + lemma in self.lex.reported_verbs]
            if lemma not in verbs and not particle:
                continue
            head = body[: k - 1] if self.words[body[k - 1]] == "," else body[:k]
            saved = (self.last_speaker, self.last_speaker_sentence)
            first = self._indirect(no, _Sentence(head, sent.quoted))
            if not first or first[-1].speaker_span is None:
                # No report before "und": the plain rules read the sentence as one.
                self.last_speaker, self.last_speaker_sentence = saved
                return []
            last = first[-1]
            speaker = (last.speaker_span, last.speaker_surface, last.speaker)
            cue = [v, *particle]
            content = [t for t in rest if t not in particle]
            while content and self.words[content[0]] in (",", ":"):
                content = content[1:]
            if not content:
                self.last_speaker, self.last_speaker_sentence = saved
                return []
            if (
                self.lower[content[0]] in self.comps
                or any(self._subjunctive(t) for t in content)
                or (self.lang == "en" and self._bare_clause_start(content, 0) == 0)
            ):
                qtype = "Indirect"
            elif lemma in self.lex.reported_verbs or particle:
                qtype = "Reported"
            else:
                self.last_speaker, self.last_speaker_sentence = saved
                return []
            parts = self._object_then_statement(content, lemma, qtype)
            tails = []
            for part, kind in parts:
                tail = self._finding(no, kind, part, cue if not tails else [], [], [v])
                tail.speaker_span, tail.speaker_surface, tail.speaker = speaker
                tails.append(tail)
            return [*first, *tails]
        return []

    def _object_then_statement(self, content: list[int], lemma: str, qtype: str) -> list:
        """ "…und kritisierte das Angebot einer Feuerpause: Damit wolle Moskau nur Zeit
        gewinnen": a reported verb's object, then after a colon the statement in Konjunktiv.
        Two records (reported object, indirect statement); otherwise the one given."""
        colon = next(
            (k for k, t in enumerate(content) if self.words[t] == ":" and not self.in_quote[t]),
            None,
        )
        if (
            colon is None
            or colon < 2
            or self.lang != "de"
            or lemma not in self.lex.reported_verbs
            or len(content) - colon < 4
        ):
            return [(content, qtype)]
        statement = content[colon + 1 :]
        head = content[:colon]
        if any(self._subjunctive(t) for t in head if self.subjunctive[t]) or not any(
            self._subjunctive(t) for t in statement if self.subjunctive[t]
        ):
            return [(content, qtype)]
        return [(head, "Reported"), (statement, "IndirectFreeIndirect")]

    def _coordinated_clauses(self, no: int, sent: _Sentence, body: list[int], cues) -> list:
        """ "Trump has threatened to …, and a White House official said …", "…, he said, and
        he repeated that …": two main clauses joined by ", and"/", but", the second with a
        verb of saying and a subject of its own. Each clause is read on its own."""
        if not cues:
            return []  # no verb of saying for a second subject to stand before
        verbs = {v for v, _cue in cues}
        for k in range(3, len(body) - 3):
            i = body[k]
            if (
                self.in_quote[i]
                or self.words[i] != ","
                or self.lower[body[k + 1]] not in _COORDINATORS
            ):
                continue
            start = k + 2
            if not any(
                body[start] < v <= body[start] + 8
                and self._np_backward(v, body[start]) == body[start]
                for v in verbs
            ):
                continue  # no subject right before a verb of saying
            first = self._indirect(no, _Sentence(body[:k], sent.quoted))
            second = self._indirect(no, _Sentence(body[start:], sent.quoted))
            if first and second:
                return [*first, *second]
            return []
        return []

    def _apposed_subject(self, toks: list[int], lo: int) -> list[int]:
        """ "Rustem Umerov, the secretary of the council, said …", "Ushakov, Putin's
        adviser, told …": English names the speaker, then describes them between commas;
        the name that opens the sentence is the subject of the verb at clause ``lo``."""
        if self.lang != "en" or lo < 4 or self.words[toks[lo - 1]] != ",":
            return []
        before = [t for t in toks[: lo - 1] if not self.in_quote[t] and not self.space[t]]
        if not before or not self.words[before[0]][0].isupper():
            return []
        end = self._np_forward(before[0], before[-1] + 1)
        k = next((n for n, t in enumerate(before) if t >= end), None)
        if k is None or k + 1 >= len(before) or self.words[before[k]] != ",":
            return []
        nxt = before[k + 1]
        possessive = k + 2 < len(before) and self.lower[before[k + 2]] in ("'s", "’s")
        if self.lower[nxt] in ("the", "a", "an", "who", "which") or possessive:
            return list(range(before[0], end))
        return []

    def _bare_clause_start(self, body: list[int], nxt: int) -> int | None:
        """Where a that-less English complement starts after the verb at ``nxt - 1``
        ("said on Tuesday it was ready", "said territorial questions would …"), skipping
        a weekday; None unless a clause follows (an opener, a name, or a finite verb soon)."""
        if (
            nxt + 1 < len(body)
            and self.lower[body[nxt]] == "on"
            and self.lower[body[nxt + 1]] in _EN_WEEKDAYS
        ):
            nxt += 2
        if nxt >= len(body) or len(body) - nxt < 4 or self.in_quote[body[nxt]]:
            return None
        first = body[nxt]
        if self.lower[first] in _EN_PREPOSITIONS or not self.words[first].isalpha():
            return None
        if self.lower[first] in _CLAUSE_OPENERS or self.cap[first]:
            return nxt
        soon = body[nxt + 1 : nxt + 6]
        if any(self.lower[t] in _EN_FINITE and not self.in_quote[t] for t in soon):
            return nxt
        return None

    def _infinitive_content(self, toks: list[int], body: list[int], cue: list[int]):
        """ "lehnte es ab, die Gespräche zu kommentieren, und reiste ab": the infinitive
        clause after the reported verb's clause is what was (not) said; the sentence
        around it is not. The clause's tokens up to its "zu" verb, or None."""
        if self.lang != "de":
            return None
        _lo, hi = self._clause_bounds(toks, toks.index(cue[-1]))
        if hi + 2 >= len(body) or self.words[toks[hi]] != ",":
            return None
        rest = body[hi + 1 :]
        if self.lower[rest[0]] in _ADVERBIAL:
            return None  # "…, um den Weg freizumachen": a purpose, not what was said
        for k, t in enumerate(rest):
            if self.in_quote[t] or self.words[t] in _CLAUSE_BREAKS:
                return None
            nxt = rest[k + 1] if k + 1 < len(rest) else None
            if self.lower[t] == "zu" and nxt is not None and self.words[nxt][0].islower():
                return rest[: k + 2] if k >= 1 else None
            if self._fused_zu(t) and k >= 1:
                return rest[: k + 1]
        return None

    def _speech_noun_report(self, no: int, toks: list[int], body: list[int]) -> list:
        """ "Dazu gibt er X Hinweise, wie …", "sprach die Warnung aus, dass …": a noun
        naming a speech act, its clause closed by a comma and a content clause (a
        complementizer, or a "zu" infinitive) after it. The clause is what the verb's
        subject said."""
        nouns = map(self.speech_noun.__getitem__, body[:-3])
        for k in itertools.compress(range(len(body)), nouns):
            i = body[k]
            if self.in_quote[i]:
                continue
            lo, hi = self._clause_bounds(body, k)
            if hi + 2 >= len(body) or self.words[body[hi]] != ",":
                continue
            rest = self._until_next_statement(body[hi + 1 :])
            colon = next((n for n, t in enumerate(rest) if self.words[t] == ":"), len(rest))
            rest = rest[:colon]  # "…, wie … könne: „Ich würde …“": the quote is its own
            if len(rest) < 3:
                continue
            content = self.lower[rest[0]] in self.comps or (
                self.lang == "de" and any(self.lower[t] == "zu" for t in rest)
            )
            if not content:
                continue
            verb = next(
                (
                    t
                    for t in body[lo:k]
                    if self.words[t][0].islower()
                    and self.words[t].isalpha()
                    and self.lower[t] not in self.dets | _PREPOSITIONS | self.lex.pronouns
                ),
                None,
            )
            if verb is None:
                continue
            subject = self._subject(toks, [verb])
            if subject:
                return [self._finding(no, "Reported", rest, [verb, i], subject, body[lo : hi + 1])]
        return []

    def _hypothetical(self, body: list[int]) -> bool:
        """A Konjunktiv II sentence with a condition or reason of its own ("Für ihn wäre
        es besser, wenn …", "Selbst wenn er wollte, müsste er …"): away from any report,
        the writer weighing a possibility, not a speaker's account going on."""
        outside = [i for i in body if not self.in_quote[i]]
        if not any(self.lower[i] in _CONDITIONALS for i in outside):
            return False
        return all(
            self.lower[i] in _KONJUNKTIV_II
            for i in itertools.compress(outside, map(self.subjunctive.__getitem__, outside))
            if self._subjunctive(i)
        )

    def _subjunctive(self, i: int) -> bool:
        """Konjunktiv I: a listed form ("sei", "habe") or a third person singular that is
        the infinitive minus its "n" ("gehe", "halte", "bleibe"), not after "ich"."""
        if not self.subjunctive[i]:  # not a listed form, nor a word in -e its lemma allows
            return False
        word = self.lower[i]
        if word in self.lex.subjunctive:
            return True
        if i and (self.lower[i - 1] == "ich" or self.lower[i - 1] in _ARTICLES):
            return False  # "ich gehe"; "eine schnelle Lösung" is an adjective
        if self.lemma[i] == word + "n":
            return True
        # Forms the lookup table lacks ("hänge", "lehne", "teile"): the infinitive is a
        # lemma of the table, and the word itself is no form of something else ("lange").
        return self.lemma[i] == word and word + "n" in _lemma_values(self.lang)

    def _verb_opens_clause(self, toks: list[int], lo: int, pos: int) -> bool:
        """ ", sagte X" / ", hatte X erklärt" / ", wie X mitteilte": nothing but "wie", an
        auxiliary or the subject comes between the comma and the speech verb."""
        first = toks[lo]
        if first == toks[pos] or self.lower[first] in self.aux:
            return True
        if self.lang == "en" and self._np_backward(toks[pos], first) == first:
            return True  # English keeps the subject first: "…, Ushakov told reporters."
        return self.lower[first] in ("wie", "as")

    def _until_next_statement(self, rest: list[int]) -> list[int]:
        """Cut a complement where the speaker goes on with a verb of their own:
        "…, dass X, und kündigte an, …" / "… und warnte vor …"."""
        verbs = self.verbs
        for k in range(1, len(rest) - 1):
            i = rest[k]
            if self.lower[i] in ("und", "and") and not self.in_quote[i]:
                nxt = rest[k + 1]
                if self.words[nxt][0].islower() and self.vlemma[nxt] in verbs:
                    end = k - 1 if self.words[rest[k - 1]] == "," else k
                    return rest[:end]
        return rest

    def _is_complement(self, rest: list[int]) -> bool:
        first = self.lower[rest[0]]
        if first in self.comps:
            return True
        if first in _ADVERBIAL:
            return False  # "…, nachdem …", "…, um … freizumachen": an adverbial clause
        words = {self.lower[i] for i in rest}
        if any(
            self._subjunctive(i)
            for i in itertools.compress(rest, map(self.subjunctive.__getitem__, rest))
        ):
            return True
        if len(rest) >= 2 and self._fused_zu(rest[-1]):
            return True  # "…, das Treffen abzusagen": ends in a zu-infinitive
        if first in _RELATIVE:
            return False
        if first in self.clause_subjects:
            return True  # "warf ihm vor, er wolle …": a main clause reported in the indicative
        return self.lang == "de" and "zu" in words and len(rest) >= 3

    def _fused_zu(self, i: int) -> bool:
        """A particle verb's zu-infinitive written as one word: "voranzutreiben",
        "abzuziehen" (the word without its "zu" is an infinitive of the lemma table)."""
        word = self.lower[i]
        if len(word) < 7 or not word.endswith("n") or not self.words[i][0].islower():
            return False
        k = word.find("zu", 2)
        if not 2 <= k <= len(word) - 5:
            return False
        lemmas = _lemma_values(self.lang)
        return word[:k] + word[k + 2 :] in lemmas or (
            word[:k] in _SEPARABLE and word[k + 2 :] in lemmas
        )

    def _ends_relative(self, quote: list[int]) -> bool:
        """ "A und B, das sich auf X stützt, bestreiten …": a noun phrase and the relative
        clause on it make up the text before the verb, so that text is the verb's subject,
        not what was said ("Als X kam, töteten sie Y, die …, teilte Z mit" is a report)."""
        for k in range(len(quote) - 2, 0, -1):
            i = quote[k]
            if self.words[i] in _CLAUSE_BREAKS or self.words[i] in _TERMINAL:
                if self.words[i] != ",":
                    return False
                nxt = quote[k + 1]
                if self.lower[nxt] in _PREPOSITIONS and k + 2 < len(quote):
                    nxt = quote[k + 2]  # ", mit dem …"
                return (
                    self.lower[nxt] in _RELATIVE
                    and not self._subjunctive(quote[-1])
                    and not any(self.words[j] in ",;:–—" for j in quote[:k])
                )
        return False

    def _is_main_clause(self, quote: list[int]) -> bool:
        """A clause that can stand as what was said: long enough, not just a name."""
        if len(quote) < 4:
            return False
        end = self._with_appositions(
            quote[0], self._np_forward(quote[0], quote[-1] + 1), quote[-1] + 1
        )
        return end < quote[-1] and any(
            self.words[i][0].islower() and self.lower[i] not in self.dets_or_links for i in quote
        )

    def _names_a_source(self, start: int, end: int) -> bool:
        """Does the phrase after "nach" name a source ("eigenen Angaben", "Polizeiberichten")?"""
        nouns = self.lex.source_nouns
        return any(
            self.words[j][0].isupper() and any(_source_compound(self.lower[j], n) for n in nouns)
            for j in range(start, min(end, start + 4))
        )

    def _addressee(self, frame: list[int]) -> Span | None:
        """Whom the words were addressed to: "gegenüber der Zeitung X", "ihm gegenüber"."""
        for k, i in enumerate(frame):
            if self.lower[i] != "gegenüber":
                continue
            if k + 1 < len(frame):
                end = self._np_forward(frame[k + 1], frame[-1] + 1)
                if end > frame[k + 1]:
                    return self._span(range(frame[k + 1], end))
            if k and self.lower[frame[k - 1]] in ("ihm", "ihr", "ihnen"):
                return self._span([frame[k - 1]])
        return None

    def _finding(self, no, qtype, quote, cue, subject, frame) -> QuoteFinding:
        finding = QuoteFinding(spans=self._spans(quote), type=qtype)
        if cue:
            finding.cue_spans = self._spans(cue)
            finding.cue = " ".join([self.words[i] for i in cue])
        if frame:
            finding.frame_spans = self._spans(frame)
            finding.addressee_span = self._addressee(frame)
        if subject:
            speaker = self._speaker_from(subject, no)
        elif any(self.lemma[c] in self.lex.impersonal_cues for c in cue):
            speaker = None  # "In Kreisen heißt es, …": no one is named
        else:
            speaker = self._previous_speaker(no)
        if speaker is not None:
            finding.speaker_span, finding.speaker_surface, finding.speaker = speaker
        return finding


def _source_compound(word: str, noun: str) -> bool:
    """Is ``word`` the source noun or a compound on it ("Polizeiangaben", "Kreml-Angaben",
    "Ermittlungsstand")? A short noun counts in a compound only after a hyphen or a linking
    "s": "Waffenstillstand" is no "Stand", "Soldaten" no "Daten"."""
    if not word.endswith(noun):
        return False
    return len(word) == len(noun) or len(noun) >= 6 or word[-len(noun) - 1] in "-s"


def _inside_brackets(prefix: str) -> bool:
    """Does ``prefix`` leave a round bracket open?"""
    return "(" in prefix and prefix.count("(") > prefix.count(")")


def _length(c: SpeakerCandidate) -> int:
    return c.end - c.start


def _distance(char: int, spans: list[Span]) -> int:
    return min(min(abs(char - s), abs(char - e)) for s, e in spans)


@lru_cache(maxsize=8)
def _source_words(lex: SpeechLexicon) -> frozenset[str]:
    """Words that can open a source phrase: a cheap filter before the phrase rules."""
    return (
        lex.source_prepositions
        | lex.source_prepositions_before_noun
        | lex.source_postpositions
        | lex.attribution_adverbs
        | {phrase.split()[0] for phrase in lex.source_phrases}
    )


@lru_cache(maxsize=8)
def _particle_stems(lex: SpeechLexicon) -> frozenset[str]:
    """Verbs that form a cue with a separable particle ("kündigen" in "ankündigen")."""
    return frozenset(
        verb[len(p) :] for verb in lex.all_verbs for p in lex.particles if verb.startswith(p)
    )


@lru_cache(maxsize=2)
def _lemma_forms(lang: str):
    """The word forms of the lookup lemmatizer's table (case-sensitive), for "is it a noun?"."""
    from parley.extract.nlp import get_nlp

    return get_nlp(lang).get_pipe("lemmatizer").lookups.get_table("lemma_lookup")


@lru_cache(maxsize=2)
def _lemma_values(lang: str) -> frozenset[str]:
    """Every lemma of the lookup table: German verbs appear there by their infinitive."""
    return frozenset(_lemma_forms(lang).values())


@lru_cache(maxsize=2)
def _stop_words(lang: str) -> frozenset[str]:
    from parley.extract.nlp import get_nlp

    return frozenset(get_nlp(lang).Defaults.stop_words)


def find_quotes(
    text: str,
    lang: str = "de",
    *,
    doc: Doc | None = None,
    speakers: Sequence[SpeakerCandidate] = (),
    extra_cues: Mapping[str, Iterable[str]] | None = None,
) -> list[QuoteFinding]:
    """All quotations in ``text`` with speaker, cue and frame spans, in text order.

    ``doc`` may be passed when the caller already parsed ``text`` with
    :func:`parley.extract.nlp.parse`. ``speakers`` are known actor mentions whose ids the
    speakers inherit; ``extra_cues`` adds words to the speech lexicon (same keys as
    ``speech_<lang>.yaml``), e.g. from a case pack.
    """
    if doc is None:
        doc = parse(text, lang)
    if not len(doc):
        return []
    lex = load_speech_lexicon(lang, extra_cues)
    return _Extractor(text, doc, lang, lex, speakers).run()


def extract_quotes(
    text: str,
    article: str,
    lang: str = "de",
    *,
    doc: Doc | None = None,
    speakers: Sequence[SpeakerCandidate] = (),
    extra_cues: Mapping[str, Iterable[str]] | None = None,
) -> list[Quote]:
    """:func:`find_quotes` as SPEC §1 ``quote`` records of article ``article``."""
    findings = find_quotes(text, lang, doc=doc, speakers=speakers, extra_cues=extra_cues)
    return [q for f in findings for q in _records(f, text, article)]


def _records(finding: QuoteFinding, text: str, article: str) -> list[Quote]:
    """SPEC records of a finding: a Konjunktiv report running over several sentences is one
    record per sentence (each a statement of its own), anything else one record."""
    if finding.type != "IndirectFreeIndirect" or len(finding.spans) == 1:
        return [finding.to_quote(text, article)]
    out = []
    for span in finding.spans:
        part = QuoteFinding(
            spans=[span],
            type=finding.type,
            speaker_span=finding.speaker_span,
            speaker_surface=finding.speaker_surface,
            speaker=finding.speaker,
        )
        out.append(part.to_quote(text, article))
    return out
