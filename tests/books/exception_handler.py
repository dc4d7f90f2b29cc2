"""DRF's errors as problem+json, in the same shape as the plain Django views."""

# --8<-- [start:exception-handler]
from urllib.parse import quote

from rest_framework.exceptions import ValidationError
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler

from .problem import problem, validation_problem


def pointer_token(name):
    # RFC 6901: "~" and "/" escaped inside a name, then percent-encoded for a URI fragment.
    return quote(str(name).replace("~", "~0").replace("/", "~1"), safe="!$&'()*+,;=:@~")


def field_errors(data, pointer="#"):
    if isinstance(data, dict):
        for name, value in data.items():
            if name == api_settings.NON_FIELD_ERRORS_KEY:
                yield from field_errors(value, pointer)
            else:
                yield from field_errors(value, f"{pointer}/{pointer_token(name)}")
    elif isinstance(data, list) and any(isinstance(item, (dict, list)) for item in data):
        for index, item in enumerate(data):
            yield from field_errors(item, f"{pointer}/{index}")
    else:
        for text in data if isinstance(data, list) else [data]:
            yield {"pointer": pointer, "detail": str(text)}


def problem_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is None:
        return None  # not an API error: Django's handler500 answers
    request = context["request"]
    headers = {name: response[name] for name in ("WWW-Authenticate", "Retry-After")
               if response.has_header(name)}
    if isinstance(exc, ValidationError):
        errors = list(field_errors(response.data))
        return validation_problem(request, response.status_code, errors, headers=headers)
    data = response.data
    detail = data.get("detail") if isinstance(data, dict) else " ".join(map(str, data))
    return problem(request, response.status_code, detail, headers=headers)
# --8<-- [end:exception-handler]
