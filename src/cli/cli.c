/*
 * cli/cli.c: messages, option values and diagnostics shared by the subcommands.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

void cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("chorus: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("chorus: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'chorus %s--help' for more information.\n", cmd ? cmd : "");
	return EXIT_USAGE;
}

int cli_parse_format(const char *s, enum cli_format *out)
{
	if (!strcmp(s, "text"))
		*out = FORMAT_TEXT;
	else if (!strcmp(s, "md") || !strcmp(s, "markdown"))
		*out = FORMAT_MD;
	else if (!strcmp(s, "json"))
		*out = FORMAT_JSON;
	else {
		cli_error("unknown format '%s' (use text, md or json)", s);
		return -1;
	}
	return 0;
}

enum cli_format cli_default_format(void)
{
	return isatty(STDOUT_FILENO) ? FORMAT_MD : FORMAT_TEXT;
}

int cli_parse_size(const char *opt, const char *s, size_t min, size_t max, size_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	if (!s || !*s || *s == '-')
		goto bad;
	v = strtoull(s, &end, 10);
	if (errno || *end || v < min || v > max)
		goto bad;
	*out = (size_t)v;
	return 0;
bad:
	cli_error("%s takes a whole number from %zu to %zu, not '%s'", opt, min, max, s ? s : "");
	return -1;
}

void cli_diag(void *arg, const char *where, const char *why)
{
	struct cli_diags *d = arg;

	d->count++;
	if (!d->quiet)
		fprintf(stderr, "%s: %s\n", where, why);
}

int cli_stderr_is_tty(void)
{
	return isatty(STDERR_FILENO);
}
