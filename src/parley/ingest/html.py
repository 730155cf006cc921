"""HTML pages to main text plus the metadata the page states.

trafilatura finds the article body and reads title, author, site name and date
from the page's own markup (meta tags, JSON-LD). Those become *hints* for
metadata extraction, which weighs them against what the text says. The date
search is kept to structured metadata (no "extensive search" through the page
body), because parley never guesses a publication date.

What trafilatura keeps (photo credits, embedded posts, consent notices inside
the article body) is removed afterwards by the same line cleaner as plain text.
"""

from __future__ import annotations

from dataclasses import dataclass

from parley.errors import InputError

_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True, slots=True)
class HtmlText:
    text: str  # main text, paragraphs separated by blank lines
    hints: dict[str, str]  # title, author, outlet, published, url as the page states them


def extract_html(
    html: str, source: str, *, url: str | None = None, line: int | None = None
) -> HtmlText:
    """Main text and page metadata, or :class:`InputError` if the page has no article text."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if document is None or not (document.text or "").strip():
        raise InputError(source, "no article text found in the HTML", line)
    paragraphs = [p.strip() for p in document.text.split("\n")]
    hints = {
        "title": document.title,
        "author": document.author,
        "outlet": document.sitename,
        "published": document.date,
        "url": document.url,
    }
    return HtmlText(
        text="\n\n".join(p for p in paragraphs if p),
        hints={k: v.strip() for k, v in hints.items() if isinstance(v, str) and v.strip()},
    )
