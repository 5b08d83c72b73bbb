import SOCGraph
