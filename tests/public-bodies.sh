#!/bin/sh
# Issue 17, public bodies: the clauses of a Canadian federal institution, a French
# public body and a US city (moderation, accessibility, records and access, political
# activity, the use of French), in each of their locales; absent outside the public
# sector; the law of each jurisdiction and no other; lint clean.
. "$top_srcdir/tests/lib.sh"
plan 24
fx=$top_srcdir/tests/data/public17

# has FILE TEXT...: every text is in the file (in any case, no-break spaces read as
# spaces).  hasnt FILE TEXT...: none is.
flat() { sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g' "$1" >"$OUT/flat"; }
has() { flat "$1"; shift; for t in "$@"; do grep -q -i -F -- "$t" "$OUT/flat" || { echo "# missing: $t"; return 1; }; done; }
hasnt() { flat "$1"; shift; for t in "$@"; do grep -q -i -F -- "$t" "$OUT/flat" && { echo "# unexpected: $t"; return 1; }; done; return 0; }

run src/clausier render --profile "$top_srcdir/data/samples/agency-ca.xml" --locale en-CA
check "federal institution, en-CA: moderation, accessibility, records and political activity, under federal law" \
	eval 'expect_status 0 && has "$OUT/stdout" "Moderating comments on official accounts" "Accessible official content" "Records and access to information" "Political activity and election periods" "section 2(b)" "Accessible Canada Act" "section 67.1 of the Access to Information Act" "Library and Archives of Canada Act" "Part 7 of the Public Service Employment Act" "published at the same time and is of equal quality"'
run src/clausier render --profile "$top_srcdir/data/samples/agency-ca.xml" --locale fr-CA
check "federal institution, fr-CA: the same clauses in Quebec French" \
	eval 'expect_status 0 && has "$OUT/stdout" "Modération des commentaires sur les comptes officiels" "Accessibilité des contenus officiels" "Documents et accès à l’information" "Activité politique et périodes électorales" "Loi canadienne sur l’accessibilité" "article 67.1 de la Loi sur l’accès à l’information" "Commission de la fonction publique" "mots-clics" && hasnt "$OUT/stdout" "mot-dièse" "données personnelles"'
run src/clausier lint --profile "$top_srcdir/data/samples/agency-ca.xml"
check "federal institution: lint is clean (official accounts in both official languages)" \
	eval 'expect_status 0 && [ ! -s "$OUT/stdout" ] && [ ! -s "$OUT/stderr" ]'

run src/clausier render --profile "$fx/qc-municipality.xml" --locale fr-CA
check "Quebec municipality: Quebec access and archives law, the general texts elsewhere, without federal law" \
	eval 'expect_status 0 && has "$OUT/stdout" "Accessibilité des contenus officiels" "Documents et accès à l’information" "Activité politique et périodes électorales" "Loi sur les archives" "Commission d’accès à l’information" && hasnt "$OUT/stdout" "Loi canadienne sur l’accessibilité" "Bibliothèque et les Archives du Canada" "Commission de la fonction publique" "premier amendement"'

run src/clausier render --profile "$fx/fr-public.xml" --locale fr-FR
check "French public body, fr-FR: French, accessibility, moderation, archives and election periods" \
	eval 'expect_status 0 && has "$OUT/stdout" "Emploi de la langue française" "Accessibilité des contenus publiés" "Modération des commentaires sur les comptes officiels" "Archives et communication des documents administratifs" "Activité politique et périodes électorales" "loi nº 94-665 du 4 août 1994" "article 47 de la loi nº 2005-102" "article 93-3 de la loi nº 82-652" "articles L211-1 et L211-4 du Code du patrimoine" "article L52-1" "article L52-8"'
run src/clausier render --profile "$fx/fr-public.xml" --locale en-US
check "French public body, en-US: the same clauses, stating French law" \
	eval 'expect_status 0 && has "$OUT/stdout" "Use of the French language" "Accessibility of published content" "Moderating comments on official accounts" "Public archives and access to administrative documents" "Political activity and election periods" "Act No. 94-665" "Heritage Code, art. L211-1" "Electoral Code, art. L52-8" && hasnt "$OUT/stdout" "First Amendment" "Canadian Charter"'
run src/clausier lint --profile "$fx/fr-public.xml"
check "French public body: lint is clean" \
	eval 'expect_status 0 && [ ! -s "$OUT/stdout" ] && [ ! -s "$OUT/stderr" ]'

run src/clausier render --profile "$fx/us-city.xml" --locale en-US
check "US city, en-US: viewpoint-neutral moderation, ADA Title II, public records, Hatch Act" \
	eval 'expect_status 0 && has "$OUT/stdout" "First Amendment" "Lindke v. Freed, 601 U.S. 187 (2024)" "28 CFR part 35, subpart H" "April 26, 2027" "April 26, 2028" "44 U.S.C. § 2911" "Hatch Act" "5 U.S.C. §§ 1501–1508" && hasnt "$OUT/stdout" "April 24, 2026" "Canadian Charter" "Accessible Canada Act"'
run src/clausier render --profile "$fx/us-city.xml" --locale fr
check "US city, fr: the same clauses in French, stating US law" \
	eval 'expect_status 0 && has "$OUT/stdout" "Modération des commentaires sur les comptes officiels" "premier amendement" "Lindke v. Freed" "Hatch Act" "26 avril 2027" "26 avril 2028"'
run src/clausier lint --profile "$fx/us-city.xml"
check "US city: lint is clean" \
	eval 'expect_status 0 && [ ! -s "$OUT/stdout" ] && [ ! -s "$OUT/stderr" ]'

# A public university (sector education) takes the public-body clauses by replace and include.
run src/clausier render --profile "$fx/us-university.xml" --locale en-US
check "US public university: the public-body clauses in place of the good-practice ones, next to the education ones" \
	eval 'expect_status 0 && has "$OUT/stdout" "Do not post information about students" "the First Amendment applies to it" "Title II of the Americans with Disabilities Act" "Political activity and election periods" && hasnt "$OUT/stdout" "Accessible posts" "Criticism of the organization is not in itself a reason"'
run src/clausier lint --profile "$fx/us-university.xml"
check "US public university: lint is clean" \
	eval 'expect_status 0 && [ ! -s "$OUT/stdout" ] && [ ! -s "$OUT/stderr" ]'

# Outside the public sector: the good-practice clauses, never the public ones.
run src/clausier assemble --profile "$top_srcdir/data/samples/nonprofit-us.xml"
check "US nonprofit: comment moderation and accessible posts as good practice, no public-body clause" \
	eval 'expect_status 0 && has "$OUT/stdout" "ref=\"comment-moderation\"" "ref=\"accessible-content\"" && hasnt "$OUT/stdout" "comment-moderation-public" "accessible-content-public" "records-official-accounts" "political-activity-public"'
run src/clausier assemble --profile "$top_srcdir/data/samples/company-fr.xml"
check "French company: moderation and accessibility as good practice, no public-body clause" \
	eval 'expect_status 0 && has "$OUT/stdout" "ref=\"moderation-commentaires\"" "ref=\"accessibilite-publications\"" && hasnt "$OUT/stdout" "moderation-comptes-publics" "accessibilite-publications-public" "archives-documents-publics" "periode-electorale" "langue-francaise-public"'
run src/clausier assemble --profile "$top_srcdir/data/samples/hospital-qc.xml"
check "Quebec hospital (health): no public-body clause" \
	eval 'expect_status 0 && hasnt "$OUT/stdout" "comment-moderation-public" "records-official-accounts" "political-activity-public"'

# The crosswalk relates every new clause and topic.
run src/clausier crosswalk
check "the crosswalk loads and covers both catalogs" expect_status 0
ok=yes
for id in comment-moderation comment-moderation-public accessible-content accessible-content-public records-official-accounts political-activity-public; do
	grep -q "<match from=\"$id\"" "$top_srcdir/data/crosswalk/smp-charte.xml" || { echo "# no match from $id"; ok=no; }
done
for id in langue-francaise-public accessibilite-publications accessibilite-publications-public moderation-commentaires moderation-comptes-publics archives-documents-publics periode-electorale; do
	grep -q "to=\"$id\"" "$top_srcdir/data/crosswalk/smp-charte.xml" || { echo "# no match to $id"; ok=no; }
done
check "every public-body clause has a crosswalk match" [ "$ok" = yes ]
ok=yes
for t in accessibility records-and-access moderation political-activity languages; do
	grep -q "<topic [^>]*\"$t\"" "$top_srcdir/data/crosswalk/smp-charte.xml" || { echo "# no topic $t"; ok=no; }
done
check "every public-body topic is in the crosswalk" [ "$ok" = yes ]

# The samples of a French public body and a US city: every public-body clause of their
# catalog in the editions the README lists; a French public body's charte is in French as
# the language of the Republic and of the public services, not under the Labor Code.
run src/clausier render --profile "$top_srcdir/data/samples/intercommunalite-fr.xml" --locale fr-FR
check "intercommunalite-fr, fr-FR: French prevails as the language of the public services (Constitution, art. 2; loi 94-665), not under L1321-6" \
	eval 'expect_status 0 && has "$OUT/stdout" "langue de la République (article 2 de la Constitution)" "langue des services publics" && hasnt "$OUT/stdout" "L1321-6 du Code du travail pour tout document"'
run src/clausier render --profile "$top_srcdir/data/samples/company-fr.xml" --locale en-US
check "company-fr: a private employer's charte is still in French under Article L1321-6 of the Labor Code" \
	eval 'expect_status 0 && has "$OUT/stdout" "as Article L1321-6 of the Labor Code requires" && hasnt "$OUT/stdout" "language of the Republic"'
ok=yes
for s in intercommunalite-fr city-us; do
	src/clausier lint --profile "$top_srcdir/data/samples/$s.xml" >"$OUT/lint.$s" 2>&1 || ok=no
	grep -q -e ": error" -e ": warning" "$OUT/lint.$s" && ok=no
done
check "the public-body samples lint clean" [ "$ok" = yes ]
# Genre elements by sector: a public body's policy must keep its records clause (CA, US,
# FR) and, in France, its clause on the use of French; a private employer's need not.
sed 's|</profile>|<exclude clause="archives-documents-publics"/><exclude clause="langue-francaise-public"/></profile>|' \
	"$top_srcdir/data/samples/intercommunalite-fr.xml" >"$OUT/fr-norecords.xml"
run src/clausier lint --profile "$OUT/fr-norecords.xml"
check "a French public body without its archives and French-language clauses: lint names both elements" \
	eval 'expect_status 1 && grep -q "no clause for “Public archives and access to administrative documents”" "$OUT/stdout" && grep -q "no clause for “The use of French”" "$OUT/stdout"'
sed 's|</profile>|<exclude clause="records-official-accounts"/></profile>|' \
	"$top_srcdir/data/samples/city-us.xml" >"$OUT/us-norecords.xml"
run src/clausier lint --profile "$OUT/us-norecords.xml"
check "a US city without its records clause: lint names the element" \
	eval 'expect_status 1 && grep -q "no clause for “Records and access to information”" "$OUT/stdout"'
sed 's/sector="public"/sector="private"/; s|</profile>|<exclude clause="records-official-accounts"/></profile>|' \
	"$top_srcdir/data/samples/agency-ca.xml" >"$OUT/ca-private.xml"
run src/clausier lint --profile "$OUT/ca-private.xml"
check "a Canadian private company is not asked for a public body's records clause" \
	eval '! grep -q "Records and access to information" "$OUT/stderr" "$OUT/stdout"'
exit 0
