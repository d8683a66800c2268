"""Shoppers' room photos: uploads, direct uploads, cleanup renders, expiry and purge."""
