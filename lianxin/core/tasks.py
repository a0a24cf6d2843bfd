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
