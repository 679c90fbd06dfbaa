-- SPDX-License-Identifier: EUPL-1.2
-- Schema version 5: a plan of one's own and next year's plan.
--
-- organisation.short_name: the name for badges and columns ("OM" for
--   Openbaar Ministerie); '' means it is derived from the name.
-- plan.ownership: 'municipality' (only plan.owner edits the plan itself) or
--   'coalition' (every participant does; owner is then the municipality that
--   made it, kept so that older releases read the plan as before).
-- plan.closed_at: when the plan was closed (next year's plan was made from
--   it); a closed plan opens read-only until it is reopened. NULL: open.
-- action.origin: the UUID of the action in an earlier plan this one was
--   carried over from, or NULL. Not a foreign key: the earlier plan may be
--   deleted, or never have reached this database.

ALTER TABLE organisation ADD COLUMN short_name TEXT NOT NULL DEFAULT '';
ALTER TABLE plan ADD COLUMN ownership TEXT NOT NULL DEFAULT 'municipality'
  CHECK (ownership IN ('municipality', 'coalition'));
ALTER TABLE plan ADD COLUMN closed_at TEXT;
ALTER TABLE action ADD COLUMN origin TEXT;
CREATE INDEX action_origin ON action (origin) WHERE origin IS NOT NULL;
