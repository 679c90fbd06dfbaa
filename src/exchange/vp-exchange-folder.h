/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <gio/gio.h>

#include "store/vp-store.h"

G_BEGIN_DECLS

#define VP_TYPE_EXCHANGE_FOLDER (vp_exchange_folder_get_type ())

G_DECLARE_FINAL_TYPE (VpExchangeFolder, vp_exchange_folder, VP, EXCHANGE_FOLDER, GObject)

VpExchangeFolder *vp_exchange_folder_new (VpStore *store);
void vp_exchange_folder_set_path (VpExchangeFolder *self, const char *path);
const char *vp_exchange_folder_get_path (VpExchangeFolder *self);
void vp_exchange_folder_set_delays (VpExchangeFolder *self, guint export_ms, guint settle_ms);
gboolean vp_exchange_folder_export_now (VpExchangeFolder *self, GError **error);
guint vp_exchange_folder_get_n_waiting (VpExchangeFolder *self);

G_END_DECLS
