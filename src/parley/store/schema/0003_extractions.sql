-- Which extractor produced each article's records: the case pack and a stamp of the
-- extraction code, lexicons and pack (parley.extract.stamp). `parley reextract`
-- refreshes the articles whose stamp differs from the current extractor's.
CREATE TABLE extractions (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    case_name  TEXT NOT NULL,
    stamp      TEXT NOT NULL,
    records    INTEGER NOT NULL
);
