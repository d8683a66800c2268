"""Every GraphQL document the service sends to the Admin API (a test validates each against the real schema).

The app-owned metafields live in the namespace ``$app:see_it`` (declared in ``shopify.app.toml`` as
``[product.metafields.see_it.*]``); ``$app`` is resolved by Shopify to this app's reserved prefix.
"""

from __future__ import annotations

METAFIELD_NAMESPACE = "$app:see_it"

_IMAGE = "image { url width height altText }"

_PRODUCT_FIELDS = f"""
    id
    title
    handle
    updatedAt
    featuredMedia {{ id ... on MediaImage {{ {_IMAGE} }} }}
    enabled: metafield(namespace: "{METAFIELD_NAMESPACE}", key: "enabled") {{ value }}
    defaultAssetId: metafield(namespace: "{METAFIELD_NAMESPACE}", key: "default_asset_id") {{ value }}
    stylePreset: metafield(namespace: "{METAFIELD_NAMESPACE}", key: "style_preset") {{ value }}
"""

SHOP = """
query SeeItShop {
  shop { id name myshopifyDomain }
}
"""

PRODUCT = f"""
query SeeItProduct($id: ID!, $mediaCount: Int!) {{
  product(id: $id) {{
    {_PRODUCT_FIELDS}
    media(first: $mediaCount) {{
      nodes {{ id mediaContentType ... on MediaImage {{ {_IMAGE} }} }}
    }}
  }}
}}
"""

PRODUCTS_PAGE = f"""
query SeeItProducts($first: Int!, $after: String, $query: String) {{
  products(first: $first, after: $after, sortKey: ID, query: $query) {{
    nodes {{
      {_PRODUCT_FIELDS}
    }}
    pageInfo {{ hasNextPage endCursor }}
  }}
}}
"""

# The titles of a few products, by a search for their ids (``id:1 OR id:2``).
PRODUCT_TITLES = """
query SeeItProductTitles($first: Int!, $query: String) {
  products(first: $first, query: $query) {
    nodes { id title }
  }
}
"""

# Only the products with See It on (the definition has admin filtering enabled in shopify.app.toml). In
# Shopify's search syntax ``:`` separates a field from its value, so the one inside ``$app:see_it`` is escaped.
ENABLED_PRODUCTS_FILTER = "metafields.{}.enabled:true".format(METAFIELD_NAMESPACE.replace(":", "\\:"))


def enabled_products_after(product_number: int | None) -> str:
    """The search for enabled products with an id above ``product_number``: sorted by id, each page starts a
    new search instead of following a cursor, so Shopify's 25,000-object cursor limit never cuts it short."""
    if product_number is None:
        return ENABLED_PRODUCTS_FILTER
    return f"{ENABLED_PRODUCTS_FILTER} AND id:>{product_number}"


METAFIELDS_SET = """
mutation SeeItMetafieldsSet($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) {
    metafields { key namespace value type }
    userErrors { field message code }
  }
}
"""

METAFIELDS_DELETE = """
mutation SeeItMetafieldsDelete($metafields: [MetafieldIdentifierInput!]!) {
  metafieldsDelete(metafields: $metafields) {
    deletedMetafields { key namespace ownerId }
    userErrors { field message }
  }
}
"""

# An app subscription as the billing code reads it; ``planHandle`` is set for Shopify App Pricing plans.
_APP_SUBSCRIPTION = """
    id
    name
    status
    test
    trialDays
    createdAt
    currentPeriodEnd
    lineItems {
      plan {
        pricingDetails {
          __typename
          ... on AppRecurringPricing { planHandle interval price { amount currencyCode } }
        }
      }
    }
"""

ACTIVE_SUBSCRIPTIONS = f"""
query SeeItActiveSubscriptions {{
  currentAppInstallation {{
    activeSubscriptions {{ {_APP_SUBSCRIPTION} }}
  }}
}}
"""

SUBSCRIPTIONS_BY_ID = f"""
query SeeItSubscriptions($ids: [ID!]!) {{
  nodes(ids: $ids) {{
    ... on AppSubscription {{ {_APP_SUBSCRIPTION} }}
  }}
}}
"""

APP_SUBSCRIPTION_CREATE = f"""
mutation SeeItAppSubscriptionCreate(
  $name: String!
  $lineItems: [AppSubscriptionLineItemInput!]!
  $returnUrl: URL!
  $test: Boolean
  $trialDays: Int
  $replacementBehavior: AppSubscriptionReplacementBehavior
) {{
  appSubscriptionCreate(
    name: $name
    lineItems: $lineItems
    returnUrl: $returnUrl
    test: $test
    trialDays: $trialDays
    replacementBehavior: $replacementBehavior
  ) {{
    appSubscription {{ {_APP_SUBSCRIPTION} }}
    confirmationUrl
    userErrors {{ field message }}
  }}
}}
"""

APP_SUBSCRIPTION_CANCEL = f"""
mutation SeeItAppSubscriptionCancel($id: ID!) {{
  appSubscriptionCancel(id: $id) {{
    appSubscription {{ {_APP_SUBSCRIPTION} }}
    userErrors {{ field message }}
  }}
}}
"""

ALL_DOCUMENTS: dict[str, str] = {
    "SHOP": SHOP,
    "PRODUCT": PRODUCT,
    "PRODUCTS_PAGE": PRODUCTS_PAGE,
    "PRODUCT_TITLES": PRODUCT_TITLES,
    "METAFIELDS_SET": METAFIELDS_SET,
    "METAFIELDS_DELETE": METAFIELDS_DELETE,
    "ACTIVE_SUBSCRIPTIONS": ACTIVE_SUBSCRIPTIONS,
    "SUBSCRIPTIONS_BY_ID": SUBSCRIPTIONS_BY_ID,
    "APP_SUBSCRIPTION_CREATE": APP_SUBSCRIPTION_CREATE,
    "APP_SUBSCRIPTION_CANCEL": APP_SUBSCRIPTION_CANCEL,
}
