"""Photos and PDFs sent with a case through the portal: kept, shown in the timeline, served
only to those who may see the case (staff with a role on it, the citizen tracking it)."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from lianxin.cases import actions
from lianxin.cases.models import Case
from lianxin.core import samples
from lianxin.core.actor import Actor


def form(cc, *uploads, token="web-files"):
    return {
        "kind": "complaint",
        "category": cc.road.pk,
        "content": "青山路桥头护栏被撞坏，照片见附件",
        "place": "青山路桥头",
        "citizen_name": "钱先生",
        "citizen_phone": "13566667777",
        "submit_token": token,
        "files": list(uploads),
    }


def photo(name="护栏.png", data=None, ctype="image/png"):
    return SimpleUploadedFile(name, data if data is not None else samples.png(), ctype)


def test_a_citizen_sends_photos_and_the_handler_sees_them(cc, client, login):
    response = client.post(
        "/submit/", form(cc, photo(), photo("说明.pdf", samples.pdf(), "application/pdf"))
    )
    assert response.status_code == 200
    case = Case.objects.get()
    files = list(case.attachments.order_by("id"))
    assert [(f.name, f.content_type) for f in files] == [
        ("护栏.png", "image/png"),
        ("说明.pdf", "application/pdf"),
    ]
    assert case.events.get(action="receive").data["files"][0]["sha256"] == files[0].sha256

    # the citizen, in the session that sent it, sees his photo on the tracking page
    page = client.get(f"/track/{case.code}/").content.decode()
    assert f"/track/{case.code}/files/{files[0].pk}/" in page
    mine = client.get(f"/track/{case.code}/files/{files[0].pk}/")
    assert mine.status_code == 200 and b"".join(mine.streaming_content) == samples.png()

    actions.case_dispatch(
        case=case, unit=cc.station_a, handler=cc.people.handler, actor=cc.dispatcher
    )
    url = f"/workbench/cases/{case.code}/files/{files[0].pk}/"
    staff = login(cc.handler)
    detail = staff.get(f"/workbench/cases/{case.code}/").content.decode()
    assert url in detail and "说明.pdf" in detail
    served = staff.get(url)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in served["Content-Security-Policy"]


def test_nobody_else_gets_the_files(cc, client, login):
    client.post("/submit/", form(cc, photo()))
    case = Case.objects.get()
    pk = case.attachments.get().pk
    actions.case_dispatch(
        case=case, unit=cc.station_a, handler=cc.people.handler, actor=cc.dispatcher
    )
    url = f"/workbench/cases/{case.code}/files/{pk}/"
    for user in (cc.handler_b, cc.outsider):
        assert login(user).get(url).status_code == 404
    assert Client().get(url).status_code == 302  # to the login page
    stranger = Client()
    assert stranger.get(f"/track/{case.code}/files/{pk}/").status_code in (302, 404)
    assert b"PNG" not in stranger.get(f"/track/{case.code}/files/{pk}/", follow=True).content
    # an attachment of another case through this case's address
    other, _secret = actions.case_receive(
        root=cc.root,
        kind="help",
        channel="web",
        category=cc.road,
        content="另一件",
        citizen_phone="13500000000",
        actor=Actor.citizen("web"),
    )
    assert login(cc.dispatcher).get(f"/workbench/cases/{other.code}/files/{pk}/").status_code == 404


def test_a_file_that_is_not_what_it_says_refuses_the_submission(cc, client):
    fake = photo("现场.jpg", b"MZ\x90\x00 not a picture", "image/jpeg")
    response = client.post("/submit/", form(cc, photo(), fake))
    text = response.content.decode()
    assert response.status_code == 400
    assert "现场.jpg 不是我们接收的文件" in text
    assert not Case.objects.exists()


def test_a_staff_note_with_a_photo_of_the_repair(cc, login, make_case):
    case = make_case("in_progress")
    response = login(cc.handler).post(
        f"/workbench/cases/{case.code}/note/",
        {
            "note-version": case.version,
            "note-note": "已修复，附现场照片",
            "note-files": [photo("修复后.jpg", samples.jpeg())],
        },
    )
    assert response.status_code == 302
    event = case.events.get(action="note")
    assert event.data["files"][0]["name"] == "修复后.jpg"
    assert not event.public  # internal: the citizen's page does not offer it
    pk = case.attachments.get().pk
    tracker = Client()
    session = tracker.session
    session["tracked_cases"] = [case.code]
    session.save()
    assert tracker.get(f"/track/{case.code}/files/{pk}/").status_code == 404


def test_a_form_sent_back_for_a_wrong_phone_keeps_the_photo(cc, client):
    client.get("/submit/")
    first = client.post("/submit/", {**form(cc, photo()), "citizen_phone": "1356666777"})
    page = first.content.decode()
    assert first.status_code == 400 and Case.objects.count() == 0
    assert "不是有效的电话号码" in page and 'id="kept-files"' in page and "护栏.png" in page
    sha = re.search(r'name="keep_file" value="([0-9a-f]{64})"', page).group(1)
    thumb = client.get(f"/submit/kept/web-files/{sha}/")  # shown on the re-shown form
    assert thumb.status_code == 200 and b"".join(thumb.streaming_content) == samples.png()
    assert Client().get(f"/submit/kept/web-files/{sha}/").status_code == 404  # his only

    # corrected, without choosing the photo again
    second = client.post("/submit/", {**form(cc), "keep_file": [sha]})
    assert second.status_code == 200
    case = Case.objects.get()
    assert [f.name for f in case.attachments.all()] == ["护栏.png"]
    assert client.get(f"/submit/kept/web-files/{sha}/").status_code == 404  # taken along


def test_an_unticked_kept_photo_is_left_out(cc, client):
    client.post("/submit/", {**form(cc, photo()), "citizen_phone": "12"})
    client.post("/submit/", form(cc))  # the box left unticked: no keep_file
    assert Case.objects.get().attachments.count() == 0


def test_another_browser_cannot_take_a_kept_photo(cc, client):
    first = client.post("/submit/", {**form(cc, photo()), "citizen_phone": "12"})
    sha = re.search(r'name="keep_file" value="([0-9a-f]{64})"', first.content.decode()).group(1)
    stranger = Client(REMOTE_ADDR="203.0.113.7")
    stranger.post("/submit/", {**form(cc), "keep_file": [sha]})
    assert Case.objects.get().attachments.count() == 0
