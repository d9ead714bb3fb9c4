"""Base pieces for geonews's folium elements: render once, never re-read as a template.

branca's ``MacroElement.render`` wraps each macro's output in a new ``Element``,
which parses it as a Jinja template a second time; anything from data in that
output would be evaluated.  Elements that mix in :class:`RawRender` hand their
output to the page as finished text instead, and :class:`Template` gives their
templates a ``js`` filter that encodes values with :func:`geonews.maps.escape.script_json`.
"""

from __future__ import annotations

from typing import Any

from branca.element import Element, MacroElement
from folium import template as _folium_template

from geonews.maps.escape import script_json

__all__ = ["RawRender", "Template"]


class _Environment(_folium_template.Environment):
    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.filters["js"] = script_json


class Template(_folium_template.Template):
    r"""folium's template class with a ``js`` filter: ``{{ value|js }}`` is :func:`script_json`.

    Examples
    --------
    >>> Template("var x = {{ v|js }};").render(v="</script>")
    'var x = "\\u003c/script\\u003e";'
    """

    environment_class = _Environment


class _Raw(Element):
    """Finished markup, handed to the page as it is (never parsed as a template)."""

    def __init__(self, markup: str):
        super().__init__()
        self._markup = markup

    def render(self, **kwargs: Any) -> str:
        return self._markup


class RawRender(MacroElement):
    """Mixin for a ``MacroElement``: render its macros once, as finished text.

    branca's ``MacroElement.render`` wraps each macro's output in a new
    ``Element``, which parses it as a Jinja template again; this mixin adds the
    output as :class:`_Raw` parts instead (also faster for megabytes of data).
    """

    def render(self, **kwargs: Any) -> None:  # type: ignore[override]  # as MacroElement
        """Add the element's header, html and script macros to its figure."""
        from folium.elements import ElementAddToElement
        from folium.map import Layer

        figure = self.get_root()
        if isinstance(self, Layer) and self.show and self._parent is not None:
            self.add_child(
                ElementAddToElement(
                    element_name=self.get_name(), element_parent_name=self._parent.get_name()
                ),
                name=self.get_name() + "_add",
            )
        module = self._template.module.__dict__
        for part in ("header", "html", "script"):
            macro = module.get(part)
            if macro is not None:
                getattr(figure, part).add_child(_Raw(macro(self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)
