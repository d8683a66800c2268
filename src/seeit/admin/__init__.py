"""The embedded admin: the page Shopify's admin frames at ``/app``, and the modules behind its screens."""
