-- Journaled grains (an event's seat changes, a waiting-room shard's joins) append one row per
-- group-commit batch instead of rewriting their whole state; a snapshot now and then bounds the
-- replay on activation, and the rows it covers are deleted (docs/storage.md, "Journals").
CREATE TABLE ticketmaster_journal
(
    service_id text   NOT NULL,
    journal    text   NOT NULL,
    sequence   bigint NOT NULL,
    record     bytea  NOT NULL,
    PRIMARY KEY (service_id, journal, sequence)
);

CREATE TABLE ticketmaster_journal_snapshot
(
    service_id text        NOT NULL,
    journal    text        NOT NULL,
    sequence   bigint      NOT NULL,
    snapshot   bytea       NOT NULL,
    written_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, journal)
);

ALTER TABLE ticketmaster_journal_snapshot ALTER COLUMN snapshot SET COMPRESSION lz4;
