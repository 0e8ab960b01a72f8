"""Compiled documents laid out as the interpreted ones are: no weak references, no ``__dict__``.

The interpreted document classes have ``__slots__`` all the way down: ``weakref.ref(document)``
raises TypeError and ``document.anything = 1`` raises AttributeError. mypyc gives a native class
with a Python base (``typing.Generic`` counts, so every document class) a ``__dict__`` and a weak
reference slot after its fields, so the compiled build did neither:

- weak references: on Python 3.11 mypyc sets ``tp_weaklistoffset`` to that slot, so
  ``weakref.ref(document)`` succeeds, but the generated ``tp_clear``/``tp_dealloc`` release the
  slot with ``Py_CLEAR`` like any object field instead of ``PyObject_ClearWeakRefs`` (mypy 2.4.1,
  ``mypyc/codegen/emitclass.py``, ``generate_subtype_clear_body``), so once the document is freed
  its weak reference points at freed memory and calling it crashes the interpreter (issue 21:
  exit -11). From Python 3.12 mypyc uses a managed ``__dict__`` and leaves
  ``tp_weaklistoffset`` at 0, and weak references are refused there already.
- ``__dict__``: ``tp_dictoffset`` points at the other slot, so any attribute could be set on a
  compiled document (``doc.x = 1``) where the interpreted build raises AttributeError.

The fix makes 3.11 do what the interpreted build does: ``tp_weaklistoffset`` and
``tp_dictoffset`` back to 0 on the compiled document types. Both slots then stay NULL for ever,
which is what mypyc's ``Py_CLEAR`` and ``Py_VISIT`` handle safely; mypyc's own pickling reads
``__dict__`` among the attributes it may find missing (``CPyPickle_GetState``), and the documents
pickle through their own ``__reduce__`` anyway. The fields' places in the type object are not
assumed: they are found by reading two ordinary classes whose offsets are known
(``type.__weakrefoffset__``, ``type.__dictoffset__``), and a class is written only when each
place holds the offset the type reports.
"""

from __future__ import annotations

import sys

_cached_indexes: dict[str, int] = {}


def _probes() -> list[type]:
    class Plain:  # an ordinary class: a __dict__ and a __weakref__ slot
        pass

    class Slotted:  # both after two fields: other offsets
        __slots__ = ("first", "second", "__dict__", "__weakref__")  # noqa: RUF023  (order sets the offsets)

    return [Plain, Slotted]


def _field_index(offset_name: str) -> int | None:
    """Which pointer-sized field of a type object holds ``offset_name`` (``__weakrefoffset__`` for
    ``tp_weaklistoffset``, ``__dictoffset__`` for ``tp_dictoffset``); None: not found."""
    if offset_name in _cached_indexes:
        return _cached_indexes[offset_name]
    import ctypes

    word = ctypes.sizeof(ctypes.c_void_p)
    probes = [cls for cls in _probes() if getattr(cls, offset_name)]
    if len({getattr(cls, offset_name) for cls in probes}) != 2:
        return None
    # Within the type object of a class statement (a heap type, more than twice this size); the
    # fields are numbers 26 and 36 (from 0) of CPython 3.11's PyTypeObject (Include/cpython/object.h).
    limit = 48
    matches = [
        index
        for index in range(limit)
        if all(
            ctypes.c_ssize_t.from_address(id(cls) + index * word).value == getattr(cls, offset_name)
            for cls in probes
        )
    ]
    if len(matches) != 1:
        return None
    _cached_indexes[offset_name] = matches[0]
    return matches[0]


def _zero(classes: tuple[type, ...], offset_name: str, field: str) -> None:
    needed = [cls for cls in classes if getattr(cls, offset_name)]
    if not needed:
        return
    import ctypes

    index = _field_index(offset_name)
    if index is None:
        raise RuntimeError(f"cannot find {field} in this interpreter's type objects")
    word = ctypes.sizeof(ctypes.c_void_p)
    for cls in needed:
        slot = ctypes.c_ssize_t.from_address(id(cls) + index * word)
        if slot.value != getattr(cls, offset_name):
            raise RuntimeError(f"unexpected type layout for {cls.__qualname__}: {field} left as it is")
        slot.value = 0


def as_interpreted(*classes: type) -> None:
    """Make instances of ``classes`` (compiled documents) refuse weak references and new attributes,
    as the interpreted ones do (see the module doc).

    A no-op where they already do (every interpreted build; from Python 3.12 the weak references,
    see the module doc). Raises RuntimeError rather than write anywhere it cannot verify.
    """
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        # 3.12+: mypyc keeps a managed __dict__ (Py_TPFLAGS_MANAGED_DICT, tp_dictoffset -1), which
        # cannot be taken away by an offset; tests/generated/test_copy_pickle_weakref.py says so.
        return
    _zero(classes, "__weakrefoffset__", "tp_weaklistoffset")
    _zero(classes, "__dictoffset__", "tp_dictoffset")


__all__ = ["as_interpreted"]
