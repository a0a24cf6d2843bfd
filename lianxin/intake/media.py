"""Pictures that reach us as links: a WeChat image message (PicUrl on WeChat's servers), the
pictures of a Weibo post, an Open311 `media_url`. After the case is committed a background
task fetches each link, if its host is one of `LIANXIN_MEDIA_HOSTS`, and adds the file to the
case's timeline through `case_note`; the file passes the same checks as an upload. Links from
other hosts stay in the channel message, shown to staff as they came."""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from lianxin.cases import actions as case_actions
from lianxin.cases.models import Case
from lianxin.core import files
from lianxin.core.actor import Actor
from lianxin.core.errors import ApplicationError

TIMEOUT = 10


def fetchable(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    return parts.scheme in ("http", "https") and any(
        host == h or host.endswith("." + h) for h in settings.LIANXIN_MEDIA_HOSTS
    )


def fetch_later(case: Case, urls: list[str]) -> None:
    """Queue the fetching of the links we may fetch, once the case is committed."""
    from .tasks import fetch_media

    for url in [u for u in urls if u and fetchable(u)][: files.MAX_FILES]:
        transaction.on_commit(lambda u=url: fetch_media.enqueue(case.pk, u))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # a redirect could point anywhere
        return None


def download(url: str) -> bytes:
    opener = urllib.request.build_opener(_NoRedirect)
    with opener.open(
        urllib.request.Request(url, headers={"User-Agent": "lianxin"}), timeout=TIMEOUT
    ) as resp:
        data = resp.read(files.MAX_FILE + 1)
    return data


def attach_from(case_pk: int, url: str) -> str:
    """Fetch one link and add it to the case; returns what happened (for the task's log)."""
    case = Case.objects.filter(pk=case_pk).first()
    if case is None or not fetchable(url):
        return "skipped"
    name = urlsplit(url).path.rsplit("/", 1)[-1].rsplit(".", 1)[0] or "picture"  # type by content
    try:
        data = download(url)
        accepted = files.accept([(name, data)])
        note = _("Picture sent with the message.")
    except (urllib.error.URLError, OSError, ValueError) as err:
        accepted, note = [], _("The picture could not be fetched (%(error)s).") % {"error": err}
    except ApplicationError as err:
        accepted, note = [], str(err.message)
    try:
        case_actions.case_note(
            case=case, note=note[:1000], actor=Actor.system("media"), files=accepted
        )
    except ApplicationError:  # withdrawn or merged meanwhile: nothing to add it to
        return "refused"
    return "attached" if accepted else "failed"
