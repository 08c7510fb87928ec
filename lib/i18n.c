/* The library's own messages.  A library binds its text domain once and
 * uses dgettext; it never calls setlocale or textdomain, which belong to the
 * program (gettext manual, "Preparing Library Sources").
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <pthread.h>

#if ENABLE_NLS
#include <libintl.h>

static pthread_once_t S_once = PTHREAD_ONCE_INIT;

static void S_bind(void)
{
	bindtextdomain(PACKAGE, LOCALEDIR);
	/* Messages go into UTF-8 error structs whatever the program's charset. */
	bind_textdomain_codeset(PACKAGE, "UTF-8");
}

const char *clausier__gettext(const char *msgid)
{
	pthread_once(&S_once, S_bind);
	return dgettext(PACKAGE, msgid);
}
#else
const char *clausier__gettext(const char *msgid)
{
	return msgid;
}
#endif
