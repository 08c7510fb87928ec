#!/bin/sh
# The clausier command: editions, --output, usage, and every bad input of
# the corpus in tests/bad (NAME.xml gives exactly NAME.err, exit status 1).
. "$top_srcdir/tests/lib.sh"
cat=$top_srcdir/data/samples/sample-catalog.xml
prof=$top_srcdir/data/samples/sample-profile.xml
golden=$top_srcdir/tests/golden

nbad=$(ls "$top_srcdir"/tests/bad/*.xml | wc -l)
plan $((66 + nbad))

for loc in fr-CA en-CA fr-FR en-US; do
	run src/clausier render --locale "$loc" --profile "$prof" "$cat"
	check "render --locale $loc prints the golden edition" \
		eval 'expect_status 0 && same "$golden/sample.$loc.txt" "$OUT/stdout" && [ ! -s "$OUT/stderr" ]'
done

run src/clausier render -l fr-CA -p "$prof" -o "$OUT/edition.txt" "$cat"
check "--output writes the edition and nothing on stdout" \
	eval 'expect_status 0 && same "$golden/sample.fr-CA.txt" "$OUT/edition.txt" && [ ! -s "$OUT/stdout" ]'
check "--output leaves no temporary file behind" \
	eval '[ "$(ls "$OUT" | grep -c tmp-)" -eq 0 ]'
check "--output gives a new file the usual mode (0666 less the umask)" \
	eval '[ "$(umask 022; rm -f "$OUT/m.txt"; "$top_builddir/src/clausier" render -p "$prof" -o "$OUT/m.txt" "$cat"; stat -c %a "$OUT/m.txt")" = 644 ]'
chmod 640 "$OUT/edition.txt"
run src/clausier render -l en-CA -p "$prof" -o "$OUT/edition.txt" "$cat"
check "--output keeps the mode of the file it replaces" \
	eval 'expect_status 0 && [ "$(stat -c %a "$OUT/edition.txt")" = 640 ] && same "$golden/sample.en-CA.txt" "$OUT/edition.txt"'

echo "old edition" >"$OUT/target.txt"
ln -sf target.txt "$OUT/link.txt"
run src/clausier render -l fr-CA -p "$prof" -o "$OUT/link.txt" "$cat"
check "--output through a symbolic link replaces the file it points to, and keeps the link" \
	eval 'expect_status 0 && [ -L "$OUT/link.txt" ] && same "$golden/sample.fr-CA.txt" "$OUT/target.txt"'
mkfifo "$OUT/fifo"
timeout 20 cat "$OUT/fifo" >"$OUT/fifo.out" &
run src/clausier render -l fr-CA -p "$prof" -o "$OUT/fifo" "$cat"
wait
check "--output to a pipe (or /dev/stdout) writes into it, and it stays a pipe" \
	eval 'expect_status 0 && [ -p "$OUT/fifo" ] && same "$golden/sample.fr-CA.txt" "$OUT/fifo.out"'

ln -sf not-yet.txt "$OUT/dangling.txt"
run src/clausier render -l fr-CA -p "$prof" -o "$OUT/dangling.txt" "$cat"
check "--output through a link whose target does not exist yet creates the target, and keeps the link" \
	eval 'expect_status 0 && [ -L "$OUT/dangling.txt" ] && same "$golden/sample.fr-CA.txt" "$OUT/not-yet.txt"'
ln -sf loop-b "$OUT/loop-a"
ln -sf loop-a "$OUT/loop-b"
run src/clausier render -l fr-CA -p "$prof" -o "$OUT/loop-a" "$cat"
check "--output through a loop of links is an error that names it, and the links stay" \
	eval 'expect_status 1 && grep -q "loop-a: cannot write: " "$OUT/stderr" && [ -L "$OUT/loop-a" ] && [ -L "$OUT/loop-b" ] && [ ! -s "$OUT/stdout" ]'
# A write killed before its rename left a temporary file; another, alive,
# holds the lock on its own: the first goes, the second stays.
echo partial >"$OUT/kept.txt.tmp-AbC123"
echo partial >"$OUT/kept.txt.tmp-XyZ789"
python3 -c 'import fcntl, sys, time; f = open(sys.argv[1]); fcntl.flock(f, fcntl.LOCK_EX); open(sys.argv[2], "w").close(); time.sleep(20)' \
	"$OUT/kept.txt.tmp-XyZ789" "$OUT/locked" &
locker=$!
for i in 1 2 3 4 5 6 7 8 9 10; do [ -f "$OUT/locked" ] && break; sleep 0.2; done
run src/clausier render -l fr-CA -p "$prof" -o "$OUT/kept.txt" "$cat"
check "--output removes the temporary files an interrupted write left, not one in use" \
	eval 'expect_status 0 && [ ! -e "$OUT/kept.txt.tmp-AbC123" ] && [ -e "$OUT/kept.txt.tmp-XyZ789" ] && same "$golden/sample.fr-CA.txt" "$OUT/kept.txt"'
kill "$locker" 2>/dev/null
wait "$locker" 2>/dev/null
rm -f "$OUT/kept.txt.tmp-XyZ789"

echo "old edition" >"$OUT/keep.txt"
run src/clausier render -l fr-CA -o "$OUT/keep.txt" "$top_srcdir/tests/bad/malformed.xml"
check "a failed render leaves the existing output file whole" \
	eval 'expect_status 1 && [ "$(cat "$OUT/keep.txt")" = "old edition" ] && [ "$(ls "$OUT" | grep -c tmp-)" -eq 0 ]'

run src/clausier render -l fr-CA -p "$prof" -o "$OUT/no/such/dir/x.txt" "$cat"
check "an unwritable output is an error naming it" \
	eval 'expect_status 1 && grep -q "^clausier: $OUT/no/such/dir/x.txt: cannot create a temporary file: No such file or directory\$" "$OUT/stderr"'

if [ -w /dev/full ]; then
	if [ -n "${CLAUSIER_VALGRIND:-}" ]; then
		ok "a full disk on stdout is an error # SKIP not under valgrind"
	else
		"$top_builddir/src/clausier" render -l en-CA -p "$prof" "$cat" >/dev/full 2>"$OUT/stderr"
		status=$?
		check "a full disk on stdout is an error" \
			eval 'expect_status 1 && grep -q "cannot write the output: No space left on device" "$OUT/stderr"'
	fi
else
	ok "a full disk on stdout is an error # SKIP no /dev/full"
fi

run src/clausier render -l fr-CA -p "$prof" "$OUT/missing.xml"
check "a missing catalog is one line naming it, status 1" \
	eval 'expect_status 1 && [ "$(cat "$OUT/stderr")" = "clausier: $OUT/missing.xml: cannot open: No such file or directory" ]'

run src/clausier render -l de-DE -p "$prof" "$cat"
check "an unsupported locale is a usage error" \
	eval 'expect_status 2 && grep -q "unsupported locale .de-DE. (supported: en, en-US, en-CA, en-GB, fr, fr-FR, fr-CA, fr-CH, fr-BE)" "$OUT/stderr" && [ ! -s "$OUT/stdout" ]'

run src/clausier render --locale fr_CA.UTF-8 --profile "$prof" "$cat"
check "render --locale fr_CA.UTF-8 is fr-CA as ICU reads it: the fr-CA golden" \
	eval 'expect_status 0 && same "$golden/sample.fr-CA.txt" "$OUT/stdout" && [ ! -s "$OUT/stderr" ]'

run src/clausier render -l fr-Cyrl-CA -p "$prof" "$cat"
check "a locale ICU reads as unsupported (fr-Cyrl-CA) is a usage error" \
	eval 'expect_status 2 && grep -q "unsupported locale .fr-Cyrl-CA." "$OUT/stderr" && [ ! -s "$OUT/stdout" ]'

run src/clausier render -l fr-LU --fallback -f html -p "$prof" "$cat"
check "with --fallback an unsupported region renders in its language" \
	eval 'expect_status 0 && grep -q "<article class=\"clausier-edition\" lang=\"fr\">" "$OUT/stdout"'

run src/clausier
check "no command: usage on stderr, status 2" eval 'expect_status 2 && grep -q "^Usage: clausier COMMAND" "$OUT/stderr"'
run src/clausier frobnicate
check "unknown command: status 2" eval 'expect_status 2 && grep -q "unknown command .frobnicate." "$OUT/stderr" && ! grep -q "did you mean" "$OUT/stderr"'
run src/clausier rendre
check "a misspelt command suggests the nearest" \
	eval 'expect_status 2 && grep -q "^clausier: unknown command .rendre.; did you mean .render.?" "$OUT/stderr"'
run src/clausier lnit
check "a transposition is near too" eval 'expect_status 2 && grep -q "did you mean .lint.?" "$OUT/stderr"'
run src/clausier render --format=htm -p "$prof" "$cat"
check "a misspelt value suggests the nearest, and lists the choices" \
	eval 'expect_status 2 && grep -q "^clausier: unknown format .htm.; did you mean .html.? (text, markdown, html, docbook)" "$OUT/stderr" && [ ! -s "$OUT/stdout" ]'
run src/clausier render --locale fr-CB -p "$prof" "$cat"
check "a misspelt locale suggests the nearest supported one" \
	eval 'expect_status 2 && grep -q "unsupported locale .fr-CB." "$OUT/stderr" && grep -q "^clausier: did you mean .fr-CA.?" "$OUT/stderr"'
run src/clausier render --frobnicate -p "$prof" "$cat"
check "getopt's messages name the program, not the command" \
	eval 'expect_status 2 && grep -q "^clausier: unrecognized option .--frobnicate." "$OUT/stderr" && grep -q "^Try .clausier render --help. for more information.\$" "$OUT/stderr"'
run src/clausier render -l
check "a missing option argument too" eval 'expect_status 2 && grep -q "^clausier: option requires an argument -- .l." "$OUT/stderr"'
for cmd in render assemble catalog check stats lint map crosswalk; do
	run src/clausier help "$cmd"
	cp "$OUT/stdout" "$OUT/help-$cmd"
	run src/clausier $cmd --help
	check "clausier help $cmd and clausier $cmd --help print its usage and options" \
		eval 'expect_status 0 && same "$OUT/help-$cmd" "$OUT/stdout" && grep -q "^Usage: clausier $cmd" "$OUT/stdout" && grep -q -- "--help" "$OUT/stdout"'
done
run src/clausier help nosuch
check "help of an unknown command: status 2" eval 'expect_status 2 && grep -q "unknown command .nosuch." "$OUT/stderr"'
builddir_abs=$(cd "$top_builddir" && pwd)
( unset CLAUSIER_DATA_PATH; cd "$OUT" && "$builddir_abs/src/clausier" render --locale en-CA >"$OUT/tree.out" 2>"$OUT/tree.err"; echo $? >"$OUT/tree.status" )
check "the program finds the data of its build tree without CLAUSIER_DATA_PATH" \
	eval '[ "$(cat "$OUT/tree.status")" = 0 ] && same "$top_srcdir/tests/golden/hospital-qc.en-CA.txt" "$OUT/tree.out"'
run src/clausier render --locale fr-CA
check "render with no profile and no catalog shows the sample policy and says so" \
	eval 'expect_status 0 && grep -q "^clausier: no profile given: this is the sample policy of a Quebec health organization" "$OUT/stderr" && head -n 1 "$OUT/stdout" | grep -q "^Politique d’utilisation des médias sociaux\$"'
run src/clausier render
check "without --locale, the profile's first locale" eval 'expect_status 0 && head -n 1 "$OUT/stdout" | grep -q "^Politique"'
run src/clausier assemble "$cat"
check "assemble without a profile: status 2" eval 'expect_status 2 && grep -q "assemble needs a profile" "$OUT/stderr"'
run src/clausier render -p "$prof" -P "$prof" "$cat"
check "a profile and a policy at once: status 2" eval 'expect_status 2 && grep -q "give a profile or a policy, not both" "$OUT/stderr"'
run src/clausier catalog
check "catalog without a subcommand: status 2" eval 'expect_status 2 && grep -q "catalog needs a subcommand: list or show" "$OUT/stderr"'
run src/clausier catalog show nosuchcatalog
check "an unknown catalog id is an error naming it" eval 'expect_status 1 && grep -q "no installed catalog .nosuchcatalog." "$OUT/stderr"'
run src/clausier catalog show --locale fr-CA smp
check "catalog show lists the clauses by section with headings in the locale" \
	eval 'expect_status 0 && grep -q "^\[guidelines\]" "$OUT/stdout" && grep -q "^  confidentiality-patients .*health .*renseignements de santé" "$OUT/stdout"'
run src/clausier catalog show charte
check "catalog show names the jurisdictions a clause is limited to" \
	eval 'expect_status 0 && grep -q "^  sanctions  .* FR  *Disciplinary" "$OUT/stdout" && grep -q "^  objet  .* \*  *Purpose" "$OUT/stdout"'

run src/clausier --help
cp "$OUT/stdout" "$OUT/help"
check "--help prints usage and the commands on stdout" \
	eval 'expect_status 0 && grep -q "^Usage: clausier COMMAND \[OPTION\]... \[ARGUMENT\]..." "$OUT/help" && grep -q "^  render  " "$OUT/help" && grep -q "^  crosswalk  " "$OUT/help"'
missing=
for o in $(cat "$OUT"/help "$OUT"/help-* | grep -o -- '--[a-z][a-z-]*' | sort -u); do
	sed 's/\\-/-/g' "$top_srcdir/doc/clausier.1.in" | grep -qF -- "$o" || missing="$missing $o"
done
check "the man page documents every option of every command's --help${missing:+ (missing:$missing)}" [ -z "$missing" ]

run src/clausier --version
check "--version prints the GNU form: name, version, copyright, licence, no warranty" \
	eval 'expect_status 0 && grep -q "^clausier (clausier) [0-9][0-9.]*\$" "$OUT/stdout" && grep -q "^Copyright (C) 20[0-9][0-9] " "$OUT/stdout" && grep -q "^License LGPLv2.1+" "$OUT/stdout" && grep -q "NO WARRANTY" "$OUT/stdout"'

# The corpus: run from tests/bad so that messages carry the short names.
run src/clausier render --locale fr-CA --profile "$top_srcdir/data/samples/sample-profile.xml" "$top_srcdir/data/samples/sample-catalog.xml"
cp "$OUT/stdout" "$OUT/options-first.txt"
run src/clausier render "$top_srcdir/data/samples/sample-catalog.xml" --profile "$top_srcdir/data/samples/sample-profile.xml" --locale fr-CA
check "options may follow the catalog, as in GNU programs" \
	eval 'expect_status 0 && [ -s "$OUT/stdout" ] && same "$OUT/options-first.txt" "$OUT/stdout"'

# A name whose grammar the profile does not give and the library's lists do
# not settle: guessed, and said so as a warning naming the attributes.
sed 's|<value name="org"[^>]*>[^<]*</value>|<value name="org">Vidéotron</value>|' \
	"$top_srcdir/data/samples/hospital-qc.xml" >"$OUT/inferred.xml"
line=$(grep -n 'name="org"' "$OUT/inferred.xml" | cut -d: -f1)
run src/clausier render --profile "$OUT/inferred.xml" --locale fr-CA
printf '%s\n' \
	"clausier: $OUT/inferred.xml:$line: warning: value of “org”: the French grammar of “Vidéotron” is a guess: « Vidéotron », « de Vidéotron », masculine singular; if that is wrong, give the attributes article, gender" \
	>"$OUT/inferred.expected"
check "a guessed grammar is a warning naming the profile's line and the attributes; the edition is written" \
	eval 'expect_status 0 && same "$OUT/inferred.expected" "$OUT/stderr" && grep -q "^Vidéotron reconnaît que" "$OUT/stdout"'
run src/clausier lint --profile "$OUT/inferred.xml"
sed -e 's/^clausier: //' -e 's/$/ [name-grammar]/' "$OUT/inferred.expected" >"$OUT/lint.expected"
check "lint prints the warnings as file:line: warning: lines of rule name-grammar on standard output, status 0" \
	eval 'expect_status 0 && same "$OUT/lint.expected" "$OUT/stdout" && [ ! -s "$OUT/stderr" ]'
run src/clausier lint --format=json --profile "$OUT/inferred.xml"
check "lint --format=json: the guess is a warning of rule name-grammar at the profile's line" \
	eval 'expect_status 0 && grep -q "\"severity\": *\"warning\"" "$OUT/stdout" && grep -q "\"rule\": *\"name-grammar\"" "$OUT/stdout" && grep -q "\"line\": *$line" "$OUT/stdout"'
# What the lists settle is silent: an institution noun, an article of the name's own.
for org in 'Hôpital Sainte-Anne' 'Le Devoir' 'Ordre des pharmaciens du Québec' 'Les Grands Ballets canadiens'; do
	sed "s|<value name=\"org\"[^>]*>[^<]*</value>|<value name=\"org\">$org</value>|" \
		"$top_srcdir/data/samples/hospital-qc.xml" >"$OUT/settled.xml"
	run src/clausier render --profile "$OUT/settled.xml" --locale fr-CA
	check "« $org »: the lists settle its French grammar, no warning" eval 'expect_status 0 && ! grep -q "French grammar" "$OUT/stderr"'
done
run src/clausier render --profile "$OUT/settled.xml" --locale fr-CA
check "« Les Grands Ballets canadiens »: its own article, plural" \
	eval 'grep -q "^Les Grands Ballets canadiens reconnaissent que" "$OUT/stdout"'
# A text that would print « de Le Monde » is refused, naming the clause.
sed 's|{org_du}|de {org}|' "$top_srcdir/data/samples/sample-catalog.xml" >"$OUT/de-org.xml"
sed 's|<value name="org"[^>]*>[^<]*</value>|<value name="org">Le Monde</value>|' \
	"$top_srcdir/data/samples/sample-profile.xml" >"$OUT/le-monde.xml"
rm -f "$OUT/le-monde.txt"
run src/clausier render --profile "$OUT/le-monde.xml" --locale fr-FR -o "$OUT/le-monde.txt" "$OUT/de-org.xml"
check "« de Le Monde » is not printed: status 1, the clause and language named, no edition written" \
	eval 'expect_status 1 && grep -q "clause “personal-responsibility”, text in “fr”: « de Le Monde » is not French" "$OUT/stderr" && [ ! -e "$OUT/le-monde.txt" ]'
# clausier check says so beforehand, in a French source text too.
sed -e 's|xml:lang="en">What you post online|xml:lang="en-US">What you post online|' -e 's|id="sample" genre="smp" xml:lang="en"|id="sample" genre="smp" xml:lang="fr"|' \
	"$OUT/de-org.xml" >"$OUT/de-org-fr.xml"
line=$(grep -n 'compte officiel de {org}' "$OUT/de-org-fr.xml" | cut -d: -f1)
run src/clausier check "$OUT/de-org-fr.xml"
check "check: « de {org} » in a French source text is a name-agreement warning at its line" \
	eval 'grep -q "^$OUT/de-org-fr.xml:$line: warning: “de {org}”: {org} is a name: write {org_du}, which agrees with its article" "$OUT/stdout"'
run src/clausier render --profile "$OUT/le-monde.xml" --locale fr-FR "$top_srcdir/data/samples/sample-catalog.xml"
check "« Le Monde » through {org_du}: « du Monde », the title page as written" \
	eval 'expect_status 0 && grep -q "compte officiel du Monde ou" "$OUT/stdout" && grep -q "^ *Le Monde$" "$OUT/stdout"'
run src/clausier lint
check "lint without a profile or a policy is a usage error" \
	eval 'expect_status 2 && grep -q "lint needs a policy document, or a profile (--profile)" "$OUT/stderr"'
run src/clausier lint --profile "$top_srcdir/data/samples/hospital-qc.xml"
check "lint of a profile that gives its names' grammar says nothing" \
	eval 'expect_status 0 && [ ! -s "$OUT/stdout" ] && [ ! -s "$OUT/stderr" ]'
sed 's|<value name="org"[^>]*>[^<]*</value>|<value name="org" article="l’" gender="m">Hôpital Sainte-Anne</value>|' \
	"$top_srcdir/data/samples/hospital-qc.xml" >"$OUT/given.xml"
run src/clausier render --profile "$OUT/given.xml" --locale fr-CA
check "a grammar given in full gives no warning" eval 'expect_status 0 && [ ! -s "$OUT/stderr" ]'
# A folder in the working directory named like a catalog id ("charte", as an HR team
# would name one) is not taken for the catalog the profile names.
mkdir -p "$OUT/cwd/charte" "$OUT/cwd/smp"
top_builddir_abs=$(cd "$top_builddir" && pwd)
(cd "$OUT/cwd" && "$top_builddir_abs/src/clausier" render --profile "$top_srcdir/data/samples/company-fr.xml" --locale fr-FR >"$OUT/cwd.out" 2>"$OUT/cwd.err")
check "a folder named like the catalog id does not stand in for the catalog" \
	eval '[ ! -s "$OUT/cwd.err" ] && grep -q "^Charte d’usage des réseaux sociaux" "$OUT/cwd.out"'

cd "$top_srcdir/tests/bad" || exit 99
for f in *.xml; do
	name=${f%.xml}
	case $f in
	profile-*) run src/clausier render -l fr-CA -p "$f" ../../data/samples/sample-catalog.xml ;;
	policy-*) run src/clausier render -l fr-CA --policy "$f" ../../data/samples/sample-catalog.xml ;;
	*) run src/clausier render -l fr-CA "$f" ;;
	esac
	check "bad input $f: one located line, status 1" \
		eval 'expect_status 1 && same "$name.err" "$OUT/stderr" && [ ! -s "$OUT/stdout" ]'
done
exit 0
