/*
 * cmd_serve.c - `engage serve`: load the read models and answer HTTP until
 * SIGINT or SIGTERM, then let in-flight requests finish.
 *
 * The store handle is opened by the dispatcher (read-write, so the schema
 * is upgraded before serving) and shared by server threads only for the
 * /healthz check, under a mutex: SQLite handles here are single-threaded.
 */
#include "cli/cli.h"

#include "auth/auth.h"
#include "base/log.h"
#include "base/ratelimit.h"
#include "api/api.h"
#include "index/readmodel.h"
#include "publish/opendata.h"
#include "store/store.h"
#include "web/assets.h"
#include "web/http.h"
#include "web/metrics.h"
#include "web/routes.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef ENGAGE_VERSION
#define ENGAGE_VERSION "0.1.0"
#endif
#ifndef ENGAGE_ASSETS_DIR
#define ENGAGE_ASSETS_DIR "/usr/local/share/engage/web"
#endif

struct health_ctx {
	struct store *store;
	pthread_mutex_t lock;
};

static int store_health(void *ctx, struct json_writer *jw, struct err *e)
{
	struct health_ctx *h = ctx;
	int rc;

	pthread_mutex_lock(&h->lock);
	rc = store_ping(h->store, e);
	pthread_mutex_unlock(&h->lock);
	json_key_str(jw, "store", rc < 0 ? "unreachable" : "ok");
	if (rc < 0)
		err_set(e, rc, "the database does not answer");
	return rc;
}

/* web.assets, else ./build/web when run from a built checkout (make web),
 * else the installed copy. */
static const char *assets_dir(const struct config *cfg)
{
	const char *dir = config_str(cfg, "web.assets");
	struct stat st;

	if (*dir)
		return dir;
	if (stat("build/web/engage.css", &st) == 0)
		return "build/web";
	return ENGAGE_ASSETS_DIR;
}

static int write_port_file(const char *path, int port)
{
	char tmp[1024];
	FILE *f;

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	f = fopen(tmp, "w");
	if (!f)
		return -1;
	fprintf(f, "%d\n", port);
	if (fclose(f) != 0)
		return -1;
	return rename(tmp, path);	/* readers never see a half-written file */
}

int cmd_serve(struct cli_ctx *ctx)
{
	const struct config *cfg = &ctx->cfg;
	struct health_ctx health = { .store = ctx->store };
	struct web_app wa = { .version = ENGAGE_VERSION };
	struct http_options opt;
	struct http_server *srv = NULL;
	struct readmodel *rm = NULL;
	struct opendata_options od_opt;
	struct opendata_set open_data = { 0 };
	struct web_assets *assets = NULL;
	struct metrics *metrics = NULL;
	struct err e = ERR_INIT;
	const char *port_file = config_str(cfg, "http.port_file");
	int rc = EXIT_FAILED, sig;
	sigset_t stop_signals;

	/* Blocked from here on, so a SIGTERM that arrives while starting up
	 * waits for http_serve_until_signal instead of killing the process. */
	sigemptyset(&stop_signals);
	sigaddset(&stop_signals, SIGINT);
	sigaddset(&stop_signals, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop_signals, NULL);
	pthread_mutex_init(&health.lock, NULL);
	if (auth_init(&e) < 0) {	/* API tokens are checked with libsodium */
		cli_error("serve: %s", e.msg);
		goto done;
	}
	if (readmodel_load(ctx->store, &rm, &e) < 0 ||
	    api_prerender(rm, (int)config_int(cfg, "api.prerender_months"), &e) < 0) {
		cli_error("serve: %s", e.msg);
		rc = cli_exit_for(e.code);
		goto done;
	}
	/* /data/ serves the same bytes `engage export open-data` writes. */
	if (cli_opendata_options(ctx, &od_opt, &e) < 0 ||
	    opendata_render(rm, &od_opt, &open_data, &e) < 0) {
		cli_error("serve: %s", e.msg);
		rc = cli_exit_for(e.code);
		goto done;
	}
	if (web_assets_load(assets_dir(cfg), &assets, &e) < 0) {
		cli_error("serve: %s", e.msg);
		rc = EXIT_CONFIG;
		goto done;
	}
	metrics = metrics_new();
	wa.metrics = metrics;
	wa.rm = rm;
	wa.open_data = &open_data;
	wa.assets = assets;
	wa.health = store_health;
	wa.health_ctx = &health;
	wa.store = ctx->store;
	wa.store_lock = &health.lock;
	cli_auth_policy(ctx, &wa.auth_policy);
	wa.concern_limit = ratelimit_new((int)config_int(cfg, "web.concern_limit"),
					 config_int(cfg, "web.concern_window_minutes") * 60000, 65536);
	wa.signin_limit = ratelimit_new((int)config_int(cfg, "web.signin_limit"),
					config_int(cfg, "web.signin_window_minutes") * 60000, 65536);
	wa.trust_proxy = (int)config_int(cfg, "http.trust_proxy");
	if (!metrics || !wa.concern_limit || !wa.signin_limit || web_routes_check(&e) < 0 || web_app_prepare(&wa, &e) < 0) {
		cli_error("serve: %s", metrics ? e.msg : "out of memory");
		goto done;
	}
	http_options_default(&opt);
	opt.bind_address = config_str(cfg, "http.bind");
	opt.port = (int)config_int(cfg, "http.port");
	opt.threads = (int)config_int(cfg, "http.threads");
	opt.max_connections = (int)config_int(cfg, "http.max_connections");
	opt.max_body_bytes = (size_t)config_int(cfg, "http.max_body_bytes");
	opt.max_header_bytes = (size_t)config_int(cfg, "http.max_header_bytes");
	opt.request_timeout_s = (int)config_int(cfg, "http.request_timeout");
	opt.access_log = (int)config_int(cfg, "log.access");
	opt.metrics = metrics;
	if (http_server_start(&opt, web_dispatch, &wa, &srv, &e) < 0) {
		cli_error("serve: %s", e.msg);
		rc = EXIT_SERVE;
		goto done;
	}
	printf("engage: serving http://%s:%d/ (%zu neighbourhoods, %zu LSOAs); Ctrl-C to stop\n",
	       opt.bind_address, http_server_port(srv), rm->nnbhds, rm->nlsoas);
	fflush(stdout);
	if (*port_file && write_port_file(port_file, http_server_port(srv)) < 0)
		log_warn("serve: cannot write the port file '%s'", port_file);
	sig = http_serve_until_signal(srv, (int)config_int(cfg, "http.shutdown_grace"));
	srv = NULL;	/* stopped and freed */
	log_info("serve: stopped after signal %d; in-flight requests finished", sig);
	rc = EXIT_OK;
done:
	if (srv)
		http_server_stop(srv, 0);
	if (*port_file)
		unlink(port_file);
	web_app_release(&wa);
	ratelimit_free(wa.concern_limit);
	ratelimit_free(wa.signin_limit);
	metrics_free(metrics);
	web_assets_free(assets);
	opendata_release(&open_data);
	readmodel_free(rm);
	pthread_mutex_destroy(&health.lock);
	return rc;
}
