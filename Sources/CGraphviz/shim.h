#ifndef SOCGRAPH_CGRAPHVIZ_SHIM_H
#define SOCGRAPH_CGRAPHVIZ_SHIM_H
/* pkg-config's libgvc puts Graphviz's own include directory on the path (Debian, Homebrew alike). */
#include <gvc.h>
#include <cgraph.h>
#include <graphviz_version.h>
#include <stdlib.h>
#include <string.h>

/* Graphviz 13 takes gvRenderData's length as size_t and dropped Agiddisc_t.alloc; earlier releases (Debian's
   2.42 among them) do not define GRAPHVIZ_VERSION_MAJOR at all. */
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 13
#define SOCGRAPH_GRAPHVIZ_13 1
#endif

/// IDs of one graph's objects, given in the order the DOT text first names them.
///
/// cgraph orders some sets (sibling clusters, some edges) by object ID, and its default discipline takes a named
/// object's ID from the address of its interned name: the same DOT could lay out differently after other graphs.
/// Here an anonymous object gets the graph's next odd ID (1, 3, 5…, as the default counts them) and a name the next
/// even ID from `SOCGRAPH_FIRST_NAMED_ID` when first seen: above every anonymous ID, as addresses are, so sets keep
/// the order Graphviz gives them, and the IDs depend on the DOT text alone. A name looked up without being created
/// gets 0, which no object has. Names are looked up by a linear scan: a diagram holds at most a few hundred.
#define SOCGRAPH_FIRST_NAMED_ID ((IDTYPE)1 << 32)
typedef struct {
    char **names; /* names[i] is the name of ID SOCGRAPH_FIRST_NAMED_ID + 2 * i */
    size_t count, capacity;
    IDTYPE anonymous; /* the last odd ID handed out */
} socgraph_ids;

static inline void *socgraph_ids_open(Agraph_t *g, Agdisc_t *disc) {
    (void)g; (void)disc;
    return calloc(1, sizeof(socgraph_ids));
}

static inline long socgraph_ids_map(void *state, int objtype, char *name, IDTYPE *id, int createflag) {
    socgraph_ids *ids = state;
    (void)objtype;
    if (!name) {
        ids->anonymous += ids->anonymous ? 2 : 1;
        *id = ids->anonymous;
        return 1;
    }
    for (size_t i = 0; i < ids->count; i++) {
        if (strcmp(ids->names[i], name) == 0) {
            *id = SOCGRAPH_FIRST_NAMED_ID + 2 * (IDTYPE)i;
            return 1;
        }
    }
    if (!createflag) { /* as the default discipline answers for a name it never interned */
        *id = 0;
        return 1;
    }
    if (ids->count == ids->capacity) {
        size_t capacity = ids->capacity ? 2 * ids->capacity : 64;
        char **names = realloc(ids->names, capacity * sizeof *names);
        if (!names) return 0;
        ids->names = names;
        ids->capacity = capacity;
    }
    size_t size = strlen(name) + 1;
    char *copy = malloc(size);
    if (!copy) return 0;
    memcpy(copy, name, size);
    *id = SOCGRAPH_FIRST_NAMED_ID + 2 * (IDTYPE)ids->count;
    ids->names[ids->count++] = copy;
    return 1;
}

static inline void socgraph_ids_free(void *state, int objtype, IDTYPE id) {
    (void)state; (void)objtype; (void)id; /* names live until the graph is closed */
}

static inline char *socgraph_ids_print(void *state, int objtype, IDTYPE id) {
    socgraph_ids *ids = state;
    (void)objtype;
    if (id < SOCGRAPH_FIRST_NAMED_ID || id % 2 != 0 || (id - SOCGRAPH_FIRST_NAMED_ID) / 2 >= ids->count) return NULL;
    return ids->names[(id - SOCGRAPH_FIRST_NAMED_ID) / 2];
}

static inline void socgraph_ids_close(void *state) {
    socgraph_ids *ids = state;
    if (!ids) return;
    for (size_t i = 0; i < ids->count; i++) free(ids->names[i]);
    free(ids->names);
    free(ids);
}

static inline void socgraph_ids_register(void *state, int objtype, void *obj) {
    (void)state; (void)objtype; (void)obj;
}

#ifndef SOCGRAPH_GRAPHVIZ_13
/* Like the default discipline: no object gets an ID of the caller's choosing. */
static inline long socgraph_ids_alloc(void *state, int objtype, IDTYPE request) {
    (void)state; (void)objtype; (void)request;
    return 0;
}
#endif

/* Designated initialisers only: the members differ between Graphviz releases. */
static Agiddisc_t socgraph_id_disc = {
    .open = socgraph_ids_open,
    .map = socgraph_ids_map,
#ifndef SOCGRAPH_GRAPHVIZ_13
    .alloc = socgraph_ids_alloc,
#endif
    .free = socgraph_ids_free,
    .print = socgraph_ids_print,
    .close = socgraph_ids_close,
    .idregister = socgraph_ids_register,
};

/// DOT text in memory, handed to cgraph's reader a line at a time (as `agmemread` does).
typedef struct { const char *data; size_t length, position; } socgraph_text;

static inline int socgraph_text_read(void *chan, char *buffer, int size) {
    socgraph_text *t = chan;
    if (size <= 0 || t->position >= t->length) return 0;
    size_t n = 0;
    while (n < (size_t)size && t->position < t->length) {
        char c = t->data[t->position++];
        buffer[n++] = c;
        if (c == '\n') break;
    }
    return (int)n;
}

/// The graph in the DOT `text`, read with the ID discipline above; NULL on a syntax error (reported through
/// `agerr`). The disciplines are static, since a graph keeps pointers to them until it is closed; callers hold the
/// renderer's lock, like every call into Graphviz.
static inline Agraph_t *socgraph_read_dot(const char *text) {
    static Agiodisc_t io;
    static Agdisc_t disc;
    io.afread = socgraph_text_read;
    io.putstr = AgIoDisc.putstr;
    io.flush = AgIoDisc.flush;
    disc = (Agdisc_t){ .id = &socgraph_id_disc, .io = &io };
    socgraph_text chan = { text, strlen(text), 0 };
    return agread(&chan, &disc);
}

/// `gvRenderData` with a `size_t` length, whatever the Graphviz release.
static inline int socgraph_render_data(GVC_t *gvc, Agraph_t *g, const char *format, char **result, size_t *length) {
#ifdef SOCGRAPH_GRAPHVIZ_13
    return gvRenderData(gvc, g, format, result, length);
#else
    unsigned int narrow = 0;
    int status = gvRenderData(gvc, g, format, result, &narrow);
    *length = narrow;
    return status;
#endif
}

#endif
