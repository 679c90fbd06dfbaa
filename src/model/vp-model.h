/* SPDX-License-Identifier: EUPL-1.2 */
#pragma once

/* Every model type at once. */
#include "vp-enums.h"
#include "vp-budget.h"
#include "vp-record.h"
#include "vp-organisation.h"
#include "vp-plan.h"
#include "vp-priority.h"
#include "vp-subtheme.h"
#include "vp-goal.h"
#include "vp-action.h"
#include "vp-action-status.h"
#include "vp-status-event.h"
#include "vp-definition.h"
