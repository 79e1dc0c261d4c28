#include "orgchart_draw.h"
#include "orgchart_cairo.h"
#include "orgchart_text.h"
#include <zlib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

/* The entry points of cairo this file uses beyond orgchart_cairo.h's. */
cairo_surface_t *cairo_image_surface_create(int format, int width, int height);
void cairo_surface_set_device_offset(cairo_surface_t *surface, double x_offset, double y_offset);
void cairo_user_to_device(cairo_t *cr, double *x, double *y);
void cairo_surface_flush(cairo_surface_t *surface);
unsigned char *cairo_image_surface_get_data(cairo_surface_t *surface);
int cairo_image_surface_get_width(cairo_surface_t *surface);
int cairo_image_surface_get_height(cairo_surface_t *surface);
int cairo_image_surface_get_stride(cairo_surface_t *surface);
void cairo_save(cairo_t *cr);
void cairo_restore(cairo_t *cr);
void cairo_identity_matrix(cairo_t *cr);
void cairo_translate(cairo_t *cr, double tx, double ty);
void cairo_scale(cairo_t *cr, double sx, double sy);
void cairo_set_line_width(cairo_t *cr, double width);
void cairo_set_dash(cairo_t *cr, const double *dashes, int num_dashes, double offset);
void cairo_new_path(cairo_t *cr);
void cairo_new_sub_path(cairo_t *cr);
void cairo_move_to(cairo_t *cr, double x, double y);
void cairo_line_to(cairo_t *cr, double x, double y);
void cairo_curve_to(cairo_t *cr, double x1, double y1, double x2, double y2, double x3, double y3);
void cairo_arc(cairo_t *cr, double xc, double yc, double radius, double angle1, double angle2);
void cairo_rectangle(cairo_t *cr, double x, double y, double width, double height);
void cairo_close_path(cairo_t *cr);
void cairo_fill_preserve(cairo_t *cr);
void cairo_user_to_device_distance(cairo_t *cr, double *dx, double *dy);
void cairo_stroke(cairo_t *cr);
void cairo_stroke_preserve(cairo_t *cr);
void cairo_set_line_join(cairo_t *cr, int join);

#define CAIRO_FORMAT_RGB24 1
#define CAIRO_LINE_JOIN_MITER 0
#define CAIRO_LINE_JOIN_ROUND 1
/* On an image, text whose font size is under this many pixels is not drawn: its letters (about
   half the font size) would be under half a pixel, a faint smudge that costs as much to shape as
   readable text. */
#define SMALLEST_TEXT_PIXELS 1.0
/* The distance from a quarter circle's ends to its Bézier control points, for a radius of 1
   (4/3 tan(π/8), what cairo_arc uses for a quarter). */
#define QUARTER_CIRCLE 0.55228474983079

/* How shapes are filled and outlined: colours (a negative red component for none), line width
   and dashes (at most MAX_DASHES lengths; a theme's have two). */
#define MAX_DASHES 8
typedef struct {
    double fill[3], stroke[3];
    double width;
    double dashes[MAX_DASHES];
    int dash_count;
} paint_t;

/* A shape of a separate element, kept to be drawn with the others (see orgchart_draw_element). */
enum { RECT, ELLIPSE, PATH };
typedef struct {
    int kind;
    double v[5];             /* RECT: x, y, w, h, radius; ELLIPSE: cx, cy, rx, ry */
    int point_start, point_count, closed;    /* PATH: its points in `points` */
    int paint;               /* index in `paints` */
    double corner;           /* RECT on a PDF: the radius of its corners when drawn by rounded_boxes, else 0 */
    int depth;               /* how many shapes its element drew before it */
    int order;
} kept_shape_t;

/* A text of a separate element, kept to be drawn after the shapes. */
typedef struct {
    const shaped_text_t *text;
    double x, y, rgb[3];
    int turned;
    int group;               /* texts of one font, colour and direction share a group */
    int order;
} kept_text_t;

/* A growing array of `T`. */
#define ARRAY(T) struct { T *items; int count, capacity; }

struct orgchart_draw {
    cairo_surface_t *surface;
    cairo_t *cr;
    typesetter_t *typesetter;
    glyph_batch_t glyphs;
    double base_scale;
    int png;
    /* On an image, the rows of the whole image this drawing holds (all of them but for a band). */
    int top, rows;
    /* The line width and dashes of the shapes to come (orgchart_draw_stroke_style). */
    paint_t style;
    /* Consecutive shapes with the same paint are one path, filled and stroked once (cairo's
       work, and the PDF's operators, are per operation): the paint of the shapes in the
       current path, if any. */
    paint_t batch;
    int batched;
    /* Separate elements being drawn (orgchart_draw_element): their shapes, points, paints and
       texts, kept until the run of them ends; `depth` counts the shapes of the current one. */
    int separate, depth;
    ARRAY(kept_shape_t) shapes;
    ARRAY(double) points;
    ARRAY(paint_t) paints;
    ARRAY(kept_text_t) texts;
    ARRAY(kept_text_t) groups;    /* the first text of each group, for its font, colour and direction */
    int failed;
    buffer_t output;
};

/* Makes room for `more` items more in `array`; false (and the drawing failed) when memory ran out. */
#define GROW(d, array, more) \
    (orgchart_reserve(&(array).items, &(array).capacity, (array).count, (more), sizeof *(array).items) || ((d)->failed = 1, 0))

/* Fills and strokes the shapes of the current path, if any, with their paint. */
static void flush(orgchart_draw_t *d) {
    if (!d->batched) return;
    const paint_t *p = &d->batch;
    if (p->fill[0] >= 0) {
        cairo_set_source_rgb(d->cr, p->fill[0], p->fill[1], p->fill[2]);
        cairo_fill_preserve(d->cr);
    }
    if (p->stroke[0] >= 0) {
        cairo_set_line_width(d->cr, p->width);
        cairo_set_dash(d->cr, p->dashes, p->dash_count, 0);
        cairo_set_source_rgb(d->cr, p->stroke[0], p->stroke[1], p->stroke[2]);
        cairo_stroke(d->cr);
    }
    cairo_new_path(d->cr);
    d->batched = 0;
}

static int same_paint(const paint_t *a, const paint_t *b) {
    for (int i = 0; i < 3; i++) {
        if (a->fill[i] != b->fill[i] || a->stroke[i] != b->stroke[i]) return 0;
    }
    if (a->width != b->width || a->dash_count != b->dash_count) return 0;
    for (int i = 0; i < a->dash_count; i++) {
        if (a->dashes[i] != b->dashes[i]) return 0;
    }
    return 1;
}

/* The current style with these colours. */
static paint_t paint_of(const orgchart_draw_t *d, double fr, double fg, double fb, double sr, double sg, double sb) {
    paint_t p = d->style;
    p.fill[0] = fr < 0 ? -1 : fr; p.fill[1] = fr < 0 ? 0 : fg; p.fill[2] = fr < 0 ? 0 : fb;
    p.stroke[0] = sr < 0 ? -1 : sr; p.stroke[1] = sr < 0 ? 0 : sg; p.stroke[2] = sr < 0 ? 0 : sb;
    return p;
}

/* Starts a shape of paint `p`: it joins the current path when that has the same paint, else
   the current path (or the text waiting) is drawn first. Shapes of one path are drawn as they
   would be one by one, except where they overlap (fills before outlines), which shapes of one
   paint in a chart do not. */
static void start_shape(orgchart_draw_t *d, const paint_t *p) {
    glyph_batch_flush(&d->glyphs, d->cr);
    if (d->batched && same_paint(p, &d->batch)) return;
    flush(d);
    d->batch = *p;
    d->batched = 1;
}

static void rect_path(cairo_t *cr, double x, double y, double w, double h, double radius) {
    if (radius <= 0) { cairo_rectangle(cr, x, y, w, h); return; }
    double r = fmin(radius, fmin(w, h) / 2), k = r * QUARTER_CIRCLE;
    cairo_new_sub_path(cr);
    cairo_move_to(cr, x + w - r, y);
    cairo_curve_to(cr, x + w - r + k, y, x + w, y + r - k, x + w, y + r);
    cairo_line_to(cr, x + w, y + h - r);
    cairo_curve_to(cr, x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h);
    cairo_line_to(cr, x + r, y + h);
    cairo_curve_to(cr, x + r - k, y + h, x, y + h - r + k, x, y + h - r);
    cairo_line_to(cr, x, y + r);
    cairo_curve_to(cr, x, y + r - k, x + r - k, y, x + r, y);
    cairo_close_path(cr);
}

static void ellipse_path(cairo_t *cr, double cx, double cy, double rx, double ry) {
    cairo_new_sub_path(cr);
    cairo_save(cr);
    cairo_translate(cr, cx, cy);
    cairo_scale(cr, rx, ry);
    cairo_arc(cr, 0, 0, 1, 0, 2 * M_PI);
    cairo_restore(cr);
    cairo_close_path(cr);
}

static void line_path(cairo_t *cr, const double *xy, int count, int closed) {
    cairo_move_to(cr, xy[0], xy[1]);
    for (int i = 1; i < count; i++) cairo_line_to(cr, xy[2 * i], xy[2 * i + 1]);
    if (closed) cairo_close_path(cr);
}

/* True on an image when a shape between heights `y0` and `y1` (in user space), widened by its
   line, lies wholly above or below the rows the drawing holds: cairo would find nothing to fill
   there, after building and stroking its path. */
static int outside_rows(orgchart_draw_t *d, double y0, double y1) {
    if (!d->png) return 0;
    double x = 0, low = y0, high = y1, w = 0, line = d->style.width;
    cairo_user_to_device(d->cr, &x, &low);
    x = 0;
    cairo_user_to_device(d->cr, &x, &high);
    cairo_user_to_device_distance(d->cr, &w, &line);
    double margin = fabs(line) + 2;
    return fmax(low, high) + margin < d->top || fmin(low, high) - margin > d->top + d->rows;
}

/* Keeps a shape of a separate element of paint `p`, or returns NULL when not drawing separate
   elements (or memory ran out): the caller draws it now. */
static kept_shape_t *keep(orgchart_draw_t *d, int kind, const paint_t *p) {
    if (!d->separate) return NULL;
    int paint = d->paints.count - 1;
    while (paint >= 0 && !same_paint(&d->paints.items[paint], p)) paint--;
    if (paint < 0) {
        if (!GROW(d, d->paints, 1)) return NULL;
        paint = d->paints.count;
        d->paints.items[d->paints.count++] = *p;
    }
    if (!GROW(d, d->shapes, 1)) return NULL;
    kept_shape_t *shape = &d->shapes.items[d->shapes.count];
    *shape = (kept_shape_t){ .kind = kind, .paint = paint, .depth = d->depth++, .order = d->shapes.count };
    d->shapes.count++;
    return shape;
}

static int by_depth_and_paint(const void *a, const void *b) {
    const kept_shape_t *x = a, *y = b;
    if (x->depth != y->depth) return x->depth < y->depth ? -1 : 1;
    if (x->paint != y->paint) return x->paint < y->paint ? -1 : 1;
    if (x->corner != y->corner) return x->corner < y->corner ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static int by_group(const void *a, const void *b) {
    const kept_text_t *x = a, *y = b;
    if (x->group != y->group) return x->group < y->group ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* Sets a text: with the texts before it of its font, colour and direction, unless it is turned or
   shows a character no font has. */
static void set_text(orgchart_draw_t *d, const kept_text_t *t) {
    if (t->turned || t->text->missing_count > 0) glyph_batch_apart(&d->glyphs, d->cr, t->text, t->x, t->y, t->rgb, t->turned);
    else glyph_batch_add(&d->glyphs, d->cr, t->text, t->x, t->y, t->rgb);
}

/* The radius of a kept rectangle's corners when rounded_boxes can draw it (rounded, filled and
   outlined with a solid line, its sides longer than its corners), else 0. */
static double corner_of(const kept_shape_t *s, const paint_t *p) {
    if (s->kind != RECT || p->fill[0] < 0 || p->stroke[0] < 0 || p->dash_count > 0) return 0;
    double w = s->v[2], h = s->v[3], r = s->v[4];
    return r > p->width / 2 && w - 2 * r > 1e-3 && h - 2 * r > 1e-3 ? r : 0;
}

/* Draws rounded rectangles of paint `p` with corners of radius `r`, whose path is the current
   path, each inset by `r`: as its rectangle stroked with round joins, which makes the rounded
   corners, outwards to the outline's outer edge in the outline's colour, then filled and stroked
   to the outline's inner edge in the fill's. The same shapes as the filled and outlined rounded
   rectangles, with a quarter of the numbers (a PDF writes four curves a box otherwise). */
static void rounded_boxes(orgchart_draw_t *d, const paint_t *p, double r) {
    cairo_set_line_join(d->cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_dash(d->cr, NULL, 0, 0);
    cairo_set_line_width(d->cr, 2 * r + p->width);
    cairo_set_source_rgb(d->cr, p->stroke[0], p->stroke[1], p->stroke[2]);
    cairo_stroke_preserve(d->cr);
    cairo_set_source_rgb(d->cr, p->fill[0], p->fill[1], p->fill[2]);
    cairo_fill_preserve(d->cr);
    cairo_set_line_width(d->cr, 2 * r - p->width);
    cairo_stroke(d->cr);
    cairo_set_line_join(d->cr, CAIRO_LINE_JOIN_MITER);
}

/* Draws the separate elements kept: their shapes, the first shape of every element before the
   second, and so on, each of these layers one path per paint; then their texts, one glyph run
   per font, colour and direction, each in the order it was given. */
static void draw_separate(orgchart_draw_t *d) {
    if (!d->separate) return;
    d->separate = 0;
    for (int i = 0; i < d->shapes.count; i++) {
        d->shapes.items[i].corner = corner_of(&d->shapes.items[i], &d->paints.items[d->shapes.items[i].paint]);
    }
    qsort(d->shapes.items, (size_t)d->shapes.count, sizeof *d->shapes.items, by_depth_and_paint);
    for (int i = 0; i < d->shapes.count; i++) {
        const kept_shape_t *s = &d->shapes.items[i];
        if (s->corner > 0) {
            flush(d);
            int j = i;
            for (; j < d->shapes.count && d->shapes.items[j].depth == s->depth && d->shapes.items[j].paint == s->paint
                   && d->shapes.items[j].corner == s->corner; j++) {
                const double *v = d->shapes.items[j].v, r = s->corner;
                cairo_rectangle(d->cr, v[0] + r, v[1] + r, v[2] - 2 * r, v[3] - 2 * r);
            }
            rounded_boxes(d, &d->paints.items[s->paint], s->corner);
            i = j - 1;
            continue;
        }
        start_shape(d, &d->paints.items[s->paint]);
        switch (s->kind) {
        case RECT: rect_path(d->cr, s->v[0], s->v[1], s->v[2], s->v[3], s->v[4]); break;
        case ELLIPSE: ellipse_path(d->cr, s->v[0], s->v[1], s->v[2], s->v[3]); break;
        default: line_path(d->cr, d->points.items + s->point_start, s->point_count, s->closed); break;
        }
    }
    flush(d);
    qsort(d->texts.items, (size_t)d->texts.count, sizeof *d->texts.items, by_group);
    for (int i = 0; i < d->texts.count; i++) set_text(d, &d->texts.items[i]);
    glyph_batch_flush(&d->glyphs, d->cr);
    d->shapes.count = d->points.count = d->paints.count = d->texts.count = d->groups.count = 0;
}

/* Draws everything waiting: separate elements, the current path and text. */
static void draw_waiting(orgchart_draw_t *d) {
    draw_separate(d);
    flush(d);
    glyph_batch_flush(&d->glyphs, d->cr);
}

static orgchart_draw_t *start(orgchart_draw_t *d, cairo_surface_t *surface, double scale, int png) {
    d->surface = surface;
    d->cr = cairo_create(surface);
    d->base_scale = scale;
    d->png = png;
    d->glyphs.with_text = !png;
    white_page(d->cr);
    cairo_scale(d->cr, scale, scale);
    d->typesetter = typesetter_new(d->cr, 1);
    if (d->typesetter == NULL) d->failed = 1;
    return d;
}

orgchart_draw_t *orgchart_draw_pdf(double width, double height) {
    orgchart_draw_t *d = calloc(1, sizeof *d);
    if (d == NULL) return NULL;
    return start(d, cairo_pdf_surface_create_for_stream(append, &d->output, width, height), 1, 0);
}

orgchart_draw_t *orgchart_draw_png_band(int pixel_width, int top, int rows, double scale) {
    orgchart_draw_t *d = calloc(1, sizeof *d);
    if (d == NULL) return NULL;
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, pixel_width, rows);
    /* The band's first row is the image's row `top`: what is drawn above or below it falls outside. */
    cairo_surface_set_device_offset(surface, 0, -top);
    d->top = top;
    d->rows = rows;
    return start(d, surface, scale, 1);
}

void orgchart_draw_transform(orgchart_draw_t *d, double dx, double dy, double scale) {
    draw_waiting(d);
    cairo_identity_matrix(d->cr);
    cairo_scale(d->cr, d->base_scale, d->base_scale);
    cairo_translate(d->cr, dx, dy);
    cairo_scale(d->cr, scale, scale);
    /* A PDF's glyph advances do not depend on the scale (its metrics are not hinted): text is
       shaped once, at the scale it was first shaped at, whatever page it stands on. */
    if (d->typesetter && d->png) typesetter_update(d->typesetter, d->cr);
}

void orgchart_draw_next_page(orgchart_draw_t *d) {
    draw_waiting(d);
    cairo_show_page(d->cr);
    cairo_identity_matrix(d->cr);
    white_page(d->cr);
    cairo_scale(d->cr, d->base_scale, d->base_scale);
}

void orgchart_draw_element(orgchart_draw_t *d, int separate) {
    /* An image draws every element in order: cairo fills and strokes shapes on an image about as
       fast one by one, and keeping them would cost memory. */
    if (!separate || d->png) { draw_separate(d); return; }
    if (!d->separate) {
        draw_waiting(d);
        d->separate = 1;
    }
    d->depth = 0;
}

void orgchart_draw_stroke_style(orgchart_draw_t *d, double width, const double *dashes, int count) {
    paint_t style = {0};
    style.width = width;
    style.dash_count = count < MAX_DASHES ? count : MAX_DASHES;
    for (int i = 0; i < style.dash_count; i++) style.dashes[i] = dashes[i];
    d->style = style;
}

void orgchart_draw_rect(orgchart_draw_t *d, double x, double y, double w, double h, double radius,
                        double fr, double fg, double fb, double sr, double sg, double sb) {
    if (outside_rows(d, y, y + h)) return;
    paint_t p = paint_of(d, fr, fg, fb, sr, sg, sb);
    kept_shape_t *kept = keep(d, RECT, &p);
    if (kept) {
        memcpy(kept->v, (double[]){ x, y, w, h, radius }, sizeof kept->v);
        return;
    }
    start_shape(d, &p);
    rect_path(d->cr, x, y, w, h, radius);
}

void orgchart_draw_ellipse(orgchart_draw_t *d, double cx, double cy, double rx, double ry,
                           double fr, double fg, double fb, double sr, double sg, double sb) {
    if (rx <= 0 || ry <= 0 || outside_rows(d, cy - ry, cy + ry)) return;
    paint_t p = paint_of(d, fr, fg, fb, sr, sg, sb);
    kept_shape_t *kept = keep(d, ELLIPSE, &p);
    if (kept) {
        memcpy(kept->v, (double[]){ cx, cy, rx, ry, 0 }, sizeof kept->v);
        return;
    }
    start_shape(d, &p);
    ellipse_path(d->cr, cx, cy, rx, ry);
}

void orgchart_draw_path(orgchart_draw_t *d, const double *xy, int count, int closed,
                        double fr, double fg, double fb, double sr, double sg, double sb) {
    if (count < 2) return;
    if (d->png) {
        double low = xy[1], high = xy[1];
        for (int i = 1; i < count; i++) { low = fmin(low, xy[2 * i + 1]); high = fmax(high, xy[2 * i + 1]); }
        if (outside_rows(d, low, high)) return;
    }
    paint_t p = paint_of(d, closed ? fr : -1, fg, fb, sr, sg, sb);
    if (d->separate && GROW(d, d->points, 2 * count)) {
        kept_shape_t *kept = keep(d, PATH, &p);
        if (kept) {
            kept->point_start = d->points.count;
            kept->point_count = count;
            kept->closed = closed;
            memcpy(d->points.items + d->points.count, xy, 2 * (size_t)count * sizeof *xy);
            d->points.count += 2 * count;
            return;
        }
    }
    start_shape(d, &p);
    line_path(d->cr, xy, count, closed);
}

/* Whether two texts are set together: the font and direction of their first runs, their colour,
   whether they are turned. */
static int same_group(const kept_text_t *a, const kept_text_t *b) {
    const glyph_run_t *x = a->text->run_count ? &a->text->runs[0] : NULL, *y = b->text->run_count ? &b->text->runs[0] : NULL;
    if ((x == NULL) != (y == NULL) || (x && (x->scaled != y->scaled || x->backward != y->backward))) return 0;
    return a->turned == b->turned && memcmp(a->rgb, b->rgb, sizeof a->rgb) == 0;
}

/* The group of `text`, added when new. */
static int group_of(orgchart_draw_t *d, const kept_text_t *text) {
    for (int g = d->groups.count - 1; g >= 0; g--) {
        if (same_group(&d->groups.items[g], text)) return g;
    }
    if (!GROW(d, d->groups, 1)) return 0;
    d->groups.items[d->groups.count] = *text;
    return d->groups.count++;
}

void orgchart_draw_text(orgchart_draw_t *d, const char *text, const char *family, double size, int bold,
                        double x, double y, int anchor, int turned, double r, double g, double b) {
    if (d->png) {
        double dx = 0, dy = size;
        cairo_user_to_device_distance(d->cr, &dx, &dy);
        double pixels = hypot(dx, dy);
        if (pixels < SMALLEST_TEXT_PIXELS) return;
        /* Nor is a text along a baseline wholly above or below the rows of a band (its letters
           reach less than a font size above the baseline and below it). */
        double bx = x, by = y;
        cairo_user_to_device(d->cr, &bx, &by);
        if (!turned && (by < d->top - 2 * pixels || by > d->top + d->rows + 2 * pixels)) return;
    }
    const shaped_text_t *shaped = d->typesetter ? typesetter_shape(d->typesetter, text, family, size, bold) : NULL;
    if (shaped == NULL || (shaped->run_count == 0 && shaped->missing_count == 0)) return;
    /* Where the baseline starts, along it from (x, y): to the left, or turned, downwards. */
    double left = -(anchor == 1 ? shaped->width / 2 : anchor == 2 ? shaped->width : 0);
    kept_text_t kept = { .text = shaped, .x = turned ? x : x + left, .y = turned ? y - left : y, .rgb = { r, g, b },
                         .turned = turned, .order = d->texts.count };
    if (d->separate && GROW(d, d->texts, 1)) {
        kept.group = group_of(d, &kept);
        d->texts.items[d->texts.count++] = kept;
        return;
    }
    flush(d);
    set_text(d, &kept);
}

void orgchart_draw_end(orgchart_draw_t *d) {
    draw_waiting(d);
    if (d->glyphs.failed) d->failed = 1;
    glyph_batch_free(&d->glyphs);
    typesetter_free(d->typesetter);
    d->typesetter = NULL;
    free(d->shapes.items);
    free(d->points.items);
    free(d->paints.items);
    free(d->texts.items);
    free(d->groups.items);
    if (!d->png) cairo_show_page(d->cr);
    cairo_destroy(d->cr);
    if (!d->png) cairo_surface_finish(d->surface);
}

/* Deflates `length` bytes at `data` into `part`, growing its buffer as needed; `flush` as deflate's. */
static int deflate_into(z_stream *stream, const unsigned char *data, size_t length, int flush, buffer_t *part) {
    stream->next_in = (unsigned char *)data;
    stream->avail_in = (unsigned int)length;
    do {
        if (part->capacity - part->length < 65536) {
            size_t capacity = part->capacity ? part->capacity * 2 : 262144;
            unsigned char *grown = realloc(part->data, capacity);
            if (grown == NULL) return -1;
            part->data = grown;
            part->capacity = capacity;
        }
        stream->next_out = part->data + part->length;
        stream->avail_out = (unsigned int)(part->capacity - part->length);
        int status = deflate(stream, flush);
        if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) return -1;
        part->length = part->capacity - stream->avail_out;
    } while (stream->avail_out == 0 || stream->avail_in > 0);
    return 0;
}

/* The rows of the image as PNG scanlines (unfiltered RGB), deflated at level 3 as a raw stream
   of their own, ended byte-aligned (the last part: ended). A chart is mostly areas of one colour,
   which deflate finds as repeats without filtering (libpng's default, five filters tried on every
   row and level 6, took half the time of a PNG of 20,000 boxes for a file no smaller). */
static int deflate_rows(cairo_surface_t *surface, int last, orgchart_png_part_t *part) {
    cairo_surface_flush(surface);
    const unsigned char *data = cairo_image_surface_get_data(surface);
    int width = cairo_image_surface_get_width(surface), height = cairo_image_surface_get_height(surface);
    int stride = cairo_image_surface_get_stride(surface);
    if (data == NULL) return -1;
    z_stream stream = {0};
    if (deflateInit2(&stream, 3, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return -1;
    unsigned char *row = malloc(1 + (size_t)width * 3);
    buffer_t out = {0};
    unsigned long adler = adler32(0, NULL, 0);
    int status = row == NULL ? -1 : 0;
    for (int y = 0; y < height && status == 0; y++) {
        const uint32_t *pixels = (const uint32_t *)(data + (size_t)y * stride);
        row[0] = 0;
        for (int x = 0; x < width; x++) {
            row[1 + 3 * x] = pixels[x] >> 16 & 0xFF;
            row[2 + 3 * x] = pixels[x] >> 8 & 0xFF;
            row[3 + 3 * x] = pixels[x] & 0xFF;
        }
        adler = adler32(adler, row, 1 + (unsigned int)width * 3);
        status = deflate_into(&stream, row, 1 + (size_t)width * 3, y + 1 < height ? Z_NO_FLUSH : last ? Z_FINISH : Z_SYNC_FLUSH, &out);
    }
    if (height == 0 && status == 0) status = deflate_into(&stream, NULL, 0, last ? Z_FINISH : Z_SYNC_FLUSH, &out);
    deflateEnd(&stream);
    free(row);
    if (status != 0) { free(out.data); return -1; }
    part->data = out.data;
    part->length = out.length;
    part->adler = adler;
    part->raw_length = (size_t)height * (1 + (size_t)width * 3);
    return 0;
}

int orgchart_png_part(orgchart_draw_t *d, int last, orgchart_png_part_t *part, char *error, size_t error_size) {
    memset(part, 0, sizeof *part);
    int status = 0;
    if (cairo_surface_status(d->surface) != 0 || d->failed) {
        snprintf(error, error_size, "%s", d->failed ? "out of memory" : cairo_status_to_string(cairo_surface_status(d->surface)));
        status = -1;
    } else if (deflate_rows(d->surface, last, part) != 0) {
        snprintf(error, error_size, "out of memory");
        status = -1;
    }
    cairo_surface_destroy(d->surface);
    free(d->output.data);
    free(d);
    return status;
}

/* Appends a big-endian 32-bit number. */
static void put32(unsigned char *at, unsigned long value) {
    at[0] = value >> 24 & 0xFF; at[1] = value >> 16 & 0xFF; at[2] = value >> 8 & 0xFF; at[3] = value & 0xFF;
}

/* Appends a PNG chunk of `type` whose data is `count` pieces. */
static void put_chunk(buffer_t *out, const char *type, const unsigned char *const *pieces, const size_t *lengths, int count) {
    size_t total = 0;
    for (int i = 0; i < count; i++) total += lengths[i];
    unsigned char word[4];
    put32(word, total);
    append(out, word, 4);
    unsigned long crc = crc32(0, (const unsigned char *)type, 4);
    append(out, (const unsigned char *)type, 4);
    for (int i = 0; i < count; i++) {
        for (size_t done = 0; done < lengths[i]; done += 1u << 30) {
            unsigned int n = (unsigned int)(lengths[i] - done < (1u << 30) ? lengths[i] - done : 1u << 30);
            crc = crc32(crc, pieces[i] + done, n);
            append(out, pieces[i] + done, n);
        }
    }
    put32(word, crc);
    append(out, word, 4);
}

int orgchart_png_file(orgchart_png_part_t *parts, int count, int width, int height, unsigned char **result, size_t *length) {
    buffer_t out = {0};
    static const unsigned char signature[8] = { 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
    append(&out, signature, 8);
    unsigned char header[13] = { 0 };
    put32(header, (unsigned long)width);
    put32(header + 4, (unsigned long)height);
    header[8] = 8;    /* bits per sample */
    header[9] = 2;    /* RGB */
    put_chunk(&out, "IHDR", (const unsigned char *[]){ header }, (size_t[]){ 13 }, 1);
    /* One zlib stream (level 3's header) of the parts one after the other, and their checksum. */
    const unsigned char **pieces = malloc(((size_t)count + 2) * sizeof *pieces);
    size_t *lengths = malloc(((size_t)count + 2) * sizeof *lengths);
    static const unsigned char zlib_header[2] = { 0x78, 0x5E };
    unsigned char check[4];
    unsigned long adler = adler32(0, NULL, 0);
    if (pieces && lengths) {
        pieces[0] = zlib_header;
        lengths[0] = 2;
        for (int i = 0; i < count; i++) {
            pieces[1 + i] = parts[i].data;
            lengths[1 + i] = parts[i].length;
            adler = adler32_combine(adler, parts[i].adler, (z_off_t)parts[i].raw_length);
        }
        put32(check, adler);
        pieces[count + 1] = check;
        lengths[count + 1] = 4;
        put_chunk(&out, "IDAT", pieces, lengths, count + 2);
        put_chunk(&out, "IEND", NULL, NULL, 0);
    }
    int failed = pieces == NULL || lengths == NULL || out.failed;
    free(pieces);
    free(lengths);
    for (int i = 0; i < count; i++) free(parts[i].data);
    if (failed) { free(out.data); return -1; }
    *result = out.data;
    *length = out.length;
    return 0;
}

int orgchart_draw_finish(orgchart_draw_t *d, unsigned char **result, size_t *length, char *error, size_t error_size) {
    *result = NULL;
    *length = 0;
    int status = 0;
    if (cairo_surface_status(d->surface) != 0 || d->output.failed || d->failed) {
        snprintf(error, error_size, "%s", d->output.failed || d->failed ? "out of memory" : cairo_status_to_string(cairo_surface_status(d->surface)));
        status = -1;
    }
    cairo_surface_destroy(d->surface);
    if (status == 0) {
        *result = d->output.data;
        *length = d->output.length;
    } else {
        free(d->output.data);
    }
    free(d);
    return status;
}
