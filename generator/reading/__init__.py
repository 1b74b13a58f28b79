"""Reading: a file in, an `Article` out (title, publication date, body paragraphs).

`inputs` refuses what is no article (missing, binary, undecodable, too large, not
English); `article.read_article` picks the reader by file type and applies the metadata
order. Only names are handed on here.
"""

from generator.reading.article import read_article, reading_report
from generator.reading.inputs import InputError, check_english
from generator.reading.page import Article, Page, ReadError

__all__ = ["Article", "InputError", "Page", "ReadError", "check_english", "read_article", "reading_report"]
