-- SPDX-License-Identifier: EUPL-1.2
-- Schema version 6: budgets as municipalities write them.
--
-- priority.budget_cents: the budget in cents (€0.15 is 15); NULL for none,
--   0 for a budget of nothing. Was priority.budget in whole euros, where 0
--   was stored as NULL: a whole-euro budget becomes its cents.
-- plan.budget_cents: the plan's own budget, besides its priorities', the
--   same way.

ALTER TABLE priority RENAME COLUMN budget TO budget_cents;
UPDATE priority SET budget_cents = budget_cents * 100 WHERE budget_cents IS NOT NULL;
ALTER TABLE plan ADD COLUMN budget_cents INTEGER CHECK (budget_cents >= 0);
