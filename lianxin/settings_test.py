"""Settings for the test suite: background tasks run inline, SMS are kept in memory."""

from .settings import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LIANXIN_SMS_BACKEND = "lianxin.core.notify.MemorySmsBackend"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# A file, not shared-cache memory, so that tests with several connections (two clocks, two
# staff at once, the live server) see SQLite as production does: WAL and a busy timeout.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}  # noqa: F405

# Argon2 is deliberately slow; the suite hashes quickly (test_login checks production's list).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The proof of work of anonymous forms costs 65,000 hashes at production's 16 bits (about
# 0.1 s of a test's CPU each time a test or a browser solves one); the suite asks for 8
# (core/tests/test_pow.py checks production's 16 and that a weaker solution is refused).
LIANXIN_POW_BITS = 8
