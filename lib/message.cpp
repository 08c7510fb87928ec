/* ICU MessageFormat with named arguments, behind a C interface.
 *
 * Patterns are checked with ICU's MessagePattern and compiled at catalog
 * load into clausier's own form (literal runs, argument slots, branches),
 * which renders with the Formats MessageFormat itself would build
 * (doc/design.md, decision 58).  ICU's C API cannot format named arguments
 * (umsg_* take C varargs and print "{org}" literally), so the oracle the
 * compiled form is tested against, and CLAUSIER__RENDER_ALWAYS_ICU, use
 * icu::MessageFormat::format(names, values, n, ...).  No C++ exception
 * crosses into C: allocation failures are caught here.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <unicode/currunit.h>
#include <unicode/datefmt.h>
#include <unicode/decimfmt.h>
#include <unicode/numberformatter.h>
#include <unicode/rbnf.h>
#include <unicode/curramt.h>
#include <unicode/brkiter.h>
#include <unicode/fmtable.h>
#include <unicode/listformatter.h>
#include <unicode/locid.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/plurrule.h>
#include <unicode/smpdtfmt.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

using namespace icu;

/* Deeper nesting overflows ICU 72's stack (doc/design.md): refuse it before
 * ICU sees the pattern. */
static const int S_MAX_DEPTH = 8;

__attribute__((format(printf, 3, 4)))
static int S_fail(char *why, size_t whylen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, whylen, fmt, ap);
	va_end(ap);
	return -1;
}

static std::string S_utf8(const UnicodeString &u)
{
	std::string s;
	u.toUTF8String(s);
	return s;
}

/* ICU's verdict on a pattern, as a sentence. */
static int S_syntax(char *why, size_t whylen, const UParseError &pe, UErrorCode status)
{
	const char *what;
	switch (status) {
	case U_DEFAULT_KEYWORD_MISSING:
		what = _("a plural or select argument has no “other” case");
		break;
	case U_UNMATCHED_BRACES:
		what = _("unmatched braces");
		break;
	case U_ILLEGAL_ARGUMENT_ERROR:
	case U_PATTERN_SYNTAX_ERROR:
		what = _("invalid ICU MessageFormat syntax");
		break;
	default:
		what = _("ICU cannot compile the message");
	}
	if (pe.offset >= 0 && status != U_DEFAULT_KEYWORD_MISSING)
		return S_fail(why, whylen, _("character %d: %s (%s)"), pe.offset + 1, what, u_errorName(status));
	return S_fail(why, whylen, "%s (%s)", what, u_errorName(status));
}

/* Whether a pattern nests deeper than ICU can take, counted as ICU reads
 * braces: a } outside any argument is text, so the count never goes below
 * zero and leading }s cannot buy depth. */
/* The first character (1-based) of pattern that is a { nested deeper than
 * ICU can take or, when apostrophes says so, an ASCII apostrophe
 * (*apostrophe set), or 0.  Braces are counted as ICU reads them: a }
 * outside any argument is text, so the count never goes below zero and
 * leading }s cannot buy depth. */
static long S_first_refused(const char *pattern, bool apostrophes, int *apostrophe)
{
	int depth = 0;
	long chars = 0;
	for (const unsigned char *p = (const unsigned char *)pattern; *p; p++) {
		if ((*p & 0xC0) != 0x80)
			chars++;
		if ((apostrophes && *p == '\'') || (*p == '{' && ++depth > S_MAX_DEPTH)) {
			*apostrophe = *p == '\'';
			return chars;
		}
		if (*p == '}' && depth > 0)
			depth--;
	}
	return 0;
}

static int S_prescan(const char *pattern, char *why, size_t whylen)
{
	int apostrophe;
	long at = S_first_refused(pattern, true, &apostrophe);
	if (at && apostrophe)
		return S_fail(why, whylen,
		              _("character %ld: the ASCII apostrophe is a quote character in ICU MessageFormat; write ’ (U+2019)"),
		              at);
	if (at)
		return S_fail(why, whylen, _("character %ld: arguments nested deeper than %d levels"), at,
		              S_MAX_DEPTH);
	return 0;
}

static int S_keywords_made(std::set<UnicodeString> &out, const Locale &loc, UPluralType type)
{
	UErrorCode status = U_ZERO_ERROR;
	std::unique_ptr<PluralRules> rules(PluralRules::forLocale(loc, type, status));
	if (U_FAILURE(status))
		return -1;
	std::unique_ptr<StringEnumeration> kw(rules->getKeywords(status));
	if (U_FAILURE(status))
		return -1;
	const UnicodeString *s;
	while ((s = kw->snext(status)) != nullptr && U_SUCCESS(status))
		out.insert(*s);
	return U_SUCCESS(status) ? 0 : -1;
}

/* CLDR's plural categories of a language, cardinal and ordinal: building
 * PluralRules was a third of loading a catalog, for the same few languages
 * every time.  Kept per thread (no lock), for a bounded number of
 * languages. */
struct S_plural_keys {
	std::set<UnicodeString> cardinal, ordinal;
};
static thread_local std::unordered_map<std::string, S_plural_keys> S_plurals;
static const size_t S_PLURALS_MAX = 64;

static const S_plural_keys *S_keywords(const char *lang, const Locale &loc)
{
	auto it = S_plurals.find(lang);
	if (it != S_plurals.end())
		return &it->second;
	S_plural_keys k;
	if (S_keywords_made(k.cardinal, loc, UPLURAL_TYPE_CARDINAL) < 0 ||
	    S_keywords_made(k.ordinal, loc, UPLURAL_TYPE_ORDINAL) < 0)
		return nullptr;
	if (S_plurals.size() >= S_PLURALS_MAX)
		S_plurals.clear();
	return &S_plurals.emplace(lang, std::move(k)).first->second;
}

/* Byte offsets in UTF-8 for UTF-16 indices asked in increasing order. */
struct S_offsets {
	const unsigned char *s;
	size_t u8 = 0;
	int32_t u16 = 0;
	size_t at(int32_t index)
	{
		while (u16 < index && s[u8]) {
			unsigned char c = s[u8];
			size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
			for (size_t k = 1; k < len; k++)
				if (!s[u8 + k])
					len = k;
			u8 += len;
			u16 += len == 4 ? 2 : 1;
		}
		return u8;
	}
};

/* French writes the first day of a month as an ordinal, « 1er février
 * 2027 », where CLDR's date patterns give « 1 février 2027 ».  Each date
 * subformat of a French formatter is wrapped in this Format, which adds the
 * « er » to the day in the date's own output (ICU's field position of the
 * day): a value that happens to hold the same text is left alone. */
class S_Premier : public Format {
public:
	explicit S_Premier(DateFormat *df) : df_(df) {}
	S_Premier(const S_Premier &o) : Format(o), df_(o.df_->clone()) {}
	~S_Premier() override { delete df_; }
	S_Premier *clone() const override { return new S_Premier(*this); }
	bool operator==(const Format &o) const override
	{
		const S_Premier *p = dynamic_cast<const S_Premier *>(&o);
		return p && *df_ == *p->df_;
	}
	using Format::format;
	UnicodeString &format(const Formattable &obj, UnicodeString &appendTo, FieldPosition &pos,
	                      UErrorCode &status) const override
	{
		(void)pos;
		UnicodeString plain;
		FieldPosition day(UDAT_DATE_FIELD);
		df_->format(obj, plain, day, status);
		int32_t b = day.getBeginIndex();
		if (U_SUCCESS(status) && day.getEndIndex() == b + 1 && plain[b] == u'1')
			plain.insert(b + 1, UNICODE_STRING_SIMPLE("er"));
		return appendTo.append(plain);
	}
	void parseObject(const UnicodeString &source, Formattable &result, ParsePosition &pp) const override
	{
		df_->parseObject(source, result, pp);
	}
	UClassID getDynamicClassID() const override
	{
		static const char id = 0;
		return (UClassID)&id;
	}

private:
	DateFormat *df_;
};

/* Compiled formatters, per thread: an icu::MessageFormat is not to be shared
 * between threads (doc/design.md), and building one costs far more than
 * formatting with it.  Keyed by catalog serial, pattern address and locale,
 * so that an entry can never be taken for another catalog's; bounded, and
 * freed when the thread exits. */
struct S_key {
	unsigned long serial;
	const char *pattern;
	std::string locale;
	bool operator==(const S_key &o) const
	{
		return serial == o.serial && pattern == o.pattern && locale == o.locale;
	}
};
struct S_key_hash {
	size_t operator()(const S_key &k) const
	{
		return std::hash<const void *>()(k.pattern) ^ (k.serial * 0x9e3779b97f4a7c15ULL) ^
		       std::hash<std::string>()(k.locale);
	}
};
/* A formatter, and the argument names in the order it was built for:
 * named arguments cost ICU a linear search per argument (a message of n
 * arguments took n² comparisons), so a pattern is compiled with its names
 * replaced by their positions among the arguments, which is valid as long
 * as the arguments come in the same order — they do, for one message. */
/* (Containers of this file's own types: an instantiation over std types
 * alone would be exported from the library, visibility notwithstanding.) */
struct S_name {
	const char *p; /* borrowed: the catalog's parameter name, as given */
};
struct S_flag {
	unsigned char on;
};
struct S_name_hash {
	size_t operator()(const std::string &k) const { return std::hash<std::string>()(k); }
};
struct S_entry {
	std::unique_ptr<MessageFormat> mf;
	std::vector<S_name> order; /* empty: built with names; borrowed, the entry goes with the catalog */
	std::vector<S_flag> selected; /* per argument: a select looks at it */
};
typedef std::unordered_map<S_key, S_entry, S_key_hash> S_map;

/* Each thread's cache is registered, so that freeing a catalog can drop
 * the formatters every thread compiled for it (a server that reloads its
 * catalogs would otherwise keep them until the cache is full).  A thread
 * takes only its own cache's lock, which is uncontended but for a catalog
 * being freed; the registry's lock is taken before a cache's. */
struct S_thread_cache {
	std::mutex m;
	S_map map;
};
static std::mutex S_registry_lock;
static std::set<S_thread_cache *> *S_registry;

struct S_cache_holder {
	S_thread_cache *c;
	S_cache_holder() : c(new S_thread_cache)
	{
		std::lock_guard<std::mutex> g(S_registry_lock);
		if (!S_registry)
			S_registry = new std::set<S_thread_cache *>;
		S_registry->insert(c);
	}
	~S_cache_holder()
	{
		{
			std::lock_guard<std::mutex> g(S_registry_lock);
			S_registry->erase(c);
			if (S_registry->empty()) {
				delete S_registry;
				S_registry = nullptr;
			}
		}
		delete c;
	}
};
static thread_local S_cache_holder S_cache;

void clausier__msg_forget(unsigned long serial)
{
	try {
		std::lock_guard<std::mutex> g(S_registry_lock);
		if (!S_registry)
			return;
		for (S_thread_cache *c : *S_registry) {
			std::lock_guard<std::mutex> cg(c->m);
			for (auto it = c->map.begin(); it != c->map.end();)
				it = it->first.serial == serial ? c->map.erase(it) : std::next(it);
		}
	} catch (...) {
		/* std::system_error from a lock: the entries stay until the
		 * cache is full, as before. */
	}
}

/* pattern with each argument name replaced by its index in args, or an
 * empty string when a name is not among them (ICU then prints it). */
static UnicodeString S_numbered(const UnicodeString &pat, const clausier__arg *args, size_t nargs,
                                std::vector<S_flag> &selected)
{
	selected.assign(nargs, S_flag{ 0 });
	UErrorCode st = U_ZERO_ERROR;
	UParseError pe;
	MessagePattern mp(pat, &pe, st);
	if (U_FAILURE(st))
		return UnicodeString();
	std::unordered_map<std::string, size_t, S_name_hash> index;
	for (size_t k = 0; k < nargs; k++)
		index.emplace(args[k].name, k);
	UnicodeString out;
	int32_t prev = 0, n = mp.countParts();
	UMessagePatternArgType type = UMSGPAT_ARG_TYPE_NONE;
	for (int32_t i = 0; i < n; i++) {
		const MessagePattern::Part &part = mp.getPart(i);
		if (part.getType() == UMSGPAT_PART_TYPE_ARG_START)
			type = part.getArgType();
		if (part.getType() != UMSGPAT_PART_TYPE_ARG_NAME)
			continue;
		auto it = index.find(S_utf8(mp.getSubstring(part)));
		if (it == index.end())
			return UnicodeString();
		if (type == UMSGPAT_ARG_TYPE_SELECT)
			selected[it->second].on = 1;
		out.append(pat, prev, part.getIndex() - prev);
		char num[24];
		snprintf(num, sizeof num, "%zu", it->second);
		out.append(UnicodeString(num, -1, US_INV));
		prev = part.getLimit();
	}
	out.append(pat, prev, pat.length() - prev);
	return out;
}

/* Builds a formatter.  CLDR 42 gives en-CA the short date M/d/yy, which
 * Canadians read both ways; the Government of Canada and the Standards
 * Council write y-MM-dd (doc/design.md): pinned here. */
static MessageFormat *S_make(const UnicodeString &pattern, const char *icu_locale, UParseError &pe,
                             UErrorCode &status)
{
	std::unique_ptr<MessageFormat> mf(new MessageFormat(pattern, Locale(icu_locale), pe, status));
	if (U_FAILURE(status))
		return nullptr;
	if (!strcmp(icu_locale, "en_CA")) {
		std::unique_ptr<DateFormat> ref(DateFormat::createDateInstance(DateFormat::kShort, Locale("en_CA")));
		const SimpleDateFormat *sref = dynamic_cast<const SimpleDateFormat *>(ref.get());
		UnicodeString short_pattern;
		if (sref)
			sref->toPattern(short_pattern);
		int32_t n = 0;
		const Format **fmts = mf->getFormats(n);
		for (int32_t k = 0; sref && fmts && k < n; k++) {
			const SimpleDateFormat *sdf = dynamic_cast<const SimpleDateFormat *>(fmts[k]);
			UnicodeString pat;
			if (!sdf || sdf->toPattern(pat) != short_pattern)
				continue;
			SimpleDateFormat *pinned = sdf->clone();
			pinned->applyPattern(UNICODE_STRING_SIMPLE("y-MM-dd"));
			mf->adoptFormat(k, pinned);
		}
	}
	if (!strncmp(icu_locale, "fr", 2)) {
		int32_t n = 0;
		const Format **fmts = mf->getFormats(n);
		for (int32_t k = 0; fmts && k < n; k++) {
			const DateFormat *df = dynamic_cast<const DateFormat *>(fmts[k]);
			if (df)
				mf->adoptFormat(k, new S_Premier(df->clone()));
		}
	}
	return mf.release();
}
static const size_t S_CACHE_MAX = 4096;

/* The catalog's serial comma in an English list ICU joined: its last
 * separator made "," + the separator of two items (", and ") or that
 * separator alone (" and "), whichever the locale's CLDR data writes. */
static void S_serial_comma(const ListFormatter &lf, UnicodeString &joined, const UnicodeString &last, bool serial)
{
	UErrorCode status = U_ZERO_ERROR;
	const UnicodeString marks[3] = { UnicodeString((UChar)0xE000), UnicodeString((UChar)0xE001),
	                                 UnicodeString((UChar)0xE002) };
	UnicodeString two, three;
	lf.format(marks, 2, two, status);
	lf.format(marks, 3, three, status);
	int32_t a = two.indexOf((UChar)0xE000), b = two.indexOf((UChar)0xE001);
	int32_t c = three.indexOf((UChar)0xE001), d = three.indexOf((UChar)0xE002);
	if (U_FAILURE(status) || a < 0 || b <= a || c < 0 || d <= c)
		return;
	UnicodeString pair(two, a + 1, b - a - 1), end(three, c + 1, d - c - 1);
	UnicodeString want = serial && pair.startsWith(UnicodeString(u" ")) ? UnicodeString(u",") + pair : pair;
	if (end == want || !joined.endsWith(end + last))
		return;
	int32_t at = joined.length() - last.length() - end.length();
	joined.replace(at, end.length(), want);
}

/* The value of an argument as it is given to ICU: a decimal number keeps
 * its exact digits ("1.50" stays 1.50 for plural rules that look at
 * visible decimals); a date, a calendar day, is local noon of that day in
 * the formatter's zone, so no offset can move it; "1500.50 EUR" is an
 * amount ICU formats in its currency.  -1 (status says why) when ICU
 * refuses the value. */
static int S_formattable(Formattable &out, const clausier__arg *a, UErrorCode &status)
{
	switch (a->kind) {
	case CLAUSIER__ARG_NUMBER:
		out = Formattable(StringPiece(a->text), status);
		return 0;
	case CLAUSIER__ARG_DATE: {
		std::unique_ptr<TimeZone> tz(TimeZone::createDefault());
		int32_t raw = 0, dst = 0;
		UDate noon = a->date + 12.0 * 3600 * 1000;
		tz->getOffset(noon, false, raw, dst, status);
		out = Formattable(noon - raw - dst, Formattable::kIsDate);
		return 0;
	}
	case CLAUSIER__ARG_MONEY: {
		const char *sp = strchr(a->text, ' ');
		std::string amount(a->text, sp ? (size_t)(sp - a->text) : strlen(a->text));
		UChar iso[4] = { 0, 0, 0, 0 };
		for (int k = 0; sp && k < 3; k++)
			iso[k] = (UChar)(sp[1 + k] & ~0x20);
		Formattable num(StringPiece(amount.c_str()), status);
		CurrencyAmount *ca = U_SUCCESS(status) ? new CurrencyAmount(num, iso, status) : nullptr;
		if (U_FAILURE(status)) {
			delete ca;
			return -1;
		}
		out.adoptObject(ca);
		return 0;
	}
	default:
		out = Formattable(UnicodeString::fromUTF8(a->text ? a->text : ""));
		return 0;
	}
}

/* A list's items (joined by CLAUSIER__LIST_SEP) as the locale writes a
 * list: "A, B and C", « A, B et C »; in English with the catalog's serial
 * comma. */
static void S_join_list(UnicodeString &joined, const clausier__arg *a, const char *icu_locale, UErrorCode &status)
{
	std::vector<UnicodeString> items;
	for (const char *p = a->text;;) {
		const char *e = strchr(p, CLAUSIER__LIST_SEP);
		items.push_back(UnicodeString::fromUTF8(StringPiece(p, e ? (int32_t)(e - p) : (int32_t)strlen(p))));
		if (!e)
			break;
		p = e + 1;
	}
	std::unique_ptr<ListFormatter> lf(ListFormatter::createInstance(Locale(icu_locale), status));
	if (U_SUCCESS(status))
		lf->format(items.data(), (int32_t)items.size(), joined, status);
	if (U_SUCCESS(status) && a->serial_comma && items.size() >= 3 && !strncmp(icu_locale, "en", 2))
		S_serial_comma(*lf, joined, items.back(), a->serial_comma == CLAUSIER__SERIAL_YES);
}

static int S_format(char **out, const char *pattern, const char *icu_locale,
                    const clausier__arg *args, size_t nargs, unsigned long serial, char *why,
                    size_t whylen)
{
	UErrorCode status = U_ZERO_ERROR;
	UParseError pe;
	S_entry owned;
	const S_entry *entry = nullptr;
	std::unique_lock<std::mutex> held;
	auto same_order = [&](const S_entry &e) {
		if (e.order.size() != nargs)
			return e.order.empty();
		for (size_t k = 0; k < nargs; k++)
			if (e.order[k].p != args[k].name && strcmp(e.order[k].p, args[k].name))
				return false;
		return true;
	};
	auto build = [&](S_entry &e) {
		UnicodeString pat = UnicodeString::fromUTF8(pattern);
		UnicodeString num = S_numbered(pat, args, nargs, e.selected);
		e.order.clear();
		if (!num.isEmpty()) {
			for (size_t k = 0; k < nargs; k++)
				e.order.push_back(S_name{ args[k].name });
			e.mf.reset(S_make(num, icu_locale, pe, status));
		} else {
			e.mf.reset(S_make(pat, icu_locale, pe, status));
		}
		return U_SUCCESS(status);
	};
	if (serial) {
		S_thread_cache *tc = S_cache.c;
		held = std::unique_lock<std::mutex>(tc->m);
		S_key key{ serial, pattern, icu_locale };
		auto it = tc->map.find(key);
		if (it != tc->map.end() && same_order(it->second)) {
			entry = &it->second;
		} else {
			S_entry made;
			if (!build(made))
				return S_syntax(why, whylen, pe, status);
			if (it != tc->map.end()) {
				it->second = std::move(made);
				entry = &it->second;
			} else {
				if (tc->map.size() >= S_CACHE_MAX)
					tc->map.clear();
				entry = &tc->map.emplace(std::move(key), std::move(made)).first->second;
			}
		}
	} else {
		if (!build(owned))
			return S_syntax(why, whylen, pe, status);
		entry = &owned;
	}
	MessageFormat &mf = *entry->mf;
	bool numbered = !entry->order.empty();

	std::vector<UnicodeString> names;
	std::vector<Formattable> values;
	names.reserve(nargs);
	values.reserve(nargs);
	for (size_t i = 0; i < nargs; i++) {
		if (!numbered)
			names.push_back(UnicodeString::fromUTF8(args[i].name));
		switch (args[i].kind) {
		case CLAUSIER__ARG_NUMBER:
		case CLAUSIER__ARG_DATE:
		case CLAUSIER__ARG_MONEY: {
			Formattable v;
			if (S_formattable(v, &args[i], status) < 0)
				return S_fail(why, whylen, _("argument {%s}: invalid value (%s)"), args[i].name,
				              u_errorName(status));
			values.push_back(v);
			break;
		}
		case CLAUSIER__ARG_LIST: {
			UnicodeString joined;
			S_join_list(joined, &args[i], icu_locale, status);
			values.emplace_back(joined);
			break;
		}
		default:
			/* French elides before a value (« qu’Acme »), which only the
			 * place ICU puts it at can tell: a value that elides goes in
			 * behind a mark (a noncharacter, refused in every input), and
			 * clausier__elide_marks does the rest.  Not for a value a
			 * select looks at. */
			if (numbered && !entry->selected[i].on && !strncmp(icu_locale, "fr", 2) &&
			    clausier__arg_elides(&args[i])) {
				UnicodeString v((UChar)CLAUSIER__ELISION_MARK);
				values.emplace_back(v.append(UnicodeString::fromUTF8(args[i].text)));
			} else {
				values.emplace_back(UnicodeString::fromUTF8(args[i].text));
			}
		}
		if (U_FAILURE(status))
			return S_fail(why, whylen, _("argument {%s}: invalid value (%s)"), args[i].name,
			              u_errorName(status));
	}
	UnicodeString result;
	if (numbered) {
		FieldPosition ignore(FieldPosition::DONT_CARE);
		mf.format(values.data(), (int32_t)nargs, result, ignore, status);
	} else {
		mf.format(names.data(), values.data(), (int32_t)nargs, result, status);
	}
	if (U_FAILURE(status))
		return S_fail(why, whylen, _("cannot format the message (%s)"), u_errorName(status));
	std::string s = S_utf8(result);
	char *p = (char *)malloc(s.size() + 1);
	if (!p)
		return S_fail(why, whylen, "%s", _("out of memory"));
	memcpy(p, s.c_str(), s.size() + 1);
	*out = p;
	return 0;
}


/* ---- compiled messages (doc/design.md, decision 58) ----
 *
 * Every pattern is compiled once, at catalog load, into literal runs (byte
 * ranges of the pattern: the ASCII apostrophe is refused, so nothing is
 * quoted), argument slots and plural, selectordinal and select branches.
 * Rendering walks that form: literal bytes are copied as they are, each
 * argument is formatted once per edition (clausier__memo) by the Format
 * ICU's MessageFormat itself would have built for it, and plural branches
 * are chosen by CLDR's rules on the number as that formatter writes it, as
 * MessageFormat does.  The program is immutable and shared between
 * threads; the formatters are per thread. */
namespace {
enum S_op : unsigned char { S_OP_LIT, S_OP_ARG, S_OP_POUND, S_OP_PLURAL, S_OP_ORDINAL, S_OP_SELECT };
struct S_case;
struct S_node {
	S_op op;
	uint32_t from = 0, to = 0; /* LIT: the pattern's bytes */
	int32_t ref = -1;          /* the argument, in the order the checker saw them */
	std::string fmt;           /* ARG: the Format's key ("" for a plain {x}); PLURAL: the one it selects by */
	double offset = 0;
	std::vector<S_case> cases; /* PLURAL, ORDINAL, SELECT */
};
struct S_case {
	bool exact = false; /* =N */
	double value = 0;
	std::string key;
	std::vector<S_node> body;
};
/* an int of this file's own (a std::vector<int> would be exported) */
struct S_int {
	int32_t v;
};
struct S_ref {
	size_t param = 0;
	int form = -1;
	bool selected = false; /* a select looks at it: not elided (as on the ICU path) */
};
} // namespace

struct clausier__prog {
	std::vector<S_node> body;
	std::vector<S_ref> refs;
};

/* The key of the Format ICU builds for {x, type, style}: its type and
 * style as MessageFormat reads them (trimmed, keywords in lowercase). */
static std::string S_fmt_key(const UnicodeString &type, const UnicodeString &style)
{
	/* A keyword is matched trimmed and in any case; a pattern is applied
	 * as written, its spaces included (« {d, date, yyyy} » prints a
	 * space first). */
	UnicodeString t(type), s(style), low(style);
	t.trim();
	low.trim();
	low.toLower(Locale::getRoot());
	static const char16_t *const keywords[] = { u"", u"currency", u"percent", u"integer", u"short", u"medium", u"long", u"full", nullptr };
	for (const char16_t *const *k = keywords; *k; k++)
		if (low == UnicodeString(*k))
			s = low;
	return S_utf8(t) + '\x1f' + S_utf8(s);
}

/* Per thread: the Formats by locale and key, and CLDR's rules. */
struct S_fmt_cache {
	std::unordered_map<std::string, std::unique_ptr<Format>, S_name_hash> fmts;
	std::unordered_map<std::string, std::unique_ptr<PluralRules>, S_name_hash> rules;
};
static thread_local S_fmt_cache S_fmts;
static const size_t S_FMTS_MAX = 512;

/* The Format MessageFormat::createAppropriateFormat builds for key, with
 * what S_make changes in it (en-CA's short dates, French « 1er »); "" is
 * the default number format, "\x1e" the default date format of a plain
 * {x}.  Borrowed from the thread's cache until the next call. */
static const Format *S_formatter(const char *icu_locale, const std::string &key, UErrorCode &status,
                                 UParseError *pe)
{
	std::string ck = std::string(icu_locale) + '\x1d' + key;
	auto it = S_fmts.fmts.find(ck);
	if (it != S_fmts.fmts.end())
		return it->second.get();
	Locale loc(icu_locale);
	std::unique_ptr<Format> f;
	UParseError ignore;
	if (!pe)
		pe = &ignore;
	if (key.empty()) {
		f.reset(NumberFormat::createInstance(loc, status));
	} else if (key == "\x1e") {
		f.reset(DateFormat::createDateTimeInstance(DateFormat::kShort, DateFormat::kShort, loc));
	} else {
		size_t sep = key.find('\x1f');
		std::string type = key.substr(0, sep), style = key.substr(sep + 1);
		UnicodeString ustyle = UnicodeString::fromUTF8(style);
		if (type == "number") {
			if (style.empty()) {
				f.reset(NumberFormat::createInstance(loc, status));
			} else if (style == "currency") {
				f.reset(NumberFormat::createCurrencyInstance(loc, status));
			} else if (style == "percent") {
				f.reset(NumberFormat::createPercentInstance(loc, status));
			} else if (style == "integer") {
				f.reset(NumberFormat::createInstance(loc, status));
				if (DecimalFormat *d = dynamic_cast<DecimalFormat *>(f.get())) {
					d->setMaximumFractionDigits(0);
					d->setDecimalSeparatorAlwaysShown(false);
					d->setParseIntegerOnly(true);
				}
			} else if (style.find_first_not_of(" \t\n\r") != std::string::npos &&
			           !style.compare(style.find_first_not_of(" \t\n\r"), 2, "::")) {
				int32_t at = 0;
				while (at < ustyle.length() && u_isUWhiteSpace(ustyle[at]))
					at++;
				f.reset(number::NumberFormatter::forSkeleton(ustyle.tempSubString(at + 2), status).locale(loc).toFormat(status));
			} else {
				f.reset(NumberFormat::createInstance(loc, status));
				if (DecimalFormat *d = dynamic_cast<DecimalFormat *>(f.get()))
					d->applyPattern(ustyle, *pe, status);
			}
		} else if (type == "date" || type == "time") {
			static const char *const names[] = { "", "short", "medium", "long", "full" };
			static const DateFormat::EStyle styles[] = { DateFormat::kDefault, DateFormat::kShort, DateFormat::kMedium,
				                                     DateFormat::kLong, DateFormat::kFull };
			int k = -1;
			for (int i = 0; i < 5; i++)
				if (style == names[i])
					k = i;
			DateFormat::EStyle ds = k >= 0 ? styles[k] : DateFormat::kDefault;
			int32_t at = 0;
			while (at < ustyle.length() && u_isUWhiteSpace(ustyle[at]))
				at++;
			bool skeleton = ustyle.compare(at, 2, u"::", 0, 2) == 0;
			std::unique_ptr<DateFormat> df(skeleton ? DateFormat::createInstanceForSkeleton(ustyle.tempSubString(at + 2), loc, status)
			                               : type == "date" ? DateFormat::createDateInstance(ds, loc)
			                                                : DateFormat::createTimeInstance(ds, loc));
			if (U_FAILURE(status))
				return nullptr;
			if (skeleton)
				k = 0; /* no pattern to apply */
			if (!df) {
				status = U_MEMORY_ALLOCATION_ERROR;
				return nullptr;
			}
			SimpleDateFormat *sdf = dynamic_cast<SimpleDateFormat *>(df.get());
			if (k < 0 && sdf)
				sdf->applyPattern(ustyle);
			if (!strcmp(icu_locale, "en_CA") && sdf) {
				std::unique_ptr<DateFormat> ref(DateFormat::createDateInstance(DateFormat::kShort, loc));
				const SimpleDateFormat *sref = dynamic_cast<const SimpleDateFormat *>(ref.get());
				UnicodeString mine, short_pattern;
				if (sref && sdf->toPattern(mine) == sref->toPattern(short_pattern))
					sdf->applyPattern(UNICODE_STRING_SIMPLE("y-MM-dd"));
			}
			if (!strncmp(icu_locale, "fr", 2))
				f.reset(new S_Premier(df.release()));
			else
				f = std::move(df);
		} else {
			URBNFRuleSetTag tag = type == "spellout" ? URBNF_SPELLOUT : type == "ordinal" ? URBNF_ORDINAL : URBNF_DURATION;
			if (type != "spellout" && type != "ordinal" && type != "duration") {
				status = U_ILLEGAL_ARGUMENT_ERROR;
				return nullptr;
			}
			std::unique_ptr<RuleBasedNumberFormat> r(new RuleBasedNumberFormat(tag, loc, status));
			if (U_SUCCESS(status) && !ustyle.isEmpty()) {
				UErrorCode ignored = U_ZERO_ERROR; /* as ICU: an unknown rule set is ignored */
				r->setDefaultRuleSet(ustyle, ignored);
			}
			f = std::move(r);
		}
	}
	if (U_FAILURE(status))
		return nullptr;
	if (!f) {
		status = U_MEMORY_ALLOCATION_ERROR;
		return nullptr;
	}
	if (S_fmts.fmts.size() >= S_FMTS_MAX)
		S_fmts.fmts.clear();
	return S_fmts.fmts.emplace(std::move(ck), std::move(f)).first->second.get();
}

static const PluralRules *S_rules(const char *icu_locale, bool ordinal, UErrorCode &status)
{
	std::string k = std::string(icu_locale) + (ordinal ? "\x1fo" : "\x1f" "c");
	auto it = S_fmts.rules.find(k);
	if (it != S_fmts.rules.end())
		return it->second.get();
	std::unique_ptr<PluralRules> r(
		PluralRules::forLocale(Locale(icu_locale), ordinal ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL, status));
	if (U_FAILURE(status) || !r)
		return nullptr;
	if (S_fmts.rules.size() >= S_PLURALS_MAX)
		S_fmts.rules.clear();
	return S_fmts.rules.emplace(std::move(k), std::move(r)).first->second.get();
}

/* Compiles the message that starts at part start (MSG_START) into body;
 * ord[i] is the ordinal of the ARG_START at part i. */
static void S_compile_msg(const MessagePattern &mp, const std::vector<S_int> &u8, const std::vector<S_int> &ord,
                          int32_t start, std::vector<S_node> &body, std::vector<S_ref> &refs)
{
	int32_t prev = mp.getPart(start).getLimit();
	auto lit = [&](int32_t to) {
		if (to > prev) {
			S_node n;
			n.op = S_OP_LIT;
			n.from = (uint32_t)u8[(size_t)prev].v;
			n.to = (uint32_t)u8[(size_t)to].v;
			body.push_back(std::move(n));
		}
	};
	for (int32_t i = start + 1;; i++) {
		const MessagePattern::Part &part = mp.getPart(i);
		UMessagePatternPartType type = part.getType();
		if (type == UMSGPAT_PART_TYPE_MSG_LIMIT) {
			lit(part.getIndex());
			return;
		}
		if (type == UMSGPAT_PART_TYPE_REPLACE_NUMBER) {
			lit(part.getIndex());
			S_node n;
			n.op = S_OP_POUND;
			body.push_back(std::move(n));
			prev = part.getLimit();
			continue;
		}
		if (type != UMSGPAT_PART_TYPE_ARG_START)
			continue; /* SKIP_SYNTAX, INSERT_CHAR: only with apostrophes */
		lit(part.getIndex());
		int32_t limit = mp.getLimitPartIndex(i);
		UMessagePatternArgType at = part.getArgType();
		S_node n;
		n.ref = ord[(size_t)i].v;
		if (at == UMSGPAT_ARG_TYPE_NONE || at == UMSGPAT_ARG_TYPE_SIMPLE) {
			n.op = S_OP_ARG;
			if (at == UMSGPAT_ARG_TYPE_SIMPLE) {
				const MessagePattern::Part &sp = mp.getPart(i + 3);
				UnicodeString style = sp.getType() == UMSGPAT_PART_TYPE_ARG_STYLE ? mp.getSubstring(sp) : UnicodeString();
				n.fmt = S_fmt_key(mp.getSubstring(mp.getPart(i + 2)), style);
			}
		} else {
			n.op = at == UMSGPAT_ARG_TYPE_SELECT ? S_OP_SELECT : at == UMSGPAT_ARG_TYPE_PLURAL ? S_OP_PLURAL : S_OP_ORDINAL;
			if (at == UMSGPAT_ARG_TYPE_SELECT)
				refs[(size_t)n.ref].selected = true;
			else
				n.offset = mp.getPluralOffset(i + 2);
			int32_t j = i + 2;
			if (at != UMSGPAT_ARG_TYPE_SELECT && MessagePattern::Part::hasNumericValue(mp.getPartType(j)))
				j++; /* the offset */
			UnicodeString argname = mp.getSubstring(mp.getPart(i + 1));
			bool other_seen = false;
			while (j < limit) {
				const MessagePattern::Part &sel = mp.getPart(j++);
				S_case c;
				c.key = S_utf8(mp.getSubstring(sel));
				if (MessagePattern::Part::hasNumericValue(mp.getPartType(j))) {
					c.exact = true;
					c.value = mp.getNumericValue(mp.getPart(j));
					j++;
				}
				S_compile_msg(mp, u8, ord, j, c.body, refs);
				/* What the selection formats the number with: the first
				 * {x} or {x, number…} of the plural's own argument in the
				 * other case, before any # (MessageFormat's
				 * findFirstPluralNumberArg), else the default format. */
				if (n.op != S_OP_SELECT && c.key == "other" && !other_seen) {
					other_seen = true;
					for (int32_t q = j + 1;; q++) {
						const MessagePattern::Part &p = mp.getPart(q);
						UMessagePatternPartType t = p.getType();
						if (t == UMSGPAT_PART_TYPE_MSG_LIMIT || t == UMSGPAT_PART_TYPE_REPLACE_NUMBER)
							break;
						if (t != UMSGPAT_PART_TYPE_ARG_START)
							continue;
						UMessagePatternArgType qt = p.getArgType();
						if ((qt == UMSGPAT_ARG_TYPE_NONE || qt == UMSGPAT_ARG_TYPE_SIMPLE) &&
						    mp.getSubstring(mp.getPart(q + 1)) == argname) {
							if (qt == UMSGPAT_ARG_TYPE_SIMPLE) {
								const MessagePattern::Part &sp = mp.getPart(q + 3);
								UnicodeString style = sp.getType() == UMSGPAT_PART_TYPE_ARG_STYLE
								                              ? mp.getSubstring(sp) : UnicodeString();
								n.fmt = S_fmt_key(mp.getSubstring(mp.getPart(q + 2)), style);
							}
							break;
						}
						q = mp.getLimitPartIndex(q);
					}
				}
				n.cases.push_back(std::move(c));
				j = mp.getLimitPartIndex(j) + 1;
			}
		}
		body.push_back(std::move(n));
		i = limit;
		prev = mp.getPart(limit).getLimit();
	}
}


/* Values formatted for one policy and locale: each argument once per
 * Format; and its messages as rendered. */
struct S_ptr_hash {
	size_t operator()(const void *p) const { return std::hash<const void *>()(p); }
};
/* A formatted value's key: the parameter and form, what of it (a value,
 * #, a plural category), the offset and the Format's key, borrowed from
 * the compiled message (the policy, and so its catalog, outlives every
 * lookup in its memo). */
struct S_mkey {
	size_t param;
	int form;
	char what;
	double offset;
	const std::string *fmt;
	bool operator==(const S_mkey &o) const
	{
		return param == o.param && form == o.form && what == o.what && offset == o.offset && *fmt == *o.fmt;
	}
};
struct S_mkey_hash {
	size_t operator()(const S_mkey &k) const
	{
		return (k.param * 0x9e3779b97f4a7c15ULL) ^ ((size_t)k.form << 8) ^ (size_t)(unsigned char)k.what ^
		       std::hash<double>()(k.offset) ^ std::hash<std::string>()(*k.fmt);
	}
};
struct clausier__memo {
	std::unordered_map<S_mkey, std::string, S_mkey_hash> text;
	std::unordered_map<const void *, std::string, S_ptr_hash> msgs;
	S_mkey key; /* the last one looked up */
	unsigned long renders = 0; /* before this one: messages are kept from the second */
};

/* Per thread, the memos of the last few policies rendered (a policy's
 * serial is never reused, so an entry can never be taken for another's). */
struct S_memo_slot {
	unsigned long serial;
	std::string locale;
	std::unique_ptr<clausier__memo> memo;
	unsigned long used;
};
static thread_local std::vector<S_memo_slot> S_memos;
static thread_local unsigned long S_memo_clock;
static const size_t S_MEMOS_MAX = 8;

clausier__memo *clausier__memo_for(unsigned long serial, const char *locale)
{
	try {
		S_memo_slot *oldest = nullptr;
		for (S_memo_slot &m : S_memos) {
			if (m.serial == serial && m.locale == locale) {
				m.used = ++S_memo_clock;
				m.memo->renders++;
				return m.memo.get();
			}
			if (!oldest || m.used < oldest->used)
				oldest = &m;
		}
		if (S_memos.size() < S_MEMOS_MAX) {
			S_memos.push_back(S_memo_slot{ serial, locale, std::unique_ptr<clausier__memo>(new clausier__memo), 0 });
			oldest = &S_memos.back();
		} else {
			oldest->serial = serial;
			oldest->locale = locale;
			oldest->memo.reset(new clausier__memo);
		}
		oldest->used = ++S_memo_clock;
		return oldest->memo.get();
	} catch (const std::bad_alloc &) {
		return nullptr;
	}
}

/* Per thread, the texts without arguments as rendered for a locale: the
 * same for every policy of the catalog (a heading, most clauses of a real
 * policy), kept under the catalog's serial, which is never reused. */
static thread_local std::unordered_map<S_key, std::string, S_key_hash> S_consts; /* by pattern */
static const size_t S_CONSTS_MAX = 8192;

const char *clausier__const_msg(unsigned long serial, const char *pattern, const char *locale)
{
	try {
		auto it = S_consts.find(S_key{ serial, pattern, locale });
		return it == S_consts.end() ? nullptr : it->second.c_str();
	} catch (const std::bad_alloc &) {
		return nullptr;
	}
}

void clausier__const_msg_put(unsigned long serial, const char *pattern, const char *locale, const char *rendered)
{
	try {
		if (S_consts.size() >= S_CONSTS_MAX)
			S_consts.clear();
		S_consts.emplace(S_key{ serial, pattern, locale }, rendered);
	} catch (const std::bad_alloc &) {
	}
}

const char *clausier__memo_msg(clausier__memo *memo, const void *key)
{
	auto it = memo->msgs.find(key);
	return it == memo->msgs.end() ? nullptr : it->second.c_str();
}

void clausier__memo_msg_put(clausier__memo *memo, const void *key, const char *text)
{
	/* A policy rendered once (fresh values for every request) would only
	 * pay for the copies: messages are kept from its second edition. */
	if (!memo->renders)
		return;
	try {
		memo->msgs.emplace(key, text);
	} catch (const std::bad_alloc &) {
	}
}

clausier__memo *clausier__memo_new(void)
{
	try {
		return new clausier__memo;
	} catch (const std::bad_alloc &) {
		return nullptr;
	}
}

void clausier__memo_free(clausier__memo *m)
{
	delete m;
}

namespace {
struct S_run {
	clausier__buf *out;
	const char *pattern, *icu_locale;
	const clausier__arg *args;
	const size_t *argix;
	const clausier__prog *prog;
	int fr;
	clausier__memo *memo;
	char *why;
	size_t whylen;
};
} // namespace

static const clausier__arg *S_arg_of(const S_run &r, int32_t ref)
{
	const S_ref &f = r.prog->refs[(size_t)ref];
	return &r.args[r.argix[f.param] + (size_t)(f.form + 1)];
}

/* The memo's entry for what (a tag) of argument ref with the Format fmt;
 * *fresh when it is new (the caller fills it). */
/* the key of the default number format, for # (stays for the process) */
static const std::string S_no_fmt;

static std::string &S_memo(const S_run &r, int32_t ref, char what, const std::string &fmt, double offset, bool &fresh)
{
	const S_ref &f = r.prog->refs[(size_t)ref];
	S_mkey &k = r.memo->key;
	k = S_mkey{ f.param, f.form, what, offset, &fmt };
	auto it = r.memo->text.find(k);
	fresh = it == r.memo->text.end();
	if (!fresh)
		return it->second;
	return r.memo->text.emplace(k, std::string()).first->second;
}

static int S_failed(const S_run &r, UErrorCode status)
{
	return S_fail(r.why, r.whylen, _("cannot format the message (%s)"), u_errorName(status));
}

/* Integers written by hand as the locale's default number format writes
 * them (digits, its grouping separator every three digits from the
 * minimum grouping ICU applies): learnt for each locale from ICU's own
 * output of probes, and used only when every probe agrees.  ICU's
 * DecimalFormat costs thousands of instructions a number. */
struct S_ints {
	bool ok = false;
	int min_group = 1;
	std::string sep;
};
static thread_local std::unordered_map<std::string, S_ints, S_name_hash> S_int_rules;

/* Whether text is an integer the fast path writes: 1 to 15 digits, no
 * leading zero. */
static bool S_plain_int(const char *t)
{
	size_t n = 0;
	for (; t[n]; n++)
		if (t[n] < '0' || t[n] > '9' || n >= 15)
			return false;
	return n > 0 && (n == 1 || t[0] != '0');
}

static void S_group(std::string &out, const char *digits, const S_ints &r)
{
	size_t n = strlen(digits);
	out.clear();
	bool grouped = n >= 4 && n >= (size_t)(3 + r.min_group);
	for (size_t i = 0; i < n; i++) {
		if (grouped && i > 0 && (n - i) % 3 == 0)
			out += r.sep;
		out += digits[i];
	}
}

static const S_ints &S_int_rule(const char *icu_locale)
{
	auto it = S_int_rules.find(icu_locale);
	if (it != S_int_rules.end())
		return it->second;
	S_ints r;
	UErrorCode status = U_ZERO_ERROR;
	const Format *f = S_formatter(icu_locale, std::string(), status, nullptr);
	static const char *const probes[] = { "0", "7", "42", "999", "1000", "1500", "9999", "10000", "12345", "999999",
		                              "1000000", "1234567", "21", "100000000000000", "987654321098765", nullptr };
	auto icu = [&](const char *p) {
		UErrorCode st = U_ZERO_ERROR;
		UnicodeString u;
		Formattable v(StringPiece(p), st);
		if (f && U_SUCCESS(st))
			f->format(v, u, st);
		std::string o;
		if (U_SUCCESS(st))
			u.toUTF8String(o);
		return o;
	};
	std::string big = icu("1234567"), thousand = icu("1000");
	if (big.size() > 7 && big[0] == '1' && !big.compare(big.size() - 3, 3, "567")) {
		size_t at = big.find("234");
		if (at != std::string::npos && at > 1) {
			r.sep = big.substr(1, at - 1);
			r.min_group = thousand == "1000" ? 2 : 1;
			r.ok = true;
			std::string mine;
			for (const char *const *p = probes; *p && r.ok; p++) {
				S_group(mine, *p, r);
				r.ok = mine == icu(*p);
			}
		}
	}
	if (S_int_rules.size() >= S_PLURALS_MAX)
		S_int_rules.clear();
	return S_int_rules.emplace(icu_locale, r).first->second;
}

/* The default number format's text of integer digits, if the fast path
 * can write it. */
static bool S_fast_int(std::string &out, const char *icu_locale, const char *digits)
{
	if (!S_plain_int(digits))
		return false;
	const S_ints &r = S_int_rule(icu_locale);
	if (!r.ok)
		return false;
	S_group(out, digits, r);
	return true;
}

/* formats value with f (NULL: as a plain {x} does) into s, UTF-8 */
static int S_format_value(const S_run &r, std::string &s, const Formattable &value, const Format *f)
{
	UErrorCode status = U_ZERO_ERROR;
	UnicodeString u;
	if (!f) {
		if (value.isNumeric())
			f = S_formatter(r.icu_locale, std::string(), status, nullptr);
		else if (value.getType() == Formattable::kDate)
			f = S_formatter(r.icu_locale, std::string("\x1e"), status, nullptr);
		else
			u = value.getString(status);
	}
	if (f && U_SUCCESS(status))
		f->format(value, u, status);
	if (U_FAILURE(status))
		return S_failed(r, status);
	s.clear();
	u.toUTF8String(s);
	return 0;
}

/* What # stands for in a plural's branch: its argument less the offset. */
namespace {
struct S_pound {
	const clausier__arg *a;
	double number, offset;
	int32_t ref;
};
} // namespace

static int S_exec(const S_run &r, const std::vector<S_node> &body, const S_pound *pound);

static int S_exec_plural(const S_run &r, const S_node &n)
{
	const clausier__arg *a = S_arg_of(r, n.ref);
	UErrorCode status = U_ZERO_ERROR;
	/* An integer is read without ICU; anything else as ICU is given it. */
	bool integer = a->kind == CLAUSIER__ARG_NUMBER && S_plain_int(a->text);
	double number = 0;
	if (integer) {
		number = strtod(a->text, nullptr);
	} else {
		Formattable value;
		if (S_formattable(value, a, status) < 0 || U_FAILURE(status))
			return S_failed(r, status);
		if (!value.isNumeric())
			return S_failed(r, U_ILLEGAL_ARGUMENT_ERROR);
		number = value.getDouble(status);
	}
	const S_case *chosen = nullptr;
	for (const S_case &c : n.cases)
		if (c.exact && c.value == number) {
			chosen = &c;
			break;
		}
	if (!chosen) {
		bool keywords = false;
		for (const S_case &c : n.cases)
			keywords = keywords || (!c.exact && c.key != "other");
		std::string keyword = "other";
		if (keywords) {
			bool fresh;
			std::string &k = S_memo(r, n.ref, n.op == S_OP_PLURAL ? 'p' : 'o', n.fmt, n.offset, fresh);
			if (fresh) {
				const PluralRules *rules = S_rules(r.icu_locale, n.op == S_OP_ORDINAL, status);
				const Format *f = rules ? S_formatter(r.icu_locale, n.fmt, status, nullptr) : nullptr;
				const DecimalFormat *df = dynamic_cast<const DecimalFormat *>(f);
				UnicodeString kw;
				if (rules && integer && n.offset == 0 && n.fmt.empty()) {
					/* an integer the default format writes with no
					 * decimals: CLDR's operands are its own */
					kw = rules->select(number);
				} else if (df) {
					const number::LocalizedNumberFormatter *lnf = df->toNumberFormatter(status);
					if (lnf && U_SUCCESS(status)) {
						number::FormattedNumber fn =
							n.offset == 0 && a->kind == CLAUSIER__ARG_NUMBER
								? lnf->formatDecimal(StringPiece(a->text), status)
								: lnf->formatDouble(number - n.offset, status);
						kw = rules->select(fn, status);
					}
				} else if (rules) {
					kw = rules->select(number - n.offset);
				}
				if (U_FAILURE(status)) {
					r.memo->text.erase(r.memo->key);
					return S_failed(r, status);
				}
				kw.toUTF8String(k);
			}
			keyword = k;
		}
		for (const S_case &c : n.cases)
			if (!c.exact && c.key == keyword) {
				chosen = &c;
				break;
			}
		for (const S_case &c : n.cases)
			if (!chosen && !c.exact && c.key == "other")
				chosen = &c;
	}
	if (!chosen)
		return 0;
	S_pound pound = { a, number, n.offset, n.ref };
	return S_exec(r, chosen->body, &pound);
}

static int S_exec(const S_run &r, const std::vector<S_node> &body, const S_pound *pound)
{
	for (const S_node &n : body) {
		switch (n.op) {
		case S_OP_LIT:
			clausier__buf_add(r.out, r.pattern + n.from, n.to - n.from);
			break;
		case S_OP_POUND: {
			if (!pound)
				break;
			bool fresh;
			std::string &s = S_memo(r, pound->ref, '#', S_no_fmt, pound->offset, fresh);
			if (fresh && !(pound->offset == 0 && pound->a->kind == CLAUSIER__ARG_NUMBER &&
			               S_fast_int(s, r.icu_locale, pound->a->text))) {
				/* the number less the offset, with the default format
				 * (as MessageFormat: the decimal given, if no offset) */
				UErrorCode status = U_ZERO_ERROR;
				Formattable value;
				if (pound->offset != 0)
					value = Formattable(pound->number - pound->offset);
				else if (S_formattable(value, pound->a, status) < 0 || U_FAILURE(status)) {
					r.memo->text.erase(r.memo->key);
					return S_failed(r, status);
				}
				const Format *f = S_formatter(r.icu_locale, std::string(), status, nullptr);
				if (!f || S_format_value(r, s, value, f) < 0) {
					r.memo->text.erase(r.memo->key);
					return U_FAILURE(status) ? S_failed(r, status) : -1;
				}
			}
			clausier__buf_add(r.out, s.data(), s.size());
			break;
		}
		case S_OP_ARG: {
			const clausier__arg *a = S_arg_of(r, n.ref);
			bool text = a->kind != CLAUSIER__ARG_NUMBER && a->kind != CLAUSIER__ARG_DATE &&
			            a->kind != CLAUSIER__ARG_MONEY && a->kind != CLAUSIER__ARG_LIST;
			if (text && n.fmt.empty()) {
				/* French elides before a value: « qu’Acme » (not one a
				 * select looks at, as on ICU's path). */
				if (r.fr && !r.prog->refs[(size_t)n.ref].selected && clausier__arg_elides(a))
					clausier__elide_end(r.out);
				clausier__buf_puts(r.out, a->text ? a->text : "");
				break;
			}
			bool fresh;
			std::string &s = S_memo(r, n.ref, 'a', n.fmt, 0, fresh);
			/* {n} and {n, number} of an integer: the default format's text */
			if (fresh && a->kind == CLAUSIER__ARG_NUMBER && (n.fmt.empty() || n.fmt == "number\x1f") &&
			    S_fast_int(s, r.icu_locale, a->text))
				fresh = false;
			if (fresh) {
				UErrorCode status = U_ZERO_ERROR;
				int rc = 0;
				if (a->kind == CLAUSIER__ARG_LIST && n.fmt.empty()) {
					UnicodeString joined;
					S_join_list(joined, a, r.icu_locale, status);
					if (U_FAILURE(status))
						rc = S_failed(r, status);
					else
						joined.toUTF8String(s);
				} else {
					Formattable value;
					const Format *f = nullptr;
					if (a->kind == CLAUSIER__ARG_LIST) {
						/* a list given to a Format: the joined items, as ICU gets them */
						rc = S_failed(r, U_ILLEGAL_ARGUMENT_ERROR);
					} else if (S_formattable(value, a, status) < 0 || U_FAILURE(status)) {
						rc = S_fail(r.why, r.whylen, _("argument {%s}: invalid value (%s)"), a->name,
						            u_errorName(status));
					} else if (!n.fmt.empty() && !(f = S_formatter(r.icu_locale, n.fmt, status, nullptr))) {
						rc = S_failed(r, status);
					} else {
						rc = S_format_value(r, s, value, f);
					}
				}
				if (rc < 0) {
					r.memo->text.erase(r.memo->key);
					return -1;
				}
			}
			clausier__buf_add(r.out, s.data(), s.size());
			break;
		}
		case S_OP_SELECT: {
			const clausier__arg *a = S_arg_of(r, n.ref);
			const char *v = a->text ? a->text : "";
			const S_case *chosen = nullptr, *other = nullptr;
			for (const S_case &c : n.cases) {
				if (!chosen && c.key == v)
					chosen = &c;
				if (!other && c.key == "other")
					other = &c;
			}
			if (!chosen)
				chosen = other;
			if (chosen && S_exec(r, chosen->body, pound) < 0)
				return -1;
			break;
		}
		case S_OP_PLURAL:
		case S_OP_ORDINAL:
			if (S_exec_plural(r, n) < 0)
				return -1;
			break;
		}
	}
	return 0;
}

int clausier__prog_run(clausier__buf *out, const clausier__prog *prog, const char *pattern, const char *icu_locale,
                       const clausier__arg *args, const size_t *argix, int fr, clausier__memo *memo, char *why,
                       size_t whylen)
{
	S_run r = { out, pattern, icu_locale, args, argix, prog, fr, memo, why, whylen };
	try {
		int rc = S_exec(r, prog->body, nullptr);
		if (rc == 0 && out->failed)
			return S_fail(why, whylen, "%s", _("out of memory"));
		return rc;
	} catch (const std::bad_alloc &) {
		return S_fail(why, whylen, "%s", _("out of memory"));
	}
}

void clausier__prog_bind(clausier__prog *prog, size_t k, size_t param, int form)
{
	if (prog && k < prog->refs.size()) {
		prog->refs[k].param = param;
		prog->refs[k].form = form;
	}
}

void clausier__prog_free(clausier__prog *prog)
{
	delete prog;
}

/* ICU's locale for a language tag, per thread (reading a tag was 4 % of a
 * catalog's load, for the same few tags); NULL when ICU cannot read it. */
struct S_lang {
	bool ok;
	Locale loc;
};
static thread_local std::unordered_map<std::string, S_lang, S_name_hash> S_langs;

static const Locale *S_language(const char *tag)
{
	auto it = S_langs.find(tag);
	if (it == S_langs.end()) {
		UErrorCode status = U_ZERO_ERROR;
		Locale loc = Locale::forLanguageTag(tag, status);
		if (S_langs.size() >= S_PLURALS_MAX)
			S_langs.clear();
		it = S_langs.emplace(tag, S_lang{ U_SUCCESS(status) != 0, loc }).first;
	}
	return it->second.ok ? &it->second.loc : nullptr;
}

static int S_check(const char *pattern, const char *lang, clausier__arg_cb cb, void *ctx, clausier__prog **prog,
                   char *why, size_t whylen)
{
	if (S_prescan(pattern, why, whylen) < 0)
		return -1;

	UErrorCode status = U_ZERO_ERROR;
	const Locale *lp = S_language(lang);
	if (!lp)
		return S_fail(why, whylen, _("invalid language tag “%s”"), lang);
	const Locale &loc = *lp;
	/* Without a brace a pattern is its text, as ICU reads it: no
	 * arguments, nothing to compile (most headings). */
	if (!strchr(pattern, '{'))
		return 0;

	UnicodeString pat = UnicodeString::fromUTF8(pattern);
	UParseError pe;
	MessagePattern mp(pat, &pe, status);
	if (U_FAILURE(status))
		return S_syntax(why, whylen, pe, status);

	const S_plural_keys *pk = S_keywords(lang, loc);
	if (!pk)
		return S_fail(why, whylen, _("no plural rules for language “%s”"), lang);
	const std::set<UnicodeString> &cardinal = pk->cardinal, &ordinal = pk->ordinal;
	S_offsets off{ (const unsigned char *)pattern };

	int32_t n = mp.countParts(), nargs = 0;
	std::vector<S_int> ord(prog ? (size_t)n : 0, S_int{ -1 });
	for (int32_t i = 0; i < n; i++) {
		const MessagePattern::Part &part = mp.getPart(i);
		if (part.getType() != UMSGPAT_PART_TYPE_ARG_START)
			continue;
		const MessagePattern::Part &np = mp.getPart(i + 1);
		std::string name = S_utf8(mp.getSubstring(np));
		if (np.getType() == UMSGPAT_PART_TYPE_ARG_NUMBER)
			return S_fail(why, whylen, _("numbered argument {%s}: arguments must have names"),
			              name.c_str());
		UMessagePatternArgType at = part.getArgType();
		enum clausier__argkind kind = CLAUSIER__ARG_ANY;
		const std::set<UnicodeString> *keys = nullptr;
		switch (at) {
		case UMSGPAT_ARG_TYPE_NONE:
			kind = CLAUSIER__ARG_ANY;
			break;
		case UMSGPAT_ARG_TYPE_SIMPLE: {
			std::string type = S_utf8(mp.getSubstring(mp.getPart(i + 2)));
			if (type == "date" || type == "time")
				kind = CLAUSIER__ARG_DATE;
			else if (type == "number")
				kind = CLAUSIER__ARG_NUMBER;
			else if (type == "spellout" || type == "ordinal" || type == "duration")
				kind = CLAUSIER__ARG_COUNT;
			else
				return S_fail(why, whylen, _("argument {%s}: unknown type “%s”"), name.c_str(),
				              type.c_str());
			/* ICU's own verdict on the style ({n, number, ::nonsense}):
			 * the Format MessageFormat would build, kept per thread. */
			const MessagePattern::Part &sp = mp.getPart(i + 3);
			UnicodeString style = sp.getType() == UMSGPAT_PART_TYPE_ARG_STYLE ? mp.getSubstring(sp) : UnicodeString();
			if (!S_formatter(loc.getName(), S_fmt_key(mp.getSubstring(mp.getPart(i + 2)), style), status, &pe))
				return S_syntax(why, whylen, pe, status);
			break;
		}
		case UMSGPAT_ARG_TYPE_PLURAL:
			kind = CLAUSIER__ARG_COUNT;
			keys = &cardinal;
			break;
		case UMSGPAT_ARG_TYPE_SELECTORDINAL:
			kind = CLAUSIER__ARG_COUNT;
			keys = &ordinal;
			break;
		case UMSGPAT_ARG_TYPE_SELECT:
			kind = CLAUSIER__ARG_TEXT;
			break;
		default:
			return S_fail(why, whylen, _("argument {%s}: choice format is not supported; use plural or select"),
			              name.c_str());
		}
		if (at == UMSGPAT_ARG_TYPE_PLURAL || at == UMSGPAT_ARG_TYPE_SELECTORDINAL ||
		    at == UMSGPAT_ARG_TYPE_SELECT) {
			bool other = false;
			int32_t limit = mp.getLimitPartIndex(i);
			for (int32_t j = i + 2; j < limit; j++) {
				const MessagePattern::Part &q = mp.getPart(j);
				if (q.getType() == UMSGPAT_PART_TYPE_MSG_START) {
					j = mp.getLimitPartIndex(j);
					continue;
				}
				if (q.getType() != UMSGPAT_PART_TYPE_ARG_SELECTOR)
					continue;
				UnicodeString key = mp.getSubstring(q);
				if (key == UNICODE_STRING_SIMPLE("other"))
					other = true;
				if (keys && !key.startsWith(UNICODE_STRING_SIMPLE("=")) && !keys->count(key))
					return S_fail(why, whylen,
					              _("argument {%s}: “%s” is not a plural category of language “%s”"),
					              name.c_str(), S_utf8(key).c_str(), lang);
			}
			if (!other)
				return S_fail(why, whylen, _("argument {%s}: the “other” case is missing"),
				              name.c_str());
		}
		size_t start = 0, end = 0;
		if (at == UMSGPAT_ARG_TYPE_NONE) {
			start = off.at(part.getIndex());
			end = off.at(mp.getPart(mp.getLimitPartIndex(i)).getLimit());
		}
		if (cb && cb(ctx, name.c_str(), kind, start, end, why, whylen) != 0)
			return -1;
		if (prog)
			ord[(size_t)i].v = nargs++;
	}
	if (prog) {
		/* the byte offset of every UTF-16 index */
		std::vector<S_int> u8((size_t)pat.length() + 1, S_int{ 0 });
		size_t b = 0;
		for (int32_t k = 0; k < pat.length(); k++) {
			u8[(size_t)k].v = (int32_t)b;
			unsigned char c = (unsigned char)pattern[b];
			size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
			if (len == 4)
				u8[(size_t)++k].v = (int32_t)b;
			b += len;
		}
		u8[(size_t)pat.length()].v = (int32_t)b;
		std::unique_ptr<clausier__prog> p(new clausier__prog);
		p->refs.resize((size_t)nargs);
		S_compile_msg(mp, u8, ord, 0, p->body, p->refs);
		*prog = p.release();
	}
	return 0;
}


int clausier__msg_check(const char *pattern, const char *lang, clausier__arg_cb cb, void *ctx,
                        char *why, size_t whylen)
{
	return clausier__msg_compile(pattern, lang, cb, ctx, nullptr, why, whylen);
}

int clausier__msg_compile(const char *pattern, const char *lang, clausier__arg_cb cb, void *ctx, clausier__prog **prog,
                          char *why, size_t whylen)
{
	if (prog)
		*prog = nullptr;
	try {
		return S_check(pattern, lang, cb, ctx, prog, why, whylen);
	} catch (const std::bad_alloc &) {
		return S_fail(why, whylen, "%s", _("out of memory"));
	}
}

int clausier__msg_format(char **out, const char *pattern, const char *icu_locale,
                         const clausier__arg *args, size_t nargs, unsigned long serial,
                         char *why, size_t whylen)
{
	*out = nullptr;
	try {
		return S_format(out, pattern, icu_locale, args, nargs, serial, why, whylen);
	} catch (const std::bad_alloc &) {
		return S_fail(why, whylen, "%s", _("out of memory"));
	}
}

/* Line breaking: one iterator per thread and locale (a BreakIterator is not
 * to be shared between threads).  ICU's line breaker proposes the breaks;
 * the wrapper refuses those inside a URL or an e-mail address, at a no-break
 * space, in French before an enclitic pronoun after a hyphen, and inside a
 * pinpoint citation, between ")" and "(". */
static thread_local std::unordered_map<std::string, std::unique_ptr<BreakIterator>> S_breakers;

/* The columns a character takes on a terminal: none for combining marks and
 * format characters, two for East Asian wide and fullwidth ones. */
static int32_t S_cwidth(UChar32 c)
{
	/* below the combining marks, every character but the soft hyphen is one */
	if (c < 0x300)
		return c == 0xAD ? 0 : 1;
	int8_t t = u_charType(c);
	if (t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_FORMAT_CHAR || (c >= 0x1160 && c <= 0x11FF))
		return 0;
	int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
	return ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
}

static int32_t S_columns(const UnicodeString &u, int32_t from, int32_t to)
{
	int32_t n = 0;
	for (int32_t i = from; i < to;) {
		UChar32 c = u.char32At(i);
		n += S_cwidth(c);
		i += U16_LENGTH(c);
	}
	return n;
}

size_t clausier__columns(const char *s)
{
	try {
		UnicodeString u = UnicodeString::fromUTF8(s);
		return (size_t)S_columns(u, 0, u.length());
	} catch (const std::bad_alloc &) {
		return strlen(s);
	}
}

static bool S_nbsp(UChar c)
{
	return c == 0x00A0 || c == 0x202F || c == 0x2007 || c == 0x2060 || c == 0xFEFF || c == 0x2011;
}

/* Whether c is one of the characters of set (never the NUL that ends it). */
static bool S_in(const UChar *set, UChar c)
{
	return c && u_strchr(set, c);
}

static bool S_ascii_alpha(UChar c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Where a URL or an address that starts at s ends: at white space or a
 * quotation mark, less the punctuation that ends a sentence, and less a
 * closing parenthesis or bracket it does not open. */
static int32_t S_link_end(const UnicodeString &u, int32_t s)
{
	static const UChar stop[] = u"\"<>«»“”„‹›‘’`";
	int32_t e = s, n = u.length();
	while (e < n && !u_isUWhiteSpace(u[e]) && !S_nbsp(u[e]) && !u_iscntrl(u[e]) && !S_in(stop, u[e]))
		e++;
	for (;;) {
		if (e <= s)
			return e;
		UChar c = u[e - 1];
		if (S_in(u".,;:!?…", c)) {
			e--;
			continue;
		}
		UChar open = c == u')' ? u'(' : c == u']' ? u'[' : c == u'}' ? u'{' : 0;
		if (!open)
			return e;
		int depth = 0;
		for (int32_t i = s; i < e; i++)
			depth += u[i] == open ? 1 : u[i] == c ? -1 : 0;
		if (depth >= 0)
			return e;
		e--;
	}
}

static bool S_host_char(UChar32 c)
{
	return u_isalnum(c) || c == u'-' || c == u'.' || u_charType(c) == U_NON_SPACING_MARK;
}

/* A span of text never broken, [from, to).  Local to this file (an
 * anonymous namespace), so that the vector's code is not exported. */
namespace {
struct S_span {
	int32_t from, to;
};
} // namespace

/* The spans of u that are URLs (scheme://…, www.…, a bare host.tld with or
 * without a path) or e-mail addresses (local@host.tld, the host in any
 * script), as [start, end) pairs. */
static void S_links(const UnicodeString &u, std::vector<S_span> &spans)
{
	int32_t n = u.length();
	for (int32_t i = 0; i < n; i++) {
		int32_t s = -1;
		if (u[i] == u':' && i + 2 < n && u[i + 1] == u'/' && u[i + 2] == u'/') {
			/* The scheme: a letter, then letters, digits, + - . */
			int32_t k = i;
			while (k > 0 && (S_ascii_alpha(u[k - 1]) || u_isdigit(u[k - 1]) || S_in(u"+-.", u[k - 1])))
				k--;
			while (k < i && !S_ascii_alpha(u[k]))
				k++;
			if (k < i && (k == 0 || !u_isalnum(u.char32At(k - 1))))
				s = k;
		} else if ((u[i] == u'w' || u[i] == u'W') && i + 4 < n && !u.caseCompare(i, 4, u"www.", 0, 4, 0) &&
		           (i == 0 || (!u_isalnum(u.char32At(i - 1)) && !S_in(u"./@-", u[i - 1]))) &&
		           u_isalnum(u.char32At(i + 4))) {
			s = i;
		} else if (u[i] == u'@' && i > 0) {
			int32_t k = i;
			while (k > 0 && (u_isalnum(u.char32At(k - 1)) || S_in(u"._%+-", u[k - 1]) ||
			                 U16_IS_TRAIL(u[k - 1])))
				k--;
			while (k < i && (u[k] == u'.' || U16_IS_TRAIL(u[k])))
				k++;
			int32_t e = i + 1, dot = -1;
			while (e < n && S_host_char(u.char32At(e)))
				e += U16_LENGTH(u.char32At(e));
			while (e > i + 1 && (u[e - 1] == u'.' || u[e - 1] == u'-'))
				e--;
			for (int32_t d = i + 1; d < e; d++)
				if (u[d] == u'.')
					dot = d;
			if (k < i && dot > i + 1 && dot < e - 1) {
				int32_t end = S_link_end(u, k);
				spans.push_back(S_span{ k, end > e ? end : e });
			}
			continue;
		} else if (u_isalnum(u.char32At(i)) && !U16_IS_TRAIL(u[i]) &&
		         (i == 0 || (!S_host_char(u.char32At(i - 1)) && !S_in(u"@/:_%+", u[i - 1])))) {
			/* A bare host name (« internet-signalement.gouv.fr »): labels
			 * joined by dots, the last one letters only, two or more. */
			int32_t r = i;
			while (r < n && S_host_char(u.char32At(r)))
				r += U16_LENGTH(u.char32At(r));
			int32_t e = r;
			while (e > i && (u[e - 1] == u'.' || u[e - 1] == u'-'))
				e--;
			int32_t dot = -1;
			bool ok = true;
			for (int32_t d = i; d < e; d++) {
				if (u[d] == u'.') {
					ok = ok && d > i && u[d - 1] != u'.' && u[d - 1] != u'-' && u[d + 1] != u'-';
					dot = d;
				}
			}
			if (ok && dot > i && e - dot > 2) {
				for (int32_t d = dot + 1; d < e; d += U16_LENGTH(u.char32At(d)))
					ok = ok && u_isalpha(u.char32At(d));
				if (ok)
					spans.push_back(S_span{ i, e < n && u[e] == u'/' ? S_link_end(u, i) : e });
			}
			i = r > i ? r - 1 : i;
			continue;
		}
		if (s >= 0) {
			int32_t e = S_link_end(u, s);
			spans.push_back(S_span{ s, e });
			i = e > i ? e - 1 : i;
		}
	}
}

/* A French enclitic pronoun (or particle) starting at i, ending at a
 * character that is not a letter: « dites-le », « parlez-en », « a-t-il »,
 * « rendez-vous », « celui-ci ». */
static bool S_enclitic(const UnicodeString &u, int32_t i)
{
	static const char *const words[] = { "moi", "toi", "lui", "elle", "elles", "nous", "vous", "le", "la",
	                                     "les", "leur", "leurs", "en", "y", "il", "ils", "on", "ce", "t",
	                                     "ci", "là", nullptr };
	int32_t e = i;
	while (e < u.length() && u_isalpha(u.char32At(e)))
		e += U16_LENGTH(u.char32At(e));
	if (e == i || e - i > 5)
		return false;
	UnicodeString w(u, i, e - i);
	w.foldCase();
	for (const char *const *p = words; *p; p++)
		if (w == UnicodeString::fromUTF8(*p))
			return true;
	return false;
}

/* Whether the wrapper may end a line at ICU's break b. */
static bool S_may_break(const UnicodeString &u, int32_t b, bool french,
                        const std::vector<S_span> &links)
{
	if (b <= 0 || b >= u.length())
		return true;
	if (S_nbsp(u[b]) || S_nbsp(u[b - 1]))
		return false;
	for (const auto &l : links)
		if (l.from < b && b < l.to)
			return false;
	if (french && (u[b - 1] == u'-' || u[b - 1] == 0x2010) && S_enclitic(u, b))
		return false;
	/* a pinpoint citation is one word: § 7323(a)(2), Article 6(1)(e) (UAX #14
	 * allows a break between ")" and "(") */
	if (u[b - 1] == u')' && u[b] == u'(')
		return false;
	return true;
}

static void S_line(clausier__buf *out, const char *prefix, const UnicodeString &text, int32_t from,
                   int32_t to)
{
	/* Spaces that end a line are dropped; no-break spaces never end one. */
	while (to > from && text[to - 1] == u' ')
		to--;
	std::string s;
	UnicodeString(text, from, to - from).toUTF8String(s);
	clausier__buf_puts(out, prefix);
	clausier__buf_add(out, s.data(), s.size());
	clausier__buf_putc(out, '\n');
}

/* Where a line ending at break b really ends: before its spaces. */
static int32_t S_trimmed(const UnicodeString &u, int32_t start, int32_t b)
{
	while (b > start && u[b - 1] == u' ')
		b--;
	return b;
}

static int S_wrap(clausier__buf *out, const char *text, unsigned width, const char *first,
                  const char *rest, const char *icu_locale)
{
	auto &bi = S_breakers[icu_locale];
	UErrorCode status = U_ZERO_ERROR;
	if (!bi)
		bi.reset(BreakIterator::createLineInstance(Locale(icu_locale), status));
	if (U_FAILURE(status) || !bi)
		return -1;
	UnicodeString u = UnicodeString::fromUTF8(text);
	bi->setText(u);
	std::vector<S_span> links;
	S_links(u, links);
	bool french = !strncmp(icu_locale, "fr", 2) && (!icu_locale[2] || icu_locale[2] == '_');
	/* Prefixes are ASCII (spaces and a clause number). */
	const char *prefix = first;
	auto room = [&] { return (int32_t)width - (int32_t)strlen(prefix); };
	/* the columns before each position, counted once */
	std::vector<int32_t> cols((size_t)u.length() + 1, 0);
	for (int32_t i = 0; i < u.length();) {
		UChar32 c = u.char32At(i);
		int32_t k = U16_LENGTH(c);
		for (int32_t j = 1; j <= k && i + j <= u.length(); j++)
			cols[(size_t)(i + j)] = cols[(size_t)i] + (j == k ? S_cwidth(c) : 0);
		i += k;
	}
	auto len = [&](int32_t start, int32_t b) { return cols[(size_t)S_trimmed(u, start, b)] - cols[(size_t)start]; };
	int32_t start = 0, last = -1; /* the line so far, and its last break that fits */
	for (int32_t b = bi->following(0); b != BreakIterator::DONE; b = bi->next()) {
		if (!S_may_break(u, b, french, links))
			continue;
		if (len(start, b) <= room()) {
			last = b;
			continue;
		}
		if (last > start) {
			S_line(out, prefix, u, start, last);
			prefix = rest;
			start = last;
			last = -1;
			if (len(start, b) <= room()) {
				last = b;
				continue;
			}
		}
		/* A word, URL or address longer than the line stays whole on a
		 * line of its own, overflowing the width. */
		S_line(out, prefix, u, start, b);
		prefix = rest;
		start = b;
		last = -1;
	}
	if (start < u.length())
		S_line(out, prefix, u, start, u.length());
	return 0;
}

int clausier__wrap(clausier__buf *out, const char *text, unsigned width, const char *first,
                   const char *rest, const char *icu_locale)
{
	try {
		return S_wrap(out, text, width, first, rest, icu_locale);
	} catch (const std::bad_alloc &) {
		out->failed = 1;
		return -1;
	}
}

/* ---- word counts ---- */

/* The literal text of a pattern: what is between the braces of plural and
 * select cases, without argument names, types, styles and keys. */
static void S_literal(const MessagePattern &mp, const UnicodeString &pat, UnicodeString &out)
{
	int32_t n = mp.countParts(), prev = 0;
	for (int32_t i = 0; i < n; i++) {
		const MessagePattern::Part &p = mp.getPart(i);
		UMessagePatternPartType t = p.getType();
		if (t == UMSGPAT_PART_TYPE_MSG_START) {
			prev = p.getLimit();
		} else if (t == UMSGPAT_PART_TYPE_ARG_START || t == UMSGPAT_PART_TYPE_MSG_LIMIT ||
		           t == UMSGPAT_PART_TYPE_REPLACE_NUMBER) {
			out.append(pat, prev, p.getIndex() - prev).append(u' ');
			prev = t == UMSGPAT_PART_TYPE_ARG_START ? -1 : p.getLimit();
		} else if (t == UMSGPAT_PART_TYPE_ARG_LIMIT) {
			prev = p.getLimit();
		}
		if (prev < 0 && t != UMSGPAT_PART_TYPE_ARG_START)
			prev = -1;
	}
}

static size_t S_words(const char *pattern, const char *locale)
{
	UErrorCode status = U_ZERO_ERROR;
	UnicodeString pat = UnicodeString::fromUTF8(pattern), text;
	UParseError pe;
	/* A pattern nested deeper than ICU can take is refused everywhere
	 * else; it has no words here, like one ICU cannot parse, instead of
	 * overflowing ICU's stack. */
	int apostrophe;
	if (S_first_refused(pattern, false, &apostrophe))
		return 0;
	MessagePattern mp(pat, &pe, status);
	if (U_SUCCESS(status))
		S_literal(mp, pat, text);
	else
		text = pat;
	std::unique_ptr<BreakIterator> bi(BreakIterator::createWordInstance(Locale::forLanguageTag(locale, status), status));
	if (U_FAILURE(status))
		return 0;
	bi->setText(text);
	size_t words = 0;
	for (int32_t b = bi->next(); b != BreakIterator::DONE; b = bi->next())
		if (bi->getRuleStatus() >= UBRK_WORD_NUMBER)
			words++;
	return words;
}

size_t clausier_word_count(const char *pattern, const char *locale)
{
	if (!pattern || !locale)
		return 0;
	try {
		return S_words(pattern, locale);
	} catch (const std::bad_alloc &) {
		return 0;
	}
}
