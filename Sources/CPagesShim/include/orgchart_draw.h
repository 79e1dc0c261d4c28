#ifndef ORGCHART_DRAW_H
#define ORGCHART_DRAW_H

#include <stddef.h>

/// A drawing being made with cairo and pango: the pages of a PDF or one PNG image. Coordinates
/// are in points; colours are RGB components from 0 to 1; a negative red component means none.
typedef struct orgchart_draw orgchart_draw_t;

/// A PDF document whose pages are `width` × `height` points.
orgchart_draw_t *orgchart_draw_pdf(double width, double height);

/// Rows `top` ..< `top + rows` of a PNG image `pixel_width` pixels wide, white, drawn at `scale`
/// pixels per point (the whole image: `top` 0 and all its rows): what is drawn falls where it
/// falls on the whole image, and only the band's rows are kept. The bands of an image can be drawn at once, on several threads (each drawing
/// its own), and put together with orgchart_png_part and orgchart_png_file.
orgchart_draw_t *orgchart_draw_png_band(int pixel_width, int top, int rows, double scale);

/// Moves and scales what follows on the current page (after the image's own scale).
void orgchart_draw_transform(orgchart_draw_t *d, double dx, double dy, double scale);
/// Ends the current PDF page and starts the next, resetting the transform.
void orgchart_draw_next_page(orgchart_draw_t *d);

/// Starts an element of the drawing. `separate` 1: an element that overlaps no other separate
/// element (the boxes of a chart, which never overlap, each with its text inside). On a PDF the
/// shapes and text of consecutive separate elements are kept and drawn together when their run
/// ends — the first shape of every element, then the second and so on, each of these layers
/// filled and stroked once per paint (rounded boxes as rectangles stroked with round joins, a
/// quarter of the numbers), then all their text, once per font and colour — a few operations for
/// thousands of boxes, where cairo and a PDF's operators cost per operation. `separate` 0: any
/// other element (lines, labels, frames, the title, the legend), drawn in the order given, as is
/// everything on a PNG image.
void orgchart_draw_element(orgchart_draw_t *d, int separate);
/// The line width and dash pattern (`dashes` of `count` lengths; 0 for solid) of strokes to come.
void orgchart_draw_stroke_style(orgchart_draw_t *d, double width, const double *dashes, int count);
/// A rectangle with corners rounded by `radius` (0 for square), filled and outlined.
void orgchart_draw_rect(orgchart_draw_t *d, double x, double y, double w, double h, double radius,
                        double fr, double fg, double fb, double sr, double sg, double sb);
/// An ellipse, filled and outlined.
void orgchart_draw_ellipse(orgchart_draw_t *d, double cx, double cy, double rx, double ry,
                           double fr, double fg, double fb, double sr, double sg, double sb);
/// A line through `count` points (`xy`: x0, y0, x1, y1, …), closed and filled when `fr` >= 0.
void orgchart_draw_path(orgchart_draw_t *d, const double *xy, int count, int closed,
                        double fr, double fg, double fb, double sr, double sg, double sb);
/// One line of text in `family`, `size` points, bold or not, whose baseline starts at (x, y)
/// (`anchor` 0), is centred on x (1) or ends at x (2); `turned` 1 turns it a quarter
/// counter-clockwise about (x, y), to read upwards. Shaped by pango once per text and font (glyph
/// positions as the font gives them, unrounded, as the layout measured them); consecutive texts of
/// one font and colour are one cairo operation, which a PDF writes with the text, to copy and
/// search. On a PNG image, text under one pixel (letters under half a pixel) is left out.
void orgchart_draw_text(orgchart_draw_t *d, const char *text, const char *family, double size, int bold,
                        double x, double y, int anchor, int turned, double r, double g, double b);

/// Ends the drawing: the last PDF page is shown and the PDF written out. Call it while holding
/// the lock that serializes cairo, pango and Graphviz; orgchart_draw_finish (a PDF) or
/// orgchart_png_part (a PNG image or band) may then run without it.
void orgchart_draw_end(orgchart_draw_t *d);
/// Finishes an ended PDF: on success returns 0 and sets `*result` (free it with
/// orgchart_pages_free) and `*length`; on failure returns -1 with a message in `error`. Frees `d`.
int orgchart_draw_finish(orgchart_draw_t *d, unsigned char **result, size_t *length, char *error, size_t error_size);

/// The rows of an ended PNG image or band, deflated as a part of a PNG file's image data.
typedef struct {
    unsigned char *data;      /* a raw deflate stream of the rows, ended on a byte, or ended for good in the last part */
    size_t length;
    unsigned long adler;      /* the Adler-32 checksum of the rows as scanlines */
    size_t raw_length;        /* the length of the rows as scanlines */
} orgchart_png_part_t;

/// Deflates the rows of an ended PNG image or band into `part`, as the last part of the file's
/// image data when `last`; reads only the image's own pixels (no lock needed). On success returns
/// 0; on failure -1 with a message in `error`. Frees `d`.
int orgchart_png_part(orgchart_draw_t *d, int last, orgchart_png_part_t *part, char *error, size_t error_size);
/// The PNG file of an RGB image `width` × `height` pixels whose rows are `parts` in order (the
/// last one made with `last`): sets `*result` (free it with orgchart_pages_free) and `*length`
/// and returns 0, or -1 when memory ran out. Frees the parts' data.
int orgchart_png_file(orgchart_png_part_t *parts, int count, int width, int height, unsigned char **result, size_t *length);

#endif
