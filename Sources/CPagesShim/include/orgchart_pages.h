#ifndef ORGCHART_PAGES_H
#define ORGCHART_PAGES_H

#include <stddef.h>

/// Lays SVG documents out as the pages of one PDF, each scaled to fit a page of
/// `page_width` × `page_height` points inside `margin` points and centred. On success returns 0
/// and sets `*result` (free it with orgchart_pages_free) and `*length`; on failure returns -1
/// and writes a message into `error`.
int orgchart_pages_pdf(const char *const *svgs, const size_t *lengths, int count,
                       double page_width, double page_height, double margin,
                       unsigned char **result, size_t *length, char *error, size_t error_size);

/// Frees a buffer returned by orgchart_pages_pdf or orgchart_draw_finish.
void orgchart_pages_free(unsigned char *data);

#endif
