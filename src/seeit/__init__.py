"""See It: show a Shopify product in the shopper's own room."""
