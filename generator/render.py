"""openapi-python-client renders the package: its parser and Jinja environment, our templates.

`PatreonProject` is openapi-python-client's `Project` with the build steps narrowed to what the
product runs: per operation a typed request builder (`endpoint_module.py.jinja`), per tag the sync
and async resource classes (`endpoint_init.py.jinja`), the clients (`client.py.jinja`), and the
spec-driven modules it has no template for (resources, documents, Literals, the schema table). Its
eager attrs models, per-operation `sync`/`asyncio` functions, `Client` and `types.py` are never
rendered, so never shipped. The spec facts it does not parse (`x-patreon-*`: resource types,
scopes, page limits) come from `spec_model` as template globals.
"""

from __future__ import annotations

import pprint
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openapi_python_client import Project
from openapi_python_client.parser.errors import GeneratorError

from generator import spec_model, unasync

TEMPLATES = Path(__file__).resolve().parent / "templates"

# Package-level modules rendered from our templates: output name -> template.
MODULES = {
    "__init__.py": "package_init.py.jinja",
    "_provenance.py": "provenance.py.jinja",
    "client.py": "client.py.jinja",
    "errors.py": "errors.py.jinja",
    "documents.py": "documents.py.jinja",
    "literals.py": "literals.py.jinja",
    "plain.py": "plain.py.jinja",
    "resources.py": "resources.py.jinja",
    "routing.py": "routing.py.jinja",
    "schema.py": "schema.py.jinja",
    "types.py": "types.py.jinja",
}


def _data(value: object) -> str:
    """A plain-data literal (dicts, tuples, strings) for the schema table, stable across runs."""
    return pprint.pformat(value, width=100, sort_dicts=False)


def _attribute_name(name: str) -> str:
    """The Python name of an attribute: itself, or with `_` when it is not an identifier or shadows `id`/`type`."""
    return name if name.isidentifier() and name not in {"type", "id"} else name + "_"


def _docstring_text(text: str) -> str:
    """Text that is safe inside a triple-quoted docstring."""
    return text.replace("\\", "\\\\").replace('"""', "'''")


def _unsupported(what: str) -> str:
    raise SystemExit(f"generator: the templates do not support {what}; extend them or the spec")


class PatreonProject(Project):
    """A `Project` whose build renders only what `patreon_generated` ships."""

    def __init__(self, *, facts: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(custom_template_path=TEMPLATES, **kwargs)
        self.facts = facts
        self.env.filters.update(
            pydata=_data,
            pascal=spec_model.pascal,
            snake=spec_model.snake,
            tuple=tuple,
            attribute_name=_attribute_name,
            docstring_text=_docstring_text,
            known_fields=self._known_fields,
            unasync=self._unasync,
        )
        self.env.globals.update(facts, unsupported=_unsupported)

    def _unasync(self, text: str) -> str:
        """The sync twin of async declarations (generator/unasync.py), each namespace renamed too."""
        renames = {
            f"Async{spec_model.pascal(tag)}Resource": f"{spec_model.pascal(tag)}Resource"
            for tag in self.facts["tags"]
        }
        return unasync.unasync_code(text, renames)

    def _known_fields(self, op: spec_model.Endpoint) -> str:
        """Per `fields[TYPE]` of an operation, the attribute names the spec lists (a literal)."""
        types = self.facts["types"]
        return _data({t: tuple(a.name for a in types[t].attributes) for t in op.fields_types})

    def build(self) -> Sequence[GeneratorError]:
        self.package_dir.mkdir(parents=True)
        for output, template in MODULES.items():
            self._render(template, self.package_dir / output)
        self._build_operations()
        return self._get_errors()

    def _render(self, template: str, path: Path, **context: Any) -> None:
        text = self.env.get_template(template).render(**context)
        path.write_text(text, encoding=self.config.file_encoding)

    def _build_operations(self) -> None:
        """`api/<tag>/<operation>.py` builders and `api/<tag>/__init__.py` resource classes."""
        api_dir = self.package_dir / "api"
        api_dir.mkdir()
        self._render("api_init.py.jinja", api_dir / "__init__.py")
        endpoints = self.facts["endpoints"]
        for tag, collection in self.openapi.endpoint_collections_by_tag.items():
            # The OAuth token endpoint has no resource client: patreon_auth drives it.
            operations = [e for e in collection.endpoints if e.name in endpoints]
            if not operations:
                continue
            tag_dir = api_dir / tag
            tag_dir.mkdir()
            self._render("endpoint_init.py.jinja", tag_dir / "__init__.py", tag=tag, operations=operations)
            for endpoint in operations:
                self._render(
                    "endpoint_module.py.jinja",
                    tag_dir / f"{endpoint.name}.py",
                    endpoint=endpoint,
                    op=endpoints[endpoint.name],
                )
