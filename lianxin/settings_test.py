"""Settings for the test suite: background tasks run inline, SMS are kept in memory."""

from .settings import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LIANXIN_SMS_BACKEND = "lianxin.core.notify.MemorySmsBackend"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
