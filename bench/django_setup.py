"""How every bench script starts Django: in process, with production settings (debug off),
against the database DATABASE_URL names, serving static names unhashed as the test suite
does (no collectstatic). A script run as `python bench/x.py` has this folder on its path:

    import django_setup

    django_setup.start()
    from apps... import ...  # noqa: E402
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def start(**environment: str) -> None:
    sys.path.insert(0, str(ROOT))
    defaults = {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_ALLOWED_HOSTS": "testserver",
        **environment,
    }
    for name, value in defaults.items():
        os.environ.setdefault(name, value)

    import django

    django.setup()

    from django.conf import settings

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
