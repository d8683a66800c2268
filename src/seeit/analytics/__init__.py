"""Shoppers' events in the storefront block, orders attributed to renders, and the funnel the merchant reads."""
