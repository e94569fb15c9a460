/*
 * cli/eval_rouge.c: `chorus eval rouge` (not built yet).
 */
#include "cli.h"

int eval_rouge(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("'eval rouge' is not available in this build yet");
	return EXIT_FAILED;
}
