"""Links that keep the reader's choices: the same page with one query parameter changed."""

from flask import request, url_for


def url_with(**changes) -> str:
    """The current page's URL with `changes` applied to its query (None removes a key)."""
    args = {key: values for key, values in request.args.lists() if key not in changes}
    args.update({key: value for key, value in changes.items() if value is not None})
    return url_for(request.endpoint, **(request.view_args or {}), **args)
