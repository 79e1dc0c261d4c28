#include "orgchart_pages.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The few stable C entry points of cairo (>= 1.10) and librsvg (>= 2.52) this file uses,
   declared here so that the package builds without their development headers' compiler flags. */
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

typedef struct _RsvgHandle RsvgHandle;
typedef struct { unsigned int domain; int code; char *message; } GError;
typedef struct { double x, y, width, height; } RsvgRectangle;
RsvgHandle *rsvg_handle_new_from_data(const unsigned char *data, size_t length, GError **error);
void rsvg_handle_set_dpi(RsvgHandle *handle, double dpi);
int rsvg_handle_get_intrinsic_size_in_pixels(RsvgHandle *handle, double *width, double *height);
int rsvg_handle_render_document(RsvgHandle *handle, cairo_t *cr, const RsvgRectangle *viewport, GError **error);
void g_object_unref(void *object);
void g_error_free(GError *error);

typedef struct {
    unsigned char *data;
    size_t length;
    size_t capacity;
    int failed;
} buffer_t;

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

int orgchart_pages_pdf(const char *const *svgs, const size_t *lengths, int count,
                       double page_width, double page_height, double margin,
                       unsigned char **result, size_t *length, char *error, size_t error_size) {
    buffer_t buffer = {0};
    *result = NULL;
    *length = 0;
    cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(append, &buffer, page_width, page_height);
    cairo_t *cr = cairo_create(surface);
    int status = 0;
    for (int i = 0; i < count && status == 0; i++) {
        GError *gerror = NULL;
        RsvgHandle *handle = rsvg_handle_new_from_data((const unsigned char *)svgs[i], lengths[i], &gerror);
        if (handle == NULL) {
            snprintf(error, error_size, "page %d: %s", i + 1, gerror ? gerror->message : "unreadable SVG");
            if (gerror) g_error_free(gerror);
            status = -1;
            break;
        }
        rsvg_handle_set_dpi(handle, 72.0);
        double width = 0, height = 0;
        if (!rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) || width <= 0 || height <= 0) {
            width = page_width;
            height = page_height;
        }
        double area_w = page_width - 2 * margin, area_h = page_height - 2 * margin;
        double scale = area_w / width < area_h / height ? area_w / width : area_h / height;
        if (scale > 1) scale = 1;
        RsvgRectangle viewport = {
            .x = (page_width - width * scale) / 2, .y = margin,
            .width = width * scale, .height = height * scale,
        };
        if (!rsvg_handle_render_document(handle, cr, &viewport, &gerror)) {
            snprintf(error, error_size, "page %d: %s", i + 1, gerror ? gerror->message : "cannot draw the SVG");
            if (gerror) g_error_free(gerror);
            status = -1;
        }
        g_object_unref(handle);
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    if (status == 0 && cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        snprintf(error, error_size, "%s", cairo_status_to_string(cairo_surface_status(surface)));
        status = -1;
    }
    cairo_surface_destroy(surface);
    if (status != 0 || buffer.failed) {
        free(buffer.data);
        if (buffer.failed) snprintf(error, error_size, "out of memory");
        return -1;
    }
    *result = buffer.data;
    *length = buffer.length;
    return 0;
}

void orgchart_pages_free(unsigned char *data) {
    free(data);
}
