/*
 * routes_staff_pact.h - the staff pages for deciding and acting in one
 * neighbourhood, under /staff/neighbourhoods/{force}/{id}/:
 *
 *   GET  pact                   PACT meeting mode (?meeting=ID&saved=...)
 *   POST pact/meeting           add a PACT meeting      PERM_RECORD_ENGAGEMENT
 *   POST pact/propose           propose a priority      PERM_RECORD_ENGAGEMENT
 *   POST pact/votes             record votes            PERM_RECORD_VOTES
 *   POST pact/agree             agree a priority        PERM_AGREE_PRIORITIES
 *   GET  board                  priorities and actions  PERM_VIEW_INTERNAL
 *   POST board/actions          add an action           PERM_AGREE_PRIORITIES
 *   POST board/actions/{action} progress on an action   PERM_UPDATE_ACTIONS
 *   POST board/start            start work on a priority PERM_AGREE_PRIORITIES
 *   GET  feedback               the feedback queue (?concern=ID | ?priority=ID)
 *   POST feedback               publish "you said, we did"  PERM_RECORD_ENGAGEMENT
 *                               (closing a priority also PERM_AGREE_PRIORITIES)
 *   GET  pack                   the printable meeting pack   PERM_VIEW_INTERNAL
 *
 * Every page goes through the staff door (web/staff.h: session, role,
 * CSRF on each POST) and then checks that the member works in the
 * neighbourhood, and that what a form names (a priority, an action, a
 * concern) belongs to it.  A partner updates only its own organisation's
 * actions.  A POST that saved answers 303 back to its page; one with a
 * problem draws the page again (400, or 409 when someone saved first) with
 * the problem beside the field and what was typed kept.
 */
#ifndef ENGAGE_ROUTES_STAFF_PACT_H
#define ENGAGE_ROUTES_STAFF_PACT_H

#include "web/http.h"

int web_pact_page(void *app, const struct http_request *req, struct http_response *res);
int web_pact_meeting(void *app, const struct http_request *req, struct http_response *res);
int web_pact_propose(void *app, const struct http_request *req, struct http_response *res);
int web_pact_votes(void *app, const struct http_request *req, struct http_response *res);
int web_pact_agree(void *app, const struct http_request *req, struct http_response *res);
int web_board_page(void *app, const struct http_request *req, struct http_response *res);
int web_board_action_add(void *app, const struct http_request *req, struct http_response *res);
int web_board_action_update(void *app, const struct http_request *req, struct http_response *res);
int web_board_start(void *app, const struct http_request *req, struct http_response *res);
int web_feedback_page(void *app, const struct http_request *req, struct http_response *res);
int web_feedback_give(void *app, const struct http_request *req, struct http_response *res);
int web_pack_page(void *app, const struct http_request *req, struct http_response *res);

#endif
