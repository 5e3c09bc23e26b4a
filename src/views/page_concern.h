/*
 * page_concern.h - the resident's concern pages: the form to raise one
 * (with its errors), the confirmation with the reference number, and
 * tracking it by reference.
 *
 * The public view of a concern (concern_find_public) has no text and no
 * personal data; these pages show only that.  The form page is the one
 * place that writes back what a resident typed, into the form itself after
 * a failed check; it is answered with Cache-Control: no-store by the web
 * layer.
 */
#ifndef ENGAGE_PAGE_CONCERN_H
#define ENGAGE_PAGE_CONCERN_H

#include "base/strbuf.h"
#include "engage/concern.h"
#include "index/readmodel.h"
#include "views/concern_form.h"
#include "views/layout.h"

/* /concerns/new: the form with f's values and errors (f NULL: empty).
 * `general` is an error about the whole form (M_CF_ERR_LIMIT with
 * `general_arg` the minutes to wait, M_CF_ERR_SAVE) or CF_NO_ERROR. */
void page_concern_form(const struct readmodel *rm, const struct concern_form *f,
		       enum msg_id general, const char *general_arg, const struct page_ctx *pc,
		       struct strbuf *out);
/* The confirmation panel with the reference and what happens next. */
void page_concern_raised(const char *reference, const struct page_ctx *pc, struct strbuf *out);
/* /concerns/track: the form; `typed` kept, `error` CF_NO_ERROR or an
 * M_TR_ERR_* beside the field. */
void page_concern_track(const char *typed, enum msg_id error, const struct page_ctx *pc,
			struct strbuf *out);
/* No concern has the (well-formed) reference: say so, and offer the form. */
void page_concern_not_found(const char *reference, const struct page_ctx *pc, struct strbuf *out);
/* /concerns/{reference}: the public view. */
void page_concern_public(const struct readmodel *rm, const struct concern_public *p,
			 const struct page_ctx *pc, struct strbuf *out);
/* A form sent from another site was refused. */
void page_concern_cross_site(const struct page_ctx *pc, struct strbuf *out);

#endif
