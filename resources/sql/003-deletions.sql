-- SPDX-License-Identifier: EUPL-1.2
-- Schema version 3: deletions travel between partners.
--
-- A tombstone is written with every delete made here (in the same
-- transaction), and with every partner's deletion this database takes, so
-- that it can be passed on; it goes again when the record comes back.
-- The import log counts what an import removed and what it refused, for
-- the history people see.

ALTER TABLE import_log ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_log ADD COLUMN refused INTEGER NOT NULL DEFAULT 0;
