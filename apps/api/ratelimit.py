"""Per-token rate limits in fixed windows, counted in Django's cache.

The cache must be shared by every server process for the limit to be exact (see
DJANGO_CACHE_URL in the README); with the per-process default each process counts apart."""

import math
import time

from django.conf import settings
from django.core.cache import cache


def seconds_to_wait(*, token_id: int) -> int | None:
    """Count one request for this token. None when it is within the limit; otherwise how
    many seconds until the window closes and requests are accepted again."""
    allowed, period = settings.API_RATE_LIMIT
    now = time.time()
    window = int(now // period)
    key = f"api-rate:{token_id}:{window}"
    # add() only writes when the key is new; incr() is atomic in Redis and in the
    # per-process cache, so two requests at once are both counted.
    cache.add(key, 0, timeout=period + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between the two calls
        cache.set(key, 1, timeout=period + 1)
        count = 1
    if count <= allowed:
        return None
    return max(1, math.ceil((window + 1) * period - now))
