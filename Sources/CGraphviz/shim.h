#ifndef SOCGRAPH_CGRAPHVIZ_SHIM_H
#define SOCGRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_textlayout.h>
#include <sys/mman.h>
#include <string.h>
#include <stdlib.h>
#include <stdio.h>

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

/// The Graphviz functions socgraph calls, as pointers: those this program is linked with
/// (`socgraph_graphviz_linked`), or those of another copy of the libraries loaded apart in this process
/// (`socgraph_graphviz_isolated`). Each copy has its own global state, so two copies can lay out two graphs at once.
typedef struct {
    __typeof__(agread) *agread;
    __typeof__(agclose) *agclose;
    __typeof__(agseterrf) *agseterrf;
    __typeof__(agseterr) *agseterr;
    __typeof__(agreseterrors) *agreseterrors;
    __typeof__(agsafeset) *agsafeset;
    __typeof__(gvContext) *gvContext;
    __typeof__(gvContextPlugins) *gvContextPlugins;
    __typeof__(gvLayout) *gvLayout;
    __typeof__(gvFreeLayout) *gvFreeLayout;
    __typeof__(gvRenderData) *gvRenderData;
    __typeof__(gvFreeRenderData) *gvFreeRenderData;
    Agiddisc_t *idDisc;
    /// DOT text comes in through `socgraph_text_read`; writing goes through the copy's own functions.
    Agiodisc_t textIO;
    /// Run on a thread before it first uses an isolated copy (NULL for the linked one): the copy's C library
    /// sets up its per-thread character tables, which threads started by this program's C library lack.
    void (*threadSetUp)(void);
    /// The plugin libraries of the isolated copy (the `dot` layout and the core renderers, SVG among them).
    gvplugin_library_t *dotLayoutPlugins, *corePlugins;
} socgraph_graphviz;

static inline socgraph_graphviz socgraph_graphviz_linked(void) {
    socgraph_graphviz api = {
        agread, agclose, agseterrf, agseterr, agreseterrors, agsafeset, gvContext, gvContextPlugins, gvLayout,
        gvFreeLayout, gvRenderData, gvFreeRenderData, &AgIdDisc, { socgraph_text_read, NULL, NULL }, NULL, NULL,
        NULL };
    api.textIO.putstr = AgIoDisc.putstr;
    api.textIO.flush = AgIoDisc.flush;
    return api;
}

/// Loads another copy of libgvc (the file `libgvc`), its libraries and the `dot` layout and core plugins from
/// `plugins` into a namespace of their own (glibc's `dlmopen`), and fills `api` with its functions. Returns 0, or
/// -1 with the reason in `error` (this C library cannot, a file or symbol is missing). The copy stays loaded for the
/// life of the process.
#if defined(__linux__) && defined(__GLIBC__)
#include <dlfcn.h>
/* glibc declares these only for _GNU_SOURCE, which a module header cannot count on. */
extern void *dlmopen(long namespace, const char *file, int mode);
extern int dlinfo(void *handle, int request, void *arg);
static inline void *socgraph_symbol(void *library, const char *name, const char *file, char *error, size_t size) {
    void *symbol = library ? dlsym(library, name) : NULL;
    if (!symbol) snprintf(error, size, "no %s in %s", name, file);
    return symbol;
}
static inline int socgraph_graphviz_isolated(const char *libgvc, const char *plugins, socgraph_graphviz *api,
                                             char *error, size_t errorSize) {
    const long newNamespace = -1; /* LM_ID_NEWLM */
    const int namespaceOf = 1;    /* RTLD_DI_LMID */
    void *gvc = dlmopen(newNamespace, libgvc, RTLD_NOW | RTLD_LOCAL);
    long namespace = 0;
    if (!gvc || dlinfo(gvc, namespaceOf, &namespace) != 0) {
        const char *reason = dlerror();
        snprintf(error, errorSize, "cannot load %s apart: %s", libgvc, reason ? reason : "unknown reason");
        return -1;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/libgvplugin_dot_layout.so.6", plugins);
    void *dotLayout = dlmopen(namespace, path, RTLD_NOW | RTLD_LOCAL);
    char corePath[4096];
    snprintf(corePath, sizeof corePath, "%s/libgvplugin_core.so.6", plugins);
    void *core = dlmopen(namespace, corePath, RTLD_NOW | RTLD_LOCAL);
    void *cgraph = dlmopen(namespace, "libcgraph.so.6", RTLD_NOW | RTLD_LOCAL);
    void *libc = dlmopen(namespace, "libc.so.6", RTLD_NOW | RTLD_LOCAL);
    if (!dotLayout || !core || !cgraph || !libc) {
        const char *reason = dlerror();
        snprintf(error, errorSize, "cannot load Graphviz's plugins apart: %s", reason ? reason : "unknown reason");
        return -1;
    }
    socgraph_graphviz loaded = { 0 };
#define SOCGRAPH_SYMBOL(field, library, file) \
    if (!(loaded.field = (__typeof__(loaded.field))socgraph_symbol(library, #field, file, error, errorSize))) return -1;
    SOCGRAPH_SYMBOL(agread, cgraph, "libcgraph")
    SOCGRAPH_SYMBOL(agclose, cgraph, "libcgraph")
    SOCGRAPH_SYMBOL(agseterrf, cgraph, "libcgraph")
    SOCGRAPH_SYMBOL(agseterr, cgraph, "libcgraph")
    SOCGRAPH_SYMBOL(agreseterrors, cgraph, "libcgraph")
    SOCGRAPH_SYMBOL(agsafeset, cgraph, "libcgraph")
    SOCGRAPH_SYMBOL(gvContext, gvc, libgvc)
    SOCGRAPH_SYMBOL(gvContextPlugins, gvc, libgvc)
    SOCGRAPH_SYMBOL(gvLayout, gvc, libgvc)
    SOCGRAPH_SYMBOL(gvFreeLayout, gvc, libgvc)
    SOCGRAPH_SYMBOL(gvRenderData, gvc, libgvc)
    SOCGRAPH_SYMBOL(gvFreeRenderData, gvc, libgvc)
#undef SOCGRAPH_SYMBOL
    Agiodisc_t *io = socgraph_symbol(cgraph, "AgIoDisc", "libcgraph", error, errorSize);
    loaded.idDisc = socgraph_symbol(cgraph, "AgIdDisc", "libcgraph", error, errorSize);
    loaded.threadSetUp = (void (*)(void))socgraph_symbol(libc, "__ctype_init", "libc", error, errorSize);
    loaded.dotLayoutPlugins = socgraph_symbol(dotLayout, "gvplugin_dot_layout_LTX_library", path, error, errorSize);
    loaded.corePlugins = socgraph_symbol(core, "gvplugin_core_LTX_library", corePath, error, errorSize);
    if (!io || !loaded.idDisc || !loaded.threadSetUp || !loaded.dotLayoutPlugins || !loaded.corePlugins) return -1;
    loaded.textIO.afread = socgraph_text_read;
    loaded.textIO.putstr = io->putstr;
    loaded.textIO.flush = io->flush;
    *api = loaded;
    return 0;
}
#else
static inline int socgraph_graphviz_isolated(const char *libgvc, const char *plugins, socgraph_graphviz *api,
                                             char *error, size_t errorSize) {
    (void)libgvc; (void)plugins; (void)api;
    snprintf(error, errorSize, "this C library cannot load a second copy of Graphviz");
    return -1;
}
#endif

/// The graph in the DOT `text`, read like `agmemread` but through the arena and with the functions of `api`;
/// NULL on a syntax error (reported through `agerr`).
static inline Agraph_t *socgraph_read_dot(socgraph_graphviz *api, const char *text) {
    socgraph_text chan = { text, strlen(text), 0 };
    Agdisc_t disc = { &socgraph_arena_disc, api->idDisc, &api->textIO };
    return api->agread(&chan, &disc);
}

#endif
