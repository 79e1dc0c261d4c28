#ifndef ORGCHART_TEXT_H
#define ORGCHART_TEXT_H

/* Lines of text shaped once by pango and set by cairo as runs of glyphs, many texts of one font
   and colour to one cairo operation. Private to this target. */
#include <stddef.h>

typedef struct _cairo cairo_t;

typedef struct _cairo_scaled_font cairo_scaled_font_t;
typedef struct { unsigned long index; double x, y; } cairo_glyph_t;
typedef struct { int num_bytes; int num_glyphs; } cairo_text_cluster_t;

/* The glyphs of one font and direction in a shaped line, and the bytes of text they show. */
typedef struct {
    void *font;                   /* the PangoFont, referenced */
    cairo_scaled_font_t *scaled;  /* the font as cairo draws it, owned by `font` */
    int backward;                 /* right to left: the clusters take glyphs from the end */
    int glyph_start, glyph_count;
    int cluster_start, cluster_count;
    int byte_start, byte_count;
} glyph_run_t;

/* A character no font has, drawn as an empty box: where it starts along the baseline, and its
   advance, in points. */
typedef struct { double x, width; } missing_glyph_t;

/* One line of text shaped in one font: its runs in visual order, glyph positions from the start
   of its baseline, in points. */
typedef struct {
    double width;
    double size;
    int missing_count;
    missing_glyph_t *missing;
    char *text;
    int run_count;
    glyph_run_t *runs;
    cairo_glyph_t *glyphs;
    cairo_text_cluster_t *clusters;
} shaped_text_t;

/* Makes room for `count` more elements of `size` bytes in the array at *items, which holds `used`
   of *capacity (both grown, doubling); 0 when memory ran out. */
int orgchart_reserve(void *items, int *capacity, int used, int count, size_t size);

typedef struct typesetter typesetter_t;

/* A typesetter for the surface of `cr`; `exact` 1 keeps pango's glyph positions unrounded, as
   the layout measured the text and as a PDF places it. */
typesetter_t *typesetter_new(cairo_t *cr, int exact);
/* Takes the transformation of `cr` for the texts to come; shaped texts are forgotten. */
void typesetter_update(typesetter_t *t, cairo_t *cr);
/* `text` shaped in `family`, `size` points, bold or not; the typesetter keeps it until it is
   updated or freed. NULL when the text has no glyph or memory ran out. */
const shaped_text_t *typesetter_shape(typesetter_t *t, const char *text, const char *family, double size, int bold);
void typesetter_free(typesetter_t *t);

/* Glyph runs waiting to be drawn together, all of one font, colour and direction. */
typedef struct {
    cairo_scaled_font_t *scaled;
    double rgb[3];
    int backward;
    int with_text;    /* 1 to give cairo the text of the glyphs (a PDF, to copy and search it) */
    cairo_glyph_t *glyphs;
    int glyph_count, glyph_capacity;
    cairo_text_cluster_t *clusters;
    int cluster_count, cluster_capacity;
    char *bytes;
    int byte_count, byte_capacity;
    int failed;
} glyph_batch_t;

/* Adds the runs of `text` with the start of its baseline at (x, y) in colour `rgb`; runs of
   another font, colour or direction than the batch's draw the batch first. */
void glyph_batch_add(glyph_batch_t *b, cairo_t *cr, const shaped_text_t *text, double x, double y, const double rgb[3]);
/* Draws the waiting runs, if any. */
void glyph_batch_flush(glyph_batch_t *b, cairo_t *cr);
/* Draws `text` from (x, y) now, turned a quarter counter-clockwise about (x, y) to read upwards
   when `turned`, with a box for every character no font has. */
void glyph_batch_apart(glyph_batch_t *b, cairo_t *cr, const shaped_text_t *text, double x, double y, const double rgb[3], int turned);
void glyph_batch_free(glyph_batch_t *b);

#endif
