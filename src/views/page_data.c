/*
 * page_data.c - the open-data downloads page (see page_data.h).
 */
#include "views/page_data.h"

#include "views/layout.h"

static void size_text(struct html *h, size_t bytes)
{
	if (bytes < 1024) {
		html_count(h, (int64_t)bytes);
		HTML(h, " bytes");
	} else if (bytes < 1024 * 1024) {
		html_count(h, (int64_t)((bytes + 512) / 1024));
		HTML(h, " KB");
	} else {
		html_count(h, (int64_t)((bytes + 512 * 1024) / (1024 * 1024)));
		HTML(h, " MB");
	}
}

static void dataset_section(struct html *h, const struct opendata_set *set, size_t d)
{
	const struct opendata_dataset *ds = &set->datasets[d];

	HTML(h, "<section class=\"dataset\">\n<h2>");
	html_text(h, ds->title);
	HTML(h, "</h2>\n<p>");
	html_text(h, ds->description);
	HTML(h, "</p>\n<table class=\"downloads\">\n<caption>Files of ");
	html_text(h, ds->title);
	HTML(h, "</caption>\n<thead><tr><th scope=\"col\">File</th><th scope=\"col\">Type</th>"
		"<th scope=\"col\" class=\"num\">Size</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < set->nfiles; i++) {
		const struct opendata_file *f = &set->files[i];

		if (f->dataset != (int)d)
			continue;
		HTML(h, "<tr><th scope=\"row\"><a href=\"/data/");
		html_url_arg(h, f->name);
		HTML(h, "\" download>");
		html_text(h, f->name);
		HTML(h, "</a><br><span class=\"file-title\">");
		html_text(h, f->title);
		HTML(h, "</span></th><td>");
		html_text(h, f->media_type);
		HTML(h, "</td><td class=\"num\">");
		size_text(h, f->body.len);
		HTML(h, "</td></tr>\n");
	}
	HTML(h, "</tbody>\n</table>\n</section>\n");
}

void page_data(const struct opendata_set *set, struct strbuf *out)
{
	struct html h = { out };

	layout_begin(&h, "Open data");
	HTML(&h, "<h1>Open data</h1>\n<p class=\"lead\">Everything on this page is free to use, "
		 "reuse and redistribute under the <a href=\"" OPENDATA_LICENCE_URL "\">"
		 OPENDATA_LICENCE_NAME "</a>. Please attribute it with: &ldquo;");
	html_text(&h, OPENDATA_ATTRIBUTION);
	HTML(&h, "&rdquo; For neighbourhood boundaries add: &ldquo;");
	html_text(&h, OPENDATA_OS_ATTRIBUTION);
	HTML(&h, "&rdquo;</p>\n<p>Crime locations are police.uk's anonymous map points, never an "
		 "exact address. In the crime counts, small numbers are left out so that no one "
		 "can be picked out; each CSV file has a <code>.csv-metadata.json</code> "
		 "description (CSV on the Web) and <a href=\"/data/catalog.jsonld\">catalog.jsonld</a> "
		 "lists every file (DCAT). Data last updated ");
	html_text(&h, set->modified);
	HTML(&h, ".</p>\n");
	for (size_t d = 0; d < set->ndatasets; d++)
		dataset_section(&h, set, d);
	layout_end(&h);
}
