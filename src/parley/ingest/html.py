"""HTML pages to main text plus the metadata the page states.

trafilatura finds the article body and reads title, author, site name and date
from the page's own markup (meta tags, JSON-LD). Those become *hints* for
metadata extraction, which weighs them against what the text says. The date
search is kept to structured metadata (no "extensive search" through the page
body), because parley never guesses a publication date. The page's visible lines
(``page_lines``) go along too: when the markup states no date, the metadata reader
looks for the stamp line a reader sees next to the headline and byline, which
trafilatura leaves out of the body.

What trafilatura keeps (photo credits, embedded posts, consent notices inside
the article body) is removed afterwards by the same line cleaner as plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parley.errors import InputError

_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# Elements that start a line of their own when a browser shows the page.
_BLOCKS = (
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li", "main", "nav",
    "ol", "p", "section", "table", "td", "th", "tr", "ul",
)  # fmt: skip
_UNSEEN = "//head|//script|//style|//noscript|//template"
# lxml refuses a str with an encoding declaration, and control characters anywhere.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class HtmlText:
    text: str  # main text, paragraphs separated by blank lines
    hints: dict[str, str]  # title, author, outlet, published, url as the page states them
    page: str = ""  # the page's visible lines, one per line; "" when the markup dates it


def page_lines(html: str) -> list[str]:
    """The page's visible text line by line, as a browser lays it out (chrome included).

    trafilatura keeps the article body and leaves out the lines around the headline that
    say who wrote it and when ("By Jane Doe" / "Oct. 18, 2025"). The metadata reader looks
    for a stated date there when neither the page's markup nor the body states one.
    """
    from lxml import etree
    from lxml import html as lxml_html

    html = _CONTROL.sub("", _XML_DECLARATION.sub("", html))
    try:
        root = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    for element in root.xpath(_UNSEEN):
        element.drop_tree()
    for element in list(root.iter(*_BLOCKS)):
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    lines = (re.sub(r"\s+", " ", line).strip() for line in root.text_content().split("\n"))
    return [line for line in lines if line]


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
    stated = {k: v.strip() for k, v in hints.items() if isinstance(v, str) and v.strip()}
    return HtmlText(
        text="\n\n".join(p for p in paragraphs if p),
        hints=stated,
        # Laid out only when needed: the markup's own date makes the page's lines moot.
        page="" if "published" in stated else "\n".join(page_lines(html)),
    )
