/*
 * log.h - the one way Engage writes diagnostics.
 *
 * Lines go to stderr (or a file set with log_open) as
 *	2026-11-22T03:40:01Z info  http: listening on 127.0.0.1:8080
 * Never pass personal data (names, contact details, concern text) to these
 * functions: log lines are kept and shipped where personal data may not go.
 */
#ifndef ENGAGE_LOG_H
#define ENGAGE_LOG_H

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR, LOG_OFF };

void log_set_level(enum log_level level);
enum log_level log_get_level(void);
/* Parse "debug", "info", "warn", "error", "off"; returns -1 if unknown. */
int log_level_parse(const char *name);

/* Append log lines to `path` instead of stderr; returns 0 or -1 (errno set). */
int log_open(const char *path);
void log_close(void);

void log_msg(enum log_level level, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#define log_debug(...) log_msg(LOG_DEBUG, __VA_ARGS__)
#define log_info(...) log_msg(LOG_INFO, __VA_ARGS__)
#define log_warn(...) log_msg(LOG_WARN, __VA_ARGS__)
#define log_error(...) log_msg(LOG_ERROR, __VA_ARGS__)

#endif
