"""clausier: bilingual (English/French) policies from catalogs of model clauses.

A ctypes binding over libclausier's public C API (include/clausier.h): no
compiled extension to build per Python version, and the C API was made for
bindings (opaque handles, an error struct, options initialised by function).

    import clausier
    with clausier.Catalog("smp.xml") as cat, clausier.Profile("profile.xml") as prof:
        with clausier.Policy(cat, prof) as policy:
            print(policy.render("fr-CA", format="html"))

Every object can be closed with close() or a with block, and is freed on
garbage collection otherwise.  Errors raise clausier.Error, which carries the
library's code, source, line, column and message.
"""

import ctypes
import ctypes.util
import os

__all__ = ["Error", "Catalog", "Profile", "Policy", "negotiate", "check_translation", "typeset",
           "version", "FORMATS"]


def _load():
    # The build tree (tests) names the library; an installed package knows
    # where it was installed (_paths.py, written by make); else the loader.
    candidates = [os.environ.get("CLAUSIER_LIBRARY")]
    try:
        from . import _paths
        candidates.append(os.path.join(_paths.LIBDIR, "libclausier.so.0"))
    except ImportError:
        pass
    candidates += [ctypes.util.find_library("clausier"), "libclausier.so.0"]
    errors = []
    for c in candidates:
        if not c:
            continue
        try:
            return ctypes.CDLL(c)
        except OSError as e:
            errors.append(str(e))
    raise ImportError("libclausier not found: " + "; ".join(errors))


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
_PP = ctypes.POINTER(ctypes.c_void_p)
_E = ctypes.POINTER(_CError)


def _fn(name, restype, *argtypes):
    f = getattr(_lib, name)
    f.restype = restype
    f.argtypes = list(argtypes)
    return f


_catalog_load_file = _fn("clausier_catalog_load_file", ctypes.c_int, _PP, ctypes.c_char_p, _E)
_catalog_load_memory = _fn("clausier_catalog_load_memory", ctypes.c_int, _PP, ctypes.c_char_p,
                           ctypes.c_size_t, ctypes.c_char_p, _E)
_catalog_free = _fn("clausier_catalog_free", None, _P)
_catalog_count = _fn("clausier_catalog_count", ctypes.c_size_t, _P)
_catalog_clause_id = _fn("clausier_catalog_clause_id", ctypes.c_char_p, _P, ctypes.c_size_t)
_catalog_id = _fn("clausier_catalog_id", ctypes.c_char_p, _P)
_catalog_source_language = _fn("clausier_catalog_source_language", ctypes.c_char_p, _P)
_profile_load_file = _fn("clausier_profile_load_file", ctypes.c_int, _PP, ctypes.c_char_p, _E)
_profile_load_memory = _fn("clausier_profile_load_memory", ctypes.c_int, _PP, ctypes.c_char_p,
                           ctypes.c_size_t, ctypes.c_char_p, _E)
_profile_free = _fn("clausier_profile_free", None, _P)
_policy_assemble = _fn("clausier_policy_assemble", ctypes.c_int, _PP, _P, _P, _E)
_policy_load_file = _fn("clausier_policy_load_file", ctypes.c_int, _PP, _P, ctypes.c_char_p, _E)
_policy_free = _fn("clausier_policy_free", None, _P)
_policy_count = _fn("clausier_policy_count", ctypes.c_size_t, _P)
_policy_write = _fn("clausier_policy_write", ctypes.c_int, _PP, ctypes.POINTER(ctypes.c_size_t), _P, _E)
_render_options_init = _fn("clausier_render_options_init", ctypes.c_int, ctypes.POINTER(_RenderOptions),
                           ctypes.c_uint)
_render = _fn("clausier_render", ctypes.c_int, _PP, ctypes.POINTER(ctypes.c_size_t), _P,
              ctypes.POINTER(_RenderOptions), _E)
_negotiate = _fn("clausier_locale_negotiate", ctypes.c_int, ctypes.POINTER(_Negotiation), ctypes.c_char_p, _P,
                 ctypes.c_char_p, _E)
_typeset = _fn("clausier_typeset", ctypes.c_int, _PP, ctypes.c_char_p, ctypes.c_char_p)
_free = _fn("clausier_free", None, _P)
_version = _fn("clausier_version", ctypes.c_char_p)
_REPORT = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_char_p)
_NOTE = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p)
_policy_notes = _fn("clausier_policy_notes", ctypes.c_int, _P, _NOTE, ctypes.c_void_p)
_check = _fn("clausier_check_translation", ctypes.c_int, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p,
             ctypes.c_char_p, _REPORT, ctypes.c_void_p)

FORMATS = {"text": 0, "markdown": 1, "html": 2, "docbook": 3}
_RENDER_OPTIONS_VERSION = 1
_FALLBACK, _STANDALONE = 1, 2


class Error(Exception):
    """An error of libclausier: code (a negative clausier_status), source (a
    file name or "<memory>"), line and column (0 when not known), message."""

    def __init__(self, err):
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


def _b(s):
    return None if s is None else s.encode("utf-8")


def _take(ptr, length=None):
    """A string the library allocated, as str, freed."""
    try:
        return ctypes.string_at(ptr, length).decode("utf-8") if length is not None \
            else ctypes.string_at(ptr).decode("utf-8")
    finally:
        _free(ptr)


class _Handle:
    _free_fn = None

    def __init__(self):
        self._h = None

    def close(self):
        """Frees the object now; using it afterwards raises ValueError."""
        if self._h:
            type(self)._free_fn(self._h)
            self._h = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def _handle(self):
        if not self._h:
            raise ValueError("%s is closed" % type(self).__name__)
        return self._h


class Catalog(_Handle):
    """A catalog of model clauses, loaded safely (see doc/catalog-format.md)."""

    _free_fn = _catalog_free

    def __init__(self, path=None, *, xml=None, name=None):
        super().__init__()
        h, err = ctypes.c_void_p(), _CError()
        if xml is not None:
            data = xml.encode("utf-8")
            rc = _catalog_load_memory(ctypes.byref(h), data, len(data), _b(name), ctypes.byref(err))
        else:
            rc = _catalog_load_file(ctypes.byref(h), os.fsencode(path), ctypes.byref(err))
        if rc:
            raise Error(err)
        self._h = h.value

    @property
    def id(self):
        return _catalog_id(self._handle()).decode("utf-8")

    @property
    def source_language(self):
        return _catalog_source_language(self._handle()).decode("utf-8")

    def clause_ids(self):
        h = self._handle()
        return [_catalog_clause_id(h, i).decode("utf-8") for i in range(_catalog_count(h))]


class Profile(_Handle):
    """An organization's profile: sector, jurisdiction, risk tolerance, values."""

    _free_fn = _profile_free

    def __init__(self, path=None, *, xml=None, name=None):
        super().__init__()
        h, err = ctypes.c_void_p(), _CError()
        if xml is not None:
            data = xml.encode("utf-8")
            rc = _profile_load_memory(ctypes.byref(h), data, len(data), _b(name), ctypes.byref(err))
        else:
            rc = _profile_load_file(ctypes.byref(h), os.fsencode(path), ctypes.byref(err))
        if rc:
            raise Error(err)
        self._h = h.value


class Policy(_Handle):
    """The clauses a profile selects from a catalog, checked.  Keeps its
    catalog alive (the C policy borrows it)."""

    _free_fn = _policy_free

    def __init__(self, catalog, profile=None, *, path=None):
        super().__init__()
        self._catalog = catalog
        h, err = ctypes.c_void_p(), _CError()
        if path is not None:
            rc = _policy_load_file(ctypes.byref(h), catalog._handle(), os.fsencode(path), ctypes.byref(err))
        else:
            rc = _policy_assemble(ctypes.byref(h), catalog._handle(), profile._handle(), ctypes.byref(err))
        if rc:
            raise Error(err)
        self._h = h.value

    def __len__(self):
        return _policy_count(self._handle())

    def write(self):
        """The policy document (XML), as clausier assemble writes it."""
        out, n, err = ctypes.c_void_p(), ctypes.c_size_t(), _CError()
        if _policy_write(ctypes.byref(out), ctypes.byref(n), self._handle(), ctypes.byref(err)):
            raise Error(err)
        return _take(out, n.value)

    def notes(self):
        """What the library inferred for the policy (the grammar of names
        the profile did not give): a list of (line, message)."""
        found = []

        def report(_ctx, line, message):
            found.append((line, message.decode("utf-8")))

        _policy_notes(self._handle(), _NOTE(report), None)
        return found

    def render(self, locale="en", *, format="text", fallback=False, standalone=False, width=0,
               bilingual=None):
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
        if _render(ctypes.byref(out), ctypes.byref(n), self._handle(), ctypes.byref(opts), ctypes.byref(err)):
            raise Error(err)
        return _take(out, n.value)


def negotiate(accept_language, catalog=None, default=None):
    """The edition's locale for an HTTP Accept-Language header: (locale,
    fallback chain as a list, why)."""
    n = _Negotiation()
    _negotiate(ctypes.byref(n), _b(accept_language), catalog._handle() if catalog else None, _b(default), None)
    return n.locale.decode(), n.chain.decode().split(), n.why.decode("utf-8")


def check_translation(source, source_lang, translation, lang):
    """What clausier check says of one translation: a list of (severity,
    column, message), severity "error" or "warning"."""
    found = []

    def report(_ctx, severity, column, message):
        found.append(("error" if severity == 2 else "warning", column, message.decode("utf-8")))

    cb = _REPORT(report)
    _check(_b(source), _b(source_lang), _b(translation), _b(lang), cb, None)
    return found


def typeset(text, locale):
    """Text in the typography of a locale (DESIGN.md's table)."""
    out = ctypes.c_void_p()
    if _typeset(ctypes.byref(out), _b(text), _b(locale)):
        raise MemoryError()
    return _take(out)


def version():
    """The version of the libclausier actually loaded."""
    return _version().decode()
