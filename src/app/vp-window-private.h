/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include "vp-action-filter.h"
#include "exchange/vp-exchange-folder.h"
#include "views/evaluation/vp-evaluation-view.h"
#include "vp-after-frame.h"
#include "vp-board-view.h"
#include "vp-list-view.h"
#include "vp-matrix-view.h"
#include "vp-plan-view.h"
#include "vp-window.h"

G_BEGIN_DECLS

struct _VpWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  AdwToastOverlay *toasts;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkLabel *plan_title;
  GtkLabel *plan_subtitle;
  GtkDropDown *plan_chooser;
  GtkListBox *sidebar_list;
  GtkWidget *overdue_button;
  AdwButtonContent *overdue_content;
  GtkWidget *content;
  AdwViewSwitcherTitle *title;
  GtkWidget *search_button;
  GtkWidget *filter_button;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkRevealer *chips_revealer;
  GtkRevealer *home_banner;
  GtkRevealer *as_of_banner;
  GtkLabel *as_of_label;
  GtkRevealer *ended_banner;
  GtkLabel *ended_label;
  GtkButton *ended_button;
  GtkBox *chips;
  GtkGrid *filter_grid;
  GtkStack *stack;
  AdwStatusPage *empty_page;
  AdwStatusPage *opening_page;
  GtkProgressBar *opening_progress;
  AdwViewStack *views;

  /* borrowed: children of views */
  VpListView *list_view;
  VpBoardView *board_view; /* made when first shown, in board_page */
  GtkWidget *board_page;
  /* an AdwBin that holds the quarter board, a VpBoardView */
  GtkWidget *quarters_page;
  VpBoardView *quarters_view;
  VpPlanView *plan_view;
  /* the partner matrix, made when first shown (build_matrix()): NULL till then */
  GtkWidget *matrix_page;
  VpMatrixView *matrix_view;
  /* the evaluation, made when first shown or asked for
   * (vp_window_get_evaluation()): NULL till then */
  GtkWidget *evaluation_page;
  VpEvaluationView *evaluation_view;

  /* owned */
  VpStore *store;
  VpPlan *plan;
  VpActionFilter *filter;
  GSettings *settings;
  /* the facets' drop-downs in the filter popover */
  GPtrArray *facets;
  /* the sidebar's update is queued (vp_window_after_frame()) */
  gboolean sidebar_queued;
  /* how many priorities' rows the sidebar makes (vp-window-sidebar.c) */
  guint sidebar_room;
  /* the plan's actions, counted by priority for the sidebar's rows */
  GHashTable *sidebar_counts;
  /* the exchange folder, when settings are there (vp-window-exchange.c) */
  VpExchangeFolder *exchange_folder;
  /* the width the sidebar folds below, once the window is allocated */
  guint fold_id;
  /* while the plan database is read (vp_window_new_opening()): its file,
   * the partners' files to import then, and the wait before the
   * progress shows */
  char *path;
  GPtrArray *pending_imports;
  guint opening_id;
};

/* vp-window.c */
void vp_window_toast (VpWindow *self, const char *message);
void vp_window_connect_view (VpWindow *self, gpointer view);
AdwToast *vp_window_new_toast (const char *text);

/* vp-window-sidebar.c */
void vp_window_watch_sidebar (VpWindow *self);
void vp_window_update_sidebar (VpWindow *self);
void
vp_window_show_overdue_action (GtkWidget *widget, const char *action_name, GVariant *parameter);
void vp_window_on_sidebar_row_activated_cb (VpWindow *self, GtkListBoxRow *row);

/* vp-window-filters.c */
void vp_window_setup_filters (VpWindow *self);
void
vp_window_clear_filters_action (GtkWidget *widget, const char *action_name, GVariant *parameter);
void vp_window_filter_action (GtkWidget *widget, const char *action_name, GVariant *parameter);

/* vp-window.c */
void vp_window_show_plan (VpWindow *self, VpPlan *plan);

/* vp-window-plan.c */
void vp_window_install_plan_actions (GtkWidgetClass *widget_class);
void vp_window_setup_plan (VpWindow *self);
void vp_window_watch_plan (VpWindow *self, VpPlan *plan);
void vp_window_update_plan_actions (VpWindow *self);

/* vp-window-exchange.c */
void vp_window_install_exchange_actions (GtkWidgetClass *widget_class);
void vp_window_setup_exchange (VpWindow *self);
void vp_window_dispose_exchange (VpWindow *self);

/* vp-window-backup.c */
void vp_window_install_backup_actions (GtkWidgetClass *widget_class);
/* vp-window.c */
void vp_window_update_actions (VpWindow *self);
void vp_window_show_quarters (VpWindow *self, gboolean anew);

/* vp-window-as-of.c */
void vp_window_install_as_of_actions (GtkWidgetClass *widget_class);
void vp_window_setup_as_of (VpWindow *self);
void vp_window_update_as_of (VpWindow *self);

/* vp-window-report.c */
void vp_window_install_report_actions (GtkWidgetClass *widget_class);
void vp_window_setup_report (VpWindow *self);
VpEvaluationView *vp_window_get_evaluation (VpWindow *self);

G_END_DECLS
