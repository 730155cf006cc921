-- Articles, where each came from, what cleaning removed, what was rejected,
-- near-duplicate clusters and the full-text index.

CREATE TABLE articles (
    seq       INTEGER PRIMARY KEY,      -- ingest order; rowid of the FTS index
    id        TEXT NOT NULL UNIQUE,     -- article_id(text): stable, derived from the text
    text      TEXT NOT NULL,            -- cleaned text; record offsets point into it
    title     TEXT,
    outlet    TEXT,
    author    TEXT,
    published TEXT,                     -- YYYY-MM-DD, only when the source states it
    language  TEXT,                     -- ISO 639-1
    dateline  TEXT,
    url       TEXT,
    source    TEXT NOT NULL,            -- where the text was first read
    chars     INTEGER NOT NULL
);

-- Every input location that yielded an article (identical text from several
-- sources is one article with several rows here). `digest` is a hash of the
-- raw document so an unchanged input is recognised without re-cleaning it.
CREATE TABLE article_sources (
    article_id TEXT NOT NULL REFERENCES articles(id),
    source     TEXT NOT NULL,           -- path as given, or <stdin>
    line       INTEGER NOT NULL,        -- JSONL line / JSON array record; 0 for a whole file
    url        TEXT,
    digest     TEXT NOT NULL,
    PRIMARY KEY (source, line, digest)
);
CREATE INDEX article_sources_article ON article_sources(article_id);

CREATE TABLE removed_lines (
    article_id TEXT NOT NULL REFERENCES articles(id),
    position   INTEGER NOT NULL,        -- order of removal
    line       INTEGER NOT NULL,        -- 1-based line in the raw text
    text       TEXT NOT NULL,
    reason     TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE rejected (
    source TEXT NOT NULL,
    line   INTEGER,                     -- JSONL line / JSON array record, if any
    reason TEXT NOT NULL
);
CREATE UNIQUE INDEX rejected_once ON rejected(source, ifnull(line, 0), reason);

-- MinHash signatures and LSH band keys (see parley.ingest.dedup), keyed by the
-- article's seq so that inserts append instead of touching random pages.
CREATE TABLE minhashes (
    seq       INTEGER PRIMARY KEY REFERENCES articles(seq),
    signature BLOB NOT NULL             -- NUM_PERM little-endian uint32
);
CREATE TABLE minhash_bands (
    band INTEGER NOT NULL,
    key  INTEGER NOT NULL,              -- 64-bit hash of the band's rows
    seq  INTEGER NOT NULL REFERENCES articles(seq),
    PRIMARY KEY (band, key, seq)
) WITHOUT ROWID;

-- Near-duplicate clusters: only articles that have a near-duplicate appear.
-- `cluster` is the id of the cluster's earliest article.
CREATE TABLE near_duplicates (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    cluster    TEXT NOT NULL,
    similarity REAL NOT NULL            -- estimated Jaccard to the member it was linked by
);
CREATE INDEX near_duplicates_cluster ON near_duplicates(cluster);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content = 'articles', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
    VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
