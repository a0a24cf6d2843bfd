"""Files attached to a public form that came back for an error (a wrong phone, a missing
category): kept, so that the citizen does not have to choose his photo again.

A browser cannot put a file back into a file field, so the accepted files (checked and
stored by `core.files.accept`, content-addressed, outside the web root) are remembered in
the citizen's own session under the form's random submit token; the re-shown form lists
them with a box to keep each one, and the submission that succeeds takes them with it.
Nobody else can attach them: both the session and the token are needed. Sessions live in
the database, so any web process finds them.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from lianxin.core import files

SESSION_KEY = "pending_files"
MAX_FORMS = 3  # the last few forms of this browser keep their files


def _all(request: HttpRequest) -> dict[str, list[dict]]:
    value = request.session.get(SESSION_KEY)
    return value if isinstance(value, dict) else {}


def kept(request: HttpRequest, token: str, chosen: list[str] | None = None) -> list[files.Accepted]:
    """The files kept for this form; with `chosen`, only those whose digests the citizen
    left ticked."""
    rows = _all(request).get(token or "", [])
    out = [files.Accepted(**row) for row in rows]
    if chosen is not None:
        out = [f for f in out if f.sha256 in chosen]
    return out


def keep(request: HttpRequest, token: str, accepted: list[files.Accepted]) -> None:
    if not token:
        return
    forms = {k: v for k, v in _all(request).items() if k != token}
    if accepted:
        forms[token] = [
            {"name": f.name, "content_type": f.content_type, "size": f.size, "sha256": f.sha256}
            for f in accepted
        ]
    request.session[SESSION_KEY] = dict(list(forms.items())[-MAX_FORMS:])


def drop(request: HttpRequest, token: str) -> None:
    forms = _all(request)
    if token in forms:
        forms.pop(token)
        request.session[SESSION_KEY] = forms


def serve(request: HttpRequest, token: str, sha256: str) -> HttpResponse:
    """A kept file, to the browser that sent it (a thumbnail on the re-shown form)."""
    for f in kept(request, token):
        if f.sha256 == sha256:
            return files.response(sha256=f.sha256, content_type=f.content_type, name=f.name)
    raise Http404
