/*
 * cli/cmd_story.c: `chorus story` (not built yet).
 */
#include "cli.h"

int cmd_story(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("'story' is not available in this build yet");
	return EXIT_FAILED;
}
