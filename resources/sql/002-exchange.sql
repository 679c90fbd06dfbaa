-- SPDX-License-Identifier: EUPL-1.2
-- Schema version 2: bookkeeping for the exchange with partner municipalities.

-- One row per import of a partner's file: who sent it, when it was written,
-- and what it changed.
CREATE TABLE import_log (
  uuid         TEXT PRIMARY KEY NOT NULL,
  partner      TEXT NOT NULL,
  file_name    TEXT NOT NULL DEFAULT '',
  exported_at  TEXT NOT NULL,
  imported_at  TEXT NOT NULL,
  added        INTEGER NOT NULL DEFAULT 0,
  updated      INTEGER NOT NULL DEFAULT 0,
  unchanged    INTEGER NOT NULL DEFAULT 0,
  conflicts    INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX import_log_partner ON import_log (partner, exported_at);

-- The version of each record last seen from each partner: a record changed
-- here and there since then is a conflict.
CREATE TABLE sync_base (
  partner     TEXT NOT NULL,
  uuid        TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  PRIMARY KEY (partner, uuid)
) STRICT, WITHOUT ROWID;

-- Records deleted here, so that the deletion can travel to partners.
CREATE TABLE tombstone (
  uuid        TEXT PRIMARY KEY NOT NULL,
  kind        TEXT NOT NULL,
  deleted_at  TEXT NOT NULL,
  deleted_by  TEXT NOT NULL
) STRICT;
