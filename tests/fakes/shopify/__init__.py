"""A fake Shopify for tests: the token endpoint and the Admin GraphQL API, strict like the real one.

It refuses what Shopify refuses (wrong client credentials, bad session tokens, unknown or spent codes and
refresh tokens, missing or expired access tokens, GraphQL documents that do not validate against the real
2026-04 Admin schema, metafield values of the wrong type) and records every request it gets.

Serve it to the app with ``install_fake_shopify`` (the ``fake_shopify`` fixture in ``tests/conftest.py``):
``settings.shopify_admin_base`` is ``http://shopify.test/{shop}``, so the fake serves ``/{shop}/admin/...``.

Typical use::

    fake_shopify.add_product("demo.myshopify.com", 1001, "Lamp", images=["https://cdn.shopify.com/a.png"], enabled=True)
    fake_shopify.add_catalogue("demo.myshopify.com", 500)          # 500 products, every 3rd enabled
    fake_shopify.throttle_next("demo.myshopify.com", times=2)      # next 2 GraphQL calls answer THROTTLED
    fake_shopify.fail_next("demo.myshopify.com", status=503)       # next GraphQL call answers 503
    token = fake_shopify.grant_token("demo.myshopify.com")         # an access token, as if installed
    return_url = fake_shopify.approve_charge("demo.myshopify.com") # the merchant approves the pending charge
    fake_shopify.choose_hosted_plan("demo.myshopify.com", "pro")   # ... or picks a plan on App Pricing's page
    for webhook in fake_shopify.take_webhooks():                   # the app_subscriptions/update deliveries
        await fake_shopify.deliver(client, webhook)

The modules, one concern each:

- ``state``: constants, namespace resolution and the data the fake keeps (shops, products, images, requests).
- ``schema``: the real Admin API schema and validation of GraphQL documents against it.
- ``base``: configuration, shops by domain and the record of requests, shared by the parts below.
- ``catalogue``: adding, reading and removing products.
- ``tokens``: the OAuth token endpoint and the helpers that issue, expire and revoke tokens.
- ``admin_graphql``: the Admin GraphQL endpoint, its throttling, failures and query cost.
- ``pagination`` and ``resolvers``: connections with cursors, and the resolvers behind the GraphQL fields.
- ``billing``: app subscriptions (create, cancel, approve, decline, the hosted plan page), the installation's
  active subscriptions and the signed ``app_subscriptions/update`` webhooks their changes send.
- ``server``: ``FakeShopify`` with its routes and HTTP client, and ``install_fake_shopify``.
"""

from __future__ import annotations

from tests.fakes.shopify.schema import SCHEMA_PATH, admin_schema, document_errors
from tests.fakes.shopify.server import FakeShopify, install_fake_shopify
from tests.fakes.shopify.state import (
    APP_ID,
    APP_METAFIELD_TYPES,
    APP_NAMESPACE_PREFIX,
    KNOWN_TYPES,
    TOKEN_EXCHANGE_GRANT,
    FakeImage,
    FakeProduct,
    FakeShop,
    FakeSubscription,
    OutgoingWebhook,
    RecordedRequest,
    resolve_namespace,
)

__all__ = [
    "APP_ID",
    "APP_METAFIELD_TYPES",
    "APP_NAMESPACE_PREFIX",
    "KNOWN_TYPES",
    "SCHEMA_PATH",
    "TOKEN_EXCHANGE_GRANT",
    "FakeImage",
    "FakeProduct",
    "FakeShop",
    "FakeShopify",
    "FakeSubscription",
    "OutgoingWebhook",
    "RecordedRequest",
    "admin_schema",
    "document_errors",
    "install_fake_shopify",
    "resolve_namespace",
]
