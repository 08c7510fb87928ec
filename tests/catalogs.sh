#!/bin/sh
# The default catalogs and the translators' workflow, with the real gettext
# tools: extraction with the ITS rules, 100 % translations, merging, and a
# changed source text turning fuzzy and falling back visibly.
. "$top_srcdir/tests/lib.sh"
plan 68
export GETTEXTDATADIRS="$top_srcdir/data"
built=$top_builddir/uninstalled/catalogs

for id in smp charte; do
	run src/clausier catalog list "$built/$id.xml"
	check "$id: loads and validates" expect_status 0
	check "$id: every translation covers every message" \
		eval '! grep -q "missing" "$OUT/stdout" && [ "$(grep -c "translated:" "$OUT/stdout")" -ge 1 ]'
	xgettext -o "$OUT/$id.pot" "$top_srcdir/data/catalogs/$id.xml" 2>"$OUT/xgettext.err"
	check "$id: xgettext extracts it with the ITS rules alone" \
		eval '[ "$(grep -c "^msgctxt" "$OUT/$id.pot")" -ge 40 ]'
	ok=yes
	for po in "$top_srcdir"/po/catalogs/$id/*.po; do
		msgcmp "$po" "$OUT/$id.pot" 2>"$OUT/msgcmp.err" || { ok=no; sed "s/^/# /" "$OUT/msgcmp.err" | head -5; }
		msgfmt -c --statistics -o /dev/null "$po" 2>"$OUT/stats" || ok=no
		grep -q -E "fuzzy|untranslated" "$OUT/stats" && { ok=no; sed "s/^/# $(basename "$po"): /" "$OUT/stats"; }
	done
	check "$id: its PO files are in step with the source, complete, and msgfmt -c clean" [ "$ok" = yes ]
done

# The jurisdiction facts: one PO for the five files, in step and complete (a
# fact without its French would put English law names into French editions).
xgettext -o "$OUT/jurisdictions.pot" "$top_srcdir"/data/jurisdictions/*.xml 2>"$OUT/xgettext.err"
ok=yes
msgcmp "$top_srcdir/po/jurisdictions/fr.po" "$OUT/jurisdictions.pot" 2>"$OUT/msgcmp.err" || { ok=no; sed "s/^/# /" "$OUT/msgcmp.err" | head -5; }
msgfmt -c --statistics -o /dev/null "$top_srcdir/po/jurisdictions/fr.po" 2>"$OUT/stats" || ok=no
grep -q -E "fuzzy|untranslated" "$OUT/stats" && { ok=no; sed "s/^/# /" "$OUT/stats"; }
check "jurisdictions: xgettext finds every fact, and fr.po is in step, complete and msgfmt -c clean" \
	eval '[ "$ok" = yes ] && [ "$(grep -c "^msgctxt \"CA-QC/" "$OUT/jurisdictions.pot")" -ge 5 ]'

run src/clausier catalog list
check "catalog list shows each installed catalog once, with its translations" \
	eval 'expect_status 0 && [ "$(grep -c "^smp (genre smp): " "$OUT/stdout")" = 1 ] && [ "$(grep -c "^charte (genre charte): " "$OUT/stdout")" = 1 ] && grep -q "^  fr-CA  translated: \([0-9]*\) of \1 messages" "$OUT/stdout" && grep -q "^  en     translated: \([0-9]*\) of \1 messages" "$OUT/stdout"'

# The sample profiles draw different policies from the catalogs.
for p in hospital-qc nonprofit-us company-fr; do
	run src/clausier assemble --profile "$top_srcdir/data/samples/$p.xml"
	cp "$OUT/stdout" "$OUT/$p.policy.xml"
	check "sample $p assembles into a schema-valid policy" \
		eval 'expect_status 0 && xmllint --noout --relaxng "$top_srcdir/data/schemas/policy.rng" "$OUT/$p.policy.xml" 2>/dev/null'
done
check "the three samples assemble different policies" \
	eval '! cmp -s "$OUT/hospital-qc.policy.xml" "$OUT/nonprofit-us.policy.xml" && grep -q "confidentiality-patients" "$OUT/hospital-qc.policy.xml" && ! grep -q "confidentiality-patients" "$OUT/nonprofit-us.policy.xml" && grep -q "catalog=\"charte\"" "$OUT/company-fr.policy.xml"'

run src/clausier render --policy "$OUT/hospital-qc.policy.xml" --locale fr-CA
cp "$OUT/stdout" "$OUT/from-policy.txt"
run src/clausier render --profile "$top_srcdir/data/samples/hospital-qc.xml" --locale fr-CA
check "rendering the assembled policy gives the profile's edition" \
	eval 'expect_status 0 && same "$OUT/stdout" "$OUT/from-policy.txt"'

# The editions of the sample profiles, exactly.
for pl in hospital-qc:fr-CA hospital-qc:en-CA company-fr:fr-FR company-fr:en-US nonprofit-us:en-US nonprofit-us:fr-FR agency-ca:en-CA agency-ca:fr-CA intercommunalite-fr:fr-FR intercommunalite-fr:en-GB city-us:en-US city-us:fr-FR listed-fr:fr-FR listed-fr:en-US; do
	p=${pl%%:*}
	l=${pl#*:}
	run src/clausier render --profile "$top_srcdir/data/samples/$p.xml" --locale "$l"
	check "sample $p in $l is its golden edition" \
		eval 'expect_status 0 && same "$top_srcdir/tests/golden/$p.$l.txt" "$OUT/stdout"'
done

# Issue 17, US employers and nonprofits: a held-out private employer (strict, en-US and
# fr-CA) and the nonprofit sample get the US clauses in each of their languages, with the
# bodies of their risk tolerance; the 501(c)(3) clauses follow the sector and the charity
# value; none of these clauses reaches a policy of another jurisdiction.
us=$top_srcdir/tests/data/us-private-strict.xml
run src/clausier render --profile "$us" --locale en-US
check "US private employer (en-US): agencies, hiring, references, political views, business contacts; strict bodies; no 501(c)(3) clause" \
	eval 'expect_status 0 && grep -q "^[0-9]*\. Communicating with Government Agencies$" "$OUT/stdout" && grep -q "Defend Trade Secrets Act (18.U\.S\.C\..§.1833(b))" "$OUT/stdout" && grep -q "^[0-9]*\. Social Media in Hiring and Employment Decisions$" "$OUT/stdout" && grep -q "hiring managers and interviewers do not look up candidates" "$OUT/stdout" && grep -q "^[0-9]*\. References and Recommendations$" "$OUT/stdout" && grep -q "Managers do not write recommendations" "$OUT/stdout" && grep -q "^[0-9]*\. Your Own Political Views$" "$OUT/stdout" && grep -q "^[0-9]*\. Accounts and Contacts Used for Work: What You Keep When You Leave$" "$OUT/stdout" && ! grep -q "501(c)(3)" "$OUT/stdout" && ! grep -q "Lobbying from Official Accounts" "$OUT/stdout"'
run src/clausier render --profile "$us" --locale fr-CA
check "US private employer (fr-CA): the same clauses in Quebec French, stating US law" \
	eval 'expect_status 0 && grep -q "^[0-9]*\. Communications avec les organismes gouvernementaux$" "$OUT/stdout" && grep -q "^[0-9]*\. Les médias sociaux dans l’embauche et les décisions relatives à l’emploi$" "$OUT/stdout" && grep -q "^[0-9]*\. Références et recommandations$" "$OUT/stdout" && grep -q "Les gestionnaires ne rédigent pas de recommandations" "$OUT/stdout" && grep -q "^[0-9]*\. Vos propres opinions politiques$" "$OUT/stdout" && grep -q "^[0-9]*\. Comptes et contacts utilisés pour le travail" "$OUT/stdout" && grep -q "Fair Credit Reporting Act" "$OUT/stdout" && ! grep -q "Cadre légal\|Code du travail du Québec" "$OUT/stdout"'
run src/clausier render --profile "$us" --locale en-GB
check "state laws keep their names in British and Canadian English (facts are not respelled)" \
	eval 'expect_status 0 && grep -q "California Labor Code.§.980" "$OUT/stdout" && grep -q "New York Labor Law.§.201-d" "$OUT/stdout" && ! grep -q "Labour Code\|York Labour Law" "$OUT/stdout" && grep -q "labour law protects" "$OUT/stdout"'
run src/clausier lint --profile "$us"
check "the held-out US private employer lints clean" eval 'expect_status 0 && [ ! -s "$OUT/stdout" ] && [ ! -s "$OUT/stderr" ]'
ok=yes
for sec in health education nonprofit public private; do
	for r in strict balanced open; do
		sed -e "s/sector=\"private\"/sector=\"$sec\"/" -e "s/risk=\"strict\"/risk=\"$r\"/" "$us" >"$OUT/us-$sec-$r.xml"
		src/clausier lint --profile "$OUT/us-$sec-$r.xml" >"$OUT/lint-$sec-$r.txt" 2>&1 || { ok=no; sed "s/^/# $sec $r: /" "$OUT/lint-$sec-$r.txt"; }
	done
done
check "US policies of every sector and risk tolerance lint without an error (disclaimers and the 501(c)(3) clauses included)" [ "$ok" = yes ]
sed 's|</profile>|  <exclude clause="agency-communications"/>\n</profile>|' "$us" >"$OUT/us-no-agency.xml"
run src/clausier lint --profile "$OUT/us-no-agency.xml"
check "lint reports a US policy without the statement on communicating with agencies" \
	eval 'grep -q "reporting-to-authorities\|Communicating with government agencies" "$OUT/stdout" "$OUT/stderr"'
np=$top_srcdir/data/samples/nonprofit-us.xml
run src/clausier render --profile "$np" --locale fr-FR
check "US nonprofit (fr-FR): the 501(c)(3) clauses in France French, stating US law" \
	eval 'expect_status 0 && grep -q "^[0-9]*\. Élections.: ni soutien ni opposition à des candidats$" "$OUT/stdout" && grep -q "^[0-9]*\. Actions de lobbying sur les comptes officiels$" "$OUT/stdout" && grep -q "article.501(c)(3) du Code des impôts fédéral (Internal Revenue Code)" "$OUT/stdout" && grep -q "^[0-9]*\. Vos échanges avec les autorités publiques$" "$OUT/stdout"'
sed 's|<value name="charity">true</value>|<value name="charity">false</value>|' "$np" >"$OUT/np-c4.xml"
run src/clausier render --profile "$OUT/np-c4.xml" --locale en-US
check "a nonprofit that is not a 501(c)(3) organization (charity false) has no campaign or lobbying clause, but keeps the rest" \
	eval 'expect_status 0 && ! grep -q "501(c)(3)\|Lobbying from Official Accounts" "$OUT/stdout" && grep -q "^[0-9]*\. Your Own Political Views$" "$OUT/stdout" && grep -q "^[0-9]*\. Communicating with Government Agencies$" "$OUT/stdout"'
src/clausier map --profile "$us" --to charte --output "$OUT/us-charte.xml" >/dev/null 2>&1
run src/clausier map --to smp --report "$OUT/us-back.txt" --output "$OUT/us-back.xml" "$OUT/us-charte.xml"
check "a US policy converted back from a charte gets the agencies statement and lists the Defend Trade Secrets Act notice among its formalities" \
	eval 'expect_status 0 && grep -q "Communicating with government agencies" "$OUT/us-back.txt" && grep -q "^[0-9]*\. Whistleblower immunity notice in employee agreements$" "$OUT/us-back.txt" && grep -q "ref=\"agency-communications\"" "$OUT/us-back.xml"'
ok=yes
for p in hospital-qc agency-ca; do
	src/clausier assemble --profile "$top_srcdir/data/samples/$p.xml" >"$OUT/$p.us17.xml" || ok=no
	grep -q -E "ref=\"(agency-communications|charity-campaign-intervention|charity-lobbying|personal-political-activity|references-recommendations|hiring-social-media|business-contacts-departure)\"" "$OUT/$p.us17.xml" && ok=no
done
check "the US clauses stay out of Canadian and Quebec policies" [ "$ok" = yes ]

# Issue 17, charte17: the clauses for French companies, in held-out profiles
# of their readers.  A listed company with a foreign parent, strict, in fr-FR
# and en-GB, has the market-abuse and group-transfer clauses (when="listed",
# when="foreign_parent") with its own names; an unlisted company whose profile
# sets neither boolean (company-fr) has neither, but has the right to disconnect
# pointing to a separate agreement or charter; a public body has none of the
# private-sector clauses even if it says it is listed.
h17=$top_srcdir/data/samples/listed-fr.xml
sed -e 's|<value name="org"[^>]*>[^<]*</value>|<value name="org" article="la" gender="f">Compagnie des Forges de Lorraine</value>|' \
    -e 's|risk="balanced" locales="fr-FR en-US"|risk="strict" locales="fr-FR en-GB"|' \
    -e 's|<value name="parent_org"[^>]*>[^<]*</value>|<value name="parent_org" article="none" gender="m">Ridgeline Capital Group</value>|' \
    -e 's|<value name="digital_charter">true</value>|<value name="digital_charter">false</value>|' \
    "$h17" >"$OUT/forges.xml"
src/clausier render -p "$OUT/forges.xml" -l fr-FR >"$OUT/forges.fr.txt" 2>"$OUT/forges.err"
src/clausier render -p "$OUT/forges.xml" -l en-GB >"$OUT/forges.en.txt" 2>>"$OUT/forges.err"
check "a listed company with a foreign parent has the clauses on inside information and transfers to its group, in French and English" \
	eval 'grep -q "Information privilégiée et périodes d’abstention" "$OUT/forges.fr.txt" && grep -q "Inside Information and Closed Periods" "$OUT/forges.en.txt" && grep -q "^La Compagnie des Forges de Lorraine appartient à un groupe dont la société mère, Ridgeline Capital Group, est établie hors de l’Union européenne" "$OUT/forges.fr.txt" && grep -q "^Compagnie des Forges de Lorraine belongs to a group whose parent company, Ridgeline Capital Group" "$OUT/forges.en.txt" && grep -q "trente jours calendaires" "$OUT/forges.fr.txt" && grep -q "may allow it (Article.19(11) and (12))" "$OUT/forges.en.txt"'
check "its strict variants and its seven clauses of issue 17 are there in both languages, en-GB respelled" \
	eval 'for h in "Droit à la déconnexion" "Messageries instantanées et groupes de discussion" "Intelligence artificielle générative et hypertrucages" "Programme d’ambassadeurs et partage des contenus de l’organisation" "Influence commerciale et allégations environnementales" "Transferts de données vers le groupe"; do grep -q "$h" "$OUT/forges.fr.txt" || { echo "# no $h"; exit 1; }; done; for h in "Right to Disconnect" "Instant Messaging and Group Chats" "Generative AI and Deepfakes" "Employee Advocacy Programme and Sharing the Organisation’s Content" "Commercial Influence and Environmental Claims" "Transfers of Data to the Group"; do grep -q "$h" "$OUT/forges.en.txt" || { echo "# no $h"; exit 1; }; done; grep -q "aucun message professionnel ne doit vous être adressé" "$OUT/forges.fr.txt" && grep -q "depuis l’outil de partage du programme et sans les modifier" "$OUT/forges.fr.txt" && grep -q "sont interdites pour le travail" "$OUT/forges.fr.txt" && grep -q "les quinze jours précédant celle de son information trimestrielle" "$OUT/forges.fr.txt" && grep -q "artificial intelligence services open to the public are banned for any work use" "$OUT/forges.en.txt" && grep -q "French Labour Code), which this policy applies to social media" "$OUT/forges.en.txt" && ! grep -q "Labor\|program\b" "$OUT/forges.en.txt"'
run src/clausier lint -p "$OUT/forges.xml"
check "lint: the held-out listed company has no finding" eval 'expect_status 0 && [ ! -s "$OUT/stdout" ]'
src/clausier render -p "$top_srcdir/data/samples/company-fr.xml" -l fr-FR >"$OUT/cfr.txt"
check "an unlisted company without a foreign parent has neither clause, and its charte points to a separate charter on disconnection" \
	eval 'grep -q "Droit à la déconnexion" "$OUT/cfr.txt" && ! grep -q "périodes d’abstention\|Transferts de données vers le groupe\|déontologue" "$OUT/cfr.txt" && grep -q "sont fixés par l’accord ou par la charte de l’organisation relatifs au droit à la déconnexion" "$OUT/cfr.txt"'
sed -e 's|sector="private"|sector="public"|' -e 's|<value name="org"[^>]*>[^<]*</value>|<value name="org" article="la" gender="f">Ville de Laval</value>|' "$h17" >"$OUT/ville.xml"
src/clausier render -p "$OUT/ville.xml" -l fr-FR >"$OUT/ville.txt" 2>"$OUT/ville.err"
check "a public body gets the messaging and AI clauses, none of the private-sector ones of issue 17" \
	eval 'grep -q "Messageries instantanées et groupes de discussion" "$OUT/ville.txt" && grep -q "hypertrucages" "$OUT/ville.txt" && ! grep -q "périodes d’abstention\|Programme d’ambassadeurs\|Influence commerciale\|Droit à la déconnexion\|Transferts de données vers le groupe" "$OUT/ville.txt"'
src/clausier assemble -p "$h17" >"$OUT/listed.policy.xml"
check "the listed sample assembles into a valid policy that keeps its booleans and renders its golden edition" \
	eval 'xmllint --noout --relaxng "$top_srcdir/data/schemas/policy.rng" "$OUT/listed.policy.xml" 2>/dev/null && grep -q "<clause ref=\"abstention-boursiere\"" "$OUT/listed.policy.xml" && grep -q "<clause ref=\"transferts-groupe\"" "$OUT/listed.policy.xml" && src/clausier render --policy "$OUT/listed.policy.xml" -l en-US >"$OUT/listed.from-policy.txt" && same "$top_srcdir/tests/golden/listed-fr.en-US.txt" "$OUT/listed.from-policy.txt"'
sed -e 's|<value name="compliance_contact">[^<]*</value>||' "$h17" >"$OUT/nocc.xml"
run src/clausier render -p "$OUT/nocc.xml" -l fr-FR
check "a listed company must give the compliance officer’s address; an unlisted one need not" \
	eval 'expect_status 1 && grep -q "compliance_contact" "$OUT/stderr" && src/clausier render -p "$top_srcdir/data/samples/company-fr.xml" -l en-US >/dev/null'

# Names that agree: the organizations of issue 8 in every clause of both
# catalogs, in French and English.  Now that the catalogs write the names
# after « de », « à » and « que » ({org_du}, {org_au}, « que {org_le} »), « de
# la Ville », « que le Collège » are right; no edition may contain a
# capitalized article there (« de Le », « à Les »: none of these names has its
# article as part of it), an article doubled (« du le », « aux les »), one not
# contracted (« de le Collège », « à les Services »), nor « de » or « que »
# before a vowel.
: >"$OUT/names.txt"
for org in "Hôpital Sainte-Anne" "Collège Ahuntsic" "Ville de Laval" "Services partagés Canada" "Acme" "Haute Autorité de santé" "The Ottawa Hospital"; do
	sed "s|<value name=\"org\"[^>]*>[^<]*</value>|<value name=\"org\">$org</value>|" \
		"$top_srcdir/data/samples/hospital-qc.xml" >"$OUT/org-smp.xml"
	sed "s|<value name=\"org\"[^>]*>[^<]*</value>|<value name=\"org\">$org</value>|" \
		"$top_srcdir/data/samples/company-fr.xml" >"$OUT/org-charte.xml"
	for pl in smp:fr-CA smp:fr-FR smp:en-CA charte:fr-FR charte:fr-CA charte:en-US; do
		src/clausier render --profile "$OUT/org-${pl%%:*}.xml" --locale "${pl#*:}" >>"$OUT/names.txt" || echo "FAILED: $org $pl" >>"$OUT/names.txt"
	done
done
for p in hospital-qc:fr-CA hospital-qc:en-CA company-fr:fr-FR company-fr:en-US nonprofit-us:en-US nonprofit-us:fr-FR; do
	src/clausier render --profile "$top_srcdir/data/samples/${p%%:*}.xml" --locale "${p#*:}" >>"$OUT/names.txt" || echo "FAILED: $p" >>"$OUT/names.txt"
done
for l in fr-CA fr-FR en-CA; do
	src/clausier render "$top_srcdir/data/samples/sample-catalog.xml" --profile "$top_srcdir/data/samples/sample-profile.xml" --locale $l >>"$OUT/names.txt" || echo "FAILED: sample $l" >>"$OUT/names.txt"
done
check "the editions of seven organizations and of the samples render" eval '! grep -q "^FAILED" "$OUT/names.txt"'
check "no edition has « de Le », « du le », « à les Services »… nor « de » or « que » before a vowel" \
	eval '! grep -nP "\b(du|au|des|aux|[Dd]e|à|[Qq]ue) ((Les?|La) |L’)|\b(du|au|des|aux) ([Ll]es?|[Ll]a|[Ll]’) ?(Hôpital|Collège|Ville|Services|Haute|Ottawa)|(^|\s)(de|à) (le|les) (Hôpital|Collège|Ville|Services|Haute|Ottawa)|\b([Dd]e|[Qq]ue) [AEIOUaeiouÉéÈèÊêÀàÂâÎîÔô]" "$OUT/names.txt"'
check "the names agree with their verbs and articles in the clauses that open with them" \
	eval 'grep -q "^Le Collège Ahuntsic reconnaît que les médias sociaux" "$OUT/names.txt" && grep -q "un appui que le Collège Ahuntsic n’a pas donné" "$OUT/names.txt" && grep -q "qu’ils servent" "$OUT/names.txt" && grep -q "au nom de la Haute Autorité de santé, en ligne" "$OUT/names.txt" && grep -q "^Les Services partagés Canada reconnaissent que" "$OUT/names.txt" && grep -q "^Les Services partagés Canada partent du constat" "$OUT/names.txt" && grep -q "^L’Hôpital Sainte-Anne (ci-après .*) adopte la présente charte" "$OUT/names.txt" && grep -q "^La Haute Autorité de santé vous demande" "$OUT/names.txt" && grep -q "^The Ottawa Hospital (the “organization”) adopts this policy" "$OUT/names.txt" && grep -q "^Acme recognizes that" "$OUT/names.txt"'
run src/clausier assemble --profile "$top_srcdir/data/samples/nonprofit-us.xml"
cp "$OUT/stdout" "$OUT/np.policy.xml"
run src/clausier render --policy "$OUT/np.policy.xml" --locale en-US
check "a policy document keeps the grammar of a name" \
	eval 'expect_status 0 && grep -q "<value name=\"org\" article=\"the\" gender=\"f\">Riverside Literacy Alliance</value>" "$OUT/np.policy.xml" && same "$top_srcdir/tests/golden/nonprofit-us.en-US.txt" "$OUT/stdout"'

# A translator's week: the source text of a clause changes.
sed 's/What you post online is ultimately your own responsibility/What you post online is, in the end, your own responsibility/' \
	"$top_srcdir/data/catalogs/smp.xml" >"$OUT/smp.xml"
check "the test changes a source text" eval '! cmp -s "$OUT/smp.xml" "$top_srcdir/data/catalogs/smp.xml"'
xgettext -o "$OUT/changed.pot" "$OUT/smp.xml"
cp "$top_srcdir/po/catalogs/smp/fr_CA.po" "$OUT/fr_CA.po"
check "translators see the forms of the name in the comments of the messages that insert it" \
	eval 'grep -A2 "^#\. {org} is the organization’s name\. French texts write it with its article through {org_le}" "$OUT/changed.pot" | grep -q "^msgctxt \"purpose-of-policy/body\""'
msgmerge --quiet --update --backup=none "$OUT/fr_CA.po" "$OUT/changed.pot"
check "msgmerge marks its translation fuzzy" \
	eval 'grep -B1 "^msgctxt \"personal-responsibility/body\"" "$OUT/fr_CA.po" | grep -q fuzzy'
msgfmt --xml -l fr_CA --template="$OUT/smp.xml" -o "$OUT/smp.merged.xml" "$OUT/fr_CA.po"
run src/clausier render -p "$top_srcdir/data/samples/hospital-qc.xml" -l fr-CA "$OUT/smp.merged.xml"
check "rendering refuses the untranslated clause, naming it" \
	eval 'expect_status 1 && grep -q "clause “personal-responsibility” has no text for fr-CA" "$OUT/stderr"'
run src/clausier render -p "$top_srcdir/data/samples/hospital-qc.xml" -l fr-CA --fallback "$OUT/smp.merged.xml"
check "with --fallback the edition shows the source text, marked, and says so" \
	eval 'expect_status 0 && grep -q "What you post online is, in the end" "$OUT/stdout" && grep -q "^\[Clause non traduite" "$OUT/stdout" && grep -q "warning: 1 clause has no text for fr-CA" "$OUT/stderr"'

# The whole translators' round trip with the real tools, both directions:
# xgettext (ITS rules) -> msginit -> msgmerge (the existing translations) ->
# msgfmt -c -> msgfmt --xml -> load -> render, ending with the editions the
# build gives.
roundtrip() { # ID LL SAMPLE LOCALE
	id=$1 ll=$2 sample=$3 locale=$4
	xgettext -o "$OUT/rt-$id.pot" "$top_srcdir/data/catalogs/$id.xml" &&
	msginit --no-translator --no-wrap -l "$ll" -i "$OUT/rt-$id.pot" -o "$OUT/rt-$id.$ll.po" 2>/dev/null &&
	msgmerge --quiet -o "$OUT/rt-$id.$ll.merged.po" "$top_srcdir/po/catalogs/$id/$ll.po" "$OUT/rt-$id.pot" &&
	msgfmt -c -o /dev/null "$OUT/rt-$id.$ll.merged.po" &&
	msgfmt --xml -l "$ll" --template="$top_srcdir/data/catalogs/$id.xml" -o "$OUT/rt-$id.xml" "$OUT/rt-$id.$ll.merged.po" &&
	"$top_builddir/src/clausier" render -p "$top_srcdir/data/samples/$sample.xml" -l "$locale" "$OUT/rt-$id.xml" >"$OUT/rt-$id.txt"
}
check "round trip en->fr-CA with xgettext, msginit, msgmerge, msgfmt: the same edition" \
	eval 'roundtrip smp fr_CA hospital-qc fr-CA && same "$top_srcdir/tests/golden/hospital-qc.fr-CA.txt" "$OUT/rt-smp.txt"'
check "round trip fr->en with xgettext, msginit, msgmerge, msgfmt: the same edition" \
	eval 'roundtrip charte en company-fr en-US && same "$top_srcdir/tests/golden/company-fr.en-US.txt" "$OUT/rt-charte.txt"'
# msginit for English copies every French msgid into its msgstr: 100 % "translated".
check "msginit's English PO looks complete to msgfmt" \
	eval 'msgfmt -c --statistics -o /dev/null "$OUT/rt-charte.en.po" 2>&1 | grep -q "^$(($(grep -c "^msgid " "$OUT/rt-charte.pot") - 1)) translated messages"'
run src/clausier check "$OUT/rt-charte.en.po"
check "clausier check flags every msgstr msginit copied from its French msgid" \
	eval '[ "$(grep -c "warning: the translation is identical to the source" "$OUT/stdout")" -ge 100 ]'
run src/clausier check "$OUT/rt-smp.fr_CA.po"
check "clausier check flags a fresh msginit PO as untranslated" \
	eval 'expect_status 0 && [ "$(grep -c "warning: untranslated" "$OUT/stdout")" = $(($(grep -c "^msgid " "$OUT/rt-smp.pot") - 1)) ]'
run src/clausier check "$OUT/fr_CA.po"
check "clausier check flags the fuzzy entry of the changed source text" \
	eval 'grep -q "warning: fuzzy: msgfmt leaves it out" "$OUT/stdout"'
# Issue 17, Quebec health and social services: a held-out CIUSSS (balanced) has
# the legal framework, roles, scope, code of ethics, languages and incident
# clauses, in both its locales; a Quebec company and bodies elsewhere do not,
# and the charte has the GDPR breach clause.
ciusss=$top_srcdir/tests/data/ciusss-montreal.xml
run src/clausier lint --profile "$ciusss"
check "issue 17: the held-out CIUSSS lints clean" eval 'expect_status 0 && [ ! -s "$OUT/stdout" ]'
run src/clausier render --profile "$ciusss" --locale fr-CA
check "issue 17: the CIUSSS in fr-CA has its Quebec health clauses, with « usager » and the CAI" \
	eval 'expect_status 0 && grep -q "^Cadre légal$" "$OUT/stdout" && grep -q "^Rôles et responsabilités$" "$OUT/stdout" && grep -q "^[0-9]*\. Qui fait quoi$" "$OUT/stdout" && grep -q "^[0-9]*\. Toutes les personnes qui travaillent ou exercent dans l’établissement$" "$OUT/stdout" && grep -q "^[0-9]*\. Le code d’éthique s’applique en ligne$" "$OUT/stdout" && grep -q "^[0-9]*\. Langues des comptes officiels$" "$OUT/stdout" && grep -q "^[0-9]*\. Lorsque des renseignements personnels sont exposés$" "$OUT/stdout" && grep -q "registre des incidents de confidentialité" "$OUT/stdout" && grep -q "Commission d’accès à l’information du Québec" "$OUT/stdout" && grep -q "Au sein du CIUSSS des Rapides-de-Lachine" "$OUT/stdout" && grep -q "résidents en médecine" "$OUT/stdout" && grep -q "(CNESST)" "$OUT/stdout"'
run src/clausier render --profile "$ciusss" --locale en-CA
check "issue 17: the CIUSSS in en-CA has them too, in Canadian spelling" \
	eval 'expect_status 0 && grep -q "^Legal Framework$" "$OUT/stdout" && grep -q "^Roles and Responsibilities$" "$OUT/stdout" && grep -q "^[0-9]*\. Who does what$" "$OUT/stdout" && grep -q "^[0-9]*\. The code of ethics applies online$" "$OUT/stdout" && grep -q "^[0-9]*\. When personal information is exposed$" "$OUT/stdout" && grep -q "register of confidentiality incidents" "$OUT/stdout" && grep -q "dignity, honour and reputation" "$OUT/stdout" && grep -q "At the CIUSSS des Rapides-de-Lachine" "$OUT/stdout"'
run src/clausier assemble --profile "$top_srcdir/tests/data/company-qc.xml"
check "issue 17: a Quebec company gets the Quebec incident and harassment texts, and no health clause" \
	eval 'expect_status 0 && grep -q "ref=\"incidents-reporting\" risk=\"balanced\" jurisdictions=\"CA-QC\"" "$OUT/stdout" && grep -q "ref=\"legal-harassment\" risk=\"balanced\" jurisdictions=\"CA-QC\"" "$OUT/stdout" && ! grep -q "health-qc" "$OUT/stdout"'
ok=yes
for p in agency-ca nonprofit-us; do
	src/clausier assemble --profile "$top_srcdir/data/samples/$p.xml" >"$OUT/$p.i17.xml" || ok=no
	grep -q "health-qc" "$OUT/$p.i17.xml" && ok=no
done
grep -q "ref=\"incidents-reporting\" risk=\"balanced\"/>" "$OUT/nonprofit-us.i17.xml" || ok=no
grep -q "ref=\"incidents-reporting\" risk=\"balanced\" jurisdictions=\"CA\"" "$OUT/agency-ca.i17.xml" || ok=no
check "issue 17: bodies outside Quebec get their incident text and no Quebec health clause" [ "$ok" = yes ]
sed 's/jurisdiction="CA-QC"/jurisdiction="CA"/' "$top_srcdir/tests/data/company-qc.xml" >"$OUT/company-ca.xml"
sed 's/jurisdiction="CA-QC"/jurisdiction="CA-ON"/' "$top_srcdir/tests/data/company-qc.xml" >"$OUT/company-on.xml"
src/clausier render --profile "$OUT/company-ca.xml" --locale en-CA >"$OUT/company-ca.txt"
src/clausier render --profile "$OUT/company-on.xml" --locale en-CA >"$OUT/company-on.txt"
run src/clausier render --profile "$top_srcdir/data/samples/agency-ca.xml" --locale fr-CA
check "issue 17: federal breach duties, PIPEDA for a company, the Treasury Board directive for an agency; none stated in Ontario" \
	eval 'expect_status 0 && grep -q "Directive sur les pratiques relatives à la protection de la vie privée du Conseil du Trésor" "$OUT/stdout" && grep -q "Under the Personal Information Protection and Electronic Documents Act, the organization reports to the Privacy Commissioner of Canada" "$OUT/company-ca.txt" && ! grep -q "Personal Information Protection and Electronic Documents Act, the organization reports" "$OUT/company-on.txt" && grep -q "notifies the competent authorities and those people" "$OUT/company-on.txt"'
run src/clausier render --profile "$top_srcdir/data/samples/company-fr.xml" --locale fr-FR
cp "$OUT/stdout" "$OUT/i17-fr.txt"
run src/clausier render --profile "$top_srcdir/data/samples/company-fr.xml" --locale en-US
check "issue 17: the charte reports a data breach to the DPO, the CNIL within 72 hours (GDPR art. 33)" \
	eval 'expect_status 0 && grep -q "^Article [0-9]*[^A-Za-z]*Violation de données personnelles$" "$OUT/i17-fr.txt" && grep -q "72[^a-z]*heures au plus tard" "$OUT/i17-fr.txt" && grep -q "(article[^)]*33[^)]*du RGPD)" "$OUT/i17-fr.txt" && grep -q "^Article [0-9]*\. Personal Data Breaches$" "$OUT/stdout" && grep -q "(Article[^)]*33[^)]*of the GDPR)" "$OUT/stdout"'
exit 0
