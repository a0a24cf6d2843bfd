"""Background tasks (django-tasks; the database backend's `db_worker` runs them)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

from .notify import sms_backend


@task()
def send_sms(phone: str, text: str) -> None:
    sms_backend().send(phone, text)


@task()
def send_email(address: str, subject: str, text: str) -> None:
    send_mail(subject, text, settings.DEFAULT_FROM_EMAIL, [address])


@task()
def run_export(job_id: int) -> None:
    from .exportjobs import run

    run(job_id)


@task()
def send_sms_many(messages: list[list[str]]) -> None:
    """The SMS of one clock batch: [[phone, text], ...]."""
    backend = sms_backend()
    for phone, text in messages:
        backend.send(phone, text)


@task()
def send_email_many(messages: list[list[str]]) -> None:
    for address, subject, text in messages:
        send_mail(subject, text, settings.DEFAULT_FROM_EMAIL, [address])
