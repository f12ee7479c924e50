"""The bundled HSJ-style sample site that the demo crawls and the crawler tests use."""
