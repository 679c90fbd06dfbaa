/* SPDX-License-Identifier: EUPL-1.2 */
#define G_LOG_DOMAIN "vp-poke-model"

#include "config.h"

#include "vp-poke-model.h"

/*
 * A list model that is its source, item for item, and can say of one item
 * that it changed: the sort and filter models above it then look at that
 * item again, and only at it. The board moves a card so: a status change
 * leaves the action itself as it was, and refiltering every column for one
 * card looked at all 10,000 actions five times.
 */

struct _VpPokeModel
{
  GObject parent_instance;

  GListModel *source;
  /* item → position + 1, made when first needed after a change */
  GHashTable *positions;
};

static void vp_poke_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VpPokeModel,
                               vp_poke_model,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      vp_poke_model_list_model_init))

static GType
vp_poke_model_get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (VP_POKE_MODEL (model)->source);
}

static guint
vp_poke_model_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (VP_POKE_MODEL (model)->source);
}

static gpointer
vp_poke_model_get_item (GListModel *model, guint position)
{
  return g_list_model_get_item (VP_POKE_MODEL (model)->source, position);
}

static void
vp_poke_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = vp_poke_model_get_item_type;
  iface->get_n_items = vp_poke_model_get_n_items;
  iface->get_item = vp_poke_model_get_item;
}

static void
on_source_changed_cb (VpPokeModel *self, guint position, guint removed, guint added)
{
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
vp_poke_model_dispose (GObject *object)
{
  VpPokeModel *self = VP_POKE_MODEL (object);

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  g_clear_object (&self->source);
  g_clear_pointer (&self->positions, g_hash_table_unref);

  G_OBJECT_CLASS (vp_poke_model_parent_class)->dispose (object);
}

static void
vp_poke_model_class_init (VpPokeModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = vp_poke_model_dispose;
}

static void
vp_poke_model_init (VpPokeModel *self)
{
}

/**
 * vp_poke_model_new:
 * @source: the items
 *
 * Returns: (transfer full): a model of the same items
 */
VpPokeModel *
vp_poke_model_new (GListModel *source)
{
  VpPokeModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);

  self = g_object_new (VP_TYPE_POKE_MODEL, NULL);
  self->source = g_object_ref (source);
  g_signal_connect_swapped (source, "items-changed", G_CALLBACK (on_source_changed_cb), self);
  return self;
}

static GHashTable *
positions (VpPokeModel *self)
{
  if (self->positions == NULL)
    {
      guint n = g_list_model_get_n_items (self->source);

      self->positions = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (GObject) each = g_list_model_get_item (self->source, i);

          /* the model keeps its items: a borrowed key is safe until it changes */
          g_hash_table_insert (self->positions, each, GUINT_TO_POINTER (i + 1));
        }
    }
  return self->positions;
}

/**
 * vp_poke_model_prepare:
 *
 * Finds every item's position now, not at the first poke.
 */
void
vp_poke_model_prepare (VpPokeModel *self)
{
  g_return_if_fail (VP_IS_POKE_MODEL (self));
  positions (self);
}

/**
 * vp_poke_model_poke:
 * @item: an item of the model (else nothing happens)
 *
 * Tells the models above that @item changed: items-changed of one item.
 */
void
vp_poke_model_poke (VpPokeModel *self, gpointer item)
{
  guint position;

  g_return_if_fail (VP_IS_POKE_MODEL (self));

  position = GPOINTER_TO_UINT (g_hash_table_lookup (positions (self), item));
  if (position > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position - 1, 1, 1);
}
