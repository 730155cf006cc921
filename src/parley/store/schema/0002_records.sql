-- Extraction records (SPEC §1 mention, quote, event, stance) linked to their article.
-- `data` holds the full record as JSON; the indexed columns serve the query commands
-- (parley quotes --speaker, parley events --type, parley stances --issue).
CREATE TABLE records (
    article_id TEXT NOT NULL REFERENCES articles(id),
    position   INTEGER NOT NULL,        -- order within the article's extraction output
    kind       TEXT NOT NULL,           -- mention | quote | event | stance
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    actor      TEXT,                    -- mention/stance actor, quote speaker, event source
    label      TEXT,                    -- event type, stance issue, quote mode, mention type
    data       TEXT NOT NULL,           -- the record as JSON
    PRIMARY KEY (article_id, position)
);
CREATE INDEX records_kind_actor ON records(kind, actor);
CREATE INDEX records_kind_label ON records(kind, label);
