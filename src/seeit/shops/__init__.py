"""Shops: installation state, plans and quotas."""
