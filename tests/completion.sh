#!/bin/sh
# The bash completion (data/completion/clausier), sourced in bash and
# driven as bash drives it: COMP_WORDS and COMP_CWORD set, _clausier called,
# COMPREPLY compared with what a user expects to see offered.
. "$top_srcdir/tests/lib.sh"
if ! command -v bash >/dev/null 2>&1; then
	echo "1..0 # SKIP bash is not installed"
	exit 0
fi
plan 13

# The program of the build tree as `clausier` on PATH, as the completion
# runs it for catalog ids.
mkdir -p "$OUT/bin" "$OUT/files"
for p in src/clausier; do
	if [ -x "$top_builddir/$p" ]; then
		printf '#!/bin/sh\nexec "%s" "$@"\n' "$top_builddir/$p" >"$OUT/bin/clausier"
		chmod +x "$OUT/bin/clausier"
		break
	fi
done
: >"$OUT/files/profile.xml"
: >"$OUT/files/policy.xml"
: >"$OUT/files/fr.po"

# complete WORD...: the completions offered for the last word, sorted, one a
# line, in $OUT/got.
complete_words() {
	(cd "$OUT/files" && PATH="$OUT/bin:$PATH" bash --norc --noprofile -c '
		. "$1"
		shift
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		COMP_LINE="$*"
		_clausier
		printf "%s\n" "${COMPREPLY[@]}"' complete "$top_srcdir/data/completion/clausier" "$@") |
		sed '/^$/d' | LC_ALL=C sort >"$OUT/got"
}
# offers EXPECTED WORD...: the completions are exactly EXPECTED (words
# separated by spaces, in any order).
offers() {
	expected=$1
	shift
	complete_words "$@"
	printf '%s\n' $expected | LC_ALL=C sort >"$OUT/expected"
	same "$OUT/expected" "$OUT/got"
}

check "clausier ren<TAB> completes to render" offers "render" clausier ren
check "clausier c<TAB> offers catalog, check and crosswalk" offers "catalog check crosswalk" clausier c
check "clausier render --for<TAB> completes to --format=" offers "--format=" clausier render --for
check "clausier render --format <TAB> offers the four formats" \
	offers "docbook html markdown text" clausier render --format ""
check "clausier render --format=ht<TAB> completes to --format=html (one word)" \
	offers "--format=html" clausier render --format=ht
check "clausier render --format=ht<TAB> completes to html (split at = as bash does)" \
	offers "html" clausier render --format = ht
check "clausier render --locale fr-<TAB> offers the four French regions" \
	offers "fr-BE fr-CA fr-CH fr-FR" clausier render --locale fr-
check "clausier render --bilingual fr-CA,en-<TAB> completes the second locale" \
	offers "fr-CA,en-CA fr-CA,en-GB fr-CA,en-US" clausier render --bilingual fr-CA,en-
check "clausier catalog s<TAB> completes to show, then its catalog ids (from catalog list)" \
	eval 'offers show clausier catalog s && offers "charte" clausier catalog show ch'
check "clausier map --to <TAB> offers the catalog ids" offers "charte smp" clausier map --to ""
check "clausier render -p pro<TAB> completes a file name" offers "profile.xml" clausier render -p pro
check "clausier check --<TAB> offers check's options only" \
	offers "--fix --format= --glossary= --help --source-lang=" clausier check --

# Each subcommand's completion offers exactly the long options its --help lists.
missing=
for c in render assemble lint map crosswalk check stats; do
	# the option lines: "  -p, --profile=FILE  …" or "      --fix  …"
	"$OUT/bin/clausier" $c --help | sed -n 's/^  *\(-[A-Za-z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p' |
		LC_ALL=C sort -u >"$OUT/help-$c"
	bash --norc --noprofile -c '. "$1"; _clausier_options "$2"' options "$top_srcdir/data/completion/clausier" $c |
		tr ' ' '\n' | sed 's/=$//' | sed '/^$/d' | LC_ALL=C sort -u >"$OUT/completed-$c"
	cmp -s "$OUT/help-$c" "$OUT/completed-$c" || missing="$missing $c:$(LC_ALL=C comm -3 "$OUT/help-$c" "$OUT/completed-$c" | tr -d '\t' | tr '\n' ',')"
done
[ -z "$missing" ] || echo "# differ:$missing"
check "each subcommand completes exactly the options of its --help" [ -z "$missing" ]
