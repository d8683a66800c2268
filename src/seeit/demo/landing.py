"""``/`` under ``seeit dev``: what is running, and where to try it."""

from __future__ import annotations

from fastapi.responses import HTMLResponse

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>See It — local demo</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #1a1a1a; }
  code { background: #f2f2f2; padding: 0 .25em; border-radius: 3px; }
</style>
</head>
<body>
<h1>See It is running</h1>
<p>This is the local development server: the API, a worker, embedded PostgreSQL and Redis.</p>
<h2>Try it</h2>
<ul>
  <li><a href="/demo/store/products/armchair">The demo storefront</a>: a product page with the See It block, as a
      shopper sees it (the <a href="/demo/store">other sample products</a>). No room photo at hand? Save
      <a href="/demo/store/sample-room.jpg" download>this sample room</a> and choose it in the dialog.</li>
  <li><a href="/demo/admin">The demo admin</a>: the merchant's side.</li>
</ul>
<h2>Under the hood</h2>
<ul>
  <li><a href="/docs">The API</a> (<a href="/openapi.json">OpenAPI</a>), <a href="/readyz">readiness</a>,
      <a href="/metrics">metrics</a></li>
</ul>
</body>
</html>
"""


async def landing_page() -> HTMLResponse:
    return HTMLResponse(_PAGE)
