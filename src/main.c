/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "veiligheidsplan"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "app/vp-application.h"

int
main (int argc, char *argv[])
{
  g_autoptr (VpApplication) app = NULL;

  vp_application_init_i18n ();
  app = vp_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
