/*
 * log.c - timestamped levelled log lines (see log.h).
 *
 * One line is formatted whole and written with one fwrite under a lock, so
 * lines from server threads never interleave.
 */
#include "base/log.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static enum log_level current_level = LOG_INFO;
static FILE *log_file;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;

static const char *const level_names[] = { "debug", "info", "warn", "error", "off" };

void log_set_level(enum log_level level) { current_level = level; }
enum log_level log_get_level(void) { return current_level; }

int log_level_parse(const char *name)
{
	for (int i = 0; i <= LOG_OFF; i++)
		if (!strcmp(name, level_names[i]))
			return i;
	return -1;
}

int log_open(const char *path)
{
	FILE *f = fopen(path, "a");

	if (!f)
		return -1;
	setvbuf(f, NULL, _IOLBF, 0);
	pthread_mutex_lock(&log_lock);
	if (log_file)
		fclose(log_file);
	log_file = f;
	pthread_mutex_unlock(&log_lock);
	return 0;
}

void log_close(void)
{
	pthread_mutex_lock(&log_lock);
	if (log_file)
		fclose(log_file);
	log_file = NULL;
	pthread_mutex_unlock(&log_lock);
}

void log_msg(enum log_level level, const char *fmt, ...)
{
	char line[2048];
	struct tm tm;
	time_t now;
	size_t n;
	int k;
	va_list ap;

	if (level < current_level || level >= LOG_OFF)
		return;
	now = time(NULL);
	gmtime_r(&now, &tm);
	n = strftime(line, sizeof(line), "%Y-%m-%dT%H:%M:%SZ ", &tm);
	k = snprintf(line + n, sizeof(line) - n, "%-5s ", level_names[level]);
	if (k > 0)
		n += (size_t)k;
	va_start(ap, fmt);
	k = vsnprintf(line + n, sizeof(line) - n, fmt, ap);
	va_end(ap);
	if (k > 0)
		n = n + (size_t)k < sizeof(line) - 1 ? n + (size_t)k : sizeof(line) - 2;
	line[n++] = '\n';
	pthread_mutex_lock(&log_lock);
	fwrite(line, 1, n, log_file ? log_file : stderr);
	pthread_mutex_unlock(&log_lock);
}
