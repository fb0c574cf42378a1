# Rebound: one image, gunicorn serving Django and WhiteNoise serving the static files.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

RUN useradd --create-home --uid 1000 rebound

COPY pyproject.toml README.md ./
COPY apps ./apps
COPY config ./config
RUN pip install .

COPY . .

# Static files are collected at build time; the key is a throwaway used only for this step.
RUN DJANGO_SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput \
    && chown -R rebound:rebound /app

USER rebound
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request, sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"

ENTRYPOINT ["bin/entrypoint.sh"]
