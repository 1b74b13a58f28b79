"""Briefing generator: news articles in, YAML fact sheets out, a MkDocs site from them."""

__version__ = "0.1.0"
