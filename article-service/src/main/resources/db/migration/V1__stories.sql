-- Stories, their revisions, sections and the outbox of the change feed.
-- Portable between PostgreSQL and H2 in PostgreSQL mode (the embedded default).

CREATE TABLE section (
    id       VARCHAR(40) PRIMARY KEY,
    position INTEGER     NOT NULL
);

CREATE TABLE section_name (
    section_id VARCHAR(40)  NOT NULL REFERENCES section (id),
    language   VARCHAR(35)  NOT NULL,
    name       VARCHAR(100) NOT NULL,
    PRIMARY KEY (section_id, language)
);

-- News IDs: numeric, from a sequence, never reused.
CREATE SEQUENCE article_id_seq START WITH 100001;

CREATE TABLE article (
    id            BIGINT PRIMARY KEY,
    slug          VARCHAR(640) NOT NULL,
    language      VARCHAR(35)  NOT NULL,
    section       VARCHAR(40)  NOT NULL REFERENCES section (id),
    tags          TEXT         NOT NULL,
    headline      TEXT         NOT NULL,
    lead          TEXT         NOT NULL,
    body          TEXT         NOT NULL,
    author        TEXT         NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    create_time   TIMESTAMP WITH TIME ZONE NOT NULL,
    publish_time  TIMESTAMP WITH TIME ZONE,
    update_time   TIMESTAMP WITH TIME ZONE NOT NULL,
    schedule_time TIMESTAMP WITH TIME ZONE,
    version       BIGINT       NOT NULL,
    CONSTRAINT article_slug_unique UNIQUE (slug)
);

-- Reader lists: published, newest first (keyset paging on publish_time, id).
CREATE INDEX article_published_idx ON article (status, publish_time, id);
CREATE INDEX article_section_idx ON article (section, status, publish_time, id);
-- The scheduler's scan.
CREATE INDEX article_schedule_idx ON article (status, schedule_time);

CREATE TABLE article_tag (
    article_id BIGINT       NOT NULL REFERENCES article (id),
    tag        VARCHAR(200) NOT NULL,
    PRIMARY KEY (article_id, tag)
);
CREATE INDEX article_tag_idx ON article_tag (tag, article_id);

-- Every change stores the whole story as it was after the change.
CREATE TABLE article_revision (
    article_id    BIGINT       NOT NULL REFERENCES article (id),
    version       BIGINT       NOT NULL,
    change        VARCHAR(16)  NOT NULL,
    editor        VARCHAR(200) NOT NULL,
    slug          VARCHAR(640) NOT NULL,
    language      VARCHAR(35)  NOT NULL,
    section       VARCHAR(40)  NOT NULL,
    tags          TEXT         NOT NULL,
    headline      TEXT         NOT NULL,
    lead          TEXT         NOT NULL,
    body          TEXT         NOT NULL,
    author        TEXT         NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    create_time   TIMESTAMP WITH TIME ZONE NOT NULL,
    publish_time  TIMESTAMP WITH TIME ZONE,
    update_time   TIMESTAMP WITH TIME ZONE NOT NULL,
    schedule_time TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (article_id, version)
);

-- The outbox. Sequences come from feed_position inside the writing transaction; its row
-- lock orders commits, so committed sequences have no gaps and never commit out of order.
CREATE TABLE feed_position (
    id            INTEGER PRIMARY KEY,
    last_sequence BIGINT  NOT NULL
);
INSERT INTO feed_position (id, last_sequence) VALUES (1, 0);

CREATE TABLE article_event (
    sequence        BIGINT      PRIMARY KEY,
    article_id      BIGINT      NOT NULL,
    article_version BIGINT      NOT NULL,
    type            VARCHAR(16) NOT NULL,
    event_time      TIMESTAMP WITH TIME ZONE NOT NULL,
    FOREIGN KEY (article_id, article_version) REFERENCES article_revision (article_id, version)
);
