"""The ``tracker`` command: wires the crawl, analysis and publication stages together."""
