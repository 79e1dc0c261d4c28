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

/* True when `g` and every subgraph under it hold nothing that dot's cleanup would free besides
   their Agraphinfo_t record: no clusters, rank arrays, rank leaders, components or label. Rank-set
   subgraphs (`{ rank=same; … }`) are such; clusters are not. */
static int holds_no_dot_layout(graph_t *g) {
    Agraphinfo_t *info = (Agraphinfo_t *)aggetrec(g, "Agraphinfo_t", 0);
    if (info != NULL && (info->clust != NULL || info->rankleader != NULL || info->comp.list != NULL
                         || info->rank != NULL || info->label != NULL))
        return 0;
    for (graph_t *sub = agfstsubg(g); sub != NULL; sub = agnxtsubg(sub))
        if (!holds_no_dot_layout(sub)) return 0;
    return 1;
}

/* Frees the layout of `g`, then `g`.

   Freeing a layout deletes every node's and edge's layout record with agdelrec, which searches
   for the object in every subgraph of the graph to refresh stale record pointers: a chart with
   many rank sets pays nodes × subgraphs dictionary searches, 0.15 s for a 1,000-box tree with
   740 rank sets (longer than rendering it). For dot, the subgraphs that hold no layout data of
   their own are closed first, which frees exactly what dot's cleanup would have freed for them,
   so the layout is then freed in time linear in the graph. */
static void release(GVC_t *gvc, graph_t *g, int laid_out_by_dot) {
    if (laid_out_by_dot) {
        graph_t *next;
        for (graph_t *sub = agfstsubg(g); sub != NULL; sub = next) {
            next = agnxtsubg(sub);
            if (holds_no_dot_layout(sub)) agclose(sub);
        }
    }
    gvFreeLayout(gvc, g);
    agclose(g);
}

/* The graph of the last successful render, freed when the next render begins, as the dot
   command frees each graph when it reads the next: a process that renders one chart and exits
   does not spend time freeing it. */
static graph_t *pending = NULL;
static GVC_t *pending_gvc = NULL;
static int pending_dot = 0;

static void release_pending(void) {
    if (pending == NULL) return;
    release(pending_gvc, pending, pending_dot);
    pending = NULL;
    pending_gvc = NULL;
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
    release_pending();
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
    int laid_out_by_dot = strcmp(engine, "dot") == 0;
    if (rc != 0 || *result == NULL || agerrors() >= AGERR) {
        release(gvc, g, laid_out_by_dot);
        if (*result != NULL) gvFreeRenderData(*result);
        *result = NULL;
        *length = 0;
        *stage = 3;
        return -1;
    }
    pending = g;
    pending_gvc = gvc;
    pending_dot = laid_out_by_dot;
    return 0;
}

void orgchart_gv_free(char *data) {
    if (data != NULL) gvFreeRenderData(data);
}

const char *orgchart_gv_captured(void) {
    return captured == NULL ? "" : captured;
}
