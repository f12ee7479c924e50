"""The tracker's one spider, driven by the sources file."""
