/* libFuzzer target (make fuzz): any bytes as a PO file, read by
 * lib/po.c as `clausier check` reads it; every entry's translation
 * checked against its msgid (clausier_check_translation) in the header's
 * language, set in its typography, and counted as stats counts it. */
#include <clausier.h>

#include "po.h"

#include <stdint.h>
#include <stdlib.h>

static void S_report(void *ctx, clausier_severity s, int column, const char *message)
{
	(void)s, (void)column, (void)message;
	++*(int *)ctx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	clausier__po_entry *e;
	size_t n;
	char lang[32], why[64];
	if (clausier__po_read_memory((const char *)data, size, &e, &n, lang, sizeof lang, why, sizeof why) < 0)
		return 0;
	const char *target = lang[0] ? lang : "fr";
	const char *src = lang[0] == 'e' && lang[1] == 'n' ? "fr" : "en";
	for (size_t i = 0; i < n; i++) {
		if (!e[i].msgid)
			continue;
		clausier_word_count(e[i].msgid, src);
		if (!e[i].msgstr || !e[i].msgstr[0] || e[i].obsolete)
			continue;
		int findings = 0;
		clausier_check_translation(e[i].msgid, src, e[i].msgstr, target, S_report, &findings);
		char *set = NULL;
		clausier_typeset(&set, e[i].msgstr, target);
		clausier_free(set);
	}
	clausier__po_free(e, n);
	return 0;
}
