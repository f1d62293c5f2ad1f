"""gunicorn settings: `gunicorn -c gunicorn.conf.py 'service:create_app()'`.

PORT and WEB_CONCURRENCY are the usual platform variables; everything the app itself reads is in service/config.py.
"""
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# threaded workers keep heart-beating while a long NDJSON batch streams, so the timeout below does not kill them
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# load the model once in the master, then fork: workers share its memory
preload_app = True
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
accesslog = "-"
errorlog = "-"
