-- Large states (an event's seat map is hundreds of KiB) are compressed when PostgreSQL moves
-- them out of line. lz4 instead of the default pglz about halves the write time of a
-- 50,000-seat event on the test machine (docs/storage.md); it applies to values written from now on.
ALTER TABLE orleans_grain_state ALTER COLUMN payload SET COMPRESSION lz4;
