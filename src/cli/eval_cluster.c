/*
 * cli/eval_cluster.c: `chorus eval cluster` (not built yet).
 */
#include "cli.h"

int eval_cluster(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	cli_error("'eval cluster' is not available in this build yet");
	return EXIT_FAILED;
}
