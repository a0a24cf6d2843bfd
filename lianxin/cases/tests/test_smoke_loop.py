from lianxin.cases.models import Status


def test_loop(make_case):
    case = make_case("closed")
    assert case.status == Status.CLOSED
    assert [e.action for e in case.events.all()] == [
        "receive",
        "dispatch",
        "accept",
        "reply",
        "rate",
    ]
