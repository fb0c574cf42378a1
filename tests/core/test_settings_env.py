"""Start-up refuses bad configuration with a message that names the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_settings(**env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "EMAIL_URL"))
    }
    clean.update(env)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import config.settings as s; print(s.DEBUG, s.DATABASES['default']['ENGINE'])",
        ],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


def test_it_starts_in_debug_without_a_secret_key():
    result = load_settings(DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True django.db.backends.sqlite3"


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = load_settings(DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DJANGO_DEBUG": "maybe"}, "DJANGO_DEBUG must be one of"),
        (
            {"DJANGO_DEBUG": "1", "DATABASE_URL": "mysql://x@y/z"},
            "DATABASE_URL must point at PostgreSQL or SQLite",
        ),
        ({"DJANGO_DEBUG": "1", "DATABASE_URL": "nonsense"}, "DATABASE_URL is not a URL"),
        ({"DJANGO_DEBUG": "1", "EMAIL_URL": "pigeon://coop"}, "EMAIL_URL is not a URL"),
        (
            {"DJANGO_DEBUG": "1", "DJANGO_HSTS_SECONDS": "a year"},
            "DJANGO_HSTS_SECONDS must be a whole number",
        ),
        (
            {"DJANGO_DEBUG": "1", "DJANGO_CSRF_TRUSTED_ORIGINS": "example.com"},
            "must start with http",
        ),
        ({"DJANGO_DEBUG": "1", "DJANGO_CACHE_URL": "pigeon://coop"}, "DJANGO_CACHE_URL is not"),
        ({"DJANGO_DEBUG": "1", "DJANGO_API_RATE_LIMIT": "lots"}, "DJANGO_API_RATE_LIMIT must"),
        (
            {"DJANGO_DEBUG": "1", "DJANGO_API_RATE_LIMIT": "10/fortnight"},
            "DJANGO_API_RATE_LIMIT must",
        ),
    ],
)
def test_it_names_the_variable_that_is_wrong(env, message):
    result = load_settings(**env)
    assert result.returncode != 0
    assert message in result.stderr


def test_it_reads_postgres_with_persistent_health_checked_connections():
    code = (
        "import config.settings as s; d = s.DATABASES['default'];"
        "print(d['ENGINE'], d['NAME'], d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(DJANGO_DEBUG="1", DATABASE_URL="postgres://postgres@127.0.0.1:5432/rebound")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.stdout.split() == ["django.db.backends.postgresql", "rebound", "60", "True"]


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        (None, "django.core.cache.backends.locmem.LocMemCache"),
        ("dbcache://rebound_cache", "django.core.cache.backends.db.DatabaseCache"),
        ("redis://127.0.0.1:6379/0", "django.core.cache.backends.redis.RedisCache"),
    ],
)
def test_it_reads_the_cache_and_the_api_limits(url, backend):
    code = (
        "import config.settings as s;"
        "print(s.CACHES['default']['BACKEND'], *s.API_RATE_LIMIT, s.API_MAX_BODY_BYTES)"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(DJANGO_DEBUG="1", DJANGO_API_RATE_LIMIT="30/hour")
    if url:
        env["DJANGO_CACHE_URL"] = url
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.stdout.split() == [backend, "30", "3600", "65536"], result.stderr
