"""A minimal Django project for the tests: it runs what the pages claim Django and DRF do,
and the views of the Django guide (the `books` app, tests/books). The sections marked for the
guide are what it tells a reader to add to the settings `startproject` wrote."""

import os

SECRET_KEY = "tests-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["testserver"]
ROOT_URLCONF = "djangoapp.urls"
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True}]
STATIC_URL = "static/"
# Sessions live in a signed cookie, so the guide's login needs no session table.
SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
# The live server (tests/live_django.py) runs in another process and needs a file. In the tests'
# own process the database is in memory, shared by the threads an async view's queries run in
# (Django opens SQLite with uri=True).
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3",
                         "NAME": os.environ.get("BOOKS_TEST_DB", "file:statuscodes-tests?mode=memory&cache=shared")}}
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "CRITICAL"}}

# --8<-- [start:installed-apps]
INSTALLED_APPS += ["rest_framework", "corsheaders", "books"]
# --8<-- [end:installed-apps]

# --8<-- [start:csrf-failure]
CSRF_FAILURE_VIEW = "books.problem.csrf_failure"
# --8<-- [end:csrf-failure]

# --8<-- [start:debug-middleware]
MIDDLEWARE += ["books.middleware.ApiErrorMiddleware"]
# --8<-- [end:debug-middleware]

# --8<-- [start:drf-settings]
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "books.authentication.SessionAuthenticationWithChallenge",
    ],
    "EXCEPTION_HANDLER": "books.exception_handler.problem_exception_handler",
}
# --8<-- [end:drf-settings]

# --8<-- [start:cors]
from corsheaders.defaults import default_headers

MIDDLEWARE.insert(0, "corsheaders.middleware.CorsMiddleware")
FRONT_END = "https://app.example.com"
CORS_ALLOWED_ORIGINS = [FRONT_END]
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_CREDENTIALS = True
CORS_ALLOW_HEADERS = [*default_headers, "if-match"]
CORS_EXPOSE_HEADERS = ["ETag", "Location", "Retry-After", "WWW-Authenticate"]
CSRF_TRUSTED_ORIGINS = [FRONT_END]
# --8<-- [end:cors]

# The live server (tests/live_django.py) on the loopback, and its second origin in place of
# app.example.com.
if os.environ.get("BOOKS_TEST_DB"):
    ALLOWED_HOSTS = ["127.0.0.1"]
if os.environ.get("BOOKS_FRONT_END"):
    CORS_ALLOWED_ORIGINS = CSRF_TRUSTED_ORIGINS = [os.environ["BOOKS_FRONT_END"]]
