/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-exchange"

#include "config.h"

#include <string.h>

#include "vp-untrusted-text.h"

/*
 * Text from a partner's file (or anyone's command line) that is shown
 * somewhere that obeys control characters: a terminal takes ESC sequences
 * as commands (set the title, clear the screen), and a bidirectional
 * override reorders everything after it. Such characters are shown as
 * their escapes instead, so that a person sees what the file holds.
 */

/**
 * vp_untrusted_text_is_control:
 *
 * Returns: whether @c is a C0 or C1 control, DEL, or a bidirectional
 *   embedding, override or isolate (U+202A–U+202E, U+2066–U+2069)
 */
gboolean
vp_untrusted_text_is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
         || (c >= 0x2066 && c <= 0x2069);
}

/**
 * vp_untrusted_text_for_terminal:
 * @text: (nullable): any bytes, meant to be UTF-8
 *
 * Returns: (transfer full): @text as valid UTF-8 with every control
 *   character of vp_untrusted_text_is_control() written as an escape
 *   ("\x1B", "\u202E"), safe to print on one line of a terminal
 */
char *
vp_untrusted_text_for_terminal (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *safe = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!vp_untrusted_text_is_control (c))
        g_string_append_len (safe, p, g_utf8_next_char (p) - p);
      else if (c <= 0xff)
        g_string_append_printf (safe, "\\x%02X", c);
      else
        g_string_append_printf (safe, "\\u%04X", c);
    }
  return g_string_free (safe, FALSE);
}
