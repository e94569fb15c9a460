/*
 * cli/main.c: the `chorus` command: finds the subcommand and hands it the arguments.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
	{ "brief", cmd_brief, "write the brief of one story from articles (files, folders, -)" },
	{ "extract", cmd_extract, "print what was found in each article: entities, quotes, numbers, dates" },
	{ "ingest", cmd_ingest, "add articles to a store, grouping them into stories" },
	{ "stories", cmd_stories, "list the stories in a store" },
	{ "story", cmd_story, "write the brief of one stored story" },
	{ "eval", cmd_eval, "measure quality against gold data (rouge, cluster, quotes, extraction)" },
};

static void usage(FILE *out)
{
	size_t i;

	fputs("usage: chorus COMMAND [OPTIONS] [ARGS]\n"
	      "\n"
	      "chorus groups news articles into stories and writes a brief for each: what\n"
	      "happened (every sentence names the outlets that carry it), who said what, which\n"
	      "numbers were reported, when things happened, and who is involved.\n"
	      "\n"
	      "Commands:\n",
	      out);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fputs("\n"
	      "Options:\n"
	      "  -h, --help     this help; 'chorus COMMAND --help' for a command's own\n"
	      "  --version      the version\n"
	      "\n"
	      "Exit codes:\n"
	      "  0  success\n"
	      "  1  the work could not be done (the reason is on stderr)\n"
	      "  2  bad command line\n"
	      "  3  done, but some inputs were skipped (each one is reported on stderr)\n",
	      out);
}

int main(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return EXIT_DONE;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("chorus %s\n", chorus_version());
		return EXIT_DONE;
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	return cli_usage_error(NULL, "unknown command '%s'", argv[1]);
}
