"""Shopify's webhooks: verified, recorded once per event, handed to the domain that owns the topic."""
