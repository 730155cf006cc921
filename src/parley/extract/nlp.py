"""The text layer: tokens, sentences and lemmas for German and English news.

No statistical German pipeline can be installed here, so parley runs spaCy *blank*
pipelines with two rule components: a sentence splitter that knows German
quotation marks and ordinal numbers, and the lookup lemmatizer whose tables ship
inside ``spacy-lookups-data`` (so it works offline).

Why a custom splitter: spaCy's ``sentencizer`` cuts „Wir sind bereit. Wir warten.“
into two sentences and leaves the closing mark dangling, which breaks quote
attribution; and it cannot tell "auf 177. Am Montag" (a sentence end) from
"am 15. April" (an ordinal date). The splitter keeps a quotation in one sentence,
splits after a closing mark when the quoted sentence ended there, and detaches
the period from a number that ends a sentence.

Quotation-mark pairing lives here too (:func:`quoted_spans`), so the splitter and
the quote extractor agree on what is inside a quote.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported lazily: the CLI's --help must stay instant.
    from spacy.language import Language
    from spacy.tokens import Doc

SUPPORTED_LANGUAGES = ("de", "en")

#: Opening mark -> the closing marks that may end it. German „…“ and »…«, Swiss
#: «…», English “…”, straight "…", and the frequent sloppy mixes („…” „…").
_CLOSERS: dict[str, str] = {
    "„": '“”"',
    "»": "«",
    "«": "»",
    "“": "”“",
    "”": "”",
    '"': '"',
}
_MARKS_OR_BREAK = re.compile('[„“”"»«\n]')
_TERMINAL = frozenset(".!?…")
_CLOSING_BRACKETS = frozenset(")]")
# Months (and their abbreviations) after "15." mark an ordinal date, never a sentence end.
_MONTHS = frozenset((
    "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august",
    "september", "oktober", "november", "dezember",
    "jan", "feb", "mär", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez",
))  # fmt: skip
_NUMBER_PERIOD = re.compile(r"^\d+(?:[.,]\d+)*\.$")
# user_data keys: the splitter's columns handed to the lemmatizer, and the token table.
_PENDING = "parley_split_columns"
_COLUMNS = "parley_token_columns"
_QUOTED = "parley_quoted_spans"  # read by the quote extractor too
_TEXT = "parley_text"  # the text being parsed, for the splitter (see :func:`parse`)


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """One quotation: ``start`` is the opening mark, ``end`` is just past the closing mark.

    ``closed`` is False when the paragraph ended before a closing mark appeared
    (then ``end`` is the paragraph's end). ``inner_start``/``inner_end`` bound the
    quoted words without the marks.
    """

    start: int
    end: int
    closed: bool

    @property
    def inner_start(self) -> int:
        return self.start + 1

    @property
    def inner_end(self) -> int:
        return self.end - 1 if self.closed else self.end


def _is_opening(text: str, i: int) -> bool:
    """Whether the mark at ``i`` opens a quote, judged by what touches it."""
    mark = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if mark == "„":
        return not after.isspace()
    if mark in "»«":
        return not after.isspace() and not (before.isalnum() and after in ",.;:!? ")
    # “ ” and " are ambiguous: an opener stands after a space or bracket and before a word.
    return (before.isspace() or before in "([{/–—-:") and not after.isspace()


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Pair quotation marks in ``text`` into top-level quotations.

    Single marks (‚‘ ›‹ ') are left alone: they are apostrophes far more often than
    quotes, and when they are quotes they are nested inside a double quote. An
    unterminated quote ends at the paragraph break (a blank line or a line break),
    because news paragraphs never continue a quote across lines without reopening it.
    """
    spans: list[QuotedSpan] = []
    open_at = -1
    closers = ""
    n = len(text)
    for match in _MARKS_OR_BREAK.finditer(text):  # visit only the characters that matter
        i = match.start()
        ch = text[i]
        if open_at >= 0:
            if ch == "\n":
                spans.append(QuotedSpan(open_at, i, closed=False))
                open_at = -1
            elif ch in closers and not (
                ch == "“" and text[open_at] == "“" and _is_opening(text, i)
            ):
                spans.append(QuotedSpan(open_at, i + 1, closed=True))
                open_at = -1
        elif ch in _CLOSERS and _is_opening(text, i):
            open_at, closers = i, _CLOSERS[ch]
    if open_at >= 0:
        spans.append(QuotedSpan(open_at, n, closed=False))
    return spans


def quotations(doc: Doc, text: str) -> list[QuotedSpan]:
    """:func:`quoted_spans` of ``text``, the text ``doc`` was parsed from: the pairing the
    sentence splitter made already, when ``doc`` comes from :func:`parse`."""
    cached = doc.user_data.get(_QUOTED)
    return [QuotedSpan(*q) for q in cached] if cached is not None else quoted_spans(text)


def _inside_mask(idx, spans: list[QuotedSpan]) -> list[bool]:
    """For each token start (``idx``, a sequence or array): does it lie strictly inside
    a quotation (marks excluded)?"""
    import numpy as np

    if not spans or not len(idx):
        return [False] * len(idx)
    # Quotations do not overlap, so their inner ends ascend: the first one ending after
    # a token start is the only one that can hold it.
    inner_starts = np.array([q.inner_start for q in spans] + [0])  # + a pad past the last
    inner_ends = np.array([q.inner_end for q in spans])
    starts = np.asarray(idx)
    k = np.searchsorted(inner_ends, starts, side="right")
    return ((k < len(spans)) & (inner_starts[k] <= starts)).tolist()


def _next_word(words: list[str], i: int) -> int | None:
    """Index of the first non-space token after ``i``, or None at the end."""
    j = i + 1
    while j < len(words) and words[j].isspace():
        j += 1
    return j if j < len(words) else None


def _starts_sentence(word: str) -> bool:
    """A sentence may begin with a capitalised word, an opening mark or a bracket."""
    first = word[0]
    return first.isupper() or first in '„»«"“([' or (first.isdigit() and word.istitle())


def _number_ends_sentence(words: list[str], i: int, stop_words: frozenset[str]) -> bool:
    """Is the period of ``177.`` a full stop? Yes before "Am", no before "April" or "Mal"."""
    j = _next_word(words, i)
    if j is None:
        return True
    nxt = words[j]
    if nxt.lower().rstrip(".") in _MONTHS:
        return False
    if nxt[0] in '„»«"“' or "\n" in words[j - 1]:
        return True
    # A capitalised function word ("Am", "Die", "Er") starts a sentence; a capitalised
    # noun after an ordinal ("2. Weltkrieg", "3. Mal") continues the same one.
    return nxt[0].isupper() and nxt.lower() in stop_words


def _detach_final_periods(
    doc: Doc, words: list[str], candidates: list[int], stop_words: frozenset[str]
) -> bool:
    """Split ``177.`` into ``177`` + ``.`` where the period ends a sentence; True if any.

    ``candidates`` are the tokens shaped like a number with a final period."""
    targets = [i for i in candidates if _number_ends_sentence(words, i, stop_words)]
    if not targets:
        return False
    with doc.retokenize() as retok:
        for i in targets:
            tok = doc[i]
            retok.split(tok, [tok.text[:-1], "."], heads=[(tok, 1), (tok, 1)])
    return True


def _sentence_starts(
    words: list[str], idx: list[int], spans: list[QuotedSpan], candidates: list[int], offsets
) -> list[int]:
    """The tokens that open a sentence, from token texts and offsets alone (fast, pure
    Python); ``offsets`` is ``idx`` as an array.

    Only line breaks, words ending in a terminal and closing marks can end a sentence;
    ``candidates`` are the tokens of the first two kinds (the closing marks are found
    here), and each is judged on its own, so the others need not be visited."""
    n = len(words)
    inside = _inside_mask(offsets, spans)
    closes_at = {s.end - 1 for s in spans if s.closed}
    starts = {0} if n else set()
    if closes_at:  # the tokens at closing marks (offsets ascend: bisect)
        at = [bisect_left(idx, o) for o in closes_at]
        closing = [k for k, o in zip(at, closes_at, strict=True) if k < n and idx[k] == o]
        candidates = sorted(set(candidates).union(closing))
    for i in candidates:
        word = words[i]
        if word.isspace():
            if "\n" in word:
                nxt = _next_word(words, i)
                if nxt is not None and (word.count("\n") >= 2 or not words[nxt].islower()):
                    starts.add(nxt)
            continue
        if inside[i]:
            continue
        if word in _TERMINAL or (len(word) > 1 and word[-1] in "!?"):
            end = i
        elif idx[i] in closes_at and i > 0 and words[i - 1][-1] in _TERMINAL:
            end = i  # „Das ist gut.“ Er … — the sentence ends after the closing mark
        else:
            continue
        # A closing bracket or mark right after the terminal belongs to the same sentence.
        while end + 1 < n and (
            words[end + 1] in _CLOSING_BRACKETS
            or (idx[end + 1] in closes_at and idx[end + 1] == idx[end] + len(words[end]))
        ):
            end += 1
        nxt = _next_word(words, end)
        if nxt is not None and _starts_sentence(words[nxt]):
            starts.add(nxt)
    return sorted(starts)


#: Per word form (by its hash in the shared StringStore): the text, the text with a
#: trailing space, whether it ends in a terminal or holds a line break (a possible
#: sentence end), and whether it is a number with a final period. Forms recur, so
#: these are asked once per form, not once per token.
_FORMS: dict[int, tuple[str, str, bool, bool]] = {}


def _form(orth: int, strings) -> tuple[str, str, bool, bool]:
    found = _FORMS.get(orth)
    if found is None:
        w = strings[orth]
        found = _FORMS[orth] = (
            w,
            w + " ",
            w[-1] in _TERMINAL or "\n" in w,
            w[-1] == "." and _NUMBER_PERIOD.match(w) is not None,
        )
    return found


class _Columns:
    """The token attributes the splitter reads, by arrays, with per-form answers looked
    up in :data:`_FORMS` (one dictionary hit per token, no Token objects)."""

    __slots__ = ("idx", "info", "offsets", "orth", "orths", "space", "words")

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import IDX, ORTH, SPACY

        columns = doc.to_array([ORTH, IDX, SPACY])
        self.orth, self.offsets = columns[:, 0], columns[:, 1]
        self.idx = self.offsets.tolist()
        self.space = columns[:, 2].tolist()
        self.orths = orths = self.orth.tolist()
        info = list(map(_FORMS.get, orths))
        if None in info:
            strings = doc.vocab.strings
            info = [_form(h, strings) if f is None else f for f, h in zip(info, orths, strict=True)]
        self.info = info
        self.words = list(map(itemgetter(0), info))

    def flagged(self, k: int) -> list[int]:
        """Tokens whose form has per-form flag ``k`` set."""
        return list(itertools.compress(range(len(self.info)), map(itemgetter(k), self.info)))

    def text(self) -> str:
        """The Doc's text (``doc.text`` would build a Token per word): each form with
        its trailing space where the token has one."""
        return "".join(map(tuple.__getitem__, self.info, self.space))


def _split_sentences(doc: Doc, stop_words: frozenset[str]) -> Doc:
    import numpy as np
    from spacy.attrs import SENT_START

    # The text handed to :func:`parse` (None from spaCy's own calls: rebuilt below).
    text = doc.user_data.pop(_TEXT, None)
    if not len(doc):
        doc.user_data[_QUOTED] = []
        return doc
    cols = _Columns(doc)
    if _detach_final_periods(doc, cols.words, cols.flagged(3), stop_words):
        cols = _Columns(doc)
    words, idx = cols.words, cols.idx
    spans = quoted_spans(cols.text() if text is None else text)
    # The quote extractor reuses the pairing; plain tuples keep the Doc serialisable.
    doc.user_data[_QUOTED] = [(q.start, q.end, q.closed) for q in spans]
    starts = _sentence_starts(words, idx, spans, cols.flagged(2), cols.offsets)
    # Every token is marked: 1 opens a sentence, -1 explicitly does not.
    values = np.full((len(words), 1), np.iinfo("uint64").max, dtype="uint64")  # -1
    values[starts] = 1
    doc.from_array([SENT_START], values)
    doc.user_data[_PENDING] = (cols, values[:, 0])  # for the lemmatizer, right after
    return doc


def _make_splitter(lang: str):
    from spacy.language import Language

    name = f"parley_sentences_{lang}"
    if name in Language.factories:
        return name

    @Language.factory(name)
    def _factory(nlp: Language, name: str):
        stop_words = frozenset(nlp.Defaults.stop_words)

        def splitter(doc: Doc) -> Doc:
            return _split_sentences(doc, stop_words)

        return splitter

    return name


def _lemmatize(doc: Doc, table, memo: dict[int, int]) -> Doc:
    """Fill empty lemmas from the lookup table, as spaCy's lookup mode does, by columns.

    spaCy's own ``Lemmatizer.__call__`` creates a Python ``Token`` per word and looks
    each one up; here each distinct word form is looked up once (``memo`` keeps the
    answer across documents) and the lemmas are written back as one array. Right after
    the splitter, its columns are reused, and the table of :func:`token_columns` is
    left in the Doc for the extractors.
    """
    import numpy as np
    from spacy.attrs import LEMMA

    pending = doc.user_data.pop(_PENDING, None)
    if not len(doc):
        return doc
    cols, sent_starts = pending if pending is not None else (_Columns(doc), None)
    strings = doc.vocab.strings
    orths = cols.orths
    found = list(map(memo.get, orths))
    if None in found:
        for k, lemma in enumerate(found):
            if lemma is None:
                found[k] = _lookup_lemma(orths[k], table, memo, strings)
    lemmas = np.array(found, dtype="uint64")
    if sent_starts is None:
        present = doc.to_array(LEMMA)
        preset = present != 0  # spaCy's lemmatizer leaves set lemmas alone
        lemmas[preset] = present[preset]
    # (Straight after the tokenizer and the splitter no lemma is set: the tokenizer's
    # special cases set only ORTH and NORM.)
    doc.from_array([LEMMA], lemmas.reshape(-1, 1))
    if sent_starts is not None:
        # Tokens tile the text, each followed by at most one space: a token's length is
        # the distance to the next one's offset minus its trailing space.
        offsets = cols.offsets
        space = np.array(cols.space, dtype="uint64")
        total = offsets[-1] + len(cols.words[-1]) + space[-1]
        lengths = np.diff(offsets, append=total) - space
        spaces = np.fromiter(map(str.isspace, cols.words), dtype="uint64", count=len(orths))
        doc.user_data[_COLUMNS] = np.column_stack(
            [cols.orth, lemmas, offsets, lengths, spaces, sent_starts]
        )
    return doc


def _lookup_lemma(orth: int, table, memo: dict[int, int], strings) -> int:
    lemma = memo.get(orth)
    if lemma is None:
        found = table.get(orth)
        if found is None:  # not in the table: the word is its own lemma
            lemma = orth
        else:
            lemma = strings.add(found if isinstance(found, str) else found[0])
        memo[orth] = lemma
    return lemma


def _make_lemmatizer() -> str:
    from spacy.language import Language
    from spacy.pipeline import Lemmatizer

    name = "parley_lookup_lemmatizer"
    if name in Language.factories:
        return name

    class ColumnLemmatizer(Lemmatizer):
        """spaCy's lookup lemmatizer (same table, same lemmas), applied by columns."""

        def __call__(self, doc: Doc) -> Doc:
            return _lemmatize(doc, self.lookups.get_table("lemma_lookup"), self.cache)

    @Language.factory(name)
    def _factory(nlp: Language, name: str):
        return ColumnLemmatizer(nlp.vocab, None, name, mode="lookup")

    return name


@lru_cache(maxsize=len(SUPPORTED_LANGUAGES))
def get_nlp(lang: str) -> Language:
    """The cached blank pipeline for ``lang`` ("de" or "en") with splitter and lemmas."""
    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; parley reads {SUPPORTED_LANGUAGES}")
    import spacy

    nlp = spacy.blank(lang)
    nlp.add_pipe(_make_splitter(lang))
    nlp.add_pipe(_make_lemmatizer(), name="lemmatizer")
    nlp.initialize()  # loads the lookup table from spacy-lookups-data, no network
    return nlp


def token_columns(doc: Doc):
    """``doc.to_array([ORTH, LEMMA, IDX, LENGTH, IS_SPACE, SENT_START])``.

    A Doc straight from :func:`parse` carries this table already (the pipeline's last
    component builds it from what the splitter and lemmatizer read anyway), which saves
    each extractor a pass over the tokens. It is only valid while the Doc is unchanged:
    parley never edits a parsed Doc, and a changed token count falls back to reading.
    """
    cached = doc.user_data.get(_COLUMNS)
    if cached is not None and len(cached) == len(doc):
        return cached
    from spacy.attrs import IDX, IS_SPACE, LEMMA, LENGTH, ORTH, SENT_START

    return doc.to_array([ORTH, LEMMA, IDX, LENGTH, IS_SPACE, SENT_START])


def parse(text: str, lang: str) -> Doc:
    """Tokens, sentences (``doc.sents``) and lemmas (``token.lemma_``) of ``text``.

    The pipeline's components are run here in order, as ``Language.__call__`` would,
    so that the splitter can be handed the text itself instead of rebuilding it.
    """
    pipeline = get_nlp(lang)
    doc = pipeline.make_doc(text)
    doc.user_data[_TEXT] = text
    for _, component in pipeline.pipeline:
        doc = component(doc)
    return doc


def parse_many(texts, lang: str, batch_size: int = 64):
    """Stream :func:`parse` over many texts (spaCy's ``pipe``, same results)."""
    yield from get_nlp(lang).pipe(texts, batch_size=batch_size)
