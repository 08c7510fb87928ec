"""clausier: bilingual (English/French) policies from catalogs of model clauses.

A ctypes binding over libclausier's public C API (include/clausier.h): no
compiled extension to build per Python version, and the C API was made for
bindings (opaque handles, an error struct, options initialised by function).

    import clausier
    smp = clausier.data_file("catalogs/smp.xml")  # along CLAUSIER_DATA_PATH, else installed
    with clausier.Catalog(smp) as cat, clausier.Profile("profile.xml") as prof:
        with clausier.Policy(cat, prof) as policy:
            print(policy.render("fr-CA", format="html"))

Every object can be closed with close() or a with block, and is freed on
garbage collection otherwise.  What the C library borrows stays alive for the
borrower: a Policy keeps its catalog, a MapReport its source policy, target
catalog, genre and crosswalk.  Closing a Catalog that policies still use
frees it when the last of them goes, so a policy made in a with block can be
rendered after it; using an object that is itself closed raises ValueError;
close() may be called any number of times.  Errors raise clausier.Error,
which carries the library's code, source, line, column and message.

The library is found, in this order, at CLAUSIER_LIBRARY (a path to
libclausier.so.0), in the libdir make install recorded (_paths.py), then by
the system's loader (ctypes.util.find_library, then libclausier.so.0 along
LD_LIBRARY_PATH and ld.so.cache): a package installed by pip finds a library
installed by make install or a Debian package.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime
import importlib
import os
import threading
from typing import (Any, Callable, ClassVar, Dict, Iterator, List, Optional, Sequence, Tuple, Type, TypedDict,
                    TypeVar, Union, overload)

__version__ = "0.1.0"  # the C library's PACKAGE_VERSION (configure.ac), tested

__all__ = ["Error", "Catalog", "Profile", "Policy", "Values", "ValueLike", "Genre", "Crosswalk", "MapReport", "Finding", "Gap",
           "CrosswalkEntry", "negotiate", "check_translation", "typeset", "disclaimer", "data_file", "version",
           "FORMATS", "GAP_STATUSES", "Glossary", "CheckFinding", "Stats", "check", "stats", "fix_typography"]

StrPath = Union[str, "os.PathLike[str]"]
"""A file name: str or a path-like object (pathlib.Path)."""
_T = TypeVar("_T")
_H = TypeVar("_H", bound="_Handle")


def _candidates() -> Iterator[Tuple[Optional[str], str]]:
    # (what to dlopen, where the name came from), in order.  The environment
    # names a library on purpose (the build tree's, in tests); an installed
    # package knows where make install put the library (_paths.py; pip writes
    # none); else the loader.  find_library runs ldconfig or a compiler: only
    # when the others failed.
    env = os.environ.get("CLAUSIER_LIBRARY")
    if env:
        yield env, "CLAUSIER_LIBRARY"
    try:
        libdir = importlib.import_module(__name__ + "._paths").LIBDIR
    except ImportError:
        pass
    else:
        yield os.path.join(libdir, "libclausier.so.0"), "the libdir of make install, clausier/_paths.py"
    yield ctypes.util.find_library("clausier"), "ctypes.util.find_library(\"clausier\")"
    yield "libclausier.so.0", "the loader's search (LD_LIBRARY_PATH, ld.so.cache)"


def _load() -> ctypes.CDLL:
    tried = []
    for name, why in _candidates():
        if name is None:
            tried.append(why + ": nothing")
            continue
        try:
            return ctypes.CDLL(name)
        except OSError as e:
            tried.append("%s (%s): %s" % (name, why, e))
    raise ImportError("libclausier was not found; tried " + "; ".join(tried) +
                      ". Install libclausier (make install, then ldconfig), or set CLAUSIER_LIBRARY to the "
                      "path of libclausier.so.0", name="clausier")


_lib = _load()


class _CError(ctypes.Structure):
    _fields_ = [("code", ctypes.c_int), ("source", ctypes.c_char * 256), ("line", ctypes.c_int),
                ("column", ctypes.c_int), ("message", ctypes.c_char * 512)]


class _RenderOptions(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("locale", ctypes.c_char_p), ("format", ctypes.c_int),
                ("flags", ctypes.c_uint), ("width", ctypes.c_uint), ("locale2", ctypes.c_char_p)]


class _Negotiation(ctypes.Structure):
    _fields_ = [("locale", ctypes.c_char * 16), ("chain", ctypes.c_char * 64), ("why", ctypes.c_char * 256)]


_P = ctypes.c_void_p
_PP: Any = ctypes.POINTER(ctypes.c_void_p)
_E: Any = ctypes.POINTER(_CError)


# The C functions, by what they return (c_char_p: bytes, or None for NULL).
_Int = Callable[..., int]
_Void = Callable[..., None]
_Bytes = Callable[..., bytes]
_Str = Callable[..., Optional[bytes]]


def _fn(name: str, restype: Any, *argtypes: Any) -> Any:
    f = getattr(_lib, name)
    f.restype = restype
    f.argtypes = list(argtypes)
    return f


_catalog_load_file: _Int = _fn("clausier_catalog_load_file", ctypes.c_int, _PP, ctypes.c_char_p, _E)
_catalog_load_memory: _Int = _fn("clausier_catalog_load_memory", ctypes.c_int, _PP, ctypes.c_char_p,
                           ctypes.c_size_t, ctypes.c_char_p, _E)
_catalog_free: _Void = _fn("clausier_catalog_free", None, _P)
_catalog_count: _Int = _fn("clausier_catalog_count", ctypes.c_size_t, _P)
_catalog_clause_id: _Bytes = _fn("clausier_catalog_clause_id", ctypes.c_char_p, _P, ctypes.c_size_t)
_catalog_clause_jurisdictions: _Str = _fn("clausier_catalog_clause_jurisdictions", ctypes.c_char_p, _P,
                                    ctypes.c_size_t)
_catalog_clause_variant: _Str = _fn("clausier_catalog_clause_variant", ctypes.c_char_p, _P, ctypes.c_size_t,
                              ctypes.c_size_t, ctypes.POINTER(ctypes.c_int))
_catalog_clause_when: _Str = _fn("clausier_catalog_clause_when", ctypes.c_char_p, _P, ctypes.c_size_t)
_catalog_id: _Bytes = _fn("clausier_catalog_id", ctypes.c_char_p, _P)
_catalog_source_language: _Bytes = _fn("clausier_catalog_source_language", ctypes.c_char_p, _P)
_profile_load_file: _Int = _fn("clausier_profile_load_file", ctypes.c_int, _PP, ctypes.c_char_p, _E)
_profile_load_memory: _Int = _fn("clausier_profile_load_memory", ctypes.c_int, _PP, ctypes.c_char_p,
                           ctypes.c_size_t, ctypes.c_char_p, _E)
_profile_free: _Void = _fn("clausier_profile_free", None, _P)
_policy_assemble: _Int = _fn("clausier_policy_assemble", ctypes.c_int, _PP, _P, _P, _E)
_policy_load_file: _Int = _fn("clausier_policy_load_file", ctypes.c_int, _PP, _P, ctypes.c_char_p, _E)
_policy_free: _Void = _fn("clausier_policy_free", None, _P)
_policy_count: _Int = _fn("clausier_policy_count", ctypes.c_size_t, _P)
_policy_write: _Int = _fn("clausier_policy_write", ctypes.c_int, _PP, ctypes.POINTER(ctypes.c_size_t), _P, _E)
_render_options_init: _Int = _fn("clausier_render_options_init", ctypes.c_int, ctypes.POINTER(_RenderOptions),
                           ctypes.c_uint)
_render: _Int = _fn("clausier_render", ctypes.c_int, _PP, ctypes.POINTER(ctypes.c_size_t), _P,
              ctypes.POINTER(_RenderOptions), _E)
_negotiate: _Int = _fn("clausier_locale_negotiate_among", ctypes.c_int, ctypes.POINTER(_Negotiation), ctypes.c_char_p,
                       _P, ctypes.c_char_p, ctypes.c_char_p, _E)
_typeset: _Int = _fn("clausier_typeset", ctypes.c_int, _PP, ctypes.c_char_p, ctypes.c_char_p)
_free: _Void = _fn("clausier_free", None, _P)
_version: _Bytes = _fn("clausier_version", ctypes.c_char_p)
_REPORT = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_char_p)
_NOTE = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p)
_policy_warnings: _Int = _fn("clausier_policy_warnings", ctypes.c_int, _P, _NOTE, ctypes.c_void_p)
_check: _Int = _fn("clausier_check_translation", ctypes.c_int, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p,
             ctypes.c_char_p, _REPORT, ctypes.c_void_p)

_policy_load_draft: _Int = _fn("clausier_policy_load_draft", ctypes.c_int, _PP, _P, ctypes.c_char_p, _E)
_values_new: _Int = _fn("clausier_values_new", ctypes.c_int, _PP, _P, _E)
_values_free: _Void = _fn("clausier_values_free", None, _P)
_values_clear: _Void = _fn("clausier_values_clear", None, _P)
_values_count: _Int = _fn("clausier_values_count", ctypes.c_size_t, _P)
_values_set: _Int = _fn("clausier_values_set", ctypes.c_int, _P, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, _E)
_values_set_name: _Int = _fn("clausier_values_set_name", ctypes.c_int, _P, ctypes.c_char_p, ctypes.c_char_p,
                             ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, _E)
_values_set_list: _Int = _fn("clausier_values_set_list", ctypes.c_int, _P, ctypes.c_char_p, ctypes.c_char_p,
                             ctypes.POINTER(ctypes.c_char_p), ctypes.c_size_t, _E)
_policy_assemble_values: _Int = _fn("clausier_policy_assemble_values", ctypes.c_int, _PP, _P, _P, _P, _E)
_policy_assemble_draft: _Int = _fn("clausier_policy_assemble_draft", ctypes.c_int, _PP, _P, _P, _E)
_policy_with_values: _Int = _fn("clausier_policy_with_values", ctypes.c_int, _PP, _P, _P, _E)
_genre_load_file: _Int = _fn("clausier_genre_spec_load_file", ctypes.c_int, _PP, ctypes.c_char_p, _E)
_genre_free: _Void = _fn("clausier_genre_spec_free", None, _P)
_genre_title: _Str = _fn("clausier_genre_spec_title", ctypes.c_char_p, _P, ctypes.c_char_p)
_crosswalk_load_file: _Int = _fn("clausier_crosswalk_load_file", ctypes.c_int, _PP, ctypes.c_char_p, _E)
_crosswalk_free: _Void = _fn("clausier_crosswalk_free", None, _P)
_crosswalk_count: _Int = _fn("clausier_crosswalk_count", ctypes.c_size_t, _P)
_crosswalk_verify: _Int = _fn("clausier_crosswalk_verify", ctypes.c_int, _P, _P, _P, _E)
_crosswalk_render: _Int = _fn("clausier_crosswalk_render", ctypes.c_int, _PP, ctypes.POINTER(ctypes.c_size_t), _P, _P,
                        _P, ctypes.POINTER(_RenderOptions), _E)
_relation_name: _Str = _fn("clausier_relation_name", ctypes.c_char_p, ctypes.c_int)


class _Entry(ctypes.Structure):
    _fields_ = [("topic", ctypes.c_int), ("from_", ctypes.c_char_p), ("to", ctypes.c_char_p),
                ("relation", ctypes.c_int), ("why_en", ctypes.c_char_p), ("why_fr", ctypes.c_char_p),
                ("line", ctypes.c_int)]


class _Gap(ctypes.Structure):
    _fields_ = [("status", ctypes.c_int), ("from_", ctypes.c_char_p), ("to", ctypes.c_char_p),
                ("relation", ctypes.c_int), ("element", ctypes.c_char_p), ("reference", ctypes.c_char_p),
                ("why_en", ctypes.c_char_p), ("why_fr", ctypes.c_char_p), ("needs", ctypes.c_char_p)]


class _Finding(ctypes.Structure):
    _fields_ = [("severity", ctypes.c_int), ("clause", ctypes.c_char_p), ("rule", ctypes.c_char_p),
                ("reference", ctypes.c_char_p), ("message", ctypes.c_char_p)]


_crosswalk_entry_get: _Int = _fn("clausier_crosswalk_entry_get", ctypes.c_int, ctypes.POINTER(_Entry), _P,
                           ctypes.c_size_t)
_policy_map: _Int = _fn("clausier_policy_map", ctypes.c_int, _PP, _PP, _P, _P, _P, _P, _E)
_report_free: _Void = _fn("clausier_map_report_free", None, _P)
_report_count: _Int = _fn("clausier_map_report_count", ctypes.c_size_t, _P)
_report_gap: _Int = _fn("clausier_map_report_gap", ctypes.c_int, ctypes.POINTER(_Gap), _P, ctypes.c_size_t)
_report_write: _Int = _fn("clausier_map_report_write", ctypes.c_int, _PP, ctypes.POINTER(ctypes.c_size_t), _P,
                    ctypes.c_int, _E)
_report_render: _Int = _fn("clausier_map_report_render", ctypes.c_int, _PP, ctypes.POINTER(ctypes.c_size_t), _P,
                     ctypes.POINTER(_RenderOptions), _E)
_FINDING = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.POINTER(_Finding))
_policy_lint: _Int = _fn("clausier_policy_lint", ctypes.c_int, _P, _P, _FINDING, ctypes.c_void_p, _E)
_lint_disclaimer: _Str = _fn("clausier_lint_disclaimer", ctypes.c_char_p)

FORMATS: Dict[str, int] = {"text": 0, "markdown": 1, "html": 2, "docbook": 3}
"""The formats of render(): the keys are the names its format= takes."""
GAP_STATUSES: Tuple[str, ...] = ("mapped", "approximated", "added", "decision", "dropped", "formality")
"""What can become of a clause in a conversion: the values of Gap["status"]."""


class Finding(TypedDict):
    """One finding of Policy.lint()."""
    severity: str  # "error" or "warning"
    clause: Optional[str]
    rule: Optional[str]
    reference: Optional[str]
    message: Optional[str]


# "from" is a keyword: the functional syntax.
Gap = TypedDict("Gap", {"status": str, "from": Optional[str], "to": Optional[str], "relation": Optional[str],
                        "element": Optional[str], "reference": Optional[str], "why_en": Optional[str],
                        "why_fr": Optional[str], "needs": List[str]})
Gap.__doc__ = """What became of one clause in a conversion (MapReport.gaps()); status is one of GAP_STATUSES."""
CrosswalkEntry = TypedDict("CrosswalkEntry", {"topic": bool, "from": Optional[str], "to": Optional[str],
                                              "relation": Optional[str], "why_en": Optional[str],
                                              "why_fr": Optional[str], "line": int})
CrosswalkEntry.__doc__ = """One relation of a crosswalk (Crosswalk.entries()): between topics if topic, else clauses."""
_RENDER_OPTIONS_VERSION = 1
_FALLBACK, _STANDALONE = 1, 2


class Error(Exception):
    """An error of libclausier: code (a negative clausier_status), source (a
    file name or "<memory>"), line and column (0 when not known), message."""

    code: int
    source: str
    line: int
    column: int
    message: str

    def __init__(self, err: _CError) -> None:
        self.code = err.code
        self.source = err.source.decode("utf-8", "replace")
        self.line = err.line
        self.column = err.column
        self.message = err.message.decode("utf-8", "replace")
        where = self.source
        if self.line:
            where += ":%d" % self.line
            if self.column:
                where += ":%d" % self.column
        super().__init__("%s: %s" % (where, self.message) if where else self.message)


@overload
def _b(s: str) -> bytes: ...
@overload
def _b(s: Optional[str]) -> Optional[bytes]: ...


def _b(s: Optional[str]) -> Optional[bytes]:
    return None if s is None else s.encode("utf-8")


def _take(ptr: ctypes.c_void_p, length: int = -1) -> str:
    """A string the library allocated (of length bytes, or up to its NUL), as str, freed."""
    try:
        return ctypes.string_at(ptr, length).decode("utf-8")
    finally:
        _free(ptr)


class _Ref:
    """One C object and the number of holds on it: its Python object's
    until close(), one for each object that borrows it for its life (a
    policy its catalog; a map report its policy, target catalog, genre and
    crosswalk), one for each call in progress.  The last release frees it,
    then lets go of what it borrowed.  Counted here rather than left to the
    garbage collector, which finalises a reference cycle in any order."""

    __slots__ = ("ptr", "_free", "_count", "_deps")
    # Reentrant: a __del__ run by the collector inside a locked region of
    # the same thread must not deadlock.  Nothing in one allocates.
    _lock = threading.RLock()

    ptr: Optional[int]

    def __init__(self, ptr: Optional[int], free: Callable[[Optional[int]], None], deps: Sequence[_Ref] = ()) -> None:
        self.ptr, self._free, self._count, self._deps = ptr, free, 1, tuple(deps)

    def more(self) -> _Ref:
        """Another hold, for a caller that already holds one."""
        with self._lock:
            self._count += 1
        return self

    def release(self) -> None:
        with self._lock:
            self._count -= 1
            if self._count:
                return
            ptr, self.ptr = self.ptr, None
        self._free(ptr)
        deps, self._deps = self._deps, ()
        for d in deps:
            d.release()


class _Held:
    """The C objects of some Python objects (None: NULL), held for the
    length of a call, so that a close() in another thread cannot free one
    under it.  An object already closed raises ValueError.  keep(i, ...)
    gives new holds, for an object made by the call that borrows them."""

    def __init__(self, *objs: Optional[_Handle]) -> None:
        self._refs: List[Optional[_Ref]] = []
        try:
            for o in objs:
                self._refs.append(None if o is None else o._hold())
        except BaseException:
            self._let_go()
            raise
        self.ptrs = tuple(None if r is None else r.ptr for r in self._refs)

    def keep(self, *indices: int) -> Tuple[_Ref, ...]:
        return tuple(_not_none(self._refs[i]).more() for i in indices)

    def _let_go(self) -> None:
        refs, self._refs = self._refs, []
        for r in refs:
            if r is not None:
                r.release()

    def __enter__(self) -> _Held:
        return self

    def __exit__(self, *exc: object) -> None:
        self._let_go()


class _Handle:
    """A Python object over one C object (a _Ref).  close() lets go of the
    object's own hold: the C object is freed then, or when the last object
    borrowing it is.  A closed object raises ValueError when used."""

    _free_fn: ClassVar[Callable[[Optional[int]], None]]
    _ref: Optional[_Ref] = None  # None once closed, or when __init__ failed
    _lock: ClassVar[threading.RLock] = _Ref._lock  # a class attribute: still there at interpreter shutdown

    def _own(self, ptr: Optional[int], deps: Sequence[_Ref] = ()) -> None:
        self._ref = _Ref(ptr, type(self)._free_fn, deps)

    @classmethod
    def _wrap(cls: Type[_H], ptr: Optional[int], deps: Sequence[_Ref]) -> _H:
        obj = cls.__new__(cls)
        obj._own(ptr, deps)
        return obj

    def _hold(self) -> _Ref:
        with self._lock:
            ref = self._ref
            if ref is not None:
                ref._count += 1
        if ref is None:
            raise ValueError("%s is closed" % type(self).__name__)
        return ref

    def close(self) -> None:
        """Lets go of the C object: freed now, or, if other objects borrow
        it (the policies of a catalog), when the last of them is.  Using
        this object afterwards raises ValueError; closing again does
        nothing."""
        with self._lock:
            ref, self._ref = self._ref, None
        if ref is not None:
            ref.release()

    def __enter__(self: _H) -> _H:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass


def _load_into(path: Optional[StrPath], xml: Optional[str], name: Optional[str], load_file: _Int,
               load_memory: _Int) -> Optional[int]:
    h, err = ctypes.c_void_p(), _CError()
    if xml is not None:
        data = xml.encode("utf-8")
        rc = load_memory(ctypes.byref(h), data, len(data), _b(name), ctypes.byref(err))
    elif path is None:
        raise TypeError("a file name or xml= is needed")
    else:
        rc = load_file(ctypes.byref(h), os.fsencode(path), ctypes.byref(err))
    if rc:
        raise Error(err)
    return h.value


class Catalog(_Handle):
    """A catalog of model clauses, loaded safely (see doc/catalog-format.md).
    Closing it while policies use it frees it when the last of them goes."""

    _free_fn = _catalog_free

    def __init__(self, path: Optional[StrPath] = None, *, xml: Optional[str] = None,
                 name: Optional[str] = None) -> None:
        self._own(_load_into(path, xml, name, _catalog_load_file, _catalog_load_memory))

    @property
    def id(self) -> str:
        with _Held(self) as held:
            return _catalog_id(held.ptrs[0]).decode("utf-8")

    @property
    def source_language(self) -> str:
        with _Held(self) as held:
            return _catalog_source_language(held.ptrs[0]).decode("utf-8")

    def clause_ids(self) -> List[str]:
        with _Held(self) as held:
            h = held.ptrs[0]
            return [_catalog_clause_id(h, i).decode("utf-8") for i in range(_catalog_count(h))]

    def clause_jurisdictions(self) -> Dict[str, Tuple[Optional[str], List[Tuple[str, str]]]]:
        """{clause id: (jurisdictions it is limited to, or None,
        [(jurisdictions, risk) of each variant for jurisdictions])}."""
        risks = ("balanced", "strict", "open")  # clausier_risk
        with _Held(self) as held:
            h = held.ptrs[0]
            out: Dict[str, Tuple[Optional[str], List[Tuple[str, str]]]] = {}
            for i in range(_catalog_count(h)):
                only = _catalog_clause_jurisdictions(h, i)
                variants: List[Tuple[str, str]] = []
                risk, k = ctypes.c_int(), 0
                while True:
                    v = _catalog_clause_variant(h, i, k, ctypes.byref(risk))
                    if v is None:
                        break
                    variants.append((v.decode("utf-8"), risks[risk.value]))
                    k += 1
                out[_catalog_clause_id(h, i).decode("utf-8")] = (only.decode("utf-8") if only else None, variants)
            return out

    def clause_conditions(self) -> Dict[str, str]:
        """{clause id: the boolean parameter that must be true for the clause
        to be in a policy (its `when`)}, for the clauses that have one."""
        with _Held(self) as held:
            h = held.ptrs[0]
            out: Dict[str, str] = {}
            for i in range(_catalog_count(h)):
                w = _catalog_clause_when(h, i)
                if w:
                    out[_catalog_clause_id(h, i).decode("utf-8")] = w.decode("utf-8")
            return out


class Profile(_Handle):
    """An organization's profile: sector, jurisdiction, risk tolerance, values.
    Read while a policy is assembled, never borrowed."""

    _free_fn = _profile_free

    def __init__(self, path: Optional[StrPath] = None, *, xml: Optional[str] = None,
                 name: Optional[str] = None) -> None:
        self._own(_load_into(path, xml, name, _profile_load_file, _profile_load_memory))


ValueLike = Union[str, bool, int, float, "datetime.date", Sequence[str]]
"""What a value may be given as: a str as a profile writes it ("2027-01-15",
"1500 CAD"), a bool (true/false), an int or float (a number), a
datetime.date (YYYY-MM-DD), or a list or tuple of str (a list's items)."""


def _value_text(value: ValueLike) -> Union[str, List[str]]:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return list(value)
    raise TypeError("a value is a str, bool, int, float, datetime.date or a list of str, not %s"
                    % type(value).__name__)


def _values_put(h: Optional[int], name: str, value: ValueLike, lang: Optional[str], article: Optional[str],
                gender: Optional[str], number: Optional[str], elision: Optional[str]) -> None:
    text, err = _value_text(value), _CError()
    if isinstance(text, list):
        if article or gender or number or elision:
            raise TypeError("a list has no grammar: article, gender, number and elision are for a name")
        items = (ctypes.c_char_p * max(1, len(text)))(*[_b(t) for t in text])
        rc = _values_set_list(h, _b(name), _b(lang), items, len(text), ctypes.byref(err))
    elif article or gender or number or elision:
        rc = _values_set_name(h, _b(name), _b(lang), _b(text), _b(article), _b(gender), _b(number), _b(elision),
                              ctypes.byref(err))
    else:
        rc = _values_set(h, _b(name), _b(lang), _b(text), ctypes.byref(err))
    if rc:
        raise Error(err)


class Values(_Handle):
    """Values of a catalog's parameters given without XML, as a profile's
    <value> elements give them, for a program that renders per request:
    each is checked when set, with the errors a profile gets (an unknown
    parameter, a date, e-mail address, URL, number, money or choice that is
    not one, an invisible or bidi control: Error).  Setting a name again for
    the same language replaces its value.  Keeps its catalog alive.  One
    thread at a time may use it.

        base = clausier.Policy(cat, prof, draft=True)      # once
        for request in requests:                           # then, per request
            with base.with_values({"org": request.org, "effective": request.date}) as pol:
                html = pol.render("fr-CA", format="html")
    """

    _free_fn = _values_free

    def __init__(self, catalog: Catalog, values: Optional[Dict[str, ValueLike]] = None) -> None:
        h, err = ctypes.c_void_p(), _CError()
        with _Held(catalog) as held:
            if _values_new(ctypes.byref(h), held.ptrs[0], ctypes.byref(err)):
                raise Error(err)
            self._own(h.value, held.keep(0))
        if values:
            self.update(values)

    @classmethod
    def _of(cls, catalog: _Ref, values: Dict[str, ValueLike]) -> Values:
        """Values for the catalog a policy holds (catalog: its _Ref)."""
        h, err = ctypes.c_void_p(), _CError()
        if _values_new(ctypes.byref(h), catalog.ptr, ctypes.byref(err)):
            raise Error(err)
        obj = cls._wrap(h.value, (catalog.more(),))
        try:
            obj.update(values)
        except BaseException:
            obj.close()
            raise
        return obj

    def set(self, name: str, value: ValueLike, lang: Optional[str] = None, *, article: Optional[str] = None,
            gender: Optional[str] = None, number: Optional[str] = None, elision: Optional[str] = None) -> None:
        """Sets parameter name's value for language lang (None: every
        language); a name's grammar as a profile's attributes give it:
        article le, la, l’, les, the or none; gender m or f; number singular
        or plural; elision yes or no.  Raises Error, leaving the object as
        it was, when the value is refused."""
        with _Held(self) as held:
            _values_put(held.ptrs[0], name, value, lang, article, gender, number, elision)

    def update(self, values: Dict[str, ValueLike]) -> None:
        """Sets each value of a dict {name: value}, for every language."""
        for name, value in values.items():
            self.set(name, value)

    def clear(self) -> None:
        """Removes every value, to fill the object again."""
        with _Held(self) as held:
            _values_clear(held.ptrs[0])

    def __len__(self) -> int:
        with _Held(self) as held:
            return _values_count(held.ptrs[0])


class Policy(_Handle):
    """The clauses a profile selects from a catalog, checked.  Keeps its
    catalog's C object alive (the C policy borrows it), even once the
    Catalog is closed."""

    _free_fn = _policy_free

    def __init__(self, catalog: Catalog, profile: Optional[Profile] = None, *, path: Optional[StrPath] = None,
                 draft: bool = False, values: Optional[Union[Values, Dict[str, ValueLike]]] = None) -> None:
        """From a policy document (path; draft: values may be missing), or
        assembled from a profile (None: as an empty one, with values)
        and values (a Values or a dict {name: value}), which replace the
        profile's of the same name and language; draft: a policy that may
        lack values, the base of with_values()."""
        if values is not None and (path is not None or draft):
            raise TypeError("values= assembles a policy from a profile: not with path= or draft=")
        h, err = ctypes.c_void_p(), _CError()
        if values is not None and not isinstance(values, (Values, dict)):
            raise TypeError("values is a Values or a dict, not %s" % type(values).__name__)
        own = Values(catalog, values) if isinstance(values, dict) else values
        try:
            with _Held(catalog, None if path is not None else profile, own) as held:
                cat, prof, vals = held.ptrs
                if path is not None:
                    load = _policy_load_draft if draft else _policy_load_file
                    rc = load(ctypes.byref(h), cat, os.fsencode(path), ctypes.byref(err))
                elif draft:
                    rc = _policy_assemble_draft(ctypes.byref(h), cat, prof, ctypes.byref(err))
                elif values is not None:
                    rc = _policy_assemble_values(ctypes.byref(h), cat, prof, vals, ctypes.byref(err))
                else:
                    rc = _policy_assemble(ctypes.byref(h), cat, prof, ctypes.byref(err))
                if rc:
                    raise Error(err)
                self._own(h.value, held.keep(0))
        finally:
            if own is not values and own is not None:
                own.close()

    def with_values(self, values: Optional[Union[Values, Dict[str, ValueLike]]] = None) -> Policy:
        """A new policy with this one's clauses, variants and values, and
        values (a Values for the same catalog, or a dict {name: value}),
        which replace this one's of the same name and language: for a
        base assembled once (Policy(cat, prof, draft=True)) and fresh
        values every edition.  Raises Error if a value is still missing."""
        out, err = ctypes.c_void_p(), _CError()
        ref = self._hold()
        try:
            own = Values._of(ref._deps[0], values) if isinstance(values, dict) else None
            given = own if own is not None else values
            if given is not None and not isinstance(given, Values):
                raise TypeError("values is a Values or a dict, not %s" % type(given).__name__)
            with _Held(given) as held:
                if _policy_with_values(ctypes.byref(out), ref.ptr, held.ptrs[0], ctypes.byref(err)):
                    raise Error(err)
                return Policy._wrap(out.value, (ref._deps[0].more(),))
        finally:
            if own is not None:
                own.close()
            ref.release()

    def __len__(self) -> int:
        with _Held(self) as held:
            return _policy_count(held.ptrs[0])

    def write(self) -> str:
        """The policy document (XML), as clausier assemble writes it."""
        out, n, err = ctypes.c_void_p(), ctypes.c_size_t(), _CError()
        with _Held(self) as held:
            if _policy_write(ctypes.byref(out), ctypes.byref(n), held.ptrs[0], ctypes.byref(err)):
                raise Error(err)
        return _take(out, n.value)

    def warnings(self) -> List[Tuple[int, str]]:
        """What the library had to guess for the policy and may have guessed
        wrong (the grammar of a name the profile did not give and its lists
        do not settle), each naming the attributes to give: a list of
        (line, message)."""
        found: List[Tuple[int, str]] = []

        def report(_ctx: Optional[int], line: int, message: bytes) -> None:
            found.append((line, message.decode("utf-8")))

        with _Held(self) as held:
            _policy_warnings(held.ptrs[0], _NOTE(report), None)
        return found

    def notes(self) -> List[Tuple[int, str]]:
        """The former name of warnings()."""
        return self.warnings()

    def render(self, locale: str = "en", *, format: str = "text", fallback: bool = False, standalone: bool = False,
               width: int = 0, bilingual: Optional[str] = None) -> str:
        """The edition in a locale (BCP 47), as text, markdown, html or docbook;
        bilingual: a second locale for a side-by-side edition."""
        opts = _RenderOptions()
        _render_options_init(ctypes.byref(opts), _RENDER_OPTIONS_VERSION)
        loc, loc2 = _b(locale), _b(bilingual)  # kept alive during the call
        opts.locale = loc
        opts.locale2 = loc2
        opts.format = FORMATS[format]
        opts.flags = (_FALLBACK if fallback else 0) | (_STANDALONE if standalone else 0)
        opts.width = width
        out, n, err = ctypes.c_void_p(), ctypes.c_size_t(), _CError()
        with _Held(self) as held:
            if _render(ctypes.byref(out), ctypes.byref(n), held.ptrs[0], ctypes.byref(opts), ctypes.byref(err)):
                raise Error(err)
        return _take(out, n.value)

    def map(self, target: Catalog, genre: Genre, crosswalk: Crosswalk) -> Tuple[Policy, MapReport]:
        """The policy converted to the genre of catalog target: (Policy,
        MapReport).  genre describes the target genre (Genre).  The new
        policy borrows target; the report borrows this policy (and so its
        catalog), target, genre and crosswalk: each stays alive for them."""
        out, rep, err = ctypes.c_void_p(), ctypes.c_void_p(), _CError()
        with _Held(self, target, genre, crosswalk) as held:
            if _policy_map(ctypes.byref(out), ctypes.byref(rep), *held.ptrs, ctypes.byref(err)):
                raise Error(err)
            return Policy._wrap(out.value, held.keep(1)), MapReport._wrap(rep.value, held.keep(0, 1, 2, 3))

    def lint(self, genre: Optional[Genre] = None) -> List[Finding]:
        """Findings against the rules of the genre and the jurisdiction: a
        list of dicts (severity, clause, rule, reference, message).  They are
        not legal advice (see disclaimer())."""
        found: List[Finding] = []

        def report(_ctx: Optional[int], finding: Any) -> None:
            f = finding.contents
            found.append({"severity": "error" if f.severity == 2 else "warning",
                          "clause": _s(f.clause), "rule": _s(f.rule), "reference": _s(f.reference),
                          "message": _s(f.message)})

        err = _CError()
        with _Held(self, genre) as held:
            if _policy_lint(*held.ptrs, _FINDING(report), None, ctypes.byref(err)) < 0:
                raise Error(err)
        return found


def _s(b: Optional[bytes]) -> Optional[str]:
    return b.decode("utf-8") if b is not None else None


def _not_none(x: Optional[_T]) -> _T:
    assert x is not None
    return x


def _options(format: str, standalone: bool = False) -> _RenderOptions:
    opts = _RenderOptions()
    _render_options_init(ctypes.byref(opts), _RENDER_OPTIONS_VERSION)
    opts.format = FORMATS[format]
    opts.flags = _STANDALONE if standalone else 0
    return opts


class Genre(_Handle):
    """What a reader of a genre expects (data/genres/ID.xml)."""

    _free_fn = _genre_free

    def __init__(self, path: StrPath) -> None:
        h, err = ctypes.c_void_p(), _CError()
        if _genre_load_file(ctypes.byref(h), os.fsencode(path), ctypes.byref(err)):
            raise Error(err)
        self._own(h.value)

    def title(self, locale: str = "en") -> Optional[str]:
        with _Held(self) as held:
            return _s(_genre_title(held.ptrs[0], _b(locale)))


class Crosswalk(_Handle):
    """The relations between two catalogs' topics and clauses."""

    _free_fn = _crosswalk_free

    def __init__(self, path: StrPath) -> None:
        h, err = ctypes.c_void_p(), _CError()
        if _crosswalk_load_file(ctypes.byref(h), os.fsencode(path), ctypes.byref(err)):
            raise Error(err)
        self._own(h.value)

    def entries(self) -> List[CrosswalkEntry]:
        """The whole crosswalk as a table: a list of dicts."""
        e, rows = _Entry(), []  # type: _Entry, List[CrosswalkEntry]
        with _Held(self) as held:
            h = held.ptrs[0]
            for i in range(_crosswalk_count(h)):
                _crosswalk_entry_get(ctypes.byref(e), h, i)
                rows.append({"topic": bool(e.topic), "from": _s(e.from_), "to": _s(e.to),
                             "relation": _s(_relation_name(e.relation)), "why_en": _s(e.why_en),
                             "why_fr": _s(e.why_fr), "line": e.line})
        return rows

    def verify(self, from_catalog: Catalog, to_catalog: Catalog) -> None:
        """Raises Error unless every topic and clause of both catalogs has a relation."""
        err = _CError()
        with _Held(self, from_catalog, to_catalog) as held:
            if _crosswalk_verify(*held.ptrs, ctypes.byref(err)):
                raise Error(err)

    def render(self, from_catalog: Catalog, to_catalog: Catalog, locale: str = "en", *, format: str = "text",
               standalone: bool = False) -> str:
        """The crosswalk as a document in a locale's language."""
        opts = _options(format, standalone)
        loc = _b(locale)
        opts.locale = loc
        out, n, err = ctypes.c_void_p(), ctypes.c_size_t(), _CError()
        with _Held(self, from_catalog, to_catalog) as held:
            if _crosswalk_render(ctypes.byref(out), ctypes.byref(n), *held.ptrs, ctypes.byref(opts),
                                 ctypes.byref(err)):
                raise Error(err)
        return _take(out, n.value)


class MapReport(_Handle):
    """What became of every clause of a converted policy (made by
    Policy.map()).  Keeps the C objects it borrows alive: the source policy
    and its catalog, the target catalog, the genre and the crosswalk."""

    _free_fn = _report_free

    def __init__(self) -> None:
        raise TypeError("a MapReport is made by Policy.map()")

    def gaps(self) -> List[Gap]:
        """A list of dicts: status, from, to, relation, element, reference,
        why_en, why_fr, needs (a list of parameter names)."""
        g, rows = _Gap(), []  # type: _Gap, List[Gap]
        with _Held(self) as held:
            h = held.ptrs[0]
            for i in range(_report_count(h)):
                _report_gap(ctypes.byref(g), h, i)
                rows.append({"status": GAP_STATUSES[g.status], "from": _s(g.from_), "to": _s(g.to),
                             "relation": _s(_relation_name(g.relation)), "element": _s(g.element),
                             "reference": _s(g.reference), "why_en": _s(g.why_en), "why_fr": _s(g.why_fr),
                             "needs": g.needs.decode("utf-8").split() if g.needs else []})
        return rows

    def write(self, format: str = "xml") -> str:
        """The report as data: "xml" or "json"."""
        out, n, err = ctypes.c_void_p(), ctypes.c_size_t(), _CError()
        fmt = {"xml": 0, "json": 1}[format]
        with _Held(self) as held:
            if _report_write(ctypes.byref(out), ctypes.byref(n), held.ptrs[0], fmt, ctypes.byref(err)):
                raise Error(err)
        return _take(out, n.value)

    def render(self, locale: str = "en", *, format: str = "text", standalone: bool = False) -> str:
        """The report as a document in a locale's language."""
        opts = _options(format, standalone)
        loc = _b(locale)
        opts.locale = loc
        out, n, err = ctypes.c_void_p(), ctypes.c_size_t(), _CError()
        with _Held(self) as held:
            if _report_render(ctypes.byref(out), ctypes.byref(n), held.ptrs[0], ctypes.byref(opts),
                              ctypes.byref(err)):
                raise Error(err)
        return _take(out, n.value)


def disclaimer() -> str:
    """That lint findings are not legal advice, in the library's message language."""
    return _not_none(_s(_lint_disclaimer()))


def negotiate(accept_language: Optional[str], catalog: Optional[Catalog] = None, default: Optional[str] = None,
              offered: Optional[Union[str, Sequence[str]]] = None) -> Tuple[str, List[str], str]:
    """The edition's locale for an HTTP Accept-Language header: (locale,
    fallback chain as a list, why).  offered: the editions published (a
    list of tags, or a string such as Profile.locales() gives); without
    it, what the catalog covers.  The result is copied: it borrows
    nothing."""
    n, err = _Negotiation(), _CError()
    if offered is not None and not isinstance(offered, str):
        offered = " ".join(offered)
    with _Held(catalog) as held:
        if _negotiate(ctypes.byref(n), _b(accept_language), held.ptrs[0], _b(offered), _b(default),
                      ctypes.byref(err)):
            raise Error(err)
    return n.locale.decode(), n.chain.decode().split(), n.why.decode("utf-8")


def check_translation(source: str, source_lang: str, translation: str, lang: str) -> List[Tuple[str, int, str]]:
    """What clausier check says of one translation: a list of (severity,
    column, message), severity "error" or "warning"."""
    found: List[Tuple[str, int, str]] = []

    def report(_ctx: Optional[int], severity: int, column: int, message: bytes) -> None:
        found.append(("error" if severity == 2 else "warning", column, message.decode("utf-8")))

    cb = _REPORT(report)
    _check(_b(source), _b(source_lang), _b(translation), _b(lang), cb, None)
    return found


def typeset(text: str, locale: str) -> str:
    """Text in the typography of a locale (DESIGN.md's table)."""
    out = ctypes.c_void_p()
    if _typeset(ctypes.byref(out), _b(text), _b(locale)):
        raise MemoryError()
    return _take(out)


def _data_dirs() -> List[str]:
    path = os.environ.get("CLAUSIER_DATA_PATH")
    if path:
        return [d for d in path.split(":") if d]
    dirs = []
    try:
        dirs.append(importlib.import_module(__name__ + "._paths").PKGDATADIR)
    except ImportError:
        pass
    xdg = os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
    return dirs + [os.path.join(d, "clausier") for d in xdg.split(":") if d]


def data_file(name: str) -> str:
    """The path of one of clausier's data files, named relative to its data
    folder: "catalogs/smp.xml", "samples/hospital-qc.xml", "genres/charte.xml",
    "crosswalk/smp-charte.xml".  Looked for, as the clausier program does,
    along CLAUSIER_DATA_PATH (folders separated by colons) if it is set; else
    in the data folder make install recorded (clausier/_paths.py), then in
    clausier/ under each folder of XDG_DATA_DIRS (by default /usr/local/share
    and /usr/share).  FileNotFoundError names the folders tried."""
    dirs = _data_dirs()
    for d in dirs:
        path = os.path.join(d, name)
        if os.path.isfile(path):
            return path
    raise FileNotFoundError("clausier's data file %s is in none of %s (set CLAUSIER_DATA_PATH to the folder that "
                            "holds catalogs/, genres/, samples/)" % (name, ", ".join(dirs) or "no folder"))


def version() -> str:
    """The version of the libclausier actually loaded."""
    return _version().decode()


# The translators' checks (include/clausier/check.h): whole files, the glossary.
from .translators import CheckFinding, Glossary, Stats, check, fix_typography, stats  # noqa: E402
