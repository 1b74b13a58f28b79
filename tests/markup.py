"""Reading HTML as a browser would, for the tests that feed hostile text through the site:
what in a page could run (`live_parts`) and what a reader sees (`visible_text`)."""

from __future__ import annotations

from html.parser import HTMLParser


class LiveParts(HTMLParser):
    """Collects what a browser would run: scripts, event handlers, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_script = tag == "script"
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.live.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction", "data") and value.startswith("javascript:"):
                self.live.append(f"<{tag} {name}={value!r}>")
            if tag == "img" and name == "src" and value == "x":
                self.live.append("<img src=x> from the article")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert" in data:
            self.live.append(f"<script>{data.strip()[:60]}</script>")


def live_parts(html: str) -> list[str]:
    parser = LiveParts()
    parser.feed(html)
    parser.close()
    return parser.live


class VisibleText(HTMLParser):
    """The text a reader sees (entities decoded), outside scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        self.hidden += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("script", "style") and self.hidden > 0

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(*pages: str) -> str:
    parser = VisibleText()
    for page in pages:
        parser.feed(page)
    parser.close()
    return "".join(parser.parts)
