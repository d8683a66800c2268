"""Billing: plans sold through Shopify, and a shop's plan and quotas following its app subscription."""
