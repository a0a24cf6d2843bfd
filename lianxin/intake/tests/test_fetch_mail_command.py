"""`lianxin fetch_mail`: real RFC 5322 messages in GBK, GB18030, Big5 and UTF-8, replies,
auto-replies and bounces, attachments; and an IMAP mailbox served over TCP by aioimaplib's
IMAP server."""

import asyncio
import base64
import email
import socket
import threading
from email import policy

import pytest
from django.core.management import call_command

from lianxin.cases.models import Case, Category
from lianxin.core import files
from lianxin.intake.models import ChannelMessage


def raw_mail(
    *,
    subject_word: str,
    charset: str,
    body: str,
    sender="zhao@example.cn",
    message_id="<m1@example.cn>",
    extra="",
    encoding="base64",
    name="赵市民",
) -> bytes:
    subject = f"=?{charset}?B?{base64.b64encode(subject_word.encode(charset)).decode()}?="
    payload = body.encode(charset)
    if encoding == "base64":
        payload_text = base64.encodebytes(payload).decode()
    else:
        payload_text = payload.decode("latin-1")
    head = (
        f"From: =?{charset}?B?{base64.b64encode(name.encode(charset)).decode()}?= <{sender}>\r\n"
        f"To: xinfang@qingshan.gov.cn\r\nSubject: {subject}\r\nMessage-ID: {message_id}\r\n"
        f"Date: Sun, 29 Nov 2026 10:00:00 +0800\r\nMIME-Version: 1.0\r\n{extra}"
        f"Content-Type: text/plain; charset={charset}\r\n"
        f"Content-Transfer-Encoding: {encoding}\r\n\r\n"
    )
    return head.encode("ascii") + payload_text.encode("latin-1")


@pytest.fixture
def road(cast):
    return Category.objects.create(root=cast.root, name="路面病害")


@pytest.mark.parametrize(
    "charset, encoding",
    [
        ("gbk", "base64"),
        ("gb18030", "8bit"),
        ("big5", "base64"),
        ("utf-8", "8bit"),
        ("gb2312", "base64"),
    ],
)
def test_chinese_mail_in_every_encoding_becomes_a_case(road, tmp_path, capsys, charset, encoding):
    big5 = charset == "big5"
    text = "青山路K12處有坑洞" if big5 else "青山路K12处有坑，请修补"
    name = "趙市民" if big5 else "赵市民"
    subject = "路面坑洞"
    path = tmp_path / "m.eml"
    path.write_bytes(
        raw_mail(subject_word=subject, charset=charset, body=text, encoding=encoding, name=name)
    )
    call_command("fetch_mail", "--eml", str(path))
    assert "1 new cases" in capsys.readouterr().out
    case = Case.objects.get()
    assert case.channel == "email" and text in case.content and case.title == subject
    assert (case.citizen_name, case.citizen_email) == (name, "zhao@example.cn")
    call_command("fetch_mail", "--eml", str(path))  # the same mail again
    assert "1 already read" in capsys.readouterr().out and Case.objects.count() == 1


def test_replies_go_to_their_case_and_automatic_mail_is_ignored(road, tmp_path, capsys):
    first = tmp_path / "first.eml"
    first.write_bytes(raw_mail(subject_word="路灯不亮", charset="utf-8", body="石桥村路灯不亮"))
    call_command("fetch_mail", "--eml", str(first))
    case = Case.objects.get()
    reply = tmp_path / "reply.eml"
    reply.write_bytes(
        raw_mail(
            subject_word=f"Re: 您的诉求 {case.code}",
            charset="gbk",
            body="补充：是村口第三根路灯",
            message_id="<m2@example.cn>",
        )
    )
    stranger = tmp_path / "stranger.eml"
    stranger.write_bytes(
        raw_mail(
            subject_word=f"Re: 您的诉求 {case.code}",
            charset="utf-8",
            body="冒充的回复",
            sender="other@example.cn",
            message_id="<m3@example.cn>",
        )
    )
    auto = tmp_path / "auto.eml"
    auto.write_bytes(
        raw_mail(
            subject_word="自动回复：休假中",
            charset="utf-8",
            body="我正在休假",
            message_id="<m4@example.cn>",
            extra="Auto-Submitted: auto-replied\r\n",
        )
    )
    bounce = tmp_path / "bounce.eml"
    bounce.write_bytes(
        raw_mail(
            subject_word="Undelivered",
            charset="utf-8",
            body="failed",
            sender="MAILER-DAEMON@example.cn",
            message_id="<m5@example.cn>",
        )
    )
    call_command("fetch_mail", "--eml", str(reply), str(stranger), str(auto), str(bounce))
    out = capsys.readouterr().out
    assert "1 new cases, 1 replies, 2 ignored" in out
    note = case.events.filter(action="note").get().note
    assert "村口第三根路灯" in note
    assert Case.objects.count() == 2  # the stranger's mail is a case of its own


def test_attachments_images_and_pdf_are_kept_others_refused(road, tmp_path, settings):
    from lianxin.core import samples

    msg = email.message.EmailMessage(policy=policy.default)
    msg["From"] = "赵市民 <zhao@example.cn>"
    msg["To"] = "xinfang@qingshan.gov.cn"
    msg["Subject"] = "路面坑洞照片"
    msg["Message-ID"] = "<att@example.cn>"
    msg.set_content("照片见附件")
    msg.add_attachment(samples.png(), maintype="image", subtype="png", filename="坑.png")
    msg.add_attachment(samples.pdf(), maintype="application", subtype="pdf", filename="说明.pdf")
    msg.add_attachment(b"MZ\x90\x00 an exe", maintype="image", subtype="jpeg", filename="fake.jpg")
    path = tmp_path / "att.eml"
    path.write_bytes(msg.as_bytes())
    call_command("fetch_mail", "--eml", str(path))
    message = ChannelMessage.objects.get()
    assert message.data["attachments"] == ["坑.png", "说明.pdf"]
    assert [r["name"] for r in message.data["refused"]] == ["fake.jpg"]
    kept = list(message.case.attachments.order_by("id"))
    assert [(a.name, a.content_type) for a in kept] == [
        ("坑.png", "image/png"),
        ("说明.pdf", "application/pdf"),
    ]
    stored = files.stored_path(kept[0].sha256)
    assert stored.read_bytes() == samples.png()
    assert settings.DATA_DIR in stored.parents and settings.STATIC_ROOT not in stored.parents


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_reply_to_a_merged_case_goes_to_the_case_it_joined(road, tmp_path, capsys):
    from conftest import make_person
    from lianxin.cases import actions as case_actions
    from lianxin.org.models import Role

    first = tmp_path / "first.eml"
    first.write_bytes(raw_mail(subject_word="路灯不亮", charset="utf-8", body="石桥村路灯不亮"))
    second = tmp_path / "second.eml"
    second.write_bytes(
        raw_mail(subject_word="路灯", charset="utf-8", body="又是路灯", message_id="<m2@x.cn>")
    )
    call_command("fetch_mail", "--eml", str(first), str(second))
    original, duplicate = Case.objects.order_by("pk")
    dispatcher = make_person("disp", "孙派单", road.root, roles=[(Role.DISPATCHER, road.root)]).user
    case_actions.case_merge(case=duplicate, original=original, actor=dispatcher)
    reply = tmp_path / "reply.eml"
    reply.write_bytes(
        raw_mail(
            subject_word=f"Re: 您的诉求 {duplicate.code}",
            charset="utf-8",
            body="补充：灯杆编号17",
            message_id="<m3@x.cn>",
        )
    )
    capsys.readouterr()
    call_command("fetch_mail", "--eml", str(reply))
    assert "1 replies" in capsys.readouterr().out
    assert "灯杆编号17" in original.events.filter(action="note").get().note
    assert Case.objects.count() == 2


def test_someone_else_s_message_id_does_not_make_a_mail_a_copy(road, tmp_path, capsys):
    squat = tmp_path / "squat.eml"
    squat.write_bytes(
        raw_mail(subject_word="抢注", charset="utf-8", body="抢注", sender="bad@example.cn")
    )
    real = tmp_path / "real.eml"
    real.write_bytes(raw_mail(subject_word="路灯不亮", charset="utf-8", body="石桥村路灯不亮"))
    call_command("fetch_mail", "--eml", str(squat), str(real))
    assert "2 new cases" in capsys.readouterr().out
    assert Case.objects.filter(citizen_email="zhao@example.cn", content__contains="石桥村").exists()


def test_a_mail_that_cannot_be_stored_stays_unread_for_the_next_run(road, capsys, monkeypatch):
    from aioimaplib.imap_testing_server import Mail, MockImapServer

    from lianxin.intake.management.commands import fetch_mail as command

    loop = asyncio.new_event_loop()
    server = MockImapServer(loop=loop)
    port = _free_port()
    srv = loop.run_until_complete(server.run_server(host="127.0.0.1", port=port))
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        raw = raw_mail(subject_word="桥梁护栏损坏", charset="gbk", body="河口大桥护栏断了两根")
        server.receive(
            Mail(email.message_from_bytes(raw, policy=policy.compat32)),
            imap_user="box@qingshan.gov.cn",
        )
        args = ["--host", "127.0.0.1", "--port", str(port), "--user", "box@qingshan.gov.cn"]
        real = command.mail_receive

        def broken(**kw):
            raise RuntimeError("database went away")

        monkeypatch.setattr(command, "mail_receive", broken)
        call_command("fetch_mail", *args, "--password", "secret")
        assert "1 left unread" in capsys.readouterr().out
        monkeypatch.setattr(command, "mail_receive", real)
        call_command("fetch_mail", *args, "--password", "secret")
        assert "1 new cases" in capsys.readouterr().out
        assert "河口大桥护栏断了两根" in Case.objects.get().content
    finally:
        loop.call_soon_threadsafe(srv.close)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=5)


def test_new_mail_is_fetched_from_an_imap_server_and_marked_read(road, capsys):
    from aioimaplib.imap_testing_server import Mail, MockImapServer

    loop = asyncio.new_event_loop()
    server = MockImapServer(loop=loop)
    port = _free_port()
    srv = loop.run_until_complete(server.run_server(host="127.0.0.1", port=port))
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        raw = raw_mail(subject_word="桥梁护栏损坏", charset="gbk", body="河口大桥护栏断了两根")
        server.receive(
            Mail(email.message_from_bytes(raw, policy=policy.compat32)),
            imap_user="box@qingshan.gov.cn",
        )
        args = [
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--user",
            "box@qingshan.gov.cn",
            "--password",
            "secret",
        ]
        call_command("fetch_mail", *args)
        assert "1 new cases" in capsys.readouterr().out
        assert "河口大桥护栏断了两根" in Case.objects.get().content
        call_command("fetch_mail", *args)  # marked \Seen: nothing new
        assert "0 new cases" in capsys.readouterr().out
    finally:
        loop.call_soon_threadsafe(srv.close)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=5)
