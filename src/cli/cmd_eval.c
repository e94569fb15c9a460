/*
 * cli/cmd_eval.c: `chorus eval TOOL`: quality measured against gold data.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

struct tool {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

static const struct tool tools[] = {
	{ "rouge", eval_rouge, "ROUGE-1/2/SU4 of summaries against reference summaries" },
	{ "baseline", eval_baseline, "lead, first-sentences, LexRank or centroid baseline summary of a cluster" },
	{ "cluster", eval_cluster, "story clustering against gold story labels (BCubed, pairwise)" },
	{ "quotes", eval_quotes, "quotes and speakers against PolNeAR annotations" },
	{ "extraction", eval_extraction, "main text from HTML against the extraction benchmark" },
};

static void usage(FILE *out)
{
	size_t i;

	fputs("usage: chorus eval TOOL [OPTIONS]\n\nTools:\n", out);
	for (i = 0; i < sizeof(tools) / sizeof(tools[0]); i++)
		fprintf(out, "  %-11s %s\n", tools[i].name, tools[i].summary);
	fputs("\n'chorus eval TOOL --help' describes each tool's options and output.\n", out);
}

int cmd_eval(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		usage(stdout);
		return EXIT_DONE;
	}
	for (i = 0; i < sizeof(tools) / sizeof(tools[0]); i++)
		if (!strcmp(argv[1], tools[i].name))
			return tools[i].run(argc - 1, argv + 1);
	return cli_usage_error("eval ", "unknown eval tool '%s'", argv[1]);
}
