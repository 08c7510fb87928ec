/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

const char *clausier_version(void)
{
	return PACKAGE_VERSION;
}
