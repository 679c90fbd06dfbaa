/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-store"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-store-as-of.h"
#include "vp-store-private.h"

/*
 * The plan shown as of a date (peildatum): the one place that says that
 * nothing can be changed now. While a date is set, the statuses the views
 * ask for (vp_store_find_status() and what is built on it) are those the
 * history gives for the end of that day, actions made after it are not
 * shown (vp_store_is_shown()), the over-time mark is worked out at it
 * (vp_store_get_shown_now()), and the store refuses every write
 * (vp_store_begin()). The views and the window's actions follow the
 * "as-of" property; none of them works out a date of its own.
 */

/* The months by name, in the UI's language rather than LC_TIME's (a
 * Dutch UI under an English locale wrote "31 December 2024"). */
static const char *const months[] = {
  NC_ ("month", "January"), NC_ ("month", "February"), NC_ ("month", "March"),
  NC_ ("month", "April"),   NC_ ("month", "May"),      NC_ ("month", "June"),
  NC_ ("month", "July"),    NC_ ("month", "August"),   NC_ ("month", "September"),
  NC_ ("month", "October"), NC_ ("month", "November"), NC_ ("month", "December"),
};

/**
 * vp_store_format_day:
 *
 * Returns: (transfer full): the day of @time in local time, as the
 *   banner and messages of the date shown name it: "31 December 2024"
 */
char *
vp_store_format_day (GDateTime *time)
{
  g_autoptr (GDateTime) local = g_date_time_to_local (time);
  const char *month = months[g_date_time_get_month (local) - 1];

  /* Translators: a date: the day, the month's name, the year */
  return g_strdup_printf (_ ("%1$d %2$s %3$d"), g_date_time_get_day_of_month (local),
                          g_dpgettext2 (GETTEXT_PACKAGE, "month", month),
                          g_date_time_get_year (local));
}

/* Every view that shows statuses hears that they all changed, as after
 * an import: the list of statuses is put back in place of itself. */
static void
republish_statuses (VpStore *self)
{
  GListModel *statuses = vp_store_get_records (self, VP_TYPE_ACTION_STATUS);
  guint n = g_list_model_get_n_items (statuses);
  g_autoptr (GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (statuses, i));
  g_list_store_splice (G_LIST_STORE (statuses), 0, n, items->pdata, n);
}

/**
 * vp_store_set_as_of:
 * @as_of: (nullable): the moment to show the plan as of, or %NULL for
 *   the present
 * @statuses: (transfer full) (nullable): with @as_of, the statuses then
 *   (action uuid → #GPtrArray of #VpActionStatus, one per municipality
 *   that had one); the actions not in it are not shown
 * @quarters: (transfer full) (nullable): with @as_of, the quarter each
 *   action had then (vp_figures_make_quarters()); %NULL: their quarters now
 *
 * Shows the plan as of @as_of, read only, or as it is now again.
 *
 * Returns: %FALSE, changing nothing, while a change is being written
 */
gboolean
vp_store_set_as_of (VpStore *self, GDateTime *as_of, GHashTable *statuses, GHashTable *quarters)
{
  g_autoptr (GHashTable) owned = statuses;
  g_autoptr (GHashTable) owned_quarters = quarters;

  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  g_return_val_if_fail ((as_of == NULL) == (statuses == NULL), FALSE);

  if (self->in_transaction)
    return FALSE;
  if (as_of == NULL && self->as_of == NULL)
    return TRUE;
  g_clear_pointer (&self->as_of, g_date_time_unref);
  g_clear_pointer (&self->as_of_statuses, g_hash_table_unref);
  g_clear_pointer (&self->as_of_quarters, g_hash_table_unref);
  self->as_of = as_of != NULL ? g_date_time_ref (as_of) : NULL;
  self->as_of_statuses = g_steal_pointer (&owned);
  if (as_of != NULL)
    self->as_of_quarters = g_steal_pointer (&owned_quarters);
  /* which actions show first, then what they show */
  vp_store_notify_as_of (self);
  republish_statuses (self);
  g_signal_emit_by_name (self, "changed");
  return TRUE;
}

/**
 * vp_store_get_as_of:
 *
 * Returns: (transfer none) (nullable): the moment the plan is shown as
 *   of, %NULL when it is shown as it is now
 */
GDateTime *
vp_store_get_as_of (VpStore *self)
{
  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  return self->as_of;
}

/**
 * vp_store_get_shown_now:
 *
 * The moment the views show: the date shown as of, or the store's clock's
 * present. The over-time mark is worked out at it.
 *
 * Returns: (transfer full): that moment, in UTC
 */
GDateTime *
vp_store_get_shown_now (VpStore *self)
{
  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  return self->as_of != NULL ? g_date_time_to_utc (self->as_of) : vp_store_get_now (self);
}

/**
 * vp_store_is_shown:
 * @action: a #VpAction
 *
 * Returns: whether @action is shown: always in the present; as of a date,
 *   when it was there then
 */
/**
 * vp_store_get_shown_quarter:
 * @year: (out): the year of @action's quarter as shown (0: none)
 * @quarter: (out): its quarter
 *
 * @action's quarter as the window shows it: the one it had at the date
 * the plan is shown as of (a move made since does not count), or its
 * quarter now.
 */
void
vp_store_get_shown_quarter (VpStore *self, VpAction *action, int *year, VpQuarter *quarter)
{
  gpointer packed;

  g_return_if_fail (VP_IS_STORE (self));
  if (self->as_of_quarters != NULL
      && g_hash_table_lookup_extended (self->as_of_quarters,
                                       vp_record_get_uuid (VP_RECORD (action)), NULL, &packed))
    {
      *year = GPOINTER_TO_INT (packed) / 8;
      *quarter = GPOINTER_TO_INT (packed) % 8;
      return;
    }
  *year = vp_action_get_year (action);
  *quarter = vp_action_get_quarter (action);
}

gboolean
vp_store_is_shown (VpStore *self, gpointer action)
{
  g_return_val_if_fail (VP_IS_STORE (self), FALSE);
  return self->as_of_statuses == NULL
         || g_hash_table_contains (self->as_of_statuses, vp_record_get_uuid (VP_RECORD (action)));
}

/**
 * vp_store_get_as_of_statuses:
 *
 * Returns: (transfer none) (nullable): the statuses of the date shown,
 *   by action uuid, or %NULL in the present
 */
GHashTable *
vp_store_get_as_of_statuses (VpStore *self)
{
  return self->as_of_statuses;
}

/**
 * vp_store_dup_read_only_reason:
 *
 * Returns: (transfer full) (nullable): why nothing can be changed now,
 *   for a tooltip or a message; %NULL when changes can be made
 */
char *
vp_store_dup_read_only_reason (VpStore *self)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (VP_IS_STORE (self), NULL);
  if (self->as_of == NULL)
    return NULL;
  date = vp_store_format_day (self->as_of);
  /* Translators: the plan is shown as of a reference date (peildatum) */
  return g_strdup_printf (_ ("The plan is shown as of %s: nothing can be changed. Go back to "
                             "today to make changes."),
                          date);
}

/**
 * vp_store_check_writable:
 *
 * Returns: whether changes can be written; if not (the plan is shown as
 *   of a date), @error says why
 */
gboolean
vp_store_check_writable (VpStore *self, GError **error)
{
  g_autofree char *reason = vp_store_dup_read_only_reason (self);

  if (reason == NULL)
    return TRUE;
  g_set_error_literal (error, VP_STORE_ERROR, VP_STORE_ERROR_INVALID, reason);
  return FALSE;
}
