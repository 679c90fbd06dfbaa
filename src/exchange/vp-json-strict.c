/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-json-strict"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "vp-json-strict.h"

/*
 * A strict JSON (RFC 8259) checker, run over a file before json-glib
 * parses it. json-glib accepts more than JSON (comments, single quotes,
 * hexadecimal and leading-zero numbers, raw control characters and unknown
 * escapes in strings, duplicate keys, integers that silently wrap), and it
 * parses recursively without a depth limit: a file nested deep enough
 * overflows the stack. This checker is a loop over the bytes with a stack
 * of its own, so no file can exhaust it; what it accepts json-glib reads
 * within the limits given.
 *
 * It also counts what json-glib would build: records of each kind (the
 * objects in a list under a known key) and the memory of the whole tree,
 * so that a small file of many empty objects is refused before it is
 * turned into gigabytes of nodes.
 *
 * A text it passed is then turned into json-glib's nodes by
 * vp_json_strict_build(), a loop as well, in place of json-glib's parser.
 */

/* What json-glib 1.6 takes to hold a document (x86-64, measured with
 * 300,000 of each): an object 304 bytes, a list 118, a number or
 * true/false/null 82, a text 82 + 32 and its length; a member of an object
 * about 90 besides its value (its key as a text's 32 and length); a list's
 * element 8 for its slot. */
#define OBJECT_BYTES  304
#define ARRAY_BYTES   118
#define VALUE_BYTES   82
#define STRING_BYTES  32
#define MEMBER_BYTES  90
#define ELEMENT_BYTES 8

/* the keys of one object: a record's fit in one block */
#define KEY_TEXT_BYTES 512

typedef enum
{
  WANT_VALUE,
  WANT_FIRST_ELEMENT,
  WANT_ELEMENT,
  WANT_FIRST_KEY,
  WANT_KEY,
  WANT_COLON,
  AFTER_VALUE,
  DONE,
} State;

typedef struct
{
  /* '{' or '[' */
  char type;
  /* of a list: the index of its key in the limits' kinds, or -1 */
  int kind;
  /* of an object: its keys so far, kept for the next object this deep;
   * their text, one block per object (emptied when it closes) rather
   * than a copy per key */
  GHashTable *keys;
  GStringChunk *key_text;
} Frame;

typedef struct
{
  const guchar *data;
  const guchar *p;
  const guchar *end;
  const VpJsonLimits *limits;
  Frame *stack;
  guint depth;
  guint *counts;
  guint64 tree_bytes;
  /* a key, its escapes decoded */
  GString *key;
  GError **error;
} Checker;

G_DEFINE_QUARK (vp_json_strict_error, vp_json_strict_error)

/* Line and column (in characters, from 1) of @at. */
static void
locate (Checker *c, const guchar *at, guint *line, guint *column)
{
  const guchar *p = c->data;

  *line = 1;
  *column = 1;
  if (c->end - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  for (; p < at; p++)
    {
      if (*p == '\n')
        (*line)++, *column = 1;
      else if ((*p & 0xc0) != 0x80)
        (*column)++;
    }
}

static gboolean fail (Checker *c, const guchar *at, VpJsonStrictError code, const char *format, ...)
  G_GNUC_PRINTF (4, 5);

static gboolean
fail (Checker *c, const guchar *at, VpJsonStrictError code, const char *format, ...)
{
  g_autofree char *what = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  locate (c, at, &line, &column);
  /* Translators: where a fault is in a file, and what it is */
  g_set_error (c->error, VP_JSON_STRICT_ERROR, (int) code, _ ("line %u, column %u: %s"), line,
               column, what);
  return FALSE;
}

static gboolean
is_word_char (guchar ch)
{
  return g_ascii_isalnum (ch) || ch == '_' || ch == '.' || ch == '+' || ch == '-';
}

/* What stands at @at, for a message: a word, a character or U+XXXX,
 * never a raw control or formatting character. */
static char *
describe (Checker *c, const guchar *at)
{
  const guchar *p = at;

  if (at >= c->end)
    return g_strdup (_ ("the end of the file"));
  if (g_ascii_isalnum (*at))
    {
      while (p < c->end && p - at < 20 && is_word_char (*p))
        p++;
      return g_strdup_printf ("“%.*s”", (int) (p - at), (const char *) at);
    }
  if (g_ascii_isprint (*at))
    return g_strdup_printf ("“%c”", *at);
  if (*at < 0x80)
    return g_strdup_printf ("U+%04X", *at);
  return g_strdup_printf ("U+%04X", g_utf8_get_char ((const char *) at));
}

/* A key for a message: printable characters, the others as U+XXXX. */
static char *
describe_key (const char *key)
{
  g_autoptr (GString) text = g_string_new (NULL);
  const char *p = key;

  for (guint n = 0; *p != '\0' && n < 40; p = g_utf8_next_char (p), n++)
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isprint (ch) && g_unichar_type (ch) != G_UNICODE_FORMAT)
        g_string_append_unichar (text, ch);
      else
        g_string_append_printf (text, "U+%04X", ch);
    }
  if (*p != '\0')
    g_string_append (text, "…");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
charge (Checker *c, guint64 bytes, const guchar *at)
{
  c->tree_bytes += bytes;
  if (c->tree_bytes <= c->limits->max_tree_bytes)
    return TRUE;
  return fail (c, at, VP_JSON_STRICT_ERROR_TOO_DENSE,
               _ ("the file holds so many lists, objects and values for its size that reading it "
                  "would take more memory than any exchange file"));
}

static int
find_kind (Checker *c, const char *key)
{
  for (guint i = 0; i < c->limits->n_kinds; i++)
    {
      if (g_str_equal (c->limits->kinds[i].key, key))
        return (int) i;
    }
  return -1;
}

static gboolean
open_container (Checker *c, char type)
{
  Frame *parent = c->depth > 0 ? &c->stack[c->depth - 1] : NULL;
  Frame *frame;

  if (c->depth >= c->limits->max_depth)
    return fail (c, c->p, VP_JSON_STRICT_ERROR_DEPTH,
                 _ ("lists and objects nest more than %u deep"), c->limits->max_depth);
  if (!charge (c, type == '{' ? OBJECT_BYTES : ARRAY_BYTES, c->p))
    return FALSE;
  frame = &c->stack[c->depth++];
  frame->type = type;
  /* the key before a list is still in c->key; only a list's key is looked
   * for among the kinds, not every key of every record */
  frame->kind
    = type == '[' && parent != NULL && parent->type == '{' ? find_kind (c, c->key->str) : -1;
  if (type == '{' && frame->keys == NULL)
    frame->keys = g_hash_table_new (g_str_hash, g_str_equal);
  if (type == '{' && frame->key_text == NULL)
    frame->key_text = g_string_chunk_new (KEY_TEXT_BYTES);
  c->p++;
  return TRUE;
}

static void
close_container (Checker *c)
{
  Frame *frame = &c->stack[--c->depth];

  /* A large table is not kept: emptying it again for every small object
   * after it would take as long as it is large. */
  if (frame->type == '{' && g_hash_table_size (frame->keys) > 64)
    g_clear_pointer (&frame->keys, g_hash_table_unref);
  else if (frame->type == '{')
    g_hash_table_remove_all (frame->keys);
  if (frame->type == '{')
    g_string_chunk_clear (frame->key_text);
  c->p++;
}

static int
hex_value (guchar ch)
{
  if (g_ascii_isdigit (ch))
    return ch - '0';
  if (ch >= 'a' && ch <= 'f')
    return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F')
    return ch - 'A' + 10;
  return -1;
}

/* Four hexadecimal digits at @p, or -1. */
static int
read_hex4 (Checker *c, const guchar *p)
{
  int value = 0;

  if (c->end - p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* A \uXXXX escape at c->p (the backslash), a surrogate pair as one. */
static gboolean
read_unicode_escape (Checker *c, gunichar *ch)
{
  const guchar *at = c->p;
  int high = read_hex4 (c, at + 2);
  int low;

  if (high < 0)
    return fail (c, at, VP_JSON_STRICT_ERROR_SYNTAX,
                 _ ("“\\u” must be followed by four hexadecimal digits"));
  c->p += 6;
  if (high >= 0xdc00 && high <= 0xdfff)
    return fail (c, at, VP_JSON_STRICT_ERROR_SYNTAX, _ ("an unpaired surrogate “\\u%04x”"), high);
  if (high >= 0xd800 && high <= 0xdbff)
    {
      if (c->end - c->p < 6 || c->p[0] != '\\' || c->p[1] != 'u'
          || (low = read_hex4 (c, c->p + 2)) < 0xdc00 || low > 0xdfff)
        return fail (c, at, VP_JSON_STRICT_ERROR_SYNTAX, _ ("an unpaired surrogate “\\u%04x”"),
                     high);
      c->p += 6;
      *ch = 0x10000 + ((gunichar) (high - 0xd800) << 10) + (gunichar) (low - 0xdc00);
      return TRUE;
    }
  if (high == 0)
    return fail (c, at, VP_JSON_STRICT_ERROR_SYNTAX,
                 _ ("the character U+0000 is not allowed in text"));
  *ch = (gunichar) high;
  return TRUE;
}

static gboolean
read_escape (Checker *c, gboolean is_key)
{
  static const char from[] = "\"\\/bfnrt";
  static const char to[] = "\"\\/\b\f\n\r\t";
  const char *simple;
  gunichar ch = 0;

  if (c->p + 1 >= c->end)
    {
      c->p = c->end; /* the caller finds the text not closed */
      return TRUE;
    }
  simple = c->p[1] != '\0' ? strchr (from, c->p[1]) : NULL;
  if (simple != NULL)
    {
      if (is_key)
        g_string_append_c (c->key, to[simple - from]);
      c->p += 2;
      return TRUE;
    }
  if (c->p[1] != 'u')
    {
      g_autofree char *what = describe (c, c->p + 1);

      return fail (c, c->p, VP_JSON_STRICT_ERROR_SYNTAX,
                   _ ("a backslash followed by %s is not an escape in JSON"), what);
    }
  if (!read_unicode_escape (c, &ch))
    return FALSE;
  if (is_key)
    g_string_append_unichar (c->key, ch);
  return TRUE;
}

/* A text in double quotes at c->p; a key is kept in c->key. */
static gboolean
read_string (Checker *c, gboolean is_key)
{
  const guchar *start = c->p++;

  if (is_key)
    g_string_truncate (c->key, 0);
  while (c->p < c->end)
    {
      guchar ch = *c->p;

      if (ch == '"')
        {
          c->p++;
          return charge (c, STRING_BYTES + (guint64) (c->p - start), start);
        }
      if (ch < 0x20)
        return fail (c, c->p, VP_JSON_STRICT_ERROR_SYNTAX,
                     _ ("the control character U+%04X must be written as an escape in text"), ch);
      if (ch == '\\')
        {
          if (!read_escape (c, is_key))
            return FALSE;
          continue;
        }
      if (is_key)
        g_string_append_c (c->key, (char) ch);
      c->p++;
    }
  return fail (c, start, VP_JSON_STRICT_ERROR_SYNTAX,
               _ ("the text in quotes that begins here is not closed"));
}

static gboolean
skip_digits (Checker *c)
{
  const guchar *start = c->p;

  while (c->p < c->end && g_ascii_isdigit (*c->p))
    c->p++;
  return c->p > start;
}

/* A whole number must fit in 64 bits: json-glib wraps larger ones. */
static gboolean
check_integer (Checker *c, const guchar *start)
{
  gsize length = (gsize) (c->p - start);
  char text[24];

  if (length < sizeof text)
    {
      memcpy (text, start, length);
      text[length] = '\0';
      errno = 0;
      g_ascii_strtoll (text, NULL, 10);
      if (errno == 0)
        return TRUE;
    }
  return fail (c, start, VP_JSON_STRICT_ERROR_SYNTAX, _ ("the whole number %.*s… is too large"),
               (int) MIN (length, 20), (const char *) start);
}

static gboolean
read_number (Checker *c)
{
  const guchar *start = c->p;
  gboolean whole = TRUE;

  if (*c->p == '-')
    c->p++;
  if (c->p < c->end && *c->p == '0')
    {
      c->p++;
      if (c->p < c->end && g_ascii_isdigit (*c->p))
        return fail (c, start, VP_JSON_STRICT_ERROR_SYNTAX,
                     _ ("numbers may not begin with a zero"));
    }
  else if (!skip_digits (c))
    return fail (c, start, VP_JSON_STRICT_ERROR_SYNTAX, _ ("a “-” must be followed by digits"));
  if (c->p < c->end && *c->p == '.')
    {
      c->p++;
      whole = FALSE;
      if (!skip_digits (c))
        return fail (c, start, VP_JSON_STRICT_ERROR_SYNTAX,
                     _ ("a number needs digits after its decimal point"));
    }
  if (c->p < c->end && (*c->p == 'e' || *c->p == 'E'))
    {
      c->p++;
      whole = FALSE;
      if (c->p < c->end && (*c->p == '+' || *c->p == '-'))
        c->p++;
      if (!skip_digits (c))
        return fail (c, start, VP_JSON_STRICT_ERROR_SYNTAX,
                     _ ("a number needs digits after its exponent’s “e”"));
    }
  if (whole && !check_integer (c, start))
    return FALSE;
  return charge (c, VALUE_BYTES, start);
}

static gboolean
read_literal (Checker *c)
{
  static const char *const literals[] = { "true", "false", "null" };

  for (gsize i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize length = strlen (literals[i]);

      if ((gsize) (c->end - c->p) >= length && memcmp (c->p, literals[i], length) == 0
          && (c->p + length == c->end || !is_word_char (c->p[length])))
        {
          c->p += length;
          return charge (c, VALUE_BYTES, c->p - length);
        }
    }
  {
    g_autofree char *what = describe (c, c->p);

    return fail (c, c->p, VP_JSON_STRICT_ERROR_SYNTAX, _ ("expected a value, found %s"), what);
  }
}

/* An element of a list: its slot, and one more of the list's kind. */
static gboolean
count_element (Checker *c, Frame *list)
{
  if (list->kind >= 0 && ++c->counts[list->kind] > c->limits->kinds[list->kind].max)
    return fail (c, c->p, VP_JSON_STRICT_ERROR_TOO_MANY,
                 _ ("the file holds more than %u %s; no exchange file has that many"),
                 c->limits->kinds[list->kind].max, c->limits->kinds[list->kind].name);
  return charge (c, ELEMENT_BYTES, c->p);
}

/* A value at c->p; lists and objects are only opened. */
static gboolean
begin_value (Checker *c, State *state)
{
  if (c->depth > 0 && c->stack[c->depth - 1].type == '['
      && !count_element (c, &c->stack[c->depth - 1]))
    return FALSE;
  *state = AFTER_VALUE;
  switch (*c->p)
    {
    case '{':
      *state = WANT_FIRST_KEY;
      return open_container (c, '{');
    case '[':
      *state = WANT_FIRST_ELEMENT;
      return open_container (c, '[');
    case '"':
      return charge (c, VALUE_BYTES, c->p) && read_string (c, FALSE);
    default:
      if (*c->p == '-' || g_ascii_isdigit (*c->p))
        return read_number (c);
      return read_literal (c);
    }
}

static gboolean
read_key (Checker *c, State *state)
{
  Frame *frame = &c->stack[c->depth - 1];
  const guchar *start = c->p;

  if (!read_string (c, TRUE) || !charge (c, MEMBER_BYTES, start))
    return FALSE;
  if (!g_hash_table_add (frame->keys,
                         g_string_chunk_insert_len (frame->key_text, c->key->str, c->key->len)))
    {
      g_autofree char *key = describe_key (c->key->str);

      return fail (c, start, VP_JSON_STRICT_ERROR_DUPLICATE,
                   _ ("the key “%s” appears twice in one object"), key);
    }
  *state = WANT_COLON;
  return TRUE;
}

static gboolean
expected (Checker *c, const char *what_expected)
{
  g_autofree char *found = describe (c, c->p);

  /* Translators: "expected “,” or “}”, found “x”" */
  return fail (c, c->p, VP_JSON_STRICT_ERROR_SYNTAX, _ ("expected %s, found %s"), what_expected,
               found);
}

/* After a value: the next element or member, or the end of its list or
 * object. */
static gboolean
after_value (Checker *c, State *state)
{
  char type = c->stack[c->depth - 1].type;

  if (*c->p == ',')
    {
      c->p++;
      *state = type == '{' ? WANT_KEY : WANT_ELEMENT;
      return TRUE;
    }
  if (*c->p == (type == '{' ? '}' : ']'))
    {
      close_container (c);
      return TRUE;
    }
  return expected (c, type == '{' ? _ ("“,” or “}”") : _ ("“,” or “]”"));
}

/* What json-glib would take for JSON and strict JSON refuses, where a
 * token should begin. */
static gboolean
check_token_start (Checker *c)
{
  if (*c->p == '/' && c->p + 1 < c->end && (c->p[1] == '*' || c->p[1] == '/'))
    return fail (c, c->p, VP_JSON_STRICT_ERROR_SYNTAX,
                 _ ("comments are not allowed in an exchange file"));
  if (*c->p == '\'')
    return fail (c, c->p, VP_JSON_STRICT_ERROR_SYNTAX,
                 _ ("single quotes are not allowed in an exchange file; texts and keys are in "
                    "double quotes"));
  return TRUE;
}

static gboolean
step (Checker *c, State *state)
{
  if (!check_token_start (c))
    return FALSE;
  switch (*state)
    {
    case WANT_FIRST_ELEMENT:
      if (*c->p == ']')
        {
          close_container (c);
          *state = AFTER_VALUE;
          return TRUE;
        }
      return begin_value (c, state);
    case WANT_ELEMENT:
      if (*c->p == ']')
        return fail (c, c->p, VP_JSON_STRICT_ERROR_SYNTAX, _ ("a comma before “]” is not allowed"));
      return begin_value (c, state);
    case WANT_VALUE:
      return begin_value (c, state);
    case WANT_FIRST_KEY:
    case WANT_KEY:
      if (*c->p == '"')
        return read_key (c, state);
      if (*c->p == '}' && *state == WANT_FIRST_KEY)
        {
          close_container (c);
          *state = AFTER_VALUE;
          return TRUE;
        }
      if (*c->p == '}')
        return fail (c, c->p, VP_JSON_STRICT_ERROR_SYNTAX, _ ("a comma before “}” is not allowed"));
      return expected (c, _ ("a key in double quotes"));
    case WANT_COLON:
      if (*c->p != ':')
        return expected (c, _ ("“:” after the key"));
      c->p++;
      *state = WANT_VALUE;
      return TRUE;
    case AFTER_VALUE:
      if (c->depth == 0)
        {
          *state = DONE;
          return TRUE;
        }
      return after_value (c, state);
    case DONE:
    default:
      {
        g_autofree char *found = describe (c, c->p);

        return fail (c, c->p, VP_JSON_STRICT_ERROR_SYNTAX,
                     _ ("%s after the end of the data; a file holds one JSON value"), found);
      }
    }
}

static void
skip_space (Checker *c)
{
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\n' || *c->p == '\r' || *c->p == '\t'))
    c->p++;
}

static gboolean
check_document (Checker *c)
{
  State state = WANT_VALUE;

  if (c->end - c->p >= 3 && memcmp (c->p, "\xef\xbb\xbf", 3) == 0)
    c->p += 3; /* a byte order mark, which RFC 8259 lets a reader ignore */
  for (;;)
    {
      skip_space (c);
      if (c->p == c->end && (state == DONE || (state == AFTER_VALUE && c->depth == 0)))
        return TRUE;
      if (c->p == c->end && state == WANT_VALUE && c->depth == 0)
        return fail (c, c->p, VP_JSON_STRICT_ERROR_SYNTAX, _ ("the file holds no JSON value"));
      if (c->p == c->end)
        return fail (c, c->p, VP_JSON_STRICT_ERROR_SYNTAX,
                     _ ("the file ends before its lists and objects are closed"));
      if (!step (c, &state))
        return FALSE;
    }
}

#define HIGH_BITS G_GUINT64_CONSTANT (0x8080808080808080)
#define LOW_BITS  G_GUINT64_CONSTANT (0x0101010101010101)

/* The first byte at or after @p that is not ASCII, or is NUL. Eight bytes
 * at a time: an exchange file is nearly all ASCII. */
static const guchar *
skip_ascii (const guchar *p, const guchar *end)
{
  while (end - p >= 8)
    {
      guint64 word;

      memcpy (&word, p, sizeof word);
      /* a byte with its high bit set, or a zero byte */
      if ((word & HIGH_BITS) != 0 || ((word - LOW_BITS) & ~word & HIGH_BITS) != 0)
        break;
      p += 8;
    }
  while (p < end && *p != 0 && *p < 0x80)
    p++;
  return p;
}

/* UTF-8 as g_utf8_validate_len() takes it (no NUL either), which sees
 * only the runs of bytes that are not ASCII: a character of more than one
 * byte never holds an ASCII byte, so the runs are whole characters or
 * faults. */
static gboolean
check_encoding (Checker *c)
{
  const guchar *p = c->data;
  const char *bad;

  while ((p = skip_ascii (p, c->end)) < c->end)
    {
      const guchar *run = p++;

      while (*run != 0 && p < c->end && *p >= 0x80)
        p++;
      if (!g_utf8_validate_len ((const char *) run, (gsize) (p - run), &bad))
        return fail (c, (const guchar *) bad, VP_JSON_STRICT_ERROR_ENCODING,
                     _ ("a byte that is not part of a UTF-8 character"));
    }
  return TRUE;
}

/**
 * vp_json_strict_check:
 * @data: (array length=size): the text
 * @limits: depth, records of each kind, memory
 * @tree_bytes: (out) (optional): the memory json-glib would take for it,
 *   estimated (as far as the check went)
 *
 * Checks that @data is one JSON value as RFC 8259 defines it, in UTF-8,
 * without duplicate keys and within @limits. Never recursive.
 *
 * Returns: whether it is; else @error (VP_JSON_STRICT_ERROR) names the
 *   first fault with its line and column
 */
gboolean
vp_json_strict_check (
  const char *data, gsize size, const VpJsonLimits *limits, guint64 *tree_bytes, GError **error)
{
  Checker c
    = { (const guchar *) data, (const guchar *) data, (const guchar *) data + size, limits };
  gboolean ok;

  g_return_val_if_fail (data != NULL || size == 0, FALSE);
  g_return_val_if_fail (limits != NULL && limits->max_depth <= VP_JSON_STRICT_MAX_DEPTH, FALSE);

  c.stack = g_new0 (Frame, limits->max_depth);
  c.counts = g_new0 (guint, MAX (limits->n_kinds, 1));
  c.key = g_string_new (NULL);
  c.error = error;
  ok = check_encoding (&c) && check_document (&c);
  for (guint i = 0; i < limits->max_depth; i++)
    {
      g_clear_pointer (&c.stack[i].keys, g_hash_table_unref);
      g_clear_pointer (&c.stack[i].key_text, g_string_chunk_free);
    }
  g_free (c.stack);
  g_free (c.counts);
  g_string_free (c.key, TRUE);
  if (tree_bytes != NULL)
    *tree_bytes = c.tree_bytes;
  return ok;
}

/* Building the tree of a checked document */

typedef struct
{
  const guchar *p;
  const guchar *end;
  /* a text, its escapes decoded */
  GString *text;
} Builder;

static void
skip_space_in (Builder *b)
{
  while (b->p < b->end && (*b->p == ' ' || *b->p == '\n' || *b->p == '\r' || *b->p == '\t'))
    b->p++;
}

static gunichar
hex4_at (const guchar *p)
{
  gunichar value = 0;

  for (int i = 0; i < 4; i++)
    value = value * 16 + (gunichar) hex_value (p[i]);
  return value;
}

/* The text in double quotes at b->p into b->text, the quotes passed. */
static const char *
build_string (Builder *b)
{
  static const char from[] = "\"\\/bfnrt";
  static const char to[] = "\"\\/\b\f\n\r\t";
  const guchar *run;

  g_string_truncate (b->text, 0);
  b->p++;
  for (;;)
    {
      /* the characters up to the next quote or escape, at once */
      for (run = b->p; *b->p != '"' && *b->p != '\\'; b->p++)
        ;
      g_string_append_len (b->text, (const char *) run, b->p - run);
      if (*b->p == '"')
        break;
      if (b->p[1] != 'u')
        {
          g_string_append_c (b->text, to[strchr (from, b->p[1]) - from]);
          b->p += 2;
          continue;
        }
      {
        gunichar ch = hex4_at (b->p + 2);

        b->p += 6;
        if (ch >= 0xd800 && ch <= 0xdbff)
          {
            ch = 0x10000 + ((ch - 0xd800) << 10) + (hex4_at (b->p + 2) - 0xdc00);
            b->p += 6;
          }
        g_string_append_unichar (b->text, ch);
      }
    }
  b->p++;
  return b->text->str;
}

/* A number (checked already) into b->text: whether it is whole. */
static gboolean
scan_number (Builder *b)
{
  const guchar *start = b->p;
  gboolean whole = TRUE;

  while (b->p < b->end
         && (g_ascii_isdigit (*b->p) || *b->p == '-' || *b->p == '+' || *b->p == '.' || *b->p == 'e'
             || *b->p == 'E'))
    {
      whole = whole && *b->p != '.' && *b->p != 'e' && *b->p != 'E';
      b->p++;
    }
  g_string_truncate (b->text, 0);
  g_string_append_len (b->text, (const char *) start, b->p - start);
  return whole;
}

static JsonNode *
build_scalar (Builder *b)
{
  JsonNode *node = json_node_alloc ();
  gboolean whole;

  switch (*b->p)
    {
    case '"':
      return json_node_init_string (node, build_string (b));
    case 't':
      b->p += 4;
      return json_node_init_boolean (node, TRUE);
    case 'f':
      b->p += 5;
      return json_node_init_boolean (node, FALSE);
    case 'n':
      b->p += 4;
      return json_node_init_null (node);
    default:
      break;
    }
  whole = scan_number (b);
  if (whole)
    return json_node_init_int (node, g_ascii_strtoll (b->text->str, NULL, 10));
  return json_node_init_double (node, g_ascii_strtod (b->text->str, NULL));
}

/* A list or object being built, and an object's key for its next value. */
typedef struct
{
  JsonNode *node;
  char *key;
} BuildFrame;

/* Adds @value to the list or object on top of @stack, or makes it the
 * root. */
static void
add_value (GArray *stack, JsonNode *value, JsonNode **root)
{
  BuildFrame *top;

  if (stack->len == 0)
    {
      *root = value;
      return;
    }
  top = &g_array_index (stack, BuildFrame, stack->len - 1);
  if (JSON_NODE_HOLDS_ARRAY (top->node))
    json_array_add_element (json_node_get_array (top->node), value);
  else
    {
      json_object_set_member (json_node_get_object (top->node), top->key, value);
      g_clear_pointer (&top->key, g_free);
    }
}

/**
 * vp_json_strict_build:
 * @data: (array length=size): a text vp_json_strict_check() found to be
 *   strict JSON within its limits
 *
 * The JSON value of @data as json-glib's nodes, as json-glib's parser
 * would make them (whole numbers as gint64, others as double), sealed;
 * without recursion, and without the parser's scanner, which looks at a
 * file character by character and took longer than the checks of an
 * import together.
 *
 * Returns: (transfer full): the document
 */
JsonNode *
vp_json_strict_build (const char *data, gsize size)
{
  Builder b = { (const guchar *) data, (const guchar *) data + size, g_string_new (NULL) };
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (BuildFrame));
  JsonNode *root = NULL;

  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    b.p += 3;
  for (;;)
    {
      BuildFrame *top = stack->len > 0 ? &g_array_index (stack, BuildFrame, stack->len - 1) : NULL;

      skip_space_in (&b);
      if (b.p >= b.end)
        break;
      if (*b.p == ',' || *b.p == ':')
        {
          b.p++;
          continue;
        }
      if (*b.p == '}' || *b.p == ']')
        {
          JsonNode *done = top->node;

          b.p++;
          g_array_set_size (stack, stack->len - 1);
          add_value (stack, done, &root);
          continue;
        }
      if (top != NULL && JSON_NODE_HOLDS_OBJECT (top->node) && top->key == NULL)
        {
          top->key = g_strdup (build_string (&b));
          continue;
        }
      if (*b.p == '{' || *b.p == '[')
        {
          BuildFrame frame = { json_node_alloc (), NULL };

          if (*b.p == '{')
            json_node_take_object (json_node_init (frame.node, JSON_NODE_OBJECT),
                                   json_object_new ());
          else
            json_node_take_array (json_node_init (frame.node, JSON_NODE_ARRAY), json_array_new ());
          b.p++;
          g_array_append_val (stack, frame);
          continue;
        }
      add_value (stack, build_scalar (&b), &root);
    }
  g_string_free (b.text, TRUE);
  g_return_val_if_fail (root != NULL && stack->len == 0, NULL);
  json_node_seal (root);
  return root;
}

/* A compact tree of a checked document */

/* Memory for the tree's values and key lists, handed out in blocks. */
#define ARENA_BLOCK (256 * 1024)

struct _VpJsonDocument
{
  VpJson root;
  GStringChunk *strings;
  /* blocks of values and key lists */
  GPtrArray *blocks;
  char *free;
  gsize n_free;
};

static gpointer
arena_alloc (VpJsonDocument *doc, gsize size)
{
  gpointer memory;

  size = (size + 7) & ~(gsize) 7;
  if (size > ARENA_BLOCK / 4)
    {
      memory = g_malloc (size);
      g_ptr_array_add (doc->blocks, memory);
      return memory;
    }
  if (size > doc->n_free)
    {
      doc->free = g_malloc (ARENA_BLOCK);
      doc->n_free = ARENA_BLOCK;
      g_ptr_array_add (doc->blocks, doc->free);
    }
  memory = doc->free;
  doc->free += size;
  doc->n_free -= size;
  return memory;
}

static VpJsonDocument *
document_new (void)
{
  VpJsonDocument *doc = g_new0 (VpJsonDocument, 1);

  doc->strings = g_string_chunk_new (ARENA_BLOCK);
  doc->blocks = g_ptr_array_new_with_free_func (g_free);
  return doc;
}

void
vp_json_document_free (VpJsonDocument *doc)
{
  if (doc == NULL)
    return;
  g_string_chunk_free (doc->strings);
  g_ptr_array_unref (doc->blocks);
  g_free (doc);
}

const VpJson *
vp_json_document_get_root (VpJsonDocument *doc)
{
  return &doc->root;
}

/* The values (and an object's keys) from @start on the stacks, moved into
 * the document as the list or object @container. */
static void
close_values (VpJsonDocument *doc, VpJson *container, GArray *values, GPtrArray *keys, guint start)
{
  guint n = values->len - start;

  container->length = n;
  container->elements = arena_alloc (doc, MAX (n, 1) * sizeof (VpJson));
  if (container->type == VP_JSON_OBJECT)
    container->keys = arena_alloc (doc, MAX (n, 1) * sizeof (char *));
  /* an empty list or object: nothing to move (and the stacks may have no
   * memory yet: no pointer arithmetic on NULL) */
  if (n == 0)
    return;
  memcpy (container->elements, &g_array_index (values, VpJson, start), n * sizeof (VpJson));
  g_array_set_size (values, start);
  if (container->type == VP_JSON_OBJECT)
    {
      guint key_start = keys->len - n;

      memcpy ((gpointer) container->keys, keys->pdata + key_start, n * sizeof (char *));
      g_ptr_array_set_size (keys, key_start);
    }
}

static VpJson
parse_scalar (Builder *b, VpJsonDocument *doc)
{
  VpJson value = { VP_JSON_NULL };
  gboolean whole;

  switch (*b->p)
    {
    case '"':
      build_string (b);
      value.type = VP_JSON_STRING;
      value.string = g_string_chunk_insert_len (doc->strings, b->text->str, b->text->len);
      return value;
    case 't':
      b->p += 4;
      value.type = VP_JSON_BOOLEAN;
      value.boolean = TRUE;
      return value;
    case 'f':
      b->p += 5;
      value.type = VP_JSON_BOOLEAN;
      return value;
    case 'n':
      b->p += 4;
      return value;
    default:
      break;
    }
  whole = scan_number (b);
  if (whole)
    {
      value.type = VP_JSON_INTEGER;
      value.integer = g_ascii_strtoll (b->text->str, NULL, 10);
    }
  else
    {
      value.type = VP_JSON_DOUBLE;
      value.number = g_ascii_strtod (b->text->str, NULL);
    }
  return value;
}

/**
 * vp_json_document_parse:
 * @data: (array length=size): a text vp_json_strict_check() found to be
 *   strict JSON within its limits
 *
 * The JSON value of @data as a compact tree: its texts in a few large
 * blocks, each list's and object's values in one array, an object's keys
 * in file order. Some five times less memory and time than json-glib's
 * nodes, which take an allocation for every value, key and member table.
 * Without recursion.
 *
 * Returns: (transfer full): the document
 */
VpJsonDocument *
vp_json_document_parse (const char *data, gsize size)
{
  VpJsonDocument *doc = document_new ();
  Builder b = { (const guchar *) data, (const guchar *) data + size, g_string_new (NULL) };
  /* the values of the open lists and objects, innermost last; the keys of
   * the open objects' values; each open container with the index of its
   * first value */
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (VpJson));
  g_autoptr (GPtrArray) keys = g_ptr_array_new ();
  g_autoptr (GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean want_key = FALSE;

  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    b.p += 3;
  for (;;)
    {
      VpJson value = { VP_JSON_NULL };

      skip_space_in (&b);
      if (b.p >= b.end)
        break;
      if (*b.p == ':')
        {
          b.p++;
          continue;
        }
      if (*b.p == ',')
        {
          b.p++;
          want_key
            = g_array_index (values, VpJson, g_array_index (open, guint, open->len - 1) - 1).type
              == VP_JSON_OBJECT;
          continue;
        }
      if (*b.p == '}' || *b.p == ']')
        {
          guint start = g_array_index (open, guint, open->len - 1);
          VpJson *container = &g_array_index (values, VpJson, start - 1);

          b.p++;
          g_array_set_size (open, open->len - 1);
          close_values (doc, container, values, keys, start);
          want_key = FALSE;
          continue;
        }
      if (want_key)
        {
          build_string (&b);
          g_ptr_array_add (keys,
                           g_string_chunk_insert_len (doc->strings, b.text->str, b.text->len));
          want_key = FALSE;
          continue;
        }
      if (*b.p == '{' || *b.p == '[')
        {
          /* the container stands on the stack before its values */
          value.type = *b.p == '{' ? VP_JSON_OBJECT : VP_JSON_ARRAY;
          g_array_append_val (values, value);
          g_array_append_val (open, values->len);
          want_key = value.type == VP_JSON_OBJECT;
          b.p++;
          continue;
        }
      value = parse_scalar (&b, doc);
      g_array_append_val (values, value);
    }
  g_string_free (b.text, TRUE);
  /* one value, every list and object closed: what the check passed */
  if (values->len != 1 || open->len != 0)
    {
      g_critical ("vp_json_document_parse: the text was not checked");
      vp_json_document_free (doc);
      return NULL;
    }
  doc->root = g_array_index (values, VpJson, 0);
  return doc;
}

/* @node as a value of @doc; FALSE when it nests too deep. */
static gboolean
copy_node (VpJsonDocument *doc, JsonNode *node, VpJson *value, guint depth)
{
  memset (value, 0, sizeof *value);
  if (depth > VP_JSON_STRICT_MAX_DEPTH)
    return FALSE;
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        guint n = json_object_get_size (object);
        const char **keys = arena_alloc (doc, MAX (n, 1) * sizeof (char *));
        JsonObjectIter iter;
        const char *key;
        JsonNode *member;
        guint i = 0;

        value->type = VP_JSON_OBJECT;
        value->length = n;
        value->elements = arena_alloc (doc, MAX (n, 1) * sizeof (VpJson));
        value->keys = keys;
        json_object_iter_init_ordered (&iter, object);
        while (json_object_iter_next_ordered (&iter, &key, &member))
          {
            keys[i] = g_string_chunk_insert (doc->strings, key);
            if (!copy_node (doc, member, &value->elements[i++], depth + 1))
              return FALSE;
          }
        return TRUE;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        value->type = VP_JSON_ARRAY;
        value->length = n;
        value->elements = arena_alloc (doc, MAX (n, 1) * sizeof (VpJson));
        for (guint i = 0; i < n; i++)
          {
            if (!copy_node (doc, json_array_get_element (array, i), &value->elements[i], depth + 1))
              return FALSE;
          }
        return TRUE;
      }
    case JSON_NODE_NULL:
      return TRUE;
    case JSON_NODE_VALUE:
    default:
      break;
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      value->type = VP_JSON_STRING;
      value->string = g_string_chunk_insert (doc->strings, json_node_get_string (node));
      break;
    case G_TYPE_BOOLEAN:
      value->type = VP_JSON_BOOLEAN;
      value->boolean = json_node_get_boolean (node);
      break;
    case G_TYPE_INT64:
      value->type = VP_JSON_INTEGER;
      value->integer = json_node_get_int (node);
      break;
    default:
      value->type = VP_JSON_DOUBLE;
      value->number = json_node_get_double (node);
    }
  return TRUE;
}

/**
 * vp_json_document_from_node:
 *
 * @node (a document from vp_exchange_parse()) as a compact tree.
 *
 * Returns: (transfer full) (nullable): the document, %NULL when @node
 *   nests deeper than %VP_JSON_STRICT_MAX_DEPTH
 */
VpJsonDocument *
vp_json_document_from_node (JsonNode *node)
{
  VpJsonDocument *doc = document_new ();

  if (copy_node (doc, node, &doc->root, 1))
    return doc;
  vp_json_document_free (doc);
  return NULL;
}

/**
 * vp_json_get_member:
 * @object: an object, or any value
 *
 * Returns: (nullable): the value of @key in @object, %NULL when it has
 *   none (or is no object)
 */
const VpJson *
vp_json_get_member (const VpJson *object, const char *key)
{
  if (object->type != VP_JSON_OBJECT)
    return NULL;
  for (guint i = 0; i < object->length; i++)
    {
      if (strcmp (object->keys[i], key) == 0)
        return &object->elements[i];
    }
  return NULL;
}

/**
 * vp_json_get_string:
 *
 * Returns: (nullable): the text of a text value, else %NULL
 */
const char *
vp_json_get_string (const VpJson *value)
{
  return value->type == VP_JSON_STRING ? value->string : NULL;
}

/**
 * vp_json_get_int:
 *
 * Returns: a number as a whole number (as json-glib's json_node_get_int()),
 *   0 for what is not a number
 */
gint64
vp_json_get_int (const VpJson *value)
{
  switch (value->type)
    {
    case VP_JSON_INTEGER:
      return value->integer;
    case VP_JSON_DOUBLE:
      return (gint64) value->number;
    case VP_JSON_BOOLEAN:
      return value->boolean;
    default:
      return 0;
    }
}
