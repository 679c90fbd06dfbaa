/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "store/vp-store.h"

G_BEGIN_DECLS

/* Whose actions count: the home municipality's plan (joint and its own
 * local actions) or the whole coalition's. */
typedef enum
{
  VP_FIGURES_SCOPE_HOME,
  VP_FIGURES_SCOPE_COALITION,
} VpFiguresScope;

#define VP_N_STATUSES (VP_STATUS_CANCELLED + 1)

typedef struct
{
  guint by_status[VP_N_STATUSES];
  guint overdue;
  guint total;
} VpCounts;

/* An action as it stood at the reference date. */
typedef struct
{
  VpAction *action;
  VpStatus status;
  int year;
  VpQuarter quarter;
  int achieved;
  gboolean overdue;
} VpActionAt;

/* The counts of one lead's actions. */
typedef struct
{
  char *label;
  VpCounts counts;
} VpLeadCounts;

typedef struct _VpFigures VpFigures;

VpFigures *vp_figures_new (
  VpStore *store, VpPlan *plan, GDateTime *as_of, VpFiguresScope scope, GError **error);
void vp_figures_free (VpFigures *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpFigures, vp_figures_free)

VpStore *vp_figures_get_store (VpFigures *self);
VpPlan *vp_figures_get_plan (VpFigures *self);
GDateTime *vp_figures_get_as_of (VpFigures *self);
GPtrArray *vp_figures_get_priorities (VpFigures *self);
GPtrArray *vp_figures_get_actions (VpFigures *self);
const VpActionAt *vp_figures_lookup (VpFigures *self, VpAction *action);
const VpCounts *vp_figures_get_total (VpFigures *self);
void vp_figures_count_priority (VpFigures *self, const char *priority, VpCounts *counts);
void vp_figures_count_subtheme (VpFigures *self, const char *subtheme, VpCounts *counts);
void vp_figures_count_quarter (VpFigures *self, VpQuarter quarter, guint *planned, guint *done);
void vp_figures_count_targets (
  VpFigures *self, guint *n_actions, guint *met, guint *achieved, guint *target);
GPtrArray *vp_figures_list_leads (VpFigures *self);
VpStatus vp_figures_status_of (VpFigures *self, VpAction *action, const char *municipality);
char *vp_figures_dump (VpFigures *self);
GHashTable *vp_figures_make_statuses (VpFigures *self);
GHashTable *vp_figures_make_quarters (VpFigures *self);

char *vp_figures_lead_label (VpStore *store, VpAction *action);
GDateTime *vp_figures_parse_date (const char *text, GError **error);

G_END_DECLS
