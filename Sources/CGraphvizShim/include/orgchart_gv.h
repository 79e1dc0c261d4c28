#ifndef ORGCHART_GV_H
#define ORGCHART_GV_H

#include <stddef.h>

/// An opaque Graphviz context (GVC_t).
typedef struct GVC_s orgchart_gv_context_t;

/// Creates the Graphviz context, with the installed plugins loaded on demand.
orgchart_gv_context_t *orgchart_gv_context(void);

/// The Graphviz version string of the context ("2.43.0").
const char *orgchart_gv_version(orgchart_gv_context_t *gvc);

/// Reads DOT `text`, lays it out with `engine` and renders it as `format` into a new buffer.
/// Frees the graph and layout of the previous render first; those of this render are freed by
/// the next one (or not at all, if the process exits first). On success returns 0 and sets `*result`
/// (free it with orgchart_gv_free) and `*length`. On failure returns -1 and sets `*stage` to
/// 1 (reading), 2 (layout) or 3 (rendering); the messages are in orgchart_gv_captured().
/// Hides the type of gvRenderData's length argument: `unsigned int *` before Graphviz 13,
/// `size_t *` from 13 on.
int orgchart_gv_render(orgchart_gv_context_t *gvc, const char *text, const char *engine, const char *format,
                       char **result, size_t *length, int *stage);

/// Frees a buffer returned by orgchart_gv_render (NULL is allowed).
void orgchart_gv_free(char *data);

/// The warnings and errors Graphviz reported during the last orgchart_gv_render, one per line
/// (never NULL).
const char *orgchart_gv_captured(void);

#endif
