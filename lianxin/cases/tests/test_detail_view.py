"""The case page: the steps the user may take, each a small form; refusals on the form."""

from lianxin.cases.models import Case, ReplyTemplate

from .conftest import receive


def url(case, step=""):
    return f"/workbench/cases/{case.code}/" + (f"{step}/" if step else "")


def test_the_whole_loop_through_the_pages(cc, login):
    case, _ = receive(cc)
    client = login(cc.dispatcher)
    page = client.get(url(case)).content.decode()
    assert "step-dispatch" in page and "step-accept" not in page
    r = client.post(
        url(case, "dispatch"), {"dispatch-version": case.version, "dispatch-unit": cc.station_a.pk}
    )
    assert r.status_code == 302
    case.refresh_from_db()
    handler = login(cc.handler)
    ReplyTemplate.objects.create(unit=cc.station_a, title="已修补", text="坑槽已修补完毕。")
    assert handler.post(url(case, "accept"), {"accept-version": case.version}).status_code == 302
    case.refresh_from_db()
    page = handler.get(url(case)).content.decode()
    assert "坑槽已修补完毕。" in page  # the common answer to insert
    r = handler.post(
        url(case, "reply"), {"reply-version": case.version, "reply-reply": "坑槽已修补完毕。"}
    )
    assert r.status_code == 302
    case.refresh_from_db()
    assert case.status == "replied"
    page = handler.get(url(case)).content.decode()
    assert "办理过程" in page and "已签收" in page and "已答复" in page


def test_a_stale_page_gets_a_clear_message_and_changes_nothing(cc, make_case, login):
    case = make_case("dispatched")
    old_version = case.version
    client = login(cc.handler)
    client.post(url(case, "accept"), {"accept-version": old_version})
    r = client.post(url(case, "pause"), {"pause-version": old_version, "pause-question": "照片？"})
    assert r.status_code == 400
    assert "请刷新页面" in r.content.decode()
    assert Case.objects.get(pk=case.pk).paused_at is None


def test_a_step_in_the_wrong_state_is_refused_on_the_page(cc, make_case, login):
    case = make_case("replied")
    r = login(cc.handler).post(url(case, "accept"), {"accept-version": case.version})
    assert r.status_code == 400 and "不能进行此操作" in r.content.decode()


def test_a_step_the_user_may_never_take_is_forbidden_and_outsiders_see_nothing(
    cc, make_case, login
):
    case = make_case("received")
    assert login(cc.handler_b).get(url(case)).status_code == 404
    assert login(cc.outsider).post(url(case, "dispatch"), {}).status_code == 404
    r = login(cc.operator).post(
        url(case, "dispatch"), {"dispatch-version": case.version, "dispatch-unit": cc.station_a.pk}
    )
    assert r.status_code == 403


def test_problem_list_and_inbox(cc, login):
    problem, _ = receive(cc, kind="problem", channel="inspection", actor=cc.leader)
    client = login(cc.leader)
    r = client.post(
        url(problem, "dispatch"),
        {"dispatch-version": problem.version, "dispatch-unit": cc.station_a.pk},
    )
    assert r.status_code == 302
    page = login(cc.station_leader).get(f"/workbench/org/units/{cc.station_a.pk}/problems/")
    assert problem.title in page.content.decode()
    inbox = login(cc.station_leader).get("/workbench/inbox/").content.decode()
    assert problem.code in inbox
