"""kg: turn K-drama and K-pop news articles into a validated RDF knowledge graph."""
