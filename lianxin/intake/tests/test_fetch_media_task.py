"""Pictures that come as links: a WeChat image message's PicUrl is fetched after the case is
committed and added to the case's timeline; links to hosts not allowed are never fetched;
a link that is not a picture is noted, not attached."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from lianxin.cases.models import Case
from lianxin.core import clock, samples
from lianxin.intake.tests.test_wechat_callback import URL, account, query  # noqa: F401

SERVED = {"/mmbiz_jpg/abc/0": samples.jpeg(), "/page": b"<html>not a picture</html>"}
HITS = []


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        HITS.append(self.path)
        body = SERVED.get(self.path)
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "http://10.0.0.1/secret")
            self.end_headers()
            return
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "image/jpeg")
        self.end_headers()
        self.wfile.write(body or b"")

    def log_message(self, *args):
        pass


@pytest.fixture
def picture_host(settings):
    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.LIANXIN_MEDIA_HOSTS = ["127.0.0.1"]
    HITS.clear()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def image_message(pic_url, msg_id):
    return (
        f"<xml><ToUserName><![CDATA[gh_account]]></ToUserName>"
        f"<FromUserName><![CDATA[oUser1]]></FromUserName><CreateTime>{int(clock.now().timestamp())}"
        f"</CreateTime><MsgType><![CDATA[image]]></MsgType>"
        f"<PicUrl><![CDATA[{pic_url}]]></PicUrl><MediaId><![CDATA[media_{msg_id}]]></MediaId>"
        f"<MsgId>{msg_id}</MsgId></xml>"
    )


def post(client, body):
    q = "&".join(f"{k}={v}" for k, v in query().items())
    return client.post(f"{URL}?{q}", body, content_type="text/xml")


def test_a_wechat_picture_is_fetched_and_attached(
    account,  # noqa: F811
    client,
    picture_host,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, image_message(f"{picture_host}/mmbiz_jpg/abc/0", "2001"))
    assert response.status_code == 200
    case = Case.objects.get()
    [attachment] = case.attachments.all()
    assert attachment.content_type == "image/jpeg" and attachment.size == len(samples.jpeg())
    assert case.events.get(action="note").note == "随消息发来的图片。"
    # WeChat's retry of the same MsgId fetches nothing more
    with django_capture_on_commit_callbacks(execute=True):
        post(client, image_message(f"{picture_host}/mmbiz_jpg/abc/0", "2001"))
    assert case.attachments.count() == 1 and HITS == ["/mmbiz_jpg/abc/0"]


def test_what_is_not_a_picture_or_not_allowed_is_not_attached(
    account,  # noqa: F811
    client,
    picture_host,
    settings,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, image_message(f"{picture_host}/page", "2002"))
        post(client, image_message(f"{picture_host}/redirect", "2003"))
    page_case, redirect_case = Case.objects.order_by("id")
    assert not page_case.attachments.exists()
    assert "不是我们接收的文件" in page_case.events.get(action="note").note
    assert not redirect_case.attachments.exists()  # the redirect was not followed
    assert "/secret" not in HITS
    settings.LIANXIN_MEDIA_HOSTS = ["qpic.cn"]
    with django_capture_on_commit_callbacks(execute=True):
        post(client, image_message(f"{picture_host}/mmbiz_jpg/abc/0", "2004"))
    assert HITS == ["/page", "/redirect"]  # a host not allowed is never asked
    assert Case.objects.count() == 3


def test_weibo_pictures_are_fetched_too(cast, picture_host, django_capture_on_commit_callbacks):
    from lianxin.cases.models import Category
    from lianxin.intake.actions import weibo_receive

    road = Category.objects.create(root=cast.root, name="路面病害")
    item = {
        "id": "4990001",
        "text": "@青山公路 S205线K8护栏被撞坏了",
        "user": {"id": 77, "screen_name": "青山路人"},
        "pic_urls": [{"thumbnail_pic": f"{picture_host}/mmbiz_jpg/abc/0"}],
    }
    with django_capture_on_commit_callbacks(execute=True):
        case, created = weibo_receive(root=cast.root, category=road, item=item)
    assert created and case.attachments.get().content_type == "image/jpeg"
    assert HITS == ["/mmbiz_jpg/abc/0"]
