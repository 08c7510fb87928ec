# Turns data/grammar/fr.tsv and en.tsv into C tables (lib/name-data.c).
# Each file: class<TAB>word[<TAB>gender<TAB>number<TAB>elision]; # comments.
# SPDX-License-Identifier: LGPL-2.1-or-later
BEGIN {
	FS = "\t"
	cls["noun"] = "n"; cls["adj"] = "a"; cls["acronym"] = "A"; cls["bare"] = "b"
	cls["aspirated"] = "h"; cls["mute"] = "m"; cls["y-vowel"] = "y"; cls["y-consonant"] = "Y"
	cls["the"] = "t"; cls["of"] = "o"; cls["maybe"] = "?"
	print "/* Generated from data/grammar by make: do not edit. */"
	print "#include \"clausier-private.h\""
	file = ""
}
FNR == 1 {
	if (file != "")
		print "\t{ 0, 0, 0, 0, 0 },\n};"
	file = FILENAME
	sub(/.*\//, "", file)
	sub(/\.tsv$/, "", file)
	printf "const clausier__word clausier__%s_words[] = {\n", file
}
/^#/ || NF == 0 { next }
{
	if (!($1 in cls) || $2 == "" || $2 ~ /["\\]/) {
		printf "%s:%d: bad line\n", FILENAME, FNR > "/dev/stderr"
		bad = 1
		exit 1
	}
	g = NF >= 3 && $3 != "-" ? $3 : "-"
	n = NF >= 4 && $4 != "-" ? $4 : "-"
	e = NF >= 5 && $5 != "-" ? substr($5, 1, 1) : "-"
	if ((g != "-" && g != "m" && g != "f") || (n != "-" && n != "s" && n != "p") || (e != "-" && e != "y" && e != "n")) {
		printf "%s:%d: bad gender, number or elision\n", FILENAME, FNR > "/dev/stderr"
		bad = 1
		exit 1
	}
	printf "\t{ \"%s\", '%s', '%s', '%s', '%s' },\n", $2, cls[$1], g, n, e
}
END {
	if (!bad)
		print "\t{ 0, 0, 0, 0, 0 },\n};"
}
