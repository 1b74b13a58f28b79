"""Pictures drawn at build time as inline SVG: the timeline (and, later, the graph and the map)."""
