"""Rebound settings: one file, every deploy-specific value read from the environment.

A bad value stops start-up with a message naming the variable, rather than running
half-configured.
"""

import os
from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}."
    )


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}.") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}; got {value}.")
    return value


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    raw = (os.environ.get(name) or "").strip().lower()
    if not raw:
        return default
    if raw not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}; got {raw!r}.")
    return raw


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


RATE_PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


def env_rate(name: str, default: str) -> tuple[int, int]:
    """A rate such as "120/minute": (requests, seconds)."""
    raw = os.environ.get(name, default).strip()
    count, _, period = raw.partition("/")
    if not count.isdigit() or int(count) < 1 or period not in RATE_PERIODS:
        raise ImproperlyConfigured(
            f"{name} must look like 120/minute (a number, then second, minute, hour or day); "
            f"got {raw!r}."
        )
    return int(count), RATE_PERIODS[period]


def env_url_config(name: str, default: str, parse, required_key: str) -> dict:
    raw = os.environ.get(name, default)
    try:
        config = parse(raw)
    except (ImproperlyConfigured, ValueError, KeyError) as exc:
        raise ImproperlyConfigured(f"{name} is not a URL this app understands: {exc}") from None
    if not config.get(required_key):
        raise ImproperlyConfigured(f"{name} is not a URL this app understands: {raw!r}")
    return config


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off. "
            "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = "insecure-development-key-only-used-when-debug-is-on"

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])
for origin in CSRF_TRUSTED_ORIGINS:
    if not origin.startswith(("http://", "https://")):
        raise ImproperlyConfigured(
            "DJANGO_CSRF_TRUSTED_ORIGINS entries must start with http:// or https://; "
            f"got {origin!r}."
        )

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_htmx",
    "template_partials.apps.SimpleAppConfig",
    "csp",
    "axes",
    # Only for the documentation page's Swagger UI files and template, which it ships.
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "apps.core",
    "apps.accounts",
    "apps.applications",
    "apps.rejections",
    "apps.feedback",
    "apps.contacts",
    "apps.selfcare",
    "apps.inbox",
    "apps.exports",
    "apps.jobs",
    "apps.dashboard",
    "apps.api",
    "apps.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "apps.core.middleware.RefuseNulBytesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "apps.core.middleware.UserTimezoneMiddleware",
    # Axes must come last so it sees the outcome of every login attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "apps.core.htmx.page_path",
            ],
            # Partials are a builtin so moving to Django 6 (where they are part of core)
            # is a settings change only.
            "builtins": ["template_partials.templatetags.partials"],
            "loaders": [
                (
                    "template_partials.loader.Loader",
                    [
                        (
                            "django.template.loaders.cached.Loader",
                            [
                                "django.template.loaders.filesystem.Loader",
                                "django.template.loaders.app_directories.Loader",
                            ],
                        )
                    ],
                )
            ],
        },
    }
]
FORM_RENDERER = "apps.core.forms.ReboundFormRenderer"

DATABASES = {
    "default": env_url_config(
        "DATABASE_URL",
        f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        environ.Env.db_url_config,
        required_key="ENGINE",
    )
}
# SQLite (`make run`) with two browser tabs writing at once: WAL lets pages read while a
# write is under way; IMMEDIATE takes the write lock when a transaction starts, so one that
# reads and then writes never fails halfway with "database is locked" because the other
# tab wrote in between; the busy timeout (seconds) makes the second writer wait its turn.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("DJANGO_CONN_MAX_AGE", 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}
else:
    raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL or SQLite.")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds the API's rate-limit counters. The default lives inside each process:
# with several gunicorn workers, point every worker at one shared cache (Redis, or the
# database after `manage.py createcachetable`) so a limit counts every request once.
CACHES = {
    "default": env_url_config(
        "DJANGO_CACHE_URL", "locmemcache://", environ.Env.cache_url_config, required_key="BACKEND"
    )
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
# Who may make an account: "open" (anyone), "invite" (only with a single-use invite link made
# by someone with an account, in settings) or "closed". An instance open to the internet
# should use "invite" or "closed".
SIGNUP_MODE = env_choice("DJANGO_SIGNUP", "open", ("open", "invite", "closed"))
LOGIN_REDIRECT_URL = "dashboard:home"
LOGOUT_REDIRECT_URL = "dashboard:home"

# django-axes: five wrong passwords for one email from one IP lock that pair for 15
# minutes, and 20 failures from one IP across all accounts lock that IP (apps.accounts.lockout).
AXES_HANDLER = "apps.accounts.lockout.LockoutHandler"
LOGIN_FAILURES_PER_ADDRESS = env_int("DJANGO_LOGIN_FAILURES_PER_ADDRESS", 20, minimum=5)
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "apps.accounts.lockout.username_from_request"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# The client's address, as django-ipware reads it. With no proxy in front (the default) only
# the connection's address counts: an X-Forwarded-For header could be sent by anyone. With N
# proxies, each appending the address it saw (nginx's $proxy_add_x_forwarded_for), the
# header must hold exactly N entries and the client is the first; a header with more
# (a client sending its own) falls back to the connection's address, the proxy's.
PROXY_COUNT = env_int("DJANGO_PROXY_COUNT", 0)
if PROXY_COUNT:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    AXES_IPWARE_PROXY_COUNT = PROXY_COUNT - 1  # ipware counts the proxies after the client
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)
    AXES_IPWARE_PROXY_COUNT = None
AXES_IPWARE_PROXY_ORDER = "left-most"

# The JSON API: requests per token per period, and the largest request body it reads.
API_RATE_LIMIT = env_rate("DJANGO_API_RATE_LIMIT", "120/minute")
API_MAX_BODY_BYTES = env_int("DJANGO_API_MAX_BODY_BYTES", 64 * 1024, minimum=1024)

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Uploads go to a temporary file (never memory-first for big ones) and stop past a ceiling.
FILE_UPLOAD_HANDLERS = ["apps.core.uploads.CappedUploadHandler"]

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_CONFIG = env_url_config(
    "EMAIL_URL", "consolemail://", environ.Env.email_url_config, required_key="EMAIL_BACKEND"
)
EMAIL_BACKEND = EMAIL_CONFIG["EMAIL_BACKEND"]
EMAIL_HOST = EMAIL_CONFIG.get("EMAIL_HOST") or "localhost"
EMAIL_PORT = EMAIL_CONFIG.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = EMAIL_CONFIG.get("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = EMAIL_CONFIG.get("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = bool(EMAIL_CONFIG.get("EMAIL_USE_TLS"))
EMAIL_USE_SSL = bool(EMAIL_CONFIG.get("EMAIL_USE_SSL"))
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "Rebound <rebound@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Reading mailboxes (apps/inbox). The operator can switch it off for the whole instance.
MAILBOX_READING = env_bool("DJANGO_MAILBOX_READING", True)
# Fernet key that encrypts the stored IMAP app passwords. Unset: development (debug on)
# derives one from the secret key; with debug off, people cannot connect a mailbox.
MAILBOX_KEY = os.environ.get("DJANGO_MAILBOX_KEY", "").strip()
if MAILBOX_KEY:
    try:
        from cryptography.fernet import Fernet

        Fernet(MAILBOX_KEY)
    except ValueError:
        raise ImproperlyConfigured(
            "DJANGO_MAILBOX_KEY must be a Fernet key (32 url-safe base64-encoded bytes). "
            "Generate one with: python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())'"
        ) from None
MAILBOX_TIMEOUT_SECONDS = env_int("DJANGO_MAILBOX_TIMEOUT", 20, minimum=1)

# The worker (apps/jobs): Django's tasks framework (the django-tasks backport) with its
# database backend, so the queue lives in the database Rebound already has.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# How often the worker's scheduler looks for due work, and how long a heartbeat stays fresh
# for `manage.py worker_status --check` (the container health check).
WORKER_TICK_SECONDS = env_int("REBOUND_WORKER_TICK_SECONDS", 300, minimum=10)
WORKER_HEARTBEAT_SECONDS = env_int("REBOUND_WORKER_HEARTBEAT_SECONDS", 30, minimum=5)
WORKER_STALE_AFTER_SECONDS = env_int("REBOUND_WORKER_STALE_AFTER_SECONDS", 180, minimum=30)
# A job that fails is tried again on the next ticks, this many times in all.
WORKER_MAX_ATTEMPTS = env_int("REBOUND_WORKER_MAX_ATTEMPTS", 3, minimum=1)
# A restore with more rows than this runs in the worker, with a progress bar on the page.
BACKGROUND_RESTORE_ROWS = env_int("REBOUND_BACKGROUND_RESTORE_ROWS", 2000, minimum=0)
# A spreadsheet import with more rows than this is confirmed in the worker, the same way.
BACKGROUND_IMPORT_ROWS = env_int("REBOUND_BACKGROUND_IMPORT_ROWS", 2000, minimum=0)
# Links in emails point here: the address people open Rebound at, without a trailing slash.
SITE_URL = os.environ.get("DJANGO_SITE_URL", "http://localhost:8000").strip().rstrip("/")
if not SITE_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured(
        f"DJANGO_SITE_URL must start with http:// or https://; got {SITE_URL!r}."
    )

# Security headers. Content Security Policy: no inline scripts or styles anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# htmx sends the token it finds in the page (hx-headers on <body>); no script reads the cookie.
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
if env_bool("DJANGO_BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}, "apscheduler": {"level": "WARNING"}},
}
