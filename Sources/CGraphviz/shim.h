#ifndef SOCGRAPH_CGRAPHVIZ_SHIM_H
#define SOCGRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_textlayout.h>
#include <sys/mman.h>
#include <string.h>
#include <stdlib.h>

/// `Agdirected` is a mutable C global; Swift 6 strict concurrency rejects reading it directly.
static inline Agdesc_t socgraph_agdirected(void) { return Agdirected; }

/// Graphviz's text-layout plugin API as an integer (its enum is built by a macro Swift does not see through).
static inline int socgraph_api_textlayout(void) { return (int)API_textlayout; }

/// Reading DOT with a memory discipline of its own, so that a render does not depend on what the process did before.
///
/// cgraph identifies a named node or subgraph by the address of its interned name, and orders some of its sets
/// (sibling clusters, for one) by that identifier. With malloc's addresses, the same DOT came out with its clusters
/// in another order (and some edges routed differently) depending on what the process had allocated and freed
/// before. Here every allocation of the graph comes from one arena reserved for it, handed out in order: the
/// identifiers follow the order of the DOT text, whatever ran before. Freed pieces are reclaimed when the graph is
/// closed. Should the reservation fail or fill up, allocations fall back to malloc (still correct).
typedef struct { char *base; size_t used, size; void *last; } socgraph_arena;
static inline void *socgraph_arena_open(Agdisc_t *disc) {
    (void)disc;
    socgraph_arena *a = calloc(1, sizeof *a);
    if (!a) return NULL;
    a->size = (size_t)256 << 20;
    void *p = mmap(NULL, a->size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) { a->size = 0; a->base = NULL; } else a->base = p;
    return a;
}
static inline int socgraph_arena_owns(socgraph_arena *a, void *p) { return a && a->base && (char *)p >= a->base && (char *)p < a->base + a->size; }
static inline void *socgraph_arena_alloc(void *state, size_t req) {
    socgraph_arena *a = state;
    size_t size = (req + 15) & ~(size_t)15;
    if (a && a->base && a->used + size <= a->size) {
        void *p = a->base + a->used;
        a->used += size; a->last = p;
        return p;
    }
    return calloc(1, req ? req : 1);
}
static inline void *socgraph_arena_resize(void *state, void *ptr, size_t old, size_t req) {
    socgraph_arena *a = state;
    if (!ptr) return socgraph_arena_alloc(state, req);
    if (socgraph_arena_owns(a, ptr)) {
        /* The arena never hands out a byte twice, so everything past `used` is still zero, as cgraph expects of
           new memory: a shrinking block keeps its bytes, and only the last block grows in place. */
        if (req <= old) return ptr;
        if (ptr == a->last) {
            size_t size = (req + 15) & ~(size_t)15;
            size_t start = (size_t)((char *)ptr - a->base);
            if (start + size <= a->size) {
                if (start + size > a->used) a->used = start + size;
                return ptr;
            }
        }
        void *p = socgraph_arena_alloc(state, req);
        if (p) memcpy(p, ptr, old);
        return p;
    }
    void *p = realloc(ptr, req);
    if (p && req > old) memset((char *)p + old, 0, req - old);
    return p;
}
static inline void socgraph_arena_free(void *state, void *ptr) { if (!socgraph_arena_owns(state, ptr)) free(ptr); }
static inline void socgraph_arena_close(void *state) {
    socgraph_arena *a = state;
    if (a && a->base) munmap(a->base, a->size);
    free(a);
}
static Agmemdisc_t socgraph_arena_disc = { socgraph_arena_open, socgraph_arena_alloc, socgraph_arena_resize, socgraph_arena_free, socgraph_arena_close };
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
static Agiodisc_t socgraph_text_io = { socgraph_text_read, NULL, NULL };
/// The graph in the DOT `text`, read like `agmemread` but through the arena; NULL on a syntax error (reported
/// through `agerr`).
static inline Agraph_t *socgraph_read_dot(const char *text) {
    socgraph_text_io.putstr = AgIoDisc.putstr;
    socgraph_text_io.flush = AgIoDisc.flush;
    socgraph_text chan = { text, strlen(text), 0 };
    Agdisc_t disc = { &socgraph_arena_disc, &AgIdDisc, &socgraph_text_io };
    return agread(&chan, &disc);
}

#endif
