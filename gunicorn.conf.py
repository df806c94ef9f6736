"""gunicorn's settings for ``make serve`` and production; each comes from the environment.

PORT (8000), WEB_CONCURRENCY (worker processes, 2 x cores + 1), GUNICORN_THREADS (1),
GUNICORN_TIMEOUT (30 s), GUNICORN_GRACEFUL_TIMEOUT (30 s), FORWARDED_ALLOW_IPS (127.0.0.1),
GUNICORN_CONTROL_SOCKET (none).
"""

import multiprocessing
import os

wsgi_app = "tillit.wsgi:application"
bind = os.environ.get("GUNICORN_BIND") or f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# A worker silent for this long is killed and replaced; no request should come near it, since
# database waits are bounded by DATABASE_POOL_TIMEOUT and DATABASE_CONNECT_TIMEOUT.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On SIGTERM (a deploy, systemd stop) workers finish the requests they have for this long.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Restart each worker now and then, so a slow leak never grows for days.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
# Proxies whose X-Forwarded-Proto (https) gunicorn believes: the reverse proxy's address(es),
# comma-separated, or * when only the proxy can reach this port.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# No access log: the app writes one JSON line per request with its request id (tillit.request).
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# gunicorn's own messages (workers started, timeouts) as JSON lines too, unless LOG_FORMAT=plain.
if os.environ.get("LOG_FORMAT", "json") == "json":
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "tillit.core.logging.JsonFormatter"}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "json",
            }
        },
        "loggers": {
            "gunicorn.error": {
                "handlers": ["console"],
                "level": loglevel.upper(),
                "propagate": False,
            }
        },
    }
# gunicorn's control socket (for gunicornc) is one path per user by default, which every
# instance of that user shares: a second instance that fails to start removes the running
# one's socket. None unless GUNICORN_CONTROL_SOCKET names a path for this instance alone.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True
# Load the application in each worker (not the master), so each opens its own database pool.
preload_app = False
