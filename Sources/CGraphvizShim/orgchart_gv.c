#include "orgchart_gv.h"
#include "orgchart_read.h"
#include <gvc.h>
#include <cgraph.h>
#include <stdlib.h>
#include <string.h>

typedef int (*render_uint_fn)(GVC_t *, graph_t *, const char *, char **, unsigned int *);
typedef int (*render_size_fn)(GVC_t *, graph_t *, const char *, char **, size_t *);

static int render_with_size(GVC_t *gvc, graph_t *g, const char *format, char **result, size_t *length) {
    return ((render_size_fn)&gvRenderData)(gvc, g, format, result, length);
}

static int render_with_uint(GVC_t *gvc, graph_t *g, const char *format, char **result, size_t *length) {
    unsigned int n = 0;
    int rc = ((render_uint_fn)&gvRenderData)(gvc, g, format, result, &n);
    *length = n;
    return rc;
}

/* Chosen at compile time from the declared type of gvRenderData. */
#define RENDER_DATA _Generic(&gvRenderData, render_size_fn: render_with_size, default: render_with_uint)

static char *captured = NULL;
static size_t captured_len = 0;

static int collect(char *message) {
    size_t n = strlen(message);
    char *grown = realloc(captured, captured_len + n + 1);
    if (grown == NULL) return 0;
    captured = grown;
    memcpy(captured + captured_len, message, n);
    captured_len += n;
    captured[captured_len] = '\0';
    return 0;
}

static void capture_begin(void) {
    free(captured);
    captured = NULL;
    captured_len = 0;
    agreseterrors();
    agseterr(AGWARN);
    agseterrf(collect);
}

orgchart_gv_context_t *orgchart_gv_context(void) {
    capture_begin();
    return (orgchart_gv_context_t *)gvContext();
}

const char *orgchart_gv_version(orgchart_gv_context_t *gvc) {
    char **info = gvcInfo((GVC_t *)gvc);
    return (info != NULL && info[1] != NULL) ? info[1] : "unknown";
}

int orgchart_gv_render(orgchart_gv_context_t *context, const char *text, const char *engine, const char *format,
                       char **result, size_t *length, int *stage) {
    GVC_t *gvc = (GVC_t *)context;
    *result = NULL;
    *length = 0;
    capture_begin();
    graph_t *g = orgchart_read_dot(text);
    if (g == NULL || agerrors() >= AGERR) {
        if (g != NULL) agclose(g);
        *stage = 1;
        return -1;
    }
    if (gvLayout(gvc, g, engine) != 0 || agerrors() >= AGERR) {
        gvFreeLayout(gvc, g);
        agclose(g);
        *stage = 2;
        return -1;
    }
    int rc = RENDER_DATA(gvc, g, format, result, length);
    gvFreeLayout(gvc, g);
    agclose(g);
    if (rc != 0 || *result == NULL || agerrors() >= AGERR) {
        if (*result != NULL) gvFreeRenderData(*result);
        *result = NULL;
        *length = 0;
        *stage = 3;
        return -1;
    }
    return 0;
}

void orgchart_gv_free(char *data) {
    if (data != NULL) gvFreeRenderData(data);
}

const char *orgchart_gv_captured(void) {
    return captured == NULL ? "" : captured;
}
