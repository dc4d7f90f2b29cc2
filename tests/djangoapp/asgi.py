"""The test project as an ASGI application, for the live server (tests/live_django.py)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "djangoapp.settings")
application = get_asgi_application()
