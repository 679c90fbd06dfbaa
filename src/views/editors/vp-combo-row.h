/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void vp_combo_row_show_full_text (AdwComboRow *row);

G_END_DECLS
