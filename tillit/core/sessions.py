"""Sessions in Redis that survive a Redis outage.

Django's cache session store treats any error while reading as "no session", so during an
outage every signed-in visitor would lose their session cookie. Here an unreachable Redis
raises, the request answers 503 (tillit/core/errors.py), and the cookie stays.
"""

from django.contrib.sessions.backends.cache import SessionStore as CacheSessionStore

from .errors import CACHE_ERRORS


class SessionStore(CacheSessionStore):
    def load(self):
        try:
            session_data = self._cache.get(self.cache_key)
        except CACHE_ERRORS:
            raise
        except Exception:  # as Django: an invalid key starts a new session
            session_data = None
        if session_data is not None:
            return session_data
        self._session_key = None
        return {}
