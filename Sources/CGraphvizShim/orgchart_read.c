#include "orgchart_read.h"
#include <cgraph.h>
#include <stdlib.h>
#include <string.h>

/* Reading DOT with object ids that follow the order of the text.

   cgraph's default id discipline uses the address of each name's shared string as the object's
   id, and keeps subgraphs (clusters) ordered by id: the order of clusters in the layout and in
   the output then depends on the state of the heap, and two renders of the same text in one
   process can differ. This discipline numbers names in the order they are first read, so the
   same text always gives the same ids. */

typedef struct {
    char **names;       /* names[k] has the even id 2 * (k + 1) */
    size_t count, capacity;
    size_t *slots;      /* open-addressing table of name indexes + 1; 0 is empty */
    size_t slot_count;
    IDTYPE anonymous;   /* next odd id for unnamed objects */
} names_t;

static size_t hash(const char *s) {
    size_t h = 1469598103934665603ULL;
    while (*s) { h ^= (unsigned char)*s++; h *= 1099511628211ULL; }
    return h;
}

static int grow(names_t *t) {
    size_t slot_count = t->slot_count ? t->slot_count * 2 : 1024;
    size_t *slots = calloc(slot_count, sizeof(size_t));
    if (slots == NULL) return 0;
    for (size_t k = 0; k < t->count; k++) {
        size_t i = hash(t->names[k]) & (slot_count - 1);
        while (slots[i]) i = (i + 1) & (slot_count - 1);
        slots[i] = k + 1;
    }
    free(t->slots);
    t->slots = slots;
    t->slot_count = slot_count;
    return 1;
}

static void *names_open(Agraph_t *g, Agdisc_t *disc) {
    (void)g; (void)disc;
    names_t *t = calloc(1, sizeof(names_t));
    if (t != NULL) t->anonymous = 1;
    return t;
}

static long names_map(void *state, int objtype, char *str, IDTYPE *id, int createflag) {
    (void)objtype;
    names_t *t = state;
    if (str == NULL) {
        *id = t->anonymous;
        t->anonymous += 2;
        return 1;
    }
    if (t->slot_count == 0 && !grow(t)) return 0;
    size_t i = hash(str) & (t->slot_count - 1);
    while (t->slots[i]) {
        size_t k = t->slots[i] - 1;
        if (strcmp(t->names[k], str) == 0) { *id = (IDTYPE)(2 * (k + 1)); return 1; }
        i = (i + 1) & (t->slot_count - 1);
    }
    if (!createflag) { *id = 0; return 1; }
    if (t->count == t->capacity) {
        size_t capacity = t->capacity ? t->capacity * 2 : 256;
        char **names = realloc(t->names, capacity * sizeof(char *));
        if (names == NULL) return 0;
        t->names = names;
        t->capacity = capacity;
    }
    char *copy = strdup(str);
    if (copy == NULL) return 0;
    t->names[t->count] = copy;
    t->slots[i] = ++t->count;
    if (2 * t->count > t->slot_count && !grow(t)) return 0;
    *id = (IDTYPE)(2 * t->count);
    return 1;
}

static long names_alloc(void *state, int objtype, IDTYPE id) {
    (void)state; (void)objtype; (void)id;
    return 0;
}

static void names_free(void *state, int objtype, IDTYPE id) {
    (void)state; (void)objtype; (void)id;
}

static char *names_print(void *state, int objtype, IDTYPE id) {
    (void)objtype;
    names_t *t = state;
    if (id == 0 || id % 2 != 0 || (size_t)(id / 2) > t->count) return NULL;
    return t->names[id / 2 - 1];
}

static void names_close(void *state) {
    names_t *t = state;
    if (t == NULL) return;
    for (size_t k = 0; k < t->count; k++) free(t->names[k]);
    free(t->names);
    free(t->slots);
    free(t);
}

static void names_register(void *state, int objtype, void *obj) {
    (void)state; (void)objtype; (void)obj;
}

static Agiddisc_t ordered_ids = {
    names_open, names_map, names_alloc, names_free, names_print, names_close, names_register
};

typedef struct {
    const char *data;
    size_t length, cursor;
} text_t;

/* Hands the text to the parser a line at a time, as cgraph's own in-memory reader does. */
static int read_line(void *chan, char *buf, int bufsize) {
    text_t *text = chan;
    if (bufsize <= 0 || text->cursor >= text->length) return 0;
    int n = 0;
    char c;
    do {
        c = text->data[text->cursor + n];
        buf[n++] = c;
    } while (c != '\n' && n < bufsize && text->cursor + n < text->length);
    text->cursor += n;
    return n;
}

Agraph_t *orgchart_read_dot(const char *data) {
    static Agiodisc_t io;
    static Agdisc_t disc;
    io.afread = read_line;
    io.putstr = AgIoDisc.putstr;
    io.flush = AgIoDisc.flush;
    disc.mem = &AgMemDisc;
    disc.id = &ordered_ids;
    disc.io = &io;
    text_t text = { data, strlen(data), 0 };
    return agread(&text, &disc);
}
