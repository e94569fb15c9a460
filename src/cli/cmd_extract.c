/*
 * cli/cmd_extract.c: `chorus extract` (not built yet).
 */
#include "cli.h"

int cmd_extract(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("'extract' is not available in this build yet");
	return EXIT_FAILED;
}
