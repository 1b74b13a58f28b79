"""Reading: a file in, an `Article` out (title, publication date, body paragraphs).

`inputs` refuses what is no article (missing, binary, undecodable, too large, not
English); `article.read_article` picks the reader by the file's shape (`html_page`,
`markup_page`, `text_page`) and applies the metadata order for the title and the date,
saying where each came from. Only names are handed on here.
"""

from generator.reading.article import read_article, reading_report
from generator.reading.inputs import InputError, check_english
from generator.reading.page import Article, Page, ReadError, TitleFrom

__all__ = ["Article", "InputError", "Page", "ReadError", "TitleFrom", "check_english", "read_article",
           "reading_report"]
