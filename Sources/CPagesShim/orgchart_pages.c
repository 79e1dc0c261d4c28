#include "orgchart_pages.h"
#include "orgchart_cairo.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The few stable C entry points of librsvg (>= 2.52) this file uses, declared here so that the
   package builds without its development headers' compiler flags. */
typedef struct _RsvgHandle RsvgHandle;
typedef struct { unsigned int domain; int code; char *message; } GError;
typedef struct { double x, y, width, height; } RsvgRectangle;
RsvgHandle *rsvg_handle_new_from_data(const unsigned char *data, size_t length, GError **error);
void rsvg_handle_set_dpi(RsvgHandle *handle, double dpi);
int rsvg_handle_get_intrinsic_size_in_pixels(RsvgHandle *handle, double *width, double *height);
int rsvg_handle_render_document(RsvgHandle *handle, cairo_t *cr, const RsvgRectangle *viewport, GError **error);
void g_error_free(GError *error);

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
        white_page(cr);
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
