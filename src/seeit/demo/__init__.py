"""The local demo that ``seeit dev`` serves beside the API: a landing page at ``/`` and stand-ins for Shopify's
storefront and admin, so a newcomer can try the shopper's and the merchant's side with no Shopify store.

It is mounted only when ``SEEIT_DEMO`` is on, which ``seeit dev`` sets and production refuses.
"""
