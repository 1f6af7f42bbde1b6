"""Every URL pattern of the project, found by walking Django's resolver."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Endpoint:
    name: str  # "namespace:name", or "" when the pattern has none
    route: str  # the whole route, e.g. "c/<slug:slug>/membres/"
    params: tuple  # names of the path parameters
    module: str  # the module of the view

    def __str__(self):
        return self.name or self.route


def _params(pattern) -> list[str]:
    converters = getattr(pattern, "converters", None)
    if converters:
        return list(converters)
    regex = getattr(pattern, "regex", None)
    return list(regex.groupindex) if regex is not None else []


def _walk(patterns, prefix="", namespaces=(), params=()):
    for entry in patterns:
        route = prefix + str(entry.pattern)
        names = (*params, *_params(entry.pattern))
        if isinstance(entry, URLResolver):
            spaces = (*namespaces, entry.namespace) if entry.namespace else namespaces
            yield from _walk(entry.url_patterns, route, spaces, names)
        elif isinstance(entry, URLPattern):
            name = ":".join((*namespaces, entry.name)) if entry.name else ""
            callback = entry.callback
            module = getattr(callback, "__module__", "") or ""
            view_class = getattr(callback, "view_class", None)
            if view_class is not None:
                module = view_class.__module__
            yield Endpoint(name, route, tuple(dict.fromkeys(names)), module)


def endpoints() -> list[Endpoint]:
    """Every URL pattern of the project, in resolver order."""
    return list(_walk(get_resolver().url_patterns))
