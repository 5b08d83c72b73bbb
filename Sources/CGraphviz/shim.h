#ifndef SOCGRAPH_CGRAPHVIZ_SHIM_H
#define SOCGRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/// `Agdirected` is a mutable C global; Swift 6 strict concurrency rejects reading it directly.
static inline Agdesc_t socgraph_agdirected(void) { return Agdirected; }

#endif
