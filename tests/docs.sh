#!/bin/sh
# The manual as built: clausier(1) names the configured paths (doc/clausier.1
# is substituted by make from doc/clausier.1.in), and the section 3 pages
# generated from the headers by Doxygen read as man pages, under clausier's
# names only.
. "$top_srcdir/tests/lib.sh"
plan 5
: "${pkgdatadir:?the tests are run by make, which sets pkgdatadir}"
page=$top_builddir/doc/clausier.1
check "clausier(1) names the configured data folder ($pkgdatadir)" \
	grep -qF "$pkgdatadir/catalogs/" "$page"
check "clausier(1) has no path left to substitute" eval '! grep -n "@[a-z_]*@" "$page"'
have_man=yes
command -v man >/dev/null 2>&1 || have_man=no
if [ "$have_man" = yes ]; then
	# A long path the prefix makes long cannot always be adjusted to the
	# width: that is layout, not an error of the page.
	LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >"$OUT/clausier.1.txt" |
		grep -v -e 'cannot adjust line' -e 'cannot break line' >"$OUT/clausier.1.err"
	check "man -l doc/clausier.1 reads without a warning" \
		eval '[ ! -s "$OUT/clausier.1.err" ] && grep -q "CLAUSIER_DATA_PATH" "$OUT/clausier.1.txt" || { sed "s/^/# /" "$OUT/clausier.1.err"; false; }'
else
	ok "man -l doc/clausier.1 reads without a warning # SKIP man is not installed (Debian: man-db)"
fi

man3=$top_builddir/doc/reference/man/man3
if [ "${DOXYGEN:-no}" = no ]; then
	ok "section 3: a page per header # SKIP configure found no doxygen (Debian: doxygen)"
	ok "section 3: a page per function # SKIP configure found no doxygen (Debian: doxygen)"
	exit 0
fi
others=$(cd "$man3" && ls | grep -v -e '^clausier\.h\.3$' -e '^clausier_' -e '^CLAUSIER_')
[ -z "$others" ] || echo "# pages not named as clausier's: $others"
check "section 3: every page is named clausier_*, CLAUSIER_* or clausier.h, one per header" \
	eval '[ -z "$others" ] && [ -s "$man3/clausier.h.3" ] && [ -s "$man3/clausier_catalog.h.3" ] && [ -s "$man3/clausier_render.h.3" ]'
if [ "$have_man" = yes ]; then
	# A function's page is a link to its header's, as man resolves it.
	(cd "$man3/.." && LC_ALL=C.UTF-8 MANWIDTH=80 man -l man3/clausier_catalog_load_file.3) >"$OUT/load_file.txt" 2>&1
	check "section 3: man -l clausier_catalog_load_file.3 shows its header's page, with the function's documentation" \
		eval 'grep -q "clausier/catalog.h" "$OUT/load_file.txt" && grep -q "int clausier_catalog_load_file (clausier_catalog \*\*out" "$OUT/load_file.txt" && grep -q "Loads a catalog from an XML file" "$OUT/load_file.txt" || { head -n 20 "$OUT/load_file.txt" | sed "s/^/# /"; false; }'
else
	ok "section 3: a page per function # SKIP man is not installed (Debian: man-db)"
fi
