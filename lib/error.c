/* Error reporting.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "clausier-private.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void clausier__error_set(clausier_error *err, int code, const char *source, int line, int column,
                         const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	clausier__error_vset(err, code, source, line, column, fmt, ap);
	va_end(ap);
}

void clausier__error_vset(clausier_error *err, int code, const char *source, int line, int column,
                          const char *fmt, va_list ap)
{
	if (!err)
		return;
	err->code = code;
	snprintf(err->source, sizeof err->source, "%s", source ? source : "");
	err->line = line > 0 ? line : 0;
	err->column = column > 0 ? column : 0;
	vsnprintf(err->message, sizeof err->message, fmt, ap);
}

int clausier_error_format(char *buf, size_t size, const clausier_error *err)
{
	if (!err)
		return snprintf(buf, size, "%s", "");
	if (err->line > 0 && err->column > 0)
		return snprintf(buf, size, "%s:%d:%d: %s", err->source, err->line, err->column,
		                err->message);
	if (err->line > 0)
		return snprintf(buf, size, "%s:%d: %s", err->source, err->line, err->message);
	if (err->source[0])
		return snprintf(buf, size, "%s: %s", err->source, err->message);
	return snprintf(buf, size, "%s", err->message);
}

const char *clausier_strerror(int code)
{
	switch (code) {
	case CLAUSIER_OK: return _("success");
	case CLAUSIER_ENOMEM: return _("out of memory");
	case CLAUSIER_EIO: return _("input/output error");
	case CLAUSIER_ETOOBIG: return _("input too large");
	case CLAUSIER_EPARSE: return _("malformed or refused XML");
	case CLAUSIER_EINVALID: return _("invalid document");
	case CLAUSIER_ENOTFOUND: return _("no such clause or text");
	case CLAUSIER_EPARAM: return _("missing or invalid parameter value");
	case CLAUSIER_ELOCALE: return _("unsupported locale");
	case CLAUSIER_EMESSAGE: return _("invalid message");
	case CLAUSIER_EARG: return _("invalid argument");
	}
	return _("unknown error");
}

void clausier_free(void *ptr)
{
	free(ptr);
}
