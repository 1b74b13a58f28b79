"""Extraction: `Article`s in, an `Extraction` (briefing, actor and event sheets) out.

`pipeline.extract` runs the passes in the order the data needs them: sentences
(`sentence.py`), actors (`actors/`), events (`events/`), relations, claims, background,
summaries. Only names are handed on here.
"""

from generator.extraction.pipeline import Extraction, extract

__all__ = ["Extraction", "extract"]
