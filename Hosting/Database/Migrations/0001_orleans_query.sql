-- Orleans' ADO.NET providers load every statement they run from this table when they start
-- ("SELECT QueryKey, QueryText FROM OrleansQuery"), so its name and columns are fixed by them.
-- Unquoted, PostgreSQL folds them to lower case, which is what that statement asks for too.
-- Everything else below is ours: tables named for what they hold, queries keyed as Orleans
-- names them, each returning the columns and taking the parameters its provider uses.
CREATE TABLE OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);
