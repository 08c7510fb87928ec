/* Regional English: a catalog's en texts are in US spelling; en-CA and
 * en-GB texts are derived from them at load where no one wrote one, by a
 * table of words (Canadian spelling as The Canadian Style has it: labour,
 * centre, offence, -ize kept; British as the GOV.UK style guide: the same
 * plus -ise, programme, ageing and the Latin-Greek ae/oe of medicine).
 * Only the catalog's own prose changes: argument names, types and select
 * keys are left as ICU needs them, and values (names, jurisdiction facts)
 * are never respelled, since they go in at render.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* US word (lower case), Canadian, British ("=": as in the US). */
typedef struct {
	const char *us, *ca, *gb;
} S_word;

static S_word S_table[] = {
	{ "acknowledgment", "acknowledgement", "acknowledgement" },
	{ "acknowledgments", "acknowledgements", "acknowledgements" },
	{ "aging", "=", "ageing" },
	{ "analog", "analogue", "analogue" },
	{ "anesthesia", "=", "anaesthesia" },
	{ "anesthetic", "=", "anaesthetic" },
	{ "armor", "armour", "armour" },
	{ "behavior", "behaviour", "behaviour" },
	{ "behavioral", "behavioural", "behavioural" },
	{ "behaviors", "behaviours", "behaviours" },
	{ "caliber", "calibre", "calibre" },
	{ "candor", "candour", "candour" },
	{ "canceled", "cancelled", "cancelled" },
	{ "canceling", "cancelling", "cancelling" },
	{ "catalog", "catalogue", "catalogue" },
	{ "catalogs", "catalogues", "catalogues" },
	{ "center", "centre", "centre" },
	{ "centered", "centred", "centred" },
	{ "centers", "centres", "centres" },
	{ "clamor", "clamour", "clamour" },
	{ "color", "colour", "colour" },
	{ "colored", "coloured", "coloured" },
	{ "colorful", "colourful", "colourful" },
	{ "colors", "colours", "colours" },
	{ "counseled", "counselled", "counselled" },
	{ "counseling", "counselling", "counselling" },
	{ "counselor", "counsellor", "counsellor" },
	{ "counselors", "counsellors", "counsellors" },
	{ "cozy", "=", "cosy" },
	{ "defense", "defence", "defence" },
	{ "defenses", "defences", "defences" },
	{ "demeanor", "demeanour", "demeanour" },
	{ "dialog", "dialogue", "dialogue" },
	{ "dialogs", "dialogues", "dialogues" },
	{ "endeavor", "endeavour", "endeavour" },
	{ "endeavors", "endeavours", "endeavours" },
	{ "enroll", "enrol", "enrol" },
	{ "enrollment", "enrolment", "enrolment" },
	{ "enrollments", "enrolments", "enrolments" },
	{ "enrolls", "enrols", "enrols" },
	{ "favor", "favour", "favour" },
	{ "favorable", "favourable", "favourable" },
	{ "favorably", "favourably", "favourably" },
	{ "favored", "favoured", "favoured" },
	{ "favorite", "favourite", "favourite" },
	{ "favorites", "favourites", "favourites" },
	{ "favors", "favours", "favours" },
	{ "fiber", "fibre", "fibre" },
	{ "fibers", "fibres", "fibres" },
	{ "flavor", "flavour", "flavour" },
	{ "fueled", "fuelled", "fuelled" },
	{ "fulfill", "fulfil", "fulfil" },
	{ "fulfillment", "fulfilment", "fulfilment" },
	{ "fulfills", "fulfils", "fulfils" },
	{ "gray", "grey", "grey" },
	{ "gynecology", "=", "gynaecology" },
	{ "harbor", "harbour", "harbour" },
	{ "hemorrhage", "=", "haemorrhage" },
	{ "honor", "honour", "honour" },
	{ "honorable", "honourable", "honourable" },
	{ "honored", "honoured", "honoured" },
	{ "honors", "honours", "honours" },
	{ "humor", "humour", "humour" },
	{ "installment", "instalment", "instalment" },
	{ "installments", "instalments", "instalments" },
	{ "jewelry", "jewellery", "jewellery" },
	{ "labeled", "labelled", "labelled" },
	{ "labeling", "labelling", "labelling" },
	{ "labor", "labour", "labour" },
	{ "labored", "laboured", "laboured" },
	{ "laborer", "labourer", "labourer" },
	{ "laborers", "labourers", "labourers" },
	{ "laboring", "labouring", "labouring" },
	{ "labors", "labours", "labours" },
	{ "leukemia", "=", "leukaemia" },
	{ "leveled", "levelled", "levelled" },
	{ "license", "licence", "licence" },
	{ "licenses", "licences", "licences" },
	{ "liter", "litre", "litre" },
	{ "liters", "litres", "litres" },
	{ "maneuver", "manoeuvre", "manoeuvre" },
	{ "maneuvers", "manoeuvres", "manoeuvres" },
	{ "marvelous", "marvellous", "marvellous" },
	{ "meager", "meagre", "meagre" },
	{ "modeled", "modelled", "modelled" },
	{ "modeling", "modelling", "modelling" },
	{ "mold", "mould", "mould" },
	{ "mustache", "moustache", "moustache" },
	{ "neighbor", "neighbour", "neighbour" },
	{ "neighborhood", "neighbourhood", "neighbourhood" },
	{ "neighborhoods", "neighbourhoods", "neighbourhoods" },
	{ "neighboring", "neighbouring", "neighbouring" },
	{ "neighbors", "neighbours", "neighbours" },
	{ "odor", "odour", "odour" },
	{ "offense", "offence", "offence" },
	{ "offenses", "offences", "offences" },
	{ "orthopedic", "=", "orthopaedic" },
	{ "pajamas", "pyjamas", "pyjamas" },
	{ "parlor", "parlour", "parlour" },
	{ "pediatric", "=", "paediatric" },
	{ "pediatrician", "=", "paediatrician" },
	{ "pediatrics", "=", "paediatrics" },
	{ "percent", "per cent", "per cent" },
	{ "pretense", "pretence", "pretence" },
	{ "program", "=", "programme" },
	{ "programs", "=", "programmes" },
	{ "rumor", "rumour", "rumour" },
	{ "rumors", "rumours", "rumours" },
	{ "savior", "saviour", "saviour" },
	{ "signaled", "signalled", "signalled" },
	{ "signaling", "signalling", "signalling" },
	{ "skeptic", "=", "sceptic" },
	{ "skeptical", "=", "sceptical" },
	{ "skillful", "skilful", "skilful" },
	{ "somber", "sombre", "sombre" },
	{ "splendor", "splendour", "splendour" },
	{ "theater", "theatre", "theatre" },
	{ "theaters", "theatres", "theatres" },
	{ "totaled", "totalled", "totalled" },
	{ "traveled", "travelled", "travelled" },
	{ "traveler", "traveller", "traveller" },
	{ "travelers", "travellers", "travellers" },
	{ "traveling", "travelling", "travelling" },
	{ "valor", "valour", "valour" },
	{ "vigor", "vigour", "vigour" },
	{ "willful", "wilful", "wilful" },
};
#define S_NWORDS (sizeof S_table / sizeof *S_table)

static int S_cmp(const void *a, const void *b)
{
	return strcmp(((const S_word *)a)->us, ((const S_word *)b)->us);
}

static pthread_once_t S_once = PTHREAD_ONCE_INIT;
/* The pairs of first letters the table's words start with: most words of
 * a text start otherwise and are not looked up (a search for every word
 * of every English text was a fifth of a catalog's load). */
static unsigned char S_starts[26][26];

static void S_sort(void)
{
	qsort(S_table, S_NWORDS, sizeof *S_table, S_cmp);
	for (size_t i = 0; i < S_NWORDS; i++) {
		const char *w = S_table[i].us;
		if (w[0] >= 'a' && w[0] <= 'z' && w[1] >= 'a' && w[1] <= 'z')
			S_starts[w[0] - 'a'][w[1] - 'a'] = 1;
		else
			memset(S_starts, 1, sizeof S_starts); /* a word of another shape: look everything up */
	}
}

/* -ize words that keep their z in British spelling too. */
static int S_keeps_z(const char *w, size_t n)
{
	static const char *const keep[] = { "size", "seize", "prize", "capsize", "maize", "baize", "assize" };
	for (size_t i = 0; i < sizeof keep / sizeof *keep; i++) {
		size_t k = strlen(keep[i]);
		if (n >= k && !memcmp(w + n - k, keep[i], k))
			return 1;
	}
	return 0;
}

/* British -ise for -ize (and -yse for -yze): *word is lower case, n its
 * length; writes the new word into out (n + 1 bytes) and returns 1, or 0. */
static int S_ise(const char *w, size_t n, char *out)
{
	static const char *const suffixes[] = { "izations", "izational", "ization", "izing", "izers", "izer",
		                                "izes", "ized", "ize", "yzing", "yzes", "yzed", "yze" };
	/* every suffix has its z within the word’s last 8 letters (izational) */
	if (!memchr(n > 8 ? w + n - 8 : w, 'z', n > 8 ? 8 : n))
		return 0;
	for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
		size_t k = strlen(suffixes[i]);
		if (n < k + 2 || memcmp(w + n - k, suffixes[i], k))
			continue;
		/* the -ize word itself: the stem and "ize" */
		size_t stem = n - k;
		char base[64];
		if (stem + 3 >= sizeof base)
			return 0;
		memcpy(base, w, stem);
		memcpy(base + stem, suffixes[i][0] == 'y' ? "yze" : "ize", 4);
		if (S_keeps_z(base, stem + 3))
			return 0;
		memcpy(out, w, n + 1);
		out[stem + 1] = 's';
		return 1;
	}
	return 0;
}

/* The regional spelling of word w[0..n) (any case) into buf, or NULL. */
static const char *S_respell_word(const char *w, size_t n, int gb, char *buf, size_t buflen)
{
	char low[64];
	if (n >= sizeof low || n + 2 >= buflen)
		return NULL;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] - 'A' + 'a' : w[i]);
	low[n] = 0;
	S_word key = { low, NULL, NULL };
	int may = n < 2 || low[0] < 'a' || low[0] > 'z' || low[1] < 'a' || low[1] > 'z' || S_starts[low[0] - 'a'][low[1] - 'a'];
	const S_word *e = may ? bsearch(&key, S_table, S_NWORDS, sizeof *S_table, S_cmp) : NULL;
	const char *to = NULL;
	if (e) {
		to = gb ? e->gb : e->ca;
		if (!strcmp(to, "="))
			to = NULL;
	} else if (gb && S_ise(low, n, buf)) {
		to = buf;
	}
	if (!to)
		return NULL;
	size_t m = strlen(to);
	if (m + 1 > buflen)
		return NULL;
	memmove(buf, to, m + 1);
	/* the case of the original: all capitals, or a capital first letter */
	int upper_first = w[0] >= 'A' && w[0] <= 'Z';
	int all_upper = n > 1 && upper_first;
	for (size_t i = 1; i < n && all_upper; i++)
		all_upper = w[i] >= 'A' && w[i] <= 'Z';
	for (size_t i = 0; i < m; i++)
		if ((all_upper || (i == 0 && upper_first)) && buf[i] >= 'a' && buf[i] <= 'z')
			buf[i] = (char)(buf[i] - 'a' + 'A');
	return buf;
}

/* Whether the UTF-8 character at s continues a word: any non-ASCII
 * character but punctuation and spaces (’ “ ” « » – — no-break spaces). */
static int S_glued(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] < 0x80)
		return 0;
	long c = -1;
	if ((u[0] & 0xE0) == 0xC0 && u[1])
		c = ((long)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
	else if ((u[0] & 0xF0) == 0xE0 && u[1] && u[2])
		c = ((long)(u[0] & 0x0F) << 12) | ((long)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
	return !(c == 0x00A0 || c == 0x00AB || c == 0x00BB || c == 0x202F || (c >= 0x2010 && c <= 0x201F) ||
	         c == 0x2026);
}

static int S_glued_before(const char *start, const char *w)
{
	const char *q = w - 1;
	while (q > start && ((unsigned char)*q & 0xC0) == 0x80)
		q--;
	return S_glued(q);
}

int clausier__respell(char **out, const char *pattern, int gb)
{
	pthread_once(&S_once, S_sort);
	*out = NULL;
	clausier__buf b = { 0 };
	/* ICU's structure: in text, { opens an argument; in an argument, {
	 * opens a case's text and } closes the argument; in a case's text, }
	 * closes it.  Words are respelled in text only. */
	unsigned char stack[16]; /* 1: an argument; 0: text */
	int depth = 0, changed = 0;
	const char *p = pattern, *run = pattern;
	while (*p) {
		char c = *p;
		int in_arg = depth > 0 && stack[depth - 1];
		if (c == '{' || c == '}') {
			if (c == '{' && depth < (int)sizeof stack)
				stack[depth++] = (unsigned char)!in_arg;
			else if (c == '}' && depth > 0)
				depth--;
			p++;
			continue;
		}
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
			p++;
			continue;
		}
		const char *w = p;
		while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
			p++;
		/* a word glued to other letters (accented, a digit) is part of
		 * something else: left alone */
		if (in_arg || S_glued(p) || (w > pattern && S_glued_before(pattern, w)) || (*p >= '0' && *p <= '9') ||
		    (w > pattern && w[-1] >= '0' && w[-1] <= '9'))
			continue;
		char buf[80];
		const char *to = S_respell_word(w, (size_t)(p - w), gb, buf, sizeof buf);
		if (!to)
			continue;
		clausier__buf_add(&b, run, (size_t)(w - run));
		clausier__buf_puts(&b, to);
		run = p;
		changed = 1;
	}
	if (!changed) {
		clausier__buf_free(&b);
		return 0;
	}
	clausier__buf_puts(&b, run);
	if (b.failed) {
		clausier__buf_free(&b);
		return -1;
	}
	*out = clausier__buf_detach(&b, NULL);
	return *out ? 1 : -1;
}
