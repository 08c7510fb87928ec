/* The locales editions can be rendered in.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <string.h>
#include <strings.h>

static const char *const S_supported[] = {
	"en", "en-US", "en-CA", "en-GB", "fr", "fr-FR", "fr-CA", "fr-CH", "fr-BE",
};

const char *clausier__locale_supported(const char *tag)
{
	if (!tag)
		return NULL;
	size_t n = strlen(tag);
	for (size_t i = 0; i < sizeof S_supported / sizeof *S_supported; i++) {
		const char *s = S_supported[i];
		if (strlen(s) != n)
			continue;
		size_t k;
		/* BCP 47 tags are case-insensitive; ICU-style "fr_CA" is accepted too. */
		for (k = 0; k < n; k++) {
			char a = tag[k] == '_' ? '-' : tag[k];
			char b = s[k];
			if (a >= 'A' && a <= 'Z')
				a = (char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (char)(b - 'A' + 'a');
			if (a != b)
				break;
		}
		if (k == n)
			return s;
	}
	return NULL;
}

int clausier_locale_is_supported(const char *tag)
{
	return clausier__locale_supported(tag) != NULL;
}
