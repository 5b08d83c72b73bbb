#ifndef SOCGRAPH_CGRAPHVIZ_SHIM_H
#define SOCGRAPH_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_textlayout.h>

/// `Agdirected` is a mutable C global; Swift 6 strict concurrency rejects reading it directly.
static inline Agdesc_t socgraph_agdirected(void) { return Agdirected; }

/// Graphviz's text-layout plugin API as an integer (its enum is built by a macro Swift does not see through).
static inline int socgraph_api_textlayout(void) { return (int)API_textlayout; }

#endif
