"""Read a rendered form the way a browser submits it: (name, value) of every input outside <template>."""

from __future__ import annotations

from html.parser import HTMLParser


class FormValues(HTMLParser):
    """Collect the inputs, selected options and textareas of the form with id `form_id`."""

    def __init__(self, form_id: str = "doc-form") -> None:
        super().__init__()
        self.form_id = form_id
        self.pairs: list[tuple[str, str]] = []
        self._in_form = False
        self._template = 0
        self._textarea: list[str] | None = None
        self._select: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("id") == self.form_id:
            self._in_form = True
        if not self._in_form:
            return
        if tag == "template":
            self._template += 1
        if self._template:
            return
        if tag == "input" and a.get("name") and a.get("type") != "file":
            if a.get("type") in ("radio", "checkbox") and "checked" not in a:
                return  # a browser sends only the checked choice
            self.pairs.append((a["name"], a.get("value", "")))
        elif tag == "textarea":
            self._textarea = [a["name"], ""]
        elif tag == "select":
            self._select = [a["name"], ""]
        elif tag == "option" and self._select is not None and "selected" in a:
            self._select[1] = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if not self._in_form:
            return
        if tag == "form":
            self._in_form = False
        elif tag == "template":
            self._template -= 1
        elif self._template:
            return
        elif tag == "textarea" and self._textarea:
            self.pairs.append((self._textarea[0], self._textarea[1].removeprefix("\n")))
            self._textarea = None
        elif tag == "select" and self._select:
            self.pairs.append((self._select[0], self._select[1]))
            self._select = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None and not self._template:
            self._textarea[1] += data


def form_values(html: str, form_id: str = "doc-form") -> list[tuple[str, str]]:
    """Return what submitting the form in `html` would send (without any button)."""
    parser = FormValues(form_id)
    parser.feed(html)
    return parser.pairs
