#!/bin/sh
# The library's own messages: every file that marks messages is in
# po/POTFILES.in, and po/fr.po translates every message, with matching
# format directives and no fuzzy entry.
. "$top_srcdir/tests/lib.sh"
plan 3
cd "$top_srcdir" || exit 99
unlisted=
for f in $(grep -l -E '\b(_|ngettext)\("' lib/*.c lib/*.cpp src/*.c examples/*.c 2>/dev/null); do
	grep -qx "$f" po/POTFILES.in || unlisted="$unlisted $f"
done
check "po/POTFILES.in lists every file with translatable messages${unlisted:+ (missing:$unlisted)}" [ -z "$unlisted" ]
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=ngettext:1,2 --language=C++ -o "$OUT/now.pot" \
	-f po/POTFILES.in 2>"$OUT/xgettext.err"
check "fr.po has a translation for every message in the sources" \
	eval 'msgcmp po/fr.po "$OUT/now.pot" 2>&1 | sed "s/^/# /"; msgcmp po/fr.po "$OUT/now.pot" 2>/dev/null'
check "fr.po passes msgfmt -c with no fuzzy or untranslated entry" \
	eval 'msgfmt -c --statistics -o /dev/null po/fr.po 2>"$OUT/stats" && sed "s/^/# /" "$OUT/stats" && ! grep -q -E "fuzzy|untranslated" "$OUT/stats"'
exit 0
