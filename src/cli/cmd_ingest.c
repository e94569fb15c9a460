/*
 * cli/cmd_ingest.c: `chorus ingest` (not built yet).
 */
#include "cli.h"

int cmd_ingest(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("'ingest' is not available in this build yet");
	return EXIT_FAILED;
}
