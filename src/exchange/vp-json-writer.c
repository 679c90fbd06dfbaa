/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-json-writer"

#include "config.h"

#include "vp-json-writer.h"

/*
 * A streaming JSON writer with a fixed layout, so that an export is the
 * same bytes every time (json-glib's generator puts a space before the
 * colon and escapes differently between versions). Values are written as
 * they come; the writer only tracks, per open container, whether it is an
 * array and how many items it has, for commas and indentation.
 */

typedef struct
{
  gboolean array;
  guint count;
} Level;

struct _VpJsonWriter
{
  GString *out;
  GArray *levels;
  /* a key was written, its value comes next */
  gboolean after_key;
};

VpJsonWriter *
vp_json_writer_new (void)
{
  VpJsonWriter *self = g_new0 (VpJsonWriter, 1);

  self->out = g_string_sized_new (64 * 1024);
  self->levels = g_array_new (FALSE, FALSE, sizeof (Level));
  return self;
}

/**
 * vp_json_writer_free_to_string:
 *
 * Returns: (transfer full): the document, ending with a newline
 */
char *
vp_json_writer_free_to_string (VpJsonWriter *self)
{
  GString *out = self->out;

  g_assert (self->levels->len == 0);
  g_array_unref (self->levels);
  g_free (self);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

static void
newline (VpJsonWriter *self, guint depth)
{
  /* the indent appended in pieces of up to 64 spaces, not two at a time */
  static const char spaces[] = "                                                                ";
  guint width = 2 * depth;

  g_string_append_c (self->out, '\n');
  while (width > 0)
    {
      guint n = MIN (width, (guint) sizeof spaces - 1);

      g_string_append_len (self->out, spaces, n);
      width -= n;
    }
}

/* Before a value: a comma and a new line where it is an array element. */
static void
before_value (VpJsonWriter *self)
{
  Level *level;

  if (self->after_key || self->levels->len == 0)
    {
      self->after_key = FALSE;
      return;
    }
  level = &g_array_index (self->levels, Level, self->levels->len - 1);
  g_assert (level->array);
  if (level->count++ > 0)
    g_string_append_c (self->out, ',');
  newline (self, self->levels->len);
}

static void
begin (VpJsonWriter *self, gboolean array)
{
  Level level = { array, 0 };

  before_value (self);
  g_string_append_c (self->out, array ? '[' : '{');
  g_array_append_val (self->levels, level);
}

static void
end (VpJsonWriter *self, gboolean array)
{
  Level level = g_array_index (self->levels, Level, self->levels->len - 1);

  g_assert (level.array == array && !self->after_key);
  g_array_set_size (self->levels, self->levels->len - 1);
  if (level.count > 0)
    newline (self, self->levels->len);
  g_string_append_c (self->out, array ? ']' : '}');
}

void
vp_json_writer_begin_object (VpJsonWriter *self)
{
  begin (self, FALSE);
}

void
vp_json_writer_end_object (VpJsonWriter *self)
{
  end (self, FALSE);
}

void
vp_json_writer_begin_array (VpJsonWriter *self)
{
  begin (self, TRUE);
}

void
vp_json_writer_end_array (VpJsonWriter *self)
{
  end (self, TRUE);
}

static void
append_quoted (GString *out, const char *text)
{
  const char *run = text;

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      const char *escape = NULL;

      /* characters that need no escape go out as a run, at once */
      if ((guchar) *p >= 0x20 && *p != '"' && *p != '\\')
        continue;
      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (*p)
        {
        case '"':
          escape = "\\\"";
          break;
        case '\\':
          escape = "\\\\";
          break;
        case '\n':
          escape = "\\n";
          break;
        case '\r':
          escape = "\\r";
          break;
        case '\t':
          escape = "\\t";
          break;
        case '\b':
          escape = "\\b";
          break;
        case '\f':
          escape = "\\f";
          break;
        default:
          g_string_append_printf (out, "\\u%04x", (guchar) *p);
        }
      if (escape != NULL)
        g_string_append (out, escape);
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

void
vp_json_writer_key (VpJsonWriter *self, const char *key)
{
  Level *level = &g_array_index (self->levels, Level, self->levels->len - 1);

  g_assert (!level->array && !self->after_key);
  if (level->count++ > 0)
    g_string_append_c (self->out, ',');
  newline (self, self->levels->len);
  append_quoted (self->out, key);
  g_string_append (self->out, ": ");
  self->after_key = TRUE;
}

void
vp_json_writer_string (VpJsonWriter *self, const char *value)
{
  before_value (self);
  append_quoted (self->out, value != NULL ? value : "");
}

void
vp_json_writer_int (VpJsonWriter *self, gint64 value)
{
  before_value (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

void
vp_json_writer_null (VpJsonWriter *self)
{
  before_value (self);
  g_string_append (self->out, "null");
}
