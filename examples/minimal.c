/* The smallest complete program that embeds libclausier: load a catalog and
 * a profile, assemble the policy, render one edition.
 *
 *   cc minimal.c $(pkg-config --cflags --libs clausier) -o minimal
 *   ./minimal catalog.xml profile.xml fr-CA
 */
#include <clausier.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: %s CATALOG PROFILE LOCALE\n", argv[0]);
		return 2;
	}
	clausier_error err;
	clausier_catalog *catalog = NULL;
	clausier_profile *profile = NULL;
	clausier_policy *policy = NULL;
	char *edition = NULL;
	clausier_render_options opts = CLAUSIER_RENDER_OPTIONS_INIT;
	opts.locale = argv[3];

	if (clausier_catalog_load_file(&catalog, argv[1], &err) == CLAUSIER_OK &&
	    clausier_profile_load_file(&profile, argv[2], &err) == CLAUSIER_OK &&
	    clausier_policy_assemble(&policy, catalog, profile, &err) == CLAUSIER_OK &&
	    clausier_render(&edition, NULL, policy, &opts, &err) == CLAUSIER_OK) {
		fputs(edition, stdout);
	} else {
		char text[1024];
		clausier_error_format(text, sizeof text, &err);
		fprintf(stderr, "%s\n", text);
	}
	int status = edition ? 0 : 1;
	clausier_free(edition);
	clausier_policy_free(policy);
	clausier_profile_free(profile);
	clausier_catalog_free(catalog);
	return status;
}
