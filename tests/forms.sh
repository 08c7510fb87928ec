#!/bin/sh
# The shipped catalogs use the forms of the organization's name: French
# {org_Le} {org_le} {org_du} {org_au} and select on {org_gender} and
# {org_number}, English {org_The} {org_the} {org_s} and select on
# {org_number}, in clauses of every sector's edition; and the editions of a
# feminine plural name and of a masculine singular one agree, sentence by
# sentence (explicit article and gender in the profile: what is tested is the
# catalogs' text, not the inference of lib/name.c).
. "$top_srcdir/tests/lib.sh"
plan 17
built=$top_builddir/uninstalled/catalogs

# texts CATALOG LANG: the texts of the clauses that no sector restricts, in
# LANG (source: the catalog's source language).
texts() {
	if [ "$2" != source ]; then
		sel="[@xml:lang='$2']"
	else
		sel="[not(@xml:lang)]"
	fi
	xmllint --xpath "//*[local-name()='clause'][not(@sectors)]//*[local-name()='text']$sel" "$built/$1.xml" 2>/dev/null
}
# uses CATALOG LANG FORM...: every FORM occurs in those texts; names the
# missing ones.
uses() {
	cat=$1 lang=$2
	shift 2
	texts "$cat" "$lang" >"$OUT/texts" || { echo "# no texts for $cat $lang"; return 1; }
	missing=
	for f in "$@"; do
		grep -qF "$f" "$OUT/texts" || missing="$missing $f"
	done
	[ -z "$missing" ] || { echo "# $cat $lang uses none of:$missing"; return 1; }
}
for cl in smp:fr smp:fr_CA charte:source; do
	check "${cl%%:*}: its French (${cl#*:}) uses every form of the name in every sector's edition" \
		uses "${cl%%:*}" "${cl#*:}" "{org_Le}" "{org_le}" "{org_du}" "{org_au}" "{org_gender, select" "{org_number, select"
done
for cl in smp:source charte:en; do
	check "${cl%%:*}: its English (${cl#*:}) uses every form of the name in every sector's edition" \
		uses "${cl%%:*}" "${cl#*:}" "{org_The}" "{org_the}" "{org_s}" "{org_number, select"
done

# profile FILE CATALOG JURISDICTION SECTOR ARTICLE GRAMMAR NAME [EXTRA-VALUE]:
# GRAMMAR is the other attributes of the name (gender="f").
profile() {
	cat >"$1" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<profile xmlns="https://clausier.org/ns/1" version="1" catalog="$2"
         sector="$4" jurisdiction="$3" risk="balanced" locales="fr-FR en-US">
  <value name="org" article="$5" $6>$7</value>
  <value name="effective">2028-05-02</value>
  <value name="contact">presse@example.org</value>
  <value name="platforms"><item>Mastodon</item><item>LinkedIn</item></value>
  $(if [ "$2" = smp ]; then
	echo '<value name="hr_contact">rh@example.org</value><value name="days">10</value><value name="policy_url">https://example.org/politique</value>'
else
	echo '<value name="dpo_contact">dpo@example.org</value><value name="retention_months">12</value>'
fi)
  $8
</profile>
EOF
}
# has EDITION FRAGMENT...: the edition holds every fragment, exactly.
has() {
	ed=$1
	shift
	for f in "$@"; do
		grep -qF -- "$f" "$ed" || { echo "# not in $(basename "$ed"): $f"; return 1; }
	done
}
# edition NAME PROFILE LOCALE: renders into $OUT/NAME.txt.
edition() {
	run src/clausier render --profile "$2" --locale "$3"
	cp "$OUT/stdout" "$OUT/$1.txt"
	expect_status 0
}

fp="Éditions du Boréal"
ms="Ubisoft"
profile "$OUT/smp-fp.xml" smp CA-QC nonprofit les 'gender="f"' "$fp"
profile "$OUT/smp-ms.xml" smp CA private none 'gender="m"' "$ms"
profile "$OUT/charte-fp.xml" charte FR private les 'gender="f"' "$fp" '<value name="works_council">none</value>'
profile "$OUT/charte-ms.xml" charte FR private none 'gender="m"' "$ms" '<value name="works_council">none</value>'
profile "$OUT/charte-fp-public.xml" charte FR public les 'gender="f"' "$fp"
profile "$OUT/charte-ms-public.xml" charte FR public none 'gender="m"' "$ms"

check "smp, feminine plural, fr-CA: verbs, participle, pronoun and contractions agree" eval 'edition smp-fp-ca "$OUT/smp-fp.xml" fr-CA && has "$OUT/smp-fp-ca.txt" \
	"Les Éditions du Boréal reconnaissent que les médias sociaux" \
	"s’applique à tous les membres du personnel des Éditions du Boréal, quels que soient" \
	"chaque fois qu’elle concerne les Éditions du Boréal, leur personnel ou les personnes qu’elles servent" \
	"à côté de celui des Éditions du Boréal, dans" \
	"appartiennent aux Éditions du Boréal et non aux personnes qui les gèrent" \
	"un appui que les Éditions du Boréal n’ont pas donné." \
	"Les Éditions du Boréal sont tenues de respecter" \
	"Les Éditions du Boréal vous demandent de confirmer par écrit"'
check "smp, feminine plural, fr-FR" eval 'edition smp-fp-fr "$OUT/smp-fp.xml" fr-FR && has "$OUT/smp-fp-fr.txt" \
	"Les Éditions du Boréal partent du constat que" \
	"l’ensemble des salariés des Éditions du Boréal, quels" \
	"dès lors qu’il concerne les Éditions du Boréal, leur personnel ou leurs publics" \
	"un soutien que les Éditions du Boréal n’ont pas apporté." \
	"Les Éditions du Boréal sont tenues de respecter"'
check "smp, masculine singular with elision, fr-FR" eval 'edition smp-ms-fr "$OUT/smp-ms.xml" fr-FR && has "$OUT/smp-ms-fr.txt" \
	"Ubisoft part du constat que" \
	"l’ensemble des salariés d’Ubisoft, quels" \
	"dès lors qu’il concerne Ubisoft, son personnel ou ses publics" \
	"à côté de celui d’Ubisoft, dans" \
	"appartiennent à Ubisoft et non aux personnes" \
	"un soutien qu’Ubisoft n’a pas apporté." \
	"Ubisoft est tenu de respecter"'
check "smp, masculine singular, fr-CA" eval 'edition smp-ms-ca "$OUT/smp-ms.xml" fr-CA && has "$OUT/smp-ms-ca.txt" \
	"Ubisoft reconnaît que" \
	"chaque fois qu’elle concerne Ubisoft, son personnel ou les personnes qu’il sert" \
	"un appui qu’Ubisoft n’a pas donné." \
	"Ubisoft est tenu de respecter" \
	"Ubisoft vous demande de confirmer"'
check "smp, singular, en-US: verbs agree, the name and its possessive in place" eval 'edition smp-ms-en "$OUT/smp-ms.xml" en-US && has "$OUT/smp-ms-en.txt" \
	"Ubisoft recognizes that social media platforms" \
	"This policy applies to all employees of Ubisoft, whatever" \
	"whenever it involves Ubisoft, its people or the people it serves" \
	"next to Ubisoft’s name, in" \
	"belong to Ubisoft and not to the people who run them" \
	"an endorsement Ubisoft has not given." \
	"Ubisoft is bound by" \
	"Ubisoft asks you to confirm"'

check "charte, feminine plural, fr-FR: pronouns, participle and contractions agree" eval 'edition charte-fp-fr "$OUT/charte-fp.xml" fr-FR && has "$OUT/charte-fp-fr.txt" \
	"adoptent la présente charte pour encadrer l’usage des réseaux sociaux par les personnes qui travaillent pour elles." \
	"s’applique à tous les salariés des Éditions du Boréal, quels" \
	"les comptes ouverts au nom des Éditions du Boréal et toute publication" \
	"votre vie personnelle, que les Éditions du Boréal n’ont pas à connaître" \
	"leurs contenus appartiennent aux Éditions du Boréal" \
	"s’exprimer au nom des Éditions du Boréal, en ligne" \
	"Les Éditions du Boréal ne sont pas dotées d’un comité social et économique (CSE), soit parce que leur effectif"'
check "charte, masculine singular with elision, fr-FR" eval 'edition charte-ms-fr "$OUT/charte-ms.xml" fr-FR && has "$OUT/charte-ms-fr.txt" \
	"adopte la présente charte pour encadrer l’usage des réseaux sociaux par les personnes qui travaillent pour lui." \
	"s’applique à tous les salariés d’Ubisoft, quels" \
	"les comptes ouverts au nom d’Ubisoft et toute publication" \
	"votre vie personnelle, qu’Ubisoft n’a pas à connaître" \
	"leurs contenus appartiennent à Ubisoft" \
	"Ubisoft n’est pas doté d’un comité social et économique (CSE), soit parce que son effectif"'
check "charte, singular, en-US" eval 'edition charte-ms-en "$OUT/charte-ms.xml" en-US && has "$OUT/charte-ms-en.txt" \
	"adopts this policy to govern the use of social media by the persons who work for it." \
	"This policy applies to all employees of Ubisoft, whatever" \
	"accounts opened in Ubisoft’s name" \
	"into which Ubisoft has no cause to inquire" \
	"belong to Ubisoft: login credentials" \
	"speak on behalf of Ubisoft, online" \
	"Ubisoft has no works council (CSE), either because its workforce"'
check "charte, public sector: the employer named, its verb agrees" eval 'edition charte-fp-pub "$OUT/charte-fp-public.xml" fr-FR && has "$OUT/charte-fp-pub.txt" \
	"à tous les agents publics des Éditions du Boréal, fonctionnaires" \
	"ainsi qu’aux salariés de droit privé que les Éditions du Boréal emploient, comme" &&
	edition charte-ms-pub "$OUT/charte-ms-public.xml" fr-FR && has "$OUT/charte-ms-pub.txt" \
	"à tous les agents publics d’Ubisoft, fonctionnaires" \
	"ainsi qu’aux salariés de droit privé qu’Ubisoft emploie, comme" &&
	edition charte-ms-pub-en "$OUT/charte-ms-public.xml" en-US && has "$OUT/charte-ms-pub-en.txt" \
	"all public employees of Ubisoft, whether" "any private-law employees Ubisoft employs, such as"'

profile "$OUT/smp-fp-ca-public.xml" smp CA public les 'gender="f"' "$fp"
profile "$OUT/smp-fp-qc-public.xml" smp CA-QC public les 'gender="f"' "$fp"
profile "$OUT/smp-ms-ca-public.xml" smp CA public none 'gender="m"' "$ms"
check "smp, public sector, plural: the languages of its official accounts" eval 'edition smp-fp-ca-pub "$OUT/smp-fp-ca-public.xml" fr-CA && has "$OUT/smp-fp-ca-pub.txt" \
	"En tant qu’institution fédérale, les Éditions du Boréal communiquent avec le public" \
	"Leurs comptes officiels publient donc en français et en anglais" &&
	edition smp-fp-qc-pub "$OUT/smp-fp-qc-public.xml" fr-FR && has "$OUT/smp-fp-qc-pub.txt" \
	"En tant qu’organisme public, les Éditions du Boréal doivent utiliser la langue française" &&
	edition smp-ms-pub-en "$OUT/smp-ms-ca-public.xml" en-CA && has "$OUT/smp-ms-pub-en.txt" \
	"As a federal institution, Ubisoft communicates with the public" \
	"Its official accounts therefore publish in English and French"'

# English plural: the profile says the name is plural (number).
profile "$OUT/smp-en-pl.xml" smp CA nonprofit the 'number="plural"' "Friends of the Boreal Forest"
profile "$OUT/charte-en-pl.xml" charte FR private the 'number="plural"' "Friends of the Boreal Forest" '<value name="works_council">none</value>'
run src/clausier render --profile "$OUT/smp-en-pl.xml" --locale en-CA
cp "$OUT/stdout" "$OUT/smp-en-pl.txt"
check "smp, plural, en-CA: verbs and pronouns agree" has "$OUT/smp-en-pl.txt" \
	"The Friends of the Boreal Forest recognize that social media platforms" \
	"whenever it involves the Friends of the Boreal Forest, their people or the people they serve" \
	"next to the Friends of the Boreal Forest’s name" \
	"an endorsement the Friends of the Boreal Forest have not given." \
	"The Friends of the Boreal Forest are bound by" \
	"The Friends of the Boreal Forest ask you to confirm"
check "charte, plural, en-US" eval 'edition charte-en-pl "$OUT/charte-en-pl.xml" en-US && has "$OUT/charte-en-pl.txt" \
	"The Friends of the Boreal Forest (the “organization”) adopt this policy" \
	"by the persons who work for them." \
	"into which the Friends of the Boreal Forest have no cause to inquire" \
	"The Friends of the Boreal Forest have no works council (CSE), either because their workforce"'
