#ifndef ORGCHART_CAIRO_H
#define ORGCHART_CAIRO_H

/* The few stable C entry points of cairo (>= 1.10) the shim uses, declared here so that the
   package builds without their development headers' compiler flags, and the growing buffer
   cairo writes PDF and PNG streams into. Private to this target. */
#include <stdlib.h>
#include <string.h>

typedef struct _cairo_surface cairo_surface_t;
typedef struct _cairo cairo_t;
typedef int cairo_status_t;
#define CAIRO_STATUS_SUCCESS 0
#define CAIRO_STATUS_WRITE_ERROR 11
typedef cairo_status_t (*cairo_write_func_t)(void *closure, const unsigned char *data, unsigned int length);
cairo_surface_t *cairo_pdf_surface_create_for_stream(cairo_write_func_t write, void *closure, double width, double height);
cairo_t *cairo_create(cairo_surface_t *surface);
void cairo_destroy(cairo_t *cr);
void cairo_show_page(cairo_t *cr);
void cairo_surface_finish(cairo_surface_t *surface);
cairo_status_t cairo_surface_status(cairo_surface_t *surface);
void cairo_surface_destroy(cairo_surface_t *surface);
const char *cairo_status_to_string(cairo_status_t status);
void g_object_unref(void *object);
void cairo_set_source_rgb(cairo_t *cr, double red, double green, double blue);
void cairo_paint(cairo_t *cr);

/* Paints the page white. Done first on every PDF page: cairo's PDF surface unions the extents
   of every drawing operation into one region, which stays a single rectangle (and each union
   constant-time) once the first operation covers the page; without it a chart with boxes
   spread over the page makes that region one rectangle per box, and the unions quadratic. */
static void white_page(cairo_t *cr) {
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
}

/* Bytes written by cairo, in memory. */
typedef struct {
    unsigned char *data;
    size_t length;
    size_t capacity;
    int failed;
} buffer_t;

/* A cairo write function appending to the buffer_t `closure`. */
static cairo_status_t append(void *closure, const unsigned char *data, unsigned int length) {
    buffer_t *buffer = closure;
    if (buffer->length + length > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity : 65536;
        while (capacity < buffer->length + length) capacity *= 2;
        unsigned char *grown = realloc(buffer->data, capacity);
        if (grown == NULL) { buffer->failed = 1; return CAIRO_STATUS_WRITE_ERROR; }
        buffer->data = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->data + buffer->length, data, length);
    buffer->length += length;
    return CAIRO_STATUS_SUCCESS;
}

#endif
