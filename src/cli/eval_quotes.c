/*
 * cli/eval_quotes.c: `chorus eval quotes` (not built yet).
 */
#include "cli.h"

int eval_quotes(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("'eval quotes' is not available in this build yet");
	return EXIT_FAILED;
}
