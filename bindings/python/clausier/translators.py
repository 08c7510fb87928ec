"""The translators' checks of libclausier (include/clausier/check.h): whole PO
files and multilingual catalogs checked, their statistics, the glossary,
--fix's typography.  What `clausier check` and `clausier stats` print, as
Python objects.

    import clausier
    with clausier.Glossary("clausier.tsv") as glossary:
        for f in clausier.check("po/catalogs/smp/fr.po", glossary=glossary):
            print(f.file, f.line, f.severity, f.rule, f.message)
    print(clausier.stats("po/catalogs/smp/fr.po").messages["translated"])
"""

import ctypes
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple, Union

from . import Error, _CError, _E, _Handle, _Held, _P, _PP, _b, _fn, _free

__all__ = ["Glossary", "CheckFinding", "Stats", "check", "stats", "fix_typography"]


class _CheckOptions(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("source_lang", ctypes.c_char_p), ("glossary", ctypes.c_void_p)]


class _Finding(ctypes.Structure):
    _fields_ = [("source", ctypes.c_char_p), ("line", ctypes.c_int), ("column", ctypes.c_int),
                ("severity", ctypes.c_int), ("rule", ctypes.c_char_p), ("message", ctypes.c_char_p),
                ("lang", ctypes.c_char_p)]


class _PoStats(ctypes.Structure):
    _fields_ = [("language", ctypes.c_char * 64), ("messages", ctypes.c_size_t * 3),
                ("words", ctypes.c_size_t * 3)]


_FINDING = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.POINTER(_Finding))
_CHECK_OPTIONS_VERSION = 1
_glossary_load_file = _fn("clausier_glossary_load_file", ctypes.c_int, _PP, ctypes.c_char_p, _E)
_glossary_free = _fn("clausier_glossary_free", None, _P)
_glossary_count = _fn("clausier_glossary_count", ctypes.c_size_t, _P)
_check_options_init = _fn("clausier_check_options_init", ctypes.c_int, ctypes.POINTER(_CheckOptions),
                          ctypes.c_uint)
_check_po_file = _fn("clausier_check_po_file", ctypes.c_int, ctypes.c_char_p, ctypes.POINTER(_CheckOptions),
                     _FINDING, ctypes.c_void_p, _E)
_check_po_memory = _fn("clausier_check_po_memory", ctypes.c_int, ctypes.c_char_p, ctypes.c_size_t,
                       ctypes.c_char_p, ctypes.POINTER(_CheckOptions), _FINDING, ctypes.c_void_p, _E)
_check_catalog = _fn("clausier_check_catalog", ctypes.c_int, _P, ctypes.c_char_p, ctypes.POINTER(_CheckOptions),
                     _FINDING, ctypes.c_void_p, _E)
_po_stats_file = _fn("clausier_po_stats_file", ctypes.c_int, ctypes.POINTER(_PoStats), ctypes.c_char_p,
                     ctypes.c_char_p, _E)
_po_fix_typography = _fn("clausier_po_fix_typography", ctypes.c_int, _PP, ctypes.POINTER(ctypes.c_size_t),
                         ctypes.POINTER(ctypes.c_size_t), ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p,
                         ctypes.POINTER(_CheckOptions), _E)

_STATES = ("translated", "fuzzy", "untranslated")


class Glossary(_Handle):
    """A glossary of required translations (data/glossary/clausier.tsv's
    format).  Immutable, shareable between threads; close() or a with block
    frees it (or garbage collection)."""

    _free_fn = _glossary_free

    def __init__(self, path: str) -> None:
        h, err = ctypes.c_void_p(), _CError()
        if _glossary_load_file(ctypes.byref(h), _b(path), ctypes.byref(err)):
            raise Error(err)
        self._own(h.value)

    def __len__(self) -> int:
        with _Held(self) as held:
            return int(_glossary_count(held.ptrs[0]))


@dataclass(frozen=True)
class CheckFinding:
    """One finding of a check: where, how bad, which rule, what it says."""
    file: str
    line: int
    column: int  # 1-based character of the translation; 0: the whole message
    severity: str  # "error" or "warning"
    rule: str
    message: str
    lang: Optional[str] = None


@dataclass(frozen=True)
class Stats:
    """Messages and source words of a PO file by state ("translated",
    "fuzzy", "untranslated")."""
    language: str
    messages: Dict[str, int] = field(default_factory=dict)
    words: Dict[str, int] = field(default_factory=dict)


def _options(glossary_ptr: Optional[int], source_lang: Optional[str]) -> Tuple[_CheckOptions, Optional[bytes]]:
    opts = _CheckOptions()
    _check_options_init(ctypes.byref(opts), _CHECK_OPTIONS_VERSION)
    lang = _b(source_lang)
    opts.source_lang = lang
    opts.glossary = glossary_ptr
    return opts, lang


def _d(s: Optional[bytes]) -> Optional[str]:
    return None if s is None else s.decode("utf-8", "replace")


def check(what: Union[str, "object"], *, glossary: Optional[Glossary] = None,
          source_lang: Optional[str] = None, data: Optional[Union[bytes, str]] = None) -> List[CheckFinding]:
    """The findings of `clausier check` for a PO file (a path), a PO file's
    contents (data=, what naming it), a multilingual catalog file (a path
    ending in .xml) or a loaded clausier.Catalog.  Raises clausier.Error when
    the file cannot be read or the catalog does not load."""
    from . import Catalog
    found: List[CheckFinding] = []

    def report(_ctx: object, f: "ctypes._Pointer[_Finding]") -> None:
        c = f.contents
        found.append(CheckFinding(_d(c.source) or "", c.line, c.column, "error" if c.severity == 2 else "warning",
                             _d(c.rule) or "", _d(c.message) or "", _d(c.lang)))

    cb = _FINDING(report)
    err = _CError()
    opened = Catalog(str(what)) if not isinstance(what, Catalog) and data is None and str(what).endswith(".xml") \
        else None
    cat = what if isinstance(what, Catalog) else opened
    try:
        with _Held(glossary, cat) as held:
            opts, _keep = _options(held.ptrs[0], source_lang)
            if cat is not None:
                name = None if opened is None else _b(str(what))
                rc = _check_catalog(held.ptrs[1], name, ctypes.byref(opts), cb, None, ctypes.byref(err))
            elif data is not None:
                raw = data.encode("utf-8") if isinstance(data, str) else data
                rc = _check_po_memory(raw, len(raw), _b(str(what)), ctypes.byref(opts), cb, None,
                                      ctypes.byref(err))
            else:
                rc = _check_po_file(_b(str(what)), ctypes.byref(opts), cb, None, ctypes.byref(err))
    finally:
        if opened is not None:
            opened.close()
    if rc < 0:
        raise Error(err)
    return found


def stats(path: str, source_lang: Optional[str] = None) -> Stats:
    """What `clausier stats` counts in a PO file."""
    st, err = _PoStats(), _CError()
    if _po_stats_file(ctypes.byref(st), _b(path), _b(source_lang), ctypes.byref(err)):
        raise Error(err)
    return Stats(st.language.decode("utf-8", "replace"), {k: st.messages[i] for i, k in enumerate(_STATES)},
                 {k: st.words[i] for i, k in enumerate(_STATES)})


def fix_typography(data: Union[bytes, str], name: str = "<memory>",
                   source_lang: Optional[str] = None) -> Tuple[Optional[bytes], int]:
    """What `clausier check --fix` would write for a PO file's contents: the
    new contents (None when nothing changes) and how many translations it set
    in their language's typography.  Raises clausier.Error when the contents
    are not PO or the rewrite does not read back as intended."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    out, outlen, applied, err = ctypes.c_void_p(), ctypes.c_size_t(), ctypes.c_size_t(), _CError()
    opts, _keep = _options(None, source_lang)
    if _po_fix_typography(ctypes.byref(out), ctypes.byref(outlen), ctypes.byref(applied), raw, len(raw), _b(name),
                          ctypes.byref(opts), ctypes.byref(err)):
        raise Error(err)
    if not out.value:
        return None, 0
    try:
        return ctypes.string_at(out.value, outlen.value), applied.value
    finally:
        _free(out)
