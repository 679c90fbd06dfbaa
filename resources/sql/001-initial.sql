-- SPDX-License-Identifier: EUPL-1.2
-- Schema version 1: the whole domain model of DESIGN.md.
--
-- Every exchangeable record has a UUID (its identity in every database),
-- modified_at (UTC, ISO 8601 with milliseconds) and modified_by (the code of
-- the municipality that changed it last). References between records are by
-- UUID, references to organisations by their code, so a row means the same
-- thing in every partner's database. owner NULL means the coalition owns the
-- record (joint); a code means only that municipality changes it.
-- Optional numbers are NULL; optional texts are ''.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE organisation (
  uuid        TEXT PRIMARY KEY NOT NULL,
  code        TEXT NOT NULL UNIQUE CHECK (code GLOB '[a-z0-9]*' AND length (code) BETWEEN 1 AND 64),
  name        TEXT NOT NULL CHECK (name <> ''),
  kind        TEXT NOT NULL CHECK (kind IN ('municipality', 'partner')),
  modified_at TEXT NOT NULL,
  modified_by TEXT NOT NULL
) STRICT;

CREATE TABLE plan (
  uuid                 TEXT PRIMARY KEY NOT NULL,
  title                TEXT NOT NULL CHECK (title <> ''),
  first_year           INTEGER NOT NULL CHECK (first_year BETWEEN 1900 AND 2200),
  last_year            INTEGER NOT NULL CHECK (last_year BETWEEN first_year AND 2200),
  owner                TEXT NOT NULL REFERENCES organisation (code) ON UPDATE CASCADE,
  -- municipality codes of the coalition, one per line
  participants         TEXT NOT NULL DEFAULT '',
  framework_title      TEXT NOT NULL DEFAULT '',
  framework_first_year INTEGER CHECK (framework_first_year BETWEEN 1900 AND 2200),
  framework_last_year  INTEGER CHECK (framework_last_year BETWEEN 1900 AND 2200),
  intro                TEXT NOT NULL DEFAULT '',
  modified_at          TEXT NOT NULL,
  modified_by          TEXT NOT NULL
) STRICT;

CREATE TABLE priority (
  uuid              TEXT PRIMARY KEY NOT NULL,
  plan              TEXT NOT NULL REFERENCES plan (uuid) ON DELETE CASCADE,
  number            INTEGER NOT NULL CHECK (number >= 1),
  title             TEXT NOT NULL CHECK (title <> ''),
  scope             TEXT NOT NULL CHECK (scope IN ('joint', 'local')),
  owner             TEXT REFERENCES organisation (code) ON UPDATE CASCADE,
  ambition          TEXT NOT NULL DEFAULT '',
  -- names, one per line
  portfolio_holders TEXT NOT NULL DEFAULT '',
  -- whole euros
  budget            INTEGER CHECK (budget >= 0),
  colour            TEXT NOT NULL DEFAULT '#3584e4' CHECK (colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
  modified_at       TEXT NOT NULL,
  modified_by       TEXT NOT NULL
) STRICT;
CREATE INDEX priority_plan ON priority (plan);

CREATE TABLE subtheme (
  uuid        TEXT PRIMARY KEY NOT NULL,
  priority    TEXT NOT NULL REFERENCES priority (uuid) ON DELETE CASCADE,
  letter      TEXT NOT NULL CHECK (letter GLOB '[A-Z]'),
  title       TEXT NOT NULL CHECK (title <> ''),
  ambition    TEXT NOT NULL DEFAULT '',
  owner       TEXT REFERENCES organisation (code) ON UPDATE CASCADE,
  modified_at TEXT NOT NULL,
  modified_by TEXT NOT NULL,
  UNIQUE (priority, letter)
) STRICT;

CREATE TABLE goal (
  uuid        TEXT PRIMARY KEY NOT NULL,
  priority    TEXT NOT NULL REFERENCES priority (uuid) ON DELETE CASCADE,
  subtheme    TEXT REFERENCES subtheme (uuid) ON DELETE SET NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('strategic', 'year')),
  text        TEXT NOT NULL CHECK (text <> ''),
  position    INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
  owner       TEXT REFERENCES organisation (code) ON UPDATE CASCADE,
  modified_at TEXT NOT NULL,
  modified_by TEXT NOT NULL
) STRICT;
CREATE INDEX goal_priority ON goal (priority);

CREATE TABLE action (
  uuid            TEXT PRIMARY KEY NOT NULL,
  priority        TEXT NOT NULL REFERENCES priority (uuid) ON DELETE CASCADE,
  subtheme        TEXT REFERENCES subtheme (uuid) ON DELETE SET NULL,
  text            TEXT NOT NULL CHECK (text <> ''),
  lead_kind       TEXT NOT NULL CHECK (lead_kind IN ('organisation', 'joint', 'each')),
  lead            TEXT REFERENCES organisation (code) ON UPDATE CASCADE,
  lead_note       TEXT NOT NULL DEFAULT '',
  year            INTEGER CHECK (year BETWEEN 1900 AND 2200),
  quarter         INTEGER CHECK (quarter BETWEEN 1 AND 4),
  planned_year    INTEGER CHECK (planned_year BETWEEN 1900 AND 2200),
  planned_quarter INTEGER CHECK (planned_quarter BETWEEN 1 AND 4),
  category        TEXT NOT NULL CHECK (category IN ('joint', 'local')),
  owner           TEXT REFERENCES organisation (code) ON UPDATE CASCADE,
  target          INTEGER CHECK (target >= 1),
  target_unit     TEXT NOT NULL DEFAULT '',
  position        INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
  modified_at     TEXT NOT NULL,
  modified_by     TEXT NOT NULL,
  CHECK ((lead_kind = 'organisation') = (lead IS NOT NULL))
) STRICT;
CREATE INDEX action_priority ON action (priority, position);

-- The status of an action as one municipality sees it. No row means planned.
CREATE TABLE action_status (
  uuid         TEXT PRIMARY KEY NOT NULL,
  action       TEXT NOT NULL REFERENCES action (uuid) ON DELETE CASCADE,
  municipality TEXT NOT NULL REFERENCES organisation (code) ON UPDATE CASCADE,
  status       TEXT NOT NULL CHECK (status IN ('planned', 'in-progress', 'done', 'postponed', 'cancelled')),
  achieved     INTEGER NOT NULL DEFAULT 0 CHECK (achieved >= 0),
  note         TEXT NOT NULL DEFAULT '',
  modified_at  TEXT NOT NULL,
  modified_by  TEXT NOT NULL,
  UNIQUE (action, municipality)
) STRICT;

-- The history evaluation draws on: status changes and quarter moves.
CREATE TABLE status_event (
  uuid         TEXT PRIMARY KEY NOT NULL,
  action       TEXT NOT NULL REFERENCES action (uuid) ON DELETE CASCADE,
  municipality TEXT NOT NULL REFERENCES organisation (code) ON UPDATE CASCADE,
  kind         TEXT NOT NULL CHECK (kind IN ('status', 'quarter')),
  "from"       TEXT,
  "to"         TEXT NOT NULL,
  modified_at  TEXT NOT NULL,
  modified_by  TEXT NOT NULL
) STRICT;
CREATE INDEX status_event_action ON status_event (action, modified_at);

CREATE TABLE definition (
  uuid        TEXT PRIMARY KEY NOT NULL,
  plan        TEXT NOT NULL REFERENCES plan (uuid) ON DELETE CASCADE,
  section     TEXT NOT NULL DEFAULT '',
  term        TEXT NOT NULL CHECK (term <> ''),
  text        TEXT NOT NULL DEFAULT '',
  position    INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
  owner       TEXT REFERENCES organisation (code) ON UPDATE CASCADE,
  modified_at TEXT NOT NULL,
  modified_by TEXT NOT NULL
) STRICT;
CREATE INDEX definition_plan ON definition (plan);
