"""Style presets: the built-in ones and each shop's own prompt templates, with versions and usage counts."""
