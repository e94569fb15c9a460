/*
 * cli/eval_extraction.c: `chorus eval extraction` (not built yet).
 */
#include "cli.h"

int eval_extraction(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("'eval extraction' is not available in this build yet");
	return EXIT_FAILED;
}
