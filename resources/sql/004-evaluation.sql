-- SPDX-License-Identifier: EUPL-1.2
-- Schema version 4: the year's evaluation.
--
-- A goal is assessed (achieved, partly, not achieved, or not yet) with a
-- text that says why, and may name the actions that serve it (UUIDs, one
-- per line); an action has an evaluation text (its result, the reason for
-- a delay). They travel in exchange files like every other field.

ALTER TABLE goal ADD COLUMN assessment TEXT NOT NULL DEFAULT 'not-assessed'
  CHECK (assessment IN ('not-assessed', 'achieved', 'partly', 'not-achieved'));
ALTER TABLE goal ADD COLUMN evaluation TEXT NOT NULL DEFAULT '';
ALTER TABLE goal ADD COLUMN actions TEXT NOT NULL DEFAULT '';
ALTER TABLE action ADD COLUMN evaluation TEXT NOT NULL DEFAULT '';

-- What a report at a reference date needs beside the status events: when
-- an action came into this database and each achieved count a status had.
-- Kept by triggers, so every writer (window, command line, import, undo)
-- leaves the same history; local to this database, never exchanged.
CREATE TABLE action_fact (
  action       TEXT NOT NULL,
  municipality TEXT NOT NULL DEFAULT '',
  kind         TEXT NOT NULL CHECK (kind IN ('created', 'achieved')),
  value        INTEGER NOT NULL DEFAULT 0,
  at           TEXT NOT NULL
) STRICT;
CREATE INDEX action_fact_action ON action_fact (action, at);

INSERT INTO action_fact (action, kind, at)
  SELECT uuid, 'created',
         min (modified_at, coalesce ((SELECT min (e.modified_at) FROM status_event e
                                      WHERE e.action = action.uuid), modified_at))
  FROM action;
INSERT INTO action_fact (action, municipality, kind, value, at)
  SELECT action, municipality, 'achieved', achieved, modified_at FROM action_status;

CREATE TRIGGER action_fact_created AFTER INSERT ON action
BEGIN
  INSERT INTO action_fact (action, kind, at) VALUES (NEW.uuid, 'created', NEW.modified_at);
END;

CREATE TRIGGER action_fact_achieved_new AFTER INSERT ON action_status
BEGIN
  INSERT INTO action_fact (action, municipality, kind, value, at)
    VALUES (NEW.action, NEW.municipality, 'achieved', NEW.achieved, NEW.modified_at);
END;

CREATE TRIGGER action_fact_achieved AFTER UPDATE OF achieved ON action_status
  WHEN OLD.achieved <> NEW.achieved AND NEW.modified_at >= OLD.modified_at
BEGIN
  INSERT INTO action_fact (action, municipality, kind, value, at)
    VALUES (NEW.action, NEW.municipality, 'achieved', NEW.achieved, NEW.modified_at);
END;

-- Undo puts an older version back: what came after it goes with it, so an
-- undone change leaves no history, as it leaves no status event.
CREATE TRIGGER action_fact_undone AFTER UPDATE ON action_status
  WHEN NEW.modified_at < OLD.modified_at
BEGIN
  DELETE FROM action_fact WHERE action = NEW.action AND municipality = NEW.municipality
    AND kind = 'achieved' AND at > NEW.modified_at;
END;

CREATE TRIGGER action_fact_status_gone AFTER DELETE ON action_status
BEGIN
  DELETE FROM action_fact WHERE action = OLD.action AND municipality = OLD.municipality
    AND kind = 'achieved';
END;

CREATE TRIGGER action_fact_gone AFTER DELETE ON action
BEGIN
  DELETE FROM action_fact WHERE action = OLD.uuid;
END;
