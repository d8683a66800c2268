"""Everything between See It and Shopify: OAuth, tokens, signatures, the Admin GraphQL client, webhooks."""
