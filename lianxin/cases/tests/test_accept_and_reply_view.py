"""The handler's steps on the case page: 签收 is a button in sight (not folded behind 退单),
the reply form takes photos of the result (shown on the case page), and a stock answer
with "X月X日" unfilled comes back with a clear message."""

from django.core.files.uploadedfile import SimpleUploadedFile

from lianxin.cases.models import Case
from lianxin.core import samples


def url(case, step=""):
    return f"/workbench/cases/{case.code}/" + (f"{step}/" if step else "")


def test_accept_is_a_visible_button_before_the_folded_steps(cc, make_case, login):
    case = make_case("dispatched")
    page = login(cc.handler).get(url(case)).content.decode()
    assert 'id="accept-form"' in page and "step-accept" not in page
    assert page.index('id="accept-form"') < page.index('id="step-return"')
    r = login(cc.handler).post(url(case, "accept"), {"accept-version": case.version})
    assert r.status_code == 302
    assert Case.objects.get(pk=case.pk).status == "in_progress"


def test_a_reply_with_a_photo_shows_it_on_the_case_page(cc, make_case, login):
    case = make_case("in_progress")
    client = login(cc.handler)
    r = client.post(
        url(case, "reply"),
        {
            "reply-version": case.version,
            "reply-reply": "坑槽已修补完毕。",
            "reply-files": [SimpleUploadedFile("修复后.png", samples.png(), "image/png")],
        },
    )
    assert r.status_code == 302
    case = Case.objects.get(pk=case.pk)
    photo = case.attachments.get()
    page = client.get(url(case)).content.decode()
    reply_card = page[page.index('id="case-reply"') :].split("</div></div>")[0]
    assert f"/workbench/cases/{case.code}/files/{photo.pk}/" in reply_card
    assert client.get(f"/workbench/cases/{case.code}/files/{photo.pk}/").status_code == 200


def test_a_stock_answer_with_a_placeholder_comes_back_with_a_message(cc, make_case, login):
    case = make_case("in_progress")
    r = login(cc.handler).post(
        url(case, "reply"),
        {"reply-version": case.version, "reply-reply": "坑槽已于X月X日修补完毕。"},
    )
    assert r.status_code == 400
    assert "答复中还有未填写的占位内容“X月X日”" in r.content.decode()
    assert Case.objects.get(pk=case.pk).status == "in_progress"
