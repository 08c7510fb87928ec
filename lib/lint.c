/* Lint: a policy against the rules of its genre and of its jurisdiction,
 * and against strategy content.  Each rule names its legal reference; the
 * patterns are ICU regular expressions, matched without case on every
 * language's text of the clause.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/uregex.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>

typedef struct {
	const char *id;
	const char *jurisdictions; /* the policy's jurisdiction must be one of these; NULL: any */
	clausier_severity severity;
	const char *skip_topics;   /* clauses on these topics are not looked at */
	const char *prefilter;     /* words one of which a text must hold for match to be tried
	                              (without case; ASCII case only: write accents lowercase) */
	const char *match;         /* a clause whose text matches is a finding... */
	const char *unless;        /* ...unless it also matches this */
	const char *reference;
	const char *message;       /* N_() */
} S_rule;

static const S_rule S_rules[] = {
	{ "us-nlrb-non-disparagement", "US", CLAUSIER_CHECK_ERROR, "protected-activity",
	  "disparag dénigr critic negative derogatory",
	  "disparag|dénigr|(negative|derogatory|critical) (comments?|statements?|remarks?|posts?) about (the company|the organization|\\{org|our |management|your employer)|critici[sz]e (the company|the organization|\\{org|management|your employer)",
	  "know(ingly| to be)?\\W.{0,20}false|maliciously false|savez (faux|fausses)|sciemment (faux|mensonger)", "Stericycle, Inc., 372 NLRB No. 113 (2023); NLRA § 7, 29 U.S.C. § 157",
	  N_("a blanket ban on disparaging or criticizing the employer, which the NLRB treats as overbroad: employees may criticize their working conditions") },
	{ "us-nlrb-pay-confidentiality", "US", CLAUSIER_CHECK_ERROR, "protected-activity",
	  "wage salar salair pay compensation conditions rémunération",
	  "(confidential|do not (disclose|discuss|share)|must not (disclose|discuss|share)|may not (disclose|discuss|share)).{0,200}(wages|salar(y|ies)|\\bpay\\b|compensation|working conditions|terms and conditions of employment)|(wages|salar(y|ies)|compensation|working conditions).{0,80}(are|is) confidential|(rémunérations?|salaires?|conditions de travail).{0,80}confidentiel",
	  "does not (cover|apply|restrict|prevent|limit)|nothing in this|free to discuss|ne vise pas|ne s’applique pas|n’interdit pas|librement",
	  "Stericycle, Inc., 372 NLRB No. 113 (2023); NLRA § 7, 29 U.S.C. § 157",
	  N_("a confidentiality rule that covers pay or working conditions, which employees have the right to discuss") },
	{ "us-nlrb-media-ban", "US", CLAUSIER_CHECK_ERROR, "protected-activity",
	  "media press journalist reporter",
	  "(must not|may not|never|do not|are not (permitted|allowed)|prohibited from|forbidden to)\\b.{0,60}\\b(talk|speak|communicate|respond|reply|contact)\\w*\\b.{0,40}\\b(media|press|journalists?|reporters?)\\b",
	  "on behalf of|for the organization|officially|official (position|statement)|au nom de",
	  "Stericycle, Inc., 372 NLRB No. 113 (2023); NLRA § 7, 29 U.S.C. § 157",
	  N_("a ban on talking to the media that is not limited to speaking on the employer’s behalf, which the NLRB treats as overbroad") },
	{ "us-nlrb-agency-ban", "US", CLAUSIER_CHECK_ERROR, "protected-activity",
	  "agenc regulator authorit nlrb board osha eeoc",
	  "(must not|may not|never|do not|are not (permitted|allowed)|prohibited from|forbidden to)\\b.{0,80}\\b(government agenc|regulators?\\b|public authorit|NLRB|labor board|OSHA|EEOC)",
	  NULL, "Stericycle, Inc., 372 NLRB No. 113 (2023); NLRA §§ 7 and 8(a)(4)",
	  N_("a ban on contacting government agencies, which employees are entitled to do") },
	{ "fr-proportionality", "FR", CLAUSIER_CHECK_ERROR, "protected-activity",
	  "interdit prohibited forbidden",
	  "interdit\\w* (en toutes circonstances|totalement|de manière absolue|sans exception|en tout temps)|(strictement|formellement|absolument) interdit|(strictly|absolutely) (prohibited|forbidden)|(prohibited|forbidden) (at all times|under any circumstances|without exception)|any personal use .{0,40}(is )?prohibited|tout usage personnel .{0,40}(est )?interdit",
	  "sauf |hormis|à l’exception|except|unless|raisonnable|reasonable",
	  "Code du travail, art. L1121-1",
	  N_("a restriction that is not justified by the nature of the task or proportionate to its aim: a blanket ban on personal use is disproportionate in French law") },
	{ "fr-monitoring-notice", "FR", CLAUSIER_CHECK_ERROR, NULL,
	  "without sans",
	  "(monitor|review|inspect|access|surveill|contrôl|consult)\\w*.{0,120}(without (prior )?(notice|warning|informing)|at any time and without|sans (information|avertissement|préavis|en informer|que vous en soyez inform)|à tout moment et sans)",
	  NULL, "Code du travail, art. L1222-4",
	  N_("monitoring without prior notice: no information concerning an employee personally may be collected by a device that was not brought to the employee’s attention beforehand") },
	{ "ca-official-languages", "CA", CLAUSIER_CHECK_WARNING, NULL, NULL, NULL, NULL,
	  "Official Languages Act, Part IV; Policy on Communications and Federal Identity",
	  N_("official accounts of a federal institution must be published in both official languages, and the policy does not say so") },
	{ "fr-monitoring-information", "FR", CLAUSIER_CHECK_ERROR, NULL, NULL, NULL, NULL,
	  "Code du travail, art. L1222-4",
	  N_("the policy mentions monitoring but has no clause telling employees beforehand what is monitored, how and why") },
	{ "fr-cse-consultation", "FR", CLAUSIER_CHECK_WARNING, NULL, NULL, NULL, NULL,
	  "Code du travail, art. L2312-38",
	  N_("the policy describes monitoring devices and does not say that the CSE was consulted on them") },
	{ "fr-reglement-interieur", "FR", CLAUSIER_CHECK_ERROR, NULL, NULL, NULL, NULL,
	  "Code du travail, art. L1321-4 and L1321-5",
	  N_("the policy carries sanctions and does not follow the règlement intérieur procedure (CSE opinion, labour inspectorate, filing with the conseil de prud’hommes)") },
	{ "policy-not-strategy", NULL, CLAUSIER_CHECK_WARNING, NULL,
	  "audience cible kpi indicat engagement calendar calendrier posting fréquence follower abonné reach portée impression voice brand notoriété objecti goal posts posting publications",
	  "target audiences?|publics? cibles?|\\bKPIs?\\b|key performance indicators?|indicateurs? (clés )?de performance|engagement rate|taux d’engagement|editorial calendar|calendrier éditorial|posting (frequency|schedule)|fréquence de publication|(increase|grow|boost|double)\\w* .{0,30}(followers|reach|engagement|impressions)|(augmenter|accroître|doubler) .{0,30}(abonnés|audience|portée|engagement)|share of voice|brand awareness|notoriété de (la|notre) marque|objectifs? de communication|communications? (goals|objectives)|\\b\\d+ (posts|publications) (a|per|par) (day|week|jour|semaine)",
	  NULL, NULL,
	  N_("strategy content (goals, audiences, channels or metrics) in a policy: a policy says how people must behave; the communication strategy belongs in another document") },
};
#define S_NRULES (sizeof S_rules / sizeof S_rules[0])

static URegularExpression *S_compile(const char *pattern)
{
	UErrorCode st = U_ZERO_ERROR;
	UChar buf[2048];
	int32_t len;
	u_strFromUTF8(buf, (int32_t)(sizeof buf / sizeof buf[0]), &len, pattern, -1, &st);
	if (U_FAILURE(st))
		return NULL;
	URegularExpression *re = uregex_open(buf, len, UREGEX_CASE_INSENSITIVE, NULL, &st);
	if (U_FAILURE(st)) {
		uregex_close(re);
		return NULL;
	}
	return re;
}

static int S_matches(URegularExpression *re, const char *text)
{
	UErrorCode st = U_ZERO_ERROR;
	UText *ut = utext_openUTF8(NULL, text, -1, &st);
	uregex_setUText(re, ut, &st);
	int found = U_SUCCESS(st) && uregex_find(re, -1, &st) && U_SUCCESS(st);
	uregex_setText(re, (const UChar *)u"", 0, &st);
	utext_close(ut);
	return found;
}

/* Whether text holds one of the space-separated words, without ASCII
 * case. */
static int S_holds(const char *text, const char *words)
{
	char w[64];
	for (const char *p = words; *p;) {
		size_t len = strcspn(p, " ");
		if (len < sizeof w) {
			memcpy(w, p, len);
			w[len] = '\0';
			for (const char *t = text; *t; t++)
				if (!strncasecmp(t, w, len))
					return 1;
		}
		p += len;
		while (*p == ' ')
			p++;
	}
	return 0;
}

/* Whether any text of the clause's heading or body (every language)
 * matches; prefilter (may be NULL) first rules out texts cheaply. */
static int S_clause_matches(URegularExpression *re, const clausier_policy *pol, const clausier__pclause *pc,
                            const char *prefilter)
{
	const clausier__clause *cl = &pol->catalog->clauses[pc->clause];
	const clausier__msg *m[2] = { &cl->heading, clausier__pclause_body(pol->catalog, pc) };
	for (int k = 0; k < 2; k++)
		for (size_t i = 0; i < m[k]->ntexts; i++)
			if ((!prefilter || S_holds(m[k]->texts[i].pattern, prefilter)) &&
			    S_matches(re, m[k]->texts[i].pattern))
				return 1;
	return 0;
}

static const S_rule *S_find_rule(const char *id)
{
	for (size_t i = 0; i < S_NRULES; i++)
		if (!strcmp(S_rules[i].id, id))
			return &S_rules[i];
	return NULL;
}

typedef struct {
	const clausier_policy *pol;
	clausier_finding_report report;
	void *ctx;
	int n;
} S_lint;

static void S_emit(S_lint *l, const S_rule *r, const char *clause, const char *message)
{
	clausier_finding f = { r ? r->severity : CLAUSIER_CHECK_ERROR, clause, r ? r->id : NULL,
		               r ? r->reference : NULL, message ? message : _(r->message) };
	if (l->report)
		l->report(l->ctx, &f);
	l->n++;
}

static int S_applies(const S_rule *r, const clausier_policy *pol)
{
	return !r->jurisdictions || (pol->jurisdiction && clausier__word_in(r->jurisdictions, pol->jurisdiction));
}

/* The first clause of the policy on topic, or -1. */
static long S_on_topic(const clausier_policy *pol, const char *topic)
{
	for (size_t k = 0; k < pol->nclauses; k++)
		if (!strcmp(pol->catalog->clauses[pol->clauses[k].clause].topic, topic))
			return (long)k;
	return -1;
}

/* The first clause of the policy whose text matches pattern, or -1. */
static long S_mentions(const clausier_policy *pol, const char *pattern, int *failed)
{
	URegularExpression *re = S_compile(pattern);
	if (!re) {
		*failed = 1;
		return -1;
	}
	long found = -1;
	for (size_t k = 0; k < pol->nclauses && found < 0; k++)
		if (S_clause_matches(re, pol, &pol->clauses[k], NULL))
			found = (long)k;
	uregex_close(re);
	return found;
}

#define S_ID(pol, k) ((pol)->catalog->clauses[(pol)->clauses[k].clause].id)

int clausier_policy_lint(const clausier_policy *pol, const clausier_genre_spec *genre,
                         clausier_finding_report report, void *ctx, clausier_error *err)
{
	if (!pol || (genre && genre->genre != pol->catalog->genre)) {
		clausier__error_set(err, CLAUSIER_EARG, NULL, 0, 0, _("invalid argument"));
		return CLAUSIER_EARG;
	}
	S_lint l = { pol, report, ctx, 0 };
	const clausier_catalog *cat = pol->catalog;
	int failed = 0;

	/* What the genre requires. */
	for (size_t i = 0; genre && i < genre->nitems; i++) {
		const clausier__gitem *it = &genre->items[i];
		if (it->kind != CLAUSIER_GENRE_ELEMENT || !it->status || strcmp(it->status, "required"))
			continue;
		if (it->jurisdictions && !(pol->jurisdiction && clausier__word_in(it->jurisdictions, pol->jurisdiction)))
			continue;
		int covered = 0;
		for (size_t k = 0; k < pol->nclauses && !covered; k++)
			covered = clausier__word_in(it->topics, cat->clauses[pol->clauses[k].clause].topic);
		if (covered)
			continue;
		/* TRANSLATORS: the language of this translation, as a BCP 47 tag
		 * ("fr"): the genre's own texts are given in it. */
		const char *lang = _("en");
		char msg[1024], rule[128];
		snprintf(msg, sizeof msg, _("the policy has no clause for “%s”, which a reader of this genre expects: %s"),
		         clausier__ltexts_get(&it->title, lang), clausier__ltexts_get(&it->text, lang));
		snprintf(rule, sizeof rule, "genre-%s", it->id);
		clausier_finding f = { CLAUSIER_CHECK_ERROR, NULL, rule, NULL, msg };
		if (report)
			report(ctx, &f);
		l.n++;
	}

	/* Advice kept apart from rules: a clause of kind advice in a section
	 * the genre keeps for rules, or a rule in its advice section. */
	for (size_t k = 0; genre && k < pol->nclauses; k++) {
		const clausier__clause *cl = &cat->clauses[pol->clauses[k].clause];
		if (cl->section < 0 || (cl->kind != CLAUSIER_KIND_ADVICE && cl->kind != CLAUSIER_KIND_RULE))
			continue;
		for (size_t i = 0; i < genre->nitems; i++) {
			const clausier__gitem *it = &genre->items[i];
			if (it->kind != CLAUSIER_GENRE_SECTION || !it->status ||
			    strcmp(it->id, cat->sections[cl->section].id))
				continue;
			const char *msg = NULL;
			if (cl->kind == CLAUSIER_KIND_ADVICE && !strcmp(it->status, "rules"))
				msg = _("advice in the rules section: a reader of this genre expects advice kept apart from the rules it must obey");
			else if (cl->kind == CLAUSIER_KIND_RULE && !strcmp(it->status, "advice"))
				msg = _("a rule in the advice section: a reader of this genre takes what is there as optional");
			if (msg) {
				clausier_finding f = { CLAUSIER_CHECK_WARNING, cl->id, "genre-advice-apart", NULL, msg };
				if (report)
					report(ctx, &f);
				l.n++;
			}
		}
	}

	/* Clause by clause. */
	for (size_t r = 0; r < S_NRULES; r++) {
		const S_rule *rule = &S_rules[r];
		if (!rule->match || !S_applies(rule, pol))
			continue;
		URegularExpression *re = S_compile(rule->match), *un = rule->unless ? S_compile(rule->unless) : NULL;
		if (!re || (rule->unless && !un)) {
			uregex_close(re);
			uregex_close(un);
			failed = 1;
			continue;
		}
		for (size_t k = 0; k < pol->nclauses; k++) {
			const clausier__clause *cl = &cat->clauses[pol->clauses[k].clause];
			if (rule->skip_topics && clausier__word_in(rule->skip_topics, cl->topic))
				continue;
			if (S_clause_matches(re, pol, &pol->clauses[k], rule->prefilter) &&
			    !(un && S_clause_matches(un, pol, &pol->clauses[k], NULL)))
				S_emit(&l, rule, cl->id, NULL);
		}
		uregex_close(re);
		uregex_close(un);
	}

	/* The policy as a whole. */
	const S_rule *rule;
	if ((rule = S_find_rule("ca-official-languages")) && S_applies(rule, pol) &&
	    pol->sector == CLAUSIER_SECTOR_PUBLIC) {
		long k = S_on_topic(pol, "official-accounts");
		if (k >= 0 && S_mentions(pol, "both official languages|deux langues officielles|(English|anglais) et (en )?(French|français)|(French|français) (and|et) (en )?(English|anglais)|English and French", &failed) < 0)
			S_emit(&l, rule, S_ID(pol, k), NULL);
	}
	if ((rule = S_find_rule("fr-monitoring-information")) && S_applies(rule, pol) &&
	    S_on_topic(pol, "monitoring") < 0) {
		long k = S_mentions(pol, "surveill|contrôl\\w* (de|des|du) (l’)?(usage|utilisation|activité|poste|messagerie|connexions?)|journalis|\\bmonitor|\\blogg(ed|ing)\\b", &failed);
		if (k >= 0)
			S_emit(&l, rule, S_ID(pol, k), NULL);
	}
	if ((rule = S_find_rule("fr-cse-consultation")) && S_applies(rule, pol)) {
		long k = S_on_topic(pol, "monitoring");
		if (k >= 0 && S_mentions(pol, "\\bCSE\\b|comité social et économique|works council|social and economic committee", &failed) < 0)
			S_emit(&l, rule, S_ID(pol, k), NULL);
	}
	if ((rule = S_find_rule("fr-reglement-interieur")) && S_applies(rule, pol)) {
		long k = S_on_topic(pol, "sanctions");
		if (k >= 0 && S_mentions(pol, "règlement intérieur|internal (work )?rules|work rules", &failed) < 0)
			S_emit(&l, rule, S_ID(pol, k), NULL);
	}
	if (failed) {
		clausier__error_set(err, CLAUSIER_ENOMEM, NULL, 0, 0, _("cannot compile a lint rule’s pattern"));
		return CLAUSIER_ENOMEM;
	}
	return l.n;
}

const char *clausier_lint_disclaimer(void)
{
	return _("These findings are not legal advice: they point to clauses that a lawyer of the jurisdiction should review.");
}
