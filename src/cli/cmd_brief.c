/*
 * cli/cmd_brief.c: `chorus brief` (not built yet).
 */
#include "cli.h"

int cmd_brief(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("'brief' is not available in this build yet");
	return EXIT_FAILED;
}
