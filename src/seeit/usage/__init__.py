"""Usage: the per-shop, per-UTC-day render counters and the quotas they enforce."""
