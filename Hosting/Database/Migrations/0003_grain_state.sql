-- Grain state for the storage providers "seatmaps" (event grains), "grains" and "PubSubStore".
-- A row is one grain's state under one state name ("event", "booking", ...): the name is what
-- Orleans passes as the grain type, so a state name must not be reused by two grain classes.
-- key_string is the string key, or the key extension of a Guid/integer key ('' when none).
-- The primary key is the whole identity: two activations racing to write a grain's first
-- state cannot both insert it; the loser's write answers no version, which Orleans turns into
-- an InconsistentStateException.
CREATE TABLE orleans_grain_state
(
    service_id  varchar(150) NOT NULL,
    state_name  varchar(512) NOT NULL,
    key_n0      bigint       NOT NULL,
    key_n1      bigint       NOT NULL,
    key_string  text         NOT NULL,
    payload     bytea,
    version     integer      NOT NULL,
    modified_at timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT orleans_grain_state_identity PRIMARY KEY (service_id, state_name, key_n0, key_n1, key_string)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', $q$
SELECT payload AS "PayloadBinary", version AS "Version"
FROM orleans_grain_state
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND key_n0 = @GrainIdN0 AND key_n1 = @GrainIdN1
  AND key_string = coalesce(@GrainIdExtensionString, '')
$q$);

-- The version is the ETag. With one (@GrainStateVersion) only the row still at that version is
-- replaced; without one the state must not exist yet. Either way a refused write returns no
-- row, and Orleans raises InconsistentStateException for the stale writer.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleans_grain_state
    SET payload = @PayloadBinary, version = version + 1, modified_at = now()
    WHERE @GrainStateVersion IS NOT NULL
      AND service_id = @ServiceId AND state_name = @GrainTypeString
      AND key_n0 = @GrainIdN0 AND key_n1 = @GrainIdN1
      AND key_string = coalesce(@GrainIdExtensionString, '')
      AND version = @GrainStateVersion
    RETURNING version),
inserted AS (
    INSERT INTO orleans_grain_state (service_id, state_name, key_n0, key_n1, key_string, payload, version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString, ''), @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT ON CONSTRAINT orleans_grain_state_identity DO NOTHING
    RETURNING version)
SELECT version AS "NewGrainStateVersion" FROM updated
UNION ALL
SELECT version FROM inserted
$q$);

-- Clearing keeps the row and moves its version on, so a stale activation still cannot write.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', $q$
UPDATE orleans_grain_state
SET payload = NULL, version = version + 1, modified_at = now()
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND key_n0 = @GrainIdN0 AND key_n1 = @GrainIdN1
  AND key_string = coalesce(@GrainIdExtensionString, '')
  AND version = @GrainStateVersion
RETURNING version AS "NewGrainStateVersion"
$q$);

-- For DeleteStateOnClear: answers a version other than the caller's so Orleans sees success.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', $q$
DELETE FROM orleans_grain_state
WHERE service_id = @ServiceId AND state_name = @GrainTypeString
  AND key_n0 = @GrainIdN0 AND key_n1 = @GrainIdN1
  AND key_string = coalesce(@GrainIdExtensionString, '')
  AND version = @GrainStateVersion
RETURNING version + 1 AS "NewGrainStateVersion"
$q$);
