"""Email HTML to plain text, without rendering it and without fetching anything.

The standard library's parser walks the markup; only text nodes are kept. Images, styles,
scripts and links' targets are dropped, so nothing remote is ever requested and nothing of
the markup reaches a page.
"""

import re
from html.parser import HTMLParser

# Elements whose content is never text a reader sees.
SKIPPED = {"script", "style", "head", "title", "template", "noscript", "svg", "object"}
# Elements that start a new line of text.
BLOCKS = {
    "address", "article", "aside", "blockquote", "div", "dl", "dt", "dd", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tr", "ul",
}  # fmt: skip


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED:
            self.skipping += 1
        elif tag == "br":
            self.pieces.append("\n")
        elif tag in BLOCKS:
            self.pieces.append("\n\n" if tag == "p" else "\n")
        elif tag in ("td", "th"):
            self.pieces.append(" ")

    def handle_startendtag(self, tag, attrs):
        if tag == "br" or tag == "hr":
            self.pieces.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCKS:
            self.pieces.append("\n\n" if tag == "p" else "\n")

    def handle_data(self, data):
        if not self.skipping:
            self.pieces.append(re.sub(r"\s+", " ", data))


def html_to_text(markup: str) -> str:
    """The readable text of an HTML email: paragraphs kept, whitespace tidied."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    text = "".join(collector.pieces).replace("\xa0", " ")
    lines = [line.strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
