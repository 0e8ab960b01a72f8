"""Compiled documents refuse weak references, as the interpreted ones do (slots, no ``__weakref__``).

Why this exists: mypyc gives a native class with a Python base (``typing.Generic`` counts, so
every document class) a ``__dict__`` and a weak reference slot after its fields; on Python 3.11
it sets ``tp_weaklistoffset`` to that slot, so ``weakref.ref(document)`` succeeds. But the
generated ``tp_clear``/``tp_dealloc`` release that slot with ``Py_CLEAR`` like any object field
instead of ``PyObject_ClearWeakRefs`` (mypy 2.4.1, ``mypyc/codegen/emitclass.py``,
``generate_subtype_clear_body``), so once the document is freed its weak reference points at
freed memory and calling it crashes the interpreter (issue 21: exit -11). From Python 3.12 mypyc
uses a managed ``__dict__`` and leaves ``tp_weaklistoffset`` at 0, and weak references are
refused there already.

The fix here makes 3.11 do what 3.12 does: ``tp_weaklistoffset`` back to 0 on the compiled
document types, so ``weakref.ref`` raises ``TypeError`` ("cannot create weak reference") on
every build. The slot stays NULL for ever, which is what mypyc's ``Py_CLEAR`` handles safely.
The field's place in the type object is not assumed: it is found by reading two ordinary
classes whose weak reference offsets are known (``type.__weakrefoffset__``), and a class is
written only when that place holds the offset ``__weakrefoffset__`` reports.
"""

from __future__ import annotations

import sys

_cached_index: int | None = None


def _field_index() -> int | None:
    """Which pointer-sized field of a type object is ``tp_weaklistoffset`` (None: not found)."""
    global _cached_index
    if _cached_index is not None:
        return _cached_index
    import ctypes

    class Plain:  # an ordinary class: a __dict__ and a __weakref__ slot
        pass

    class Slotted:  # weak reference slot after two fields: another offset
        __slots__ = ("first", "second", "__weakref__")  # noqa: RUF023  (order sets the offset)

    word = ctypes.sizeof(ctypes.c_void_p)
    probes = [cls for cls in (Plain, Slotted) if cls.__weakrefoffset__]
    if len({cls.__weakrefoffset__ for cls in probes}) != 2:
        return None
    # Within the type object of a class statement (a heap type, more than twice this size); the
    # field is the 27th in CPython 3.11's PyTypeObject (Include/cpython/object.h).
    limit = 48
    matches = [
        index
        for index in range(limit)
        if all(
            ctypes.c_ssize_t.from_address(id(cls) + index * word).value == cls.__weakrefoffset__
            for cls in probes
        )
    ]
    if len(matches) != 1:
        return None
    _cached_index = matches[0]
    return _cached_index


def refuse_weak_references(*classes: type) -> None:
    """Make ``weakref.ref`` refuse instances of ``classes`` (compiled documents; see the module doc).

    A no-op where weak references are already refused (every interpreted build, and compiled
    from Python 3.12). Raises RuntimeError rather than write anywhere it cannot verify.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    needed = [cls for cls in classes if cls.__weakrefoffset__]
    if not needed:
        return
    import ctypes

    index = _field_index()
    if index is None:
        raise RuntimeError("cannot find tp_weaklistoffset in this interpreter's type objects")
    word = ctypes.sizeof(ctypes.c_void_p)
    for cls in needed:
        field = ctypes.c_ssize_t.from_address(id(cls) + index * word)
        if field.value != cls.__weakrefoffset__:
            raise RuntimeError(
                f"unexpected type layout for {cls.__qualname__}: weak references left as they are"
            )
        field.value = 0


__all__ = ["refuse_weak_references"]
