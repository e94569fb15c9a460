/*
 * cli/cli.h: what the `chorus` subcommands share: messages, exit codes, output
 * formats and the diagnostics sink for readers. No analysis happens in src/cli.
 */
#ifndef CHORUS_CLI_H
#define CHORUS_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "chorus/chorus.h"

/* Exit codes of every subcommand (printed by `chorus --help`). */
enum cli_exit {
	EXIT_DONE = 0,    /* success */
	EXIT_FAILED = 1,  /* the work could not be done (message on stderr) */
	EXIT_USAGE = 2,   /* bad command line */
	EXIT_PARTIAL = 3  /* done, but some inputs were skipped (each reported on stderr) */
};

enum cli_format { FORMAT_TEXT, FORMAT_MD, FORMAT_JSON };

/* Parses "text", "md"/"markdown" or "json" into *out; 0, or -1 after printing why. */
int cli_parse_format(const char *s, enum cli_format *out);
/* The default output format: Markdown when stdout is a terminal, plain text otherwise. */
enum cli_format cli_default_format(void);

/* Parses a positive whole number for option `opt`; 0, or -1 after printing why. */
int cli_parse_size(const char *opt, const char *s, size_t min, size_t max, size_t *out);

/* "chorus: <message>" on stderr. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/* A usage error: the message, then "try 'chorus CMD --help'"; returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Counts and prints reader diagnostics ("where: why" on stderr). */
struct cli_diags {
	size_t count;
	int quiet; /* count but do not print */
};
void cli_diag(void *arg, const char *where, const char *why);

/* True when stderr is a terminal (progress lines are shown only then). */
int cli_stderr_is_tty(void);

/* Subcommands: argv[0] is the subcommand's name. Each returns an enum cli_exit. */
int cmd_brief(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_stories(int argc, char **argv);
int cmd_story(int argc, char **argv);
int cmd_eval(int argc, char **argv);

/* `chorus eval` tools, dispatched by cmd_eval. */
int eval_rouge(int argc, char **argv);
int eval_baseline(int argc, char **argv);
int eval_cluster(int argc, char **argv);
int eval_quotes(int argc, char **argv);
int eval_extraction(int argc, char **argv);

#endif
