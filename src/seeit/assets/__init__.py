"""Product assets: transparent cut-outs of product photos, and their lifecycle."""
