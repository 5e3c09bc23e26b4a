/*
 * page_pact-internal.h - what the four staff pages of page_pact.h share:
 * their frame (breadcrumbs, heading, the tabs between them, the "saved"
 * banner), their forms (action, CSRF field, values typed before) and words
 * for dates and vocabulary.
 */
#ifndef ENGAGE_PAGE_PACT_INTERNAL_H
#define ENGAGE_PAGE_PACT_INTERNAL_H

#include "views/page_pact.h"
#include "views/page_yousaid.h"

enum pact_tab { TAB_PACT, TAB_BOARD, TAB_FEEDBACK, TAB_PACK };

/* layout_begin, breadcrumbs, caption, <h1>, the tabs, the error summary
 * and the saved banner.  `title` is the page's heading. */
void pact_frame_begin(struct html *h, const struct page_ctx *pc, const struct staff_nbhd *nb,
		      enum pact_tab tab, enum msg_id title, const struct staff_form *f);
/* <form method="post" action="/staff/neighbourhoods/F/ID/<path>"> and the
 * CSRF field; close it with HTML(h, "</form>"). */
void pact_form_begin(struct html *h, const struct page_ctx *pc, const struct staff_nbhd *nb,
		     const char *path);
/* A form folded in a <details> that says `label`; open when that form came
 * back with a problem.  pact_details_end closes the form and the details. */
void pact_details_begin(struct html *h, const struct page_ctx *pc, const struct staff_nbhd *nb,
			const struct staff_form *f, const char *form, enum msg_id label,
			const char *path);
void pact_details_end(struct html *h);
/* A submit button. */
void pact_button(struct html *h, enum msg_id label, int secondary);
/* What was typed in field `name` when form `form` came back, else `fallback`. */
const char *pact_typed(const struct staff_form *f, const char *form, const char *name,
		       const char *fallback);
/* The error for field `field_id` when form `form` came back, or NULL. */
const struct govuk_error *pact_error(const struct staff_form *f, const char *form,
				     const char *field_id);
/* The priority status as a govuk tag. */
void pact_status_tag(struct html *h, int status);
/* A link to one of these pages of the neighbourhood: "/staff/neighbourhoods/F/ID/<path>". */
void pact_href(struct html *h, const struct staff_nbhd *nb, const char *path);

#endif
