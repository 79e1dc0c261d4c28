#include "orgchart_text.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

/* The stable entry points and public structures of glib, pango (>= 1.44) and cairo this file
   uses, declared here (as orgchart_cairo.h does) so that the package builds without their
   development headers' compiler flags. The structures are pango's public, documented ones. */
typedef struct _GList { void *data; struct _GList *next, *prev; } GList;
typedef struct _GHashTable GHashTable;
typedef unsigned int (*GHashFunc)(const void *key);
typedef int (*GEqualFunc)(const void *a, const void *b);
typedef void (*GDestroyNotify)(void *data);
void g_object_unref(void *object);
void cairo_set_source_rgb(cairo_t *cr, double red, double green, double blue);
void g_list_free(GList *list);
void g_list_free_full(GList *list, GDestroyNotify free_func);
void *g_object_ref(void *object);
GHashTable *g_hash_table_new_full(GHashFunc hash, GEqualFunc equal, GDestroyNotify free_key, GDestroyNotify free_value);
void *g_hash_table_lookup(GHashTable *table, const void *key);
int g_hash_table_insert(GHashTable *table, void *key, void *value);
void g_hash_table_remove_all(GHashTable *table);
void g_hash_table_unref(GHashTable *table);
unsigned int g_str_hash(const void *key);
int g_str_equal(const void *a, const void *b);

typedef struct _PangoContext PangoContext;
typedef struct _PangoFontDescription PangoFontDescription;
typedef struct _PangoAttrList PangoAttrList;
typedef struct {
    void *shape_engine, *lang_engine;
    void *font;
    uint8_t level, gravity, flags, script;
    void *language;
    void *extra_attrs;
} PangoAnalysis;
typedef struct { int offset, length, num_chars; PangoAnalysis analysis; } PangoItem;
typedef struct { int32_t width, x_offset, y_offset; } PangoGlyphGeometry;
typedef struct { uint32_t glyph; PangoGlyphGeometry geometry; uint32_t attr; } PangoGlyphInfo;
typedef struct { int num_glyphs; PangoGlyphInfo *glyphs; int *log_clusters; int space; } PangoGlyphString;
PangoContext *pango_cairo_create_context(cairo_t *cr);
void pango_cairo_update_context(cairo_t *cr, PangoContext *context);
cairo_scaled_font_t *pango_cairo_font_get_scaled_font(void *font);
PangoFontDescription *pango_font_description_new(void);
void pango_font_description_set_family(PangoFontDescription *desc, const char *family);
void pango_font_description_set_weight(PangoFontDescription *desc, int weight);
void pango_font_description_set_absolute_size(PangoFontDescription *desc, double size);
void pango_font_description_free(PangoFontDescription *desc);
void pango_context_set_font_description(PangoContext *context, const PangoFontDescription *desc);
PangoAttrList *pango_attr_list_new(void);
void pango_attr_list_unref(PangoAttrList *list);
int pango_find_base_dir(const char *text, int length);
GList *pango_itemize_with_base_dir(PangoContext *context, int base_dir, const char *text, int start_index, int length,
                                   PangoAttrList *attrs, void *cached_iter);
GList *pango_reorder_items(GList *items);
void pango_item_free(void *item);
PangoGlyphString *pango_glyph_string_new(void);
void pango_glyph_string_free(PangoGlyphString *string);
void pango_shape_with_flags(const char *item_text, int item_length, const char *paragraph_text, int paragraph_length,
                            const PangoAnalysis *analysis, PangoGlyphString *glyphs, int flags);
void cairo_set_scaled_font(cairo_t *cr, const cairo_scaled_font_t *scaled_font);
void cairo_show_glyphs(cairo_t *cr, const cairo_glyph_t *glyphs, int num_glyphs);
void cairo_show_text_glyphs(cairo_t *cr, const char *utf8, int utf8_len, const cairo_glyph_t *glyphs, int num_glyphs,
                            const cairo_text_cluster_t *clusters, int num_clusters, int cluster_flags);
void cairo_save(cairo_t *cr);
void cairo_restore(cairo_t *cr);
void cairo_translate(cairo_t *cr, double tx, double ty);
void cairo_rotate(cairo_t *cr, double angle);
void cairo_new_path(cairo_t *cr);
void cairo_rectangle(cairo_t *cr, double x, double y, double width, double height);
void cairo_set_line_width(cairo_t *cr, double width);
void cairo_set_dash(cairo_t *cr, const double *dashes, int num_dashes, double offset);
void cairo_stroke(cairo_t *cr);

#define PANGO_SCALE 1024
#define PANGO_WEIGHT_NORMAL 400
#define PANGO_WEIGHT_BOLD 700
#define PANGO_DIRECTION_LTR 0
#define PANGO_DIRECTION_RTL 1
#define PANGO_SHAPE_ROUND_POSITIONS 1
#define PANGO_GLYPH_EMPTY 0x0FFFFFFFu
#define PANGO_GLYPH_UNKNOWN_FLAG 0x10000000u
#define CAIRO_TEXT_CLUSTER_FLAG_BACKWARD 1

/* A font texts are set in, as pango describes it. */
typedef struct {
    char *family;
    double size;
    int bold;
    PangoFontDescription *description;
} font_t;

/* The glyphs, clusters, missing characters and runs of the text being shaped, in arrays kept
   from one text to the next. */
typedef struct {
    cairo_glyph_t *glyphs;
    int glyph_count, glyph_capacity;
    cairo_text_cluster_t *clusters;
    int cluster_count, cluster_capacity;
    missing_glyph_t *missing;
    int missing_count, missing_capacity;
    glyph_run_t *runs;
    int run_count, run_capacity;
} shaping_t;

struct typesetter {
    PangoContext *context;
    PangoAttrList *attributes;
    int shape_flags;
    font_t *fonts;
    int font_count, font_capacity;
    int current_font;      /* the context's font description: an index into fonts, -1 for none */
    /* Shaped texts by "FONT:TEXT" (FONT the index of the font in fonts); each key is kept in
       its shaped text's block. */
    GHashTable *shaped;
    char *key;
    size_t key_capacity;
    shaping_t shaping;
};

int orgchart_reserve(void *items, int *capacity, int used, int count, size_t size) {
    if (used + count <= *capacity) return 1;
    int grown = *capacity ? *capacity : 256;
    while (grown < used + count) grown *= 2;
    void *more = realloc(*(void **)items, (size_t)grown * size);
    if (more == NULL) return 0;
    *(void **)items = more;
    *capacity = grown;
    return 1;
}

/* Frees a shaped text: one block with its arrays and key. */
static void shaped_free(void *value) {
    shaped_text_t *s = value;
    for (int i = 0; i < s->run_count; i++) g_object_unref(s->runs[i].font);
    free(s);
}

typesetter_t *typesetter_new(cairo_t *cr, int exact) {
    typesetter_t *t = calloc(1, sizeof *t);
    if (t == NULL) return NULL;
    t->context = pango_cairo_create_context(cr);
    t->attributes = pango_attr_list_new();
    t->shape_flags = exact ? 0 : PANGO_SHAPE_ROUND_POSITIONS;
    t->current_font = -1;
    t->shaped = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, shaped_free);
    return t;
}

void typesetter_update(typesetter_t *t, cairo_t *cr) {
    pango_cairo_update_context(cr, t->context);
    g_hash_table_remove_all(t->shaped);
}

void typesetter_free(typesetter_t *t) {
    if (t == NULL) return;
    g_hash_table_unref(t->shaped);
    for (int i = 0; i < t->font_count; i++) {
        pango_font_description_free(t->fonts[i].description);
        free(t->fonts[i].family);
    }
    free(t->fonts);
    pango_attr_list_unref(t->attributes);
    g_object_unref(t->context);
    free(t->key);
    free(t->shaping.glyphs);
    free(t->shaping.clusters);
    free(t->shaping.missing);
    free(t->shaping.runs);
    free(t);
}

/* The index of the font in t->fonts, added when new; -1 when memory ran out. */
static int font_index(typesetter_t *t, const char *family, double size, int bold) {
    for (int i = t->font_count - 1; i >= 0; i--) {
        const font_t *f = &t->fonts[i];
        if (f->size == size && f->bold == bold && strcmp(f->family, family) == 0) return i;
    }
    if (!orgchart_reserve(&t->fonts, &t->font_capacity, t->font_count, 1, sizeof *t->fonts)) return -1;
    font_t *f = &t->fonts[t->font_count];
    size_t bytes = strlen(family) + 1;
    f->family = malloc(bytes);
    if (f->family == NULL) return -1;
    memcpy(f->family, family, bytes);
    f->size = size;
    f->bold = bold;
    f->description = pango_font_description_new();
    pango_font_description_set_family(f->description, family);
    pango_font_description_set_weight(f->description, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(f->description, size * PANGO_SCALE);
    return t->font_count++;
}

/* True for the glyphs pango draws: not the empty glyph of zero-width characters, nor a
   character no font has. */
static int drawn(uint32_t glyph) {
    return glyph != PANGO_GLYPH_EMPTY && !(glyph & PANGO_GLYPH_UNKNOWN_FLAG);
}

/* Appends the clusters of one shaped item, in logical order, the glyphs pango draws (not empty or
   unknown ones) placed from `pen`, and the characters no font has, to `s`; 0 when memory ran
   out. The clusters cover the item's bytes exactly; glyphs whose clusters do not follow the
   text's order make the item one cluster. */
static int add_item(shaping_t *s, const PangoItem *item, const PangoGlyphString *g, double pen) {
    int backward = item->analysis.level & 1, n = g->num_glyphs;
    if (!orgchart_reserve(&s->clusters, &s->cluster_capacity, s->cluster_count, n > 0 ? n : 1, sizeof *s->clusters)
        || !orgchart_reserve(&s->glyphs, &s->glyph_capacity, s->glyph_count, n, sizeof *s->glyphs)
        || !orgchart_reserve(&s->missing, &s->missing_capacity, s->missing_count, n, sizeof *s->missing)) return 0;
    double x = pen;
    int first_glyph = s->glyph_count;
    for (int i = 0; i < n; i++) {
        const PangoGlyphInfo *info = &g->glyphs[i];
        if (drawn(info->glyph)) {
            s->glyphs[s->glyph_count++] = (cairo_glyph_t){
                .index = info->glyph, .x = x + (double)info->geometry.x_offset / PANGO_SCALE, .y = (double)info->geometry.y_offset / PANGO_SCALE };
        } else if (info->glyph != PANGO_GLYPH_EMPTY) {
            s->missing[s->missing_count++] = (missing_glyph_t){ .x = x, .width = (double)info->geometry.width / PANGO_SCALE };
        }
        x += (double)info->geometry.width / PANGO_SCALE;
    }
    /* Clusters in logical order: glyphs from the end when the item runs right to left. */
    int start = s->cluster_count, count = start, at = 0, ordered = 1;
    for (int k = 0; k < n; k++) {
        int i = backward ? n - 1 - k : k;
        int byte = g->log_clusters[i];
        if (k == 0 || byte != at) {
            if (k > 0) {
                if (byte < at || byte > item->length) { ordered = 0; break; }
                s->clusters[count - 1].num_bytes = byte - at;
            }
            s->clusters[count++] = (cairo_text_cluster_t){ .num_bytes = 0, .num_glyphs = 0 };
            at = k == 0 ? 0 : byte;
        }
        s->clusters[count - 1].num_glyphs += drawn(g->glyphs[i].glyph);
    }
    if (ordered && count > start) {
        s->clusters[count - 1].num_bytes = item->length - at;
        if (s->clusters[count - 1].num_bytes <= 0 && s->clusters[count - 1].num_glyphs == 0) ordered = 0;
    }
    if (!ordered || count == start) {
        count = start;
        s->clusters[count++] = (cairo_text_cluster_t){ .num_bytes = item->length, .num_glyphs = s->glyph_count - first_glyph };
    }
    s->cluster_count = count;
    return 1;
}

/* The text shaped in t->shaping as one block holding its arrays and `key`, whose part after
   the font's index is the text. */
static shaped_text_t *packed(const shaping_t *s, const char *key, double width, double size) {
    size_t glyphs = (size_t)s->glyph_count * sizeof *s->glyphs, runs = (size_t)s->run_count * sizeof *s->runs;
    size_t missing = (size_t)s->missing_count * sizeof *s->missing, clusters = (size_t)s->cluster_count * sizeof *s->clusters;
    size_t key_bytes = strlen(key) + 1;
    char *block = malloc(sizeof(shaped_text_t) + glyphs + runs + missing + clusters + key_bytes);
    if (block == NULL) return NULL;
    shaped_text_t *t = (shaped_text_t *)block;
    char *at = block + sizeof *t;
    *t = (shaped_text_t){ .width = width, .size = size, .missing_count = s->missing_count, .run_count = s->run_count };
    t->glyphs = (cairo_glyph_t *)at;
    if (glyphs) memcpy(at, s->glyphs, glyphs);
    t->runs = (glyph_run_t *)(at += glyphs);
    if (runs) memcpy(at, s->runs, runs);
    t->missing = (missing_glyph_t *)(at += runs);
    if (missing) memcpy(at, s->missing, missing);
    t->clusters = (cairo_text_cluster_t *)(at += missing);
    if (clusters) memcpy(at, s->clusters, clusters);
    memcpy(at += clusters, key, key_bytes);
    t->text = strchr(at, ':') + 1;
    return t;
}

/* Shapes `text` (`length` bytes) in the context's font, kept under `key`. */
static shaped_text_t *shape(typesetter_t *t, const char *text, int length, const char *key, double size) {
    shaping_t *s = &t->shaping;
    s->glyph_count = s->cluster_count = s->missing_count = s->run_count = 0;
    int direction = pango_find_base_dir(text, length) == PANGO_DIRECTION_RTL ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;
    GList *logical = pango_itemize_with_base_dir(t->context, direction, text, 0, length, t->attributes, NULL);
    GList *visual = pango_reorder_items(logical);
    g_list_free(logical);
    PangoGlyphString *glyphs = pango_glyph_string_new();
    int failed = 0;
    double pen = 0;
    for (GList *l = visual; l != NULL && !failed; l = l->next) {
        const PangoItem *item = l->data;
        pango_shape_with_flags(text + item->offset, item->length, text, length, &item->analysis, glyphs, t->shape_flags);
        if (!orgchart_reserve(&s->runs, &s->run_capacity, s->run_count, 1, sizeof *s->runs)) { failed = 1; break; }
        glyph_run_t *run = &s->runs[s->run_count];
        *run = (glyph_run_t){ .glyph_start = s->glyph_count, .cluster_start = s->cluster_count, .byte_start = item->offset,
                              .byte_count = item->length, .backward = item->analysis.level & 1 };
        if (!add_item(s, item, glyphs, pen)) { failed = 1; break; }
        for (int i = 0; i < glyphs->num_glyphs; i++) pen += (double)glyphs->glyphs[i].geometry.width / PANGO_SCALE;
        run->glyph_count = s->glyph_count - run->glyph_start;
        run->cluster_count = s->cluster_count - run->cluster_start;
        run->scaled = item->analysis.font ? pango_cairo_font_get_scaled_font(item->analysis.font) : NULL;
        if (run->scaled == NULL) continue;    /* a font cairo cannot draw: the run is left out */
        run->font = item->analysis.font;
        s->run_count++;
    }
    pango_glyph_string_free(glyphs);
    shaped_text_t *shaped = failed ? NULL : packed(s, key, pen, size);
    /* The runs keep their fonts, which the items are about to let go. */
    for (int i = 0; shaped != NULL && i < shaped->run_count; i++) g_object_ref(shaped->runs[i].font);
    g_list_free_full(visual, pango_item_free);
    return shaped;
}

const shaped_text_t *typesetter_shape(typesetter_t *t, const char *text, const char *family, double size, int bold) {
    size_t length = strlen(text);
    int font = font_index(t, family, size, bold);
    if (length == 0 || length > INT32_MAX / 2 || font < 0) return NULL;
    if (length + 16 > t->key_capacity) {
        char *grown = realloc(t->key, length + 16);
        if (grown == NULL) return NULL;
        t->key = grown;
        t->key_capacity = length + 16;
    }
    snprintf(t->key, t->key_capacity, "%d:%s", font, text);
    shaped_text_t *s = g_hash_table_lookup(t->shaped, t->key);
    if (s != NULL) return s;
    if (t->current_font != font) {
        pango_context_set_font_description(t->context, t->fonts[font].description);
        t->current_font = font;
    }
    s = shape(t, text, (int)length, t->key, t->fonts[font].size);
    if (s == NULL) return NULL;
    /* The key is the copy in the block, just before the text. */
    size_t prefix = strlen(t->key) - length;
    g_hash_table_insert(t->shaped, s->text - prefix, s);
    return s;
}

/* A batch is drawn when it holds this many glyphs: a few operations more, much less memory. */
#define MOST_GLYPHS 8192

void glyph_batch_flush(glyph_batch_t *b, cairo_t *cr) {
    if (b->glyph_count == 0) {
        b->cluster_count = b->byte_count = 0;
        return;
    }
    cairo_set_source_rgb(cr, b->rgb[0], b->rgb[1], b->rgb[2]);
    cairo_set_scaled_font(cr, b->scaled);
    if (b->with_text) {
        cairo_show_text_glyphs(cr, b->bytes, b->byte_count, b->glyphs, b->glyph_count, b->clusters, b->cluster_count,
                               b->backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : 0);
    } else {
        cairo_show_glyphs(cr, b->glyphs, b->glyph_count);
    }
    b->glyph_count = b->cluster_count = b->byte_count = 0;
}

void glyph_batch_add(glyph_batch_t *b, cairo_t *cr, const shaped_text_t *text, double x, double y, const double rgb[3]) {
    for (int r = 0; r < text->run_count; r++) {
        const glyph_run_t *run = &text->runs[r];
        if (b->glyph_count >= MOST_GLYPHS) glyph_batch_flush(b, cr);
        if (b->scaled != run->scaled || b->backward != run->backward || memcmp(b->rgb, rgb, sizeof b->rgb) != 0) {
            glyph_batch_flush(b, cr);
            b->scaled = run->scaled;
            b->backward = run->backward;
            memcpy(b->rgb, rgb, sizeof b->rgb);
        }
        if (!orgchart_reserve(&b->glyphs, &b->glyph_capacity, b->glyph_count, run->glyph_count, sizeof *b->glyphs)
            || (b->with_text && (!orgchart_reserve(&b->clusters, &b->cluster_capacity, b->cluster_count, run->cluster_count, sizeof *b->clusters)
                                 || !orgchart_reserve(&b->bytes, &b->byte_capacity, b->byte_count, run->byte_count, 1)))) {
            b->failed = 1;
            return;
        }
        for (int i = 0; i < run->glyph_count; i++) {
            cairo_glyph_t glyph = text->glyphs[run->glyph_start + i];
            glyph.x += x;
            glyph.y += y;
            b->glyphs[b->glyph_count++] = glyph;
        }
        if (b->with_text) {
            memcpy(b->clusters + b->cluster_count, text->clusters + run->cluster_start, (size_t)run->cluster_count * sizeof *b->clusters);
            b->cluster_count += run->cluster_count;
            memcpy(b->bytes + b->byte_count, text->text + run->byte_start, (size_t)run->byte_count);
            b->byte_count += run->byte_count;
        }
    }
}

void glyph_batch_apart(glyph_batch_t *b, cairo_t *cr, const shaped_text_t *text, double x, double y, const double rgb[3], int turned) {
    glyph_batch_flush(b, cr);
    cairo_save(cr);
    cairo_translate(cr, x, y);
    if (turned) cairo_rotate(cr, -M_PI / 2);
    glyph_batch_add(b, cr, text, 0, 0, rgb);
    glyph_batch_flush(b, cr);
    if (text->missing_count > 0) {
        /* As tall as a capital letter, a little narrower than the character's advance. */
        double height = 0.7 * text->size, margin = 0.08 * text->size;
        cairo_new_path(cr);
        for (int i = 0; i < text->missing_count; i++) {
            const missing_glyph_t *m = &text->missing[i];
            cairo_rectangle(cr, m->x + margin, -height, fmax(m->width - 2 * margin, margin), height);
        }
        cairo_set_line_width(cr, text->size / 14);
        cairo_set_dash(cr, NULL, 0, 0);
        cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
        cairo_stroke(cr);
    }
    cairo_restore(cr);
}

void glyph_batch_free(glyph_batch_t *b) {
    free(b->glyphs);
    free(b->clusters);
    free(b->bytes);
}
