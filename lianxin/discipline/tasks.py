"""Messages to named reporters: the task carries the report id only; the phone number is
unsealed when the SMS is sent, so the task table never holds it."""

from django_tasks import task


@task()
def tell_reporter(report_id: int, text: str) -> None:
    from lianxin.core.notify import sms_backend

    from . import sealing
    from .models import Report

    report = Report.objects.filter(pk=report_id).first()
    identity = sealing.unseal(report.reporter_sealed) if report else None
    if identity and identity.get("phone", "").startswith("1"):
        sms_backend().send(identity["phone"], text)
