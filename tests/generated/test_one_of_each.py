"""One of each in the package users browse: one class per name, each Literal alias written once.

Read from the generated sources (AST), so a second `Member` or a second `MemberField = Literal[...]`
anywhere in patreon_generated/ fails here, whichever module it hides in.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "patreon_generated"


def definitions() -> tuple[Counter[str], Counter[str]]:
    """(class names, Literal alias names) defined at the top level of every generated module."""
    classes: Counter[str] = Counter()
    literals: Counter[str] = Counter()
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.ClassDef):
                classes[node.name] += 1
            elif isinstance(node, ast.AnnAssign | ast.Assign) and "Literal[" in ast.unparse(node):
                targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
                literals.update(t.id for t in targets if isinstance(t, ast.Name))
    return classes, literals


def test_one_class_per_name() -> None:
    classes, _ = definitions()
    assert {name: n for name, n in classes.items() if n > 1} == {}
    # The resource class, its attributes view and its raw TypedDict have three different names.
    assert classes["Member"] == classes["MemberAttributes"] == classes["MemberJSON"] == 1


def test_each_literal_alias_written_once() -> None:
    _, literals = definitions()
    assert {name: n for name, n in literals.items() if n > 1} == {}
    assert literals["MemberField"] == literals["PatronStatus"] == literals["ListCampaignMembersInclude"] == 1
