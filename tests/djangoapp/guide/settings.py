"""Settings the guide asks for; tests/djangoapp/settings.py imports them."""

# --8<-- [start:drf-settings]
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "djangoapp.guide.authentication.SessionAuthenticationWithChallenge",
    ],
    "EXCEPTION_HANDLER": "djangoapp.guide.exception_handler.problem_exception_handler",
}
# --8<-- [end:drf-settings]

# --8<-- [start:csrf-failure]
CSRF_FAILURE_VIEW = "djangoapp.guide.problem.csrf_failure"
# --8<-- [end:csrf-failure]
