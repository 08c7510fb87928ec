#!/bin/sh
# Wrapped text editions: every sample profile with its catalog, in each of
# its locales and both together, at several widths, compared with the
# unwrapped edition (tests/check-links.py: every URL and e-mail address whole
# on one line, no enclitic starting a French line after a hyphen;
# tests/check-wrap.py: widths, no-break spaces, the same words); then small
# cases: URLs and addresses longer than the line, enclitics, wide characters.
. "$top_srcdir/tests/lib.sh"
samples=$top_srcdir/data/samples
widths="40 50 72"
# A profile that names no catalog goes with the sample catalog.
editions=
for p in "$samples"/*.xml; do
	grep -q '<profile' "$p" || continue
	locales=$(sed -n 's/.* locales="\([^"]*\)".*/\1/p' "$p" | head -n 1)
	for l in $locales; do
		editions="$editions $(basename "$p" .xml):$l"
	done
	set -- $locales
	[ $# -eq 2 ] && editions="$editions $(basename "$p" .xml):$1,$2"
done
n=0
for e in $editions; do
	for w in $widths; do
		n=$((n + 1))
	done
done
plan $((n + 8))

render() { # PROFILE LOCALE(S) [ARGS...]
	r_profile=$samples/$1.xml
	r_locale=$2
	shift 2
	set -- "$@" -p "$r_profile"
	grep -q ' catalog="' "$r_profile" || set -- "$@" "$samples/sample-catalog.xml"
	case $r_locale in
	*,*) run src/clausier render --bilingual "$r_locale" "$@" ;;
	*) run src/clausier render -l "$r_locale" "$@" ;;
	esac
}
for e in $editions; do
	p=${e%%:*}
	l=${e#*:}
	fr=
	case $l in fr*|*,fr*) fr=fr ;; esac
	render "$p" "$l"
	cp "$OUT/stdout" "$OUT/unwrapped.txt"
	for w in $widths; do
		render "$p" "$l" -w "$w"
		cp "$OUT/stdout" "$OUT/$p.$l.$w.txt"
		check "$p in $l wrapped at $w: every URL and address whole, no enclitic after a hyphen, widths hold" \
			eval 'expect_status 0 && python3 "$top_srcdir/tests/check-links.py" "$OUT/$p.$l.$w.txt" "$OUT/unwrapped.txt" $fr &&
			python3 "$top_srcdir/tests/check-wrap.py" "$w" "$OUT/$p.$l.$w.txt" &&
			python3 "$top_srcdir/tests/check-wrap.py" same "$OUT/$p.$l.$w.txt" "$OUT/unwrapped.txt"'
	done
done

# Small cases (tests/data/wrap-*.xml).
cat=$top_srcdir/tests/data/wrap-catalog.xml
prof=$top_srcdir/tests/data/wrap-profile.xml
for l in fr-CA en-CA; do
	run src/clausier render -l "$l" -p "$prof" "$cat"
	cp "$OUT/stdout" "$OUT/wrap.$l.txt"
	fr=
	case $l in fr*) fr=fr ;; esac
	run src/clausier render -w 20 -l "$l" -p "$prof" "$cat"
	cp "$OUT/stdout" "$OUT/wrap.$l.20.txt"
	check "$l at 20: URLs and addresses longer than the line overflow it whole, the rest wraps" \
		eval 'expect_status 0 && python3 "$top_srcdir/tests/check-links.py" "$OUT/wrap.$l.20.txt" "$OUT/wrap.$l.txt" $fr &&
		python3 "$top_srcdir/tests/check-wrap.py" 20 "$OUT/wrap.$l.20.txt" &&
		python3 "$top_srcdir/tests/check-wrap.py" same "$OUT/wrap.$l.20.txt" "$OUT/wrap.$l.txt"'
done
run src/clausier render -w 30 -l fr-CA -p "$prof" "$cat"
cp "$OUT/stdout" "$OUT/wrap.30.txt"
nbsp=$(printf '\302\240')
check "a URL longer than the line is on a line of its own, with its quotation marks" \
	grep -qxF "   «${nbsp}https://intranet.société-exemple.example.org:8443/politiques/médias-sociaux/version-courante?format=texte&langue=fr#article-12${nbsp}»." "$OUT/wrap.30.txt"
check "an address on an IDN host that does not fit goes whole to the next line" \
	eval 'grep -qx "   Écrivez à" "$OUT/wrap.30.txt" && grep -qx "   communication@lumière-optique.québec." "$OUT/wrap.30.txt"'
check "URLs in parentheses, with www., a port, a query and a fragment, and mailto: stay whole" \
	eval 'grep -qx "   (https://wiki.example.net/a/b/c-d-e)" "$OUT/wrap.30.txt" && grep -qx "   www.example-long-name.org/guide/start," "$OUT/wrap.30.txt" && grep -qx "   ftp://files.example.com:2121/pub/x-y." "$OUT/wrap.30.txt" && grep -qx "   mailto:prénom.nom+politique@sous-domaine.example.fr;" "$OUT/wrap.30.txt"'
check "a line may end after a hyphen, but not before an enclitic pronoun" \
	eval 'grep -qxF "   allez-y${nbsp}: qu’en pense-t-on," "$OUT/wrap.30.txt" && grep -qx "   faites-leur confiance," "$OUT/wrap.30.txt"'
bad=
for w in 20 21 22 23 24 25 26 27 28 29 31 32 33 34 35 36 37 38 39 40; do
	run src/clausier render -w $w -l fr-CA -p "$prof" "$cat"
	{ python3 "$top_srcdir/tests/check-links.py" "$OUT/stdout" "$OUT/wrap.fr-CA.txt" fr &&
	  python3 "$top_srcdir/tests/check-wrap.py" $w "$OUT/stdout"; } >"$OUT/checks.$w" 2>&1 || bad="$bad $w"
done
check "at every width from 20 to 40, no French line starts with an enclitic after a hyphen, none breaks at a no-break space" \
	eval '[ -z "$bad" ] || { echo "# at$bad"; false; }'
run src/clausier render -w 30 -l en-CA -p "$prof" "$cat"
acute=$(printf '\314\201')
check "English breaks after a hyphen as ICU says; combining accents take no column, wide characters two" \
	eval 'grep -qx "   A well-known, state-of-the-" "$OUT/stdout" && grep -qxF "   lait, re${acute}sume${acute} e${acute}crit, 東京都" "$OUT/stdout"'
exit 0
