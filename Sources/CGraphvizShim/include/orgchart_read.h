#ifndef ORGCHART_READ_H
#define ORGCHART_READ_H

#include <cgraph.h>

/// Reads a graph from DOT text in memory, like agmemread, but numbering objects in the order
/// their names first appear, so that clusters are laid out and written in the same order on
/// every render of the same text.
Agraph_t *orgchart_read_dot(const char *data);

#endif
