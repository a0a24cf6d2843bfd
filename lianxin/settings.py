"""Settings for lianxin, read from the environment.

LIANXIN_DATA_DIR  data folder (SQLite database, uploads, generated secret key); default ./data
DATABASE_URL      e.g. postgres://user@host:5432/name; default SQLite in the data folder
LIANXIN_ENV       "production" turns DEBUG off and enables HTTPS-only cookies and headers
DJANGO_SECRET_KEY the secret key; generated once into the data folder when absent
DJANGO_DEBUG      "1" shows Django's debug pages (never in production)
ALLOWED_HOSTS     comma-separated host names (production)
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("LIANXIN_DATA_DIR", BASE_DIR / "data")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

PRODUCTION = os.environ.get("LIANXIN_ENV", "development") == "production"
# Debug pages show stack traces, so they are opt-in even on a workstation (DJANGO_DEBUG=1).
DEBUG = not PRODUCTION and os.environ.get("DJANGO_DEBUG", "0") == "1"


def _secret_key() -> str:
    key = os.environ.get("DJANGO_SECRET_KEY")
    if key:
        return key
    path = DATA_DIR / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(64))
    return path.read_text().strip()


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get(
        "ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver"
    ).split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "django_htmx",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "lianxin.core",
    "lianxin.org",
    "lianxin.cases",
    "lianxin.partywork",
    "lianxin.catalog",
    "lianxin.liaison",
    "lianxin.mediation",
    "lianxin.rules",
    "lianxin.discipline",
    "lianxin.stats",
    "lianxin.supervision",
    "lianxin.intake",
    "lianxin.routing",
    "lianxin.portal",
    "lianxin.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lianxin.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Sessions, login, second factor, messages and htmx as Django's and
    # their packages' own, passed over for a bearer-token API call (its token is its login):
    # core/middleware.py `skip_for_bearer_api`.
    "lianxin.core.middleware.SessionMiddleware",
    "lianxin.core.middleware.LanguageMiddleware",
    "lianxin.core.middleware.BodyLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "lianxin.core.middleware.BearerApiUserMiddleware",
    "lianxin.core.middleware.OTPMiddleware",
    "lianxin.core.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "lianxin.core.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "lianxin.core.middleware.SecondFactorMiddleware",
]

ROOT_URLCONF = "lianxin.urls"
WSGI_APPLICATION = "lianxin.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lianxin.core.context.site",
            ],
        },
    },
]

# Widgets are drawn by templates found like any other (Django's own through the
# "django.forms" app): templates/django/forms/widgets/ gives them Bootstrap's classes.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

_default_db = f"sqlite:///{DATA_DIR / 'lianxin.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(os.environ.get("DATABASE_URL", _default_db))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL: readers never wait for the writer. Writers queue: every transaction begins
        # IMMEDIATE (takes the write lock at BEGIN, so no deadlock on upgrade) and waits up
        # to 20 s for it; an import's chunk or a clock batch holds it well under that
        # (docs/scale.md, SQLite).
        "init_command": (
            "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA busy_timeout=20000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DB_CONN_MAX_AGE", "60"))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "workbench:home"
LOGOUT_REDIRECT_URL = "portal:home"

# Lockout after repeated failed logins (django-axes).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=30)
# A login name is locked after repeated failures from the same address; offices share one
# public address behind NAT, so a whole office is not locked by one clerk's typos.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The client address of every rate limit and of the lockout: REMOTE_ADDR, or behind
# LIANXIN_TRUSTED_PROXIES reverse proxies the entry they wrote in X-Forwarded-For
# (lianxin/core/clientip.py; AXES_PROXY_COUNT is read as an older name of the same number).
LIANXIN_TRUSTED_PROXIES = int(
    os.environ.get("LIANXIN_TRUSTED_PROXIES", os.environ.get("AXES_PROXY_COUNT", "0")) or 0
)
AXES_CLIENT_IP_CALLABLE = "lianxin.core.clientip.client_ip"
AXES_RESET_ON_SUCCESS = True

# Second factor (TOTP, django-otp) for superusers and holders of admin, supervisor, inspector
# or leader (lianxin/core/secondfactor.py). Always on in production; LIANXIN_REQUIRE_OTP=0
# turns it off elsewhere (`make run` does, for the demo), with a banner on every workbench
# page (docs/decisions/011-trust-site-second-factor.md).
LIANXIN_REQUIRE_OTP = PRODUCTION or os.environ.get("LIANXIN_REQUIRE_OTP", "1") != "0"
OTP_TOTP_ISSUER = os.environ.get("LIANXIN_ORG_NAME", "") or "Lianxin"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

# Sessions expire after 8 hours of a working day and when the browser closes.
SESSION_COOKIE_AGE = 8 * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Outside production WhiteNoise serves straight from static/ (no collectstatic needed).
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION

if PRODUCTION:
    SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# The Content-Security-Policy of every HTML page (ContentSecurityPolicyMiddleware): nothing
# inline, nothing from elsewhere. `data:` images are the small SVG icons inside Bootstrap's CSS.
LIANXIN_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

# Request bodies (lianxin/core/middleware.py BodyLimitMiddleware): a declared Content-Length
# over the limit of the path is refused with 413 before anything is read. The default is the
# largest public form: five photos or PDFs of 10 MB (core/files.py) and the text.
LIANXIN_MAX_BODY = 51 * 2**20
LIANXIN_BODY_LIMITS = {
    "/accounts/": 64 * 2**10,
    "/i18n/": 64 * 2**10,
    "/channels/": 512 * 2**10,
    "/open311/": 2**20,
    "/api/": 2 * 2**20,
    "/workbench/imports/": 51 * 2**20,
}
# Fields other than files (Django's own check), and files kept in memory before they go to a
# temporary file on disk.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 2**20
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 2**20
DATA_UPLOAD_MAX_NUMBER_FILES = 20
# Spreadsheets (zip archives) may unpack to at most this many bytes in all, and no part may
# unpack to more than LIANXIN_ZIP_MAX_RATIO times its packed size (lianxin/core/archives.py).
LIANXIN_ZIP_MAX_BYTES = 300 * 2**20
LIANXIN_ZIP_MAX_RATIO = 200

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Logs hold no personal data: every line is masked (core/logmask.py).
    "filters": {"mask_personal": {"()": "lianxin.core.logmask.MaskPersonalData"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["mask_personal"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "axes": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

# Working hours for deadlines counted in hours (urgent items): list of (start, end) "HH:MM".
LIANXIN_WORK_HOURS = [("08:30", "12:00"), ("13:30", "17:30")]
LIANXIN_SITE_NAME = _("Lianxin")
LIANXIN_ORG_NAME = os.environ.get("LIANXIN_ORG_NAME", "")

# The public site's hotline and the footer a Chinese government site carries (docs/portal.md).
# Each line is shown only when it is set: 主办单位, ICP备案号 (linked to beian.miit.gov.cn),
# 公安机关备案号 (linked to beian.mps.gov.cn), 网站标识码.
LIANXIN_HOTLINE = os.environ.get("LIANXIN_HOTLINE", "").strip()
LIANXIN_SITE_SPONSOR = os.environ.get("LIANXIN_SITE_SPONSOR", "").strip()
LIANXIN_ICP_RECORD = os.environ.get("LIANXIN_ICP_RECORD", "").strip()
LIANXIN_PSB_RECORD = os.environ.get("LIANXIN_PSB_RECORD", "").strip()
LIANXIN_SITE_CODE = os.environ.get("LIANXIN_SITE_CODE", "").strip()

# Background tasks: the database backend, run by `lianxin db_worker`; LIANXIN_TASKS=immediate
# runs them inline (tests, a one-process demo).
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if os.environ.get("LIANXIN_TASKS") == "immediate"
            else "django_tasks_db.DatabaseBackend"
        ),
    }
}
# Where SMS go: a dotted path to a class with send(phone, text). The default logs them.
LIANXIN_SMS_BACKEND = os.environ.get("LIANXIN_SMS_BACKEND", "lianxin.core.notify.ConsoleSmsBackend")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "lianxin@localhost")
# Case lookups by code + secret stop working this many days after a case closed.
LIANXIN_LOOKUP_DAYS = int(os.environ.get("LIANXIN_LOOKUP_DAYS", "180"))
# Weights of the composite score (response, resolution, satisfaction), in percent.
LIANXIN_SCORE_WEIGHTS = (30, 35, 35)

# Pictures that arrive as links (WeChat image messages, Weibo pictures, Open311 media_url) are
# fetched by a background task only from these hosts (and their subdomains): a client cannot
# make the server fetch an address of its choosing.
LIANXIN_MEDIA_HOSTS = [
    h.strip()
    for h in os.environ.get("LIANXIN_MEDIA_HOSTS", "qpic.cn,qlogo.cn,sinaimg.cn").split(",")
    if h.strip()
]

# Discipline: the key that seals named reporters' identities lives in this file, outside the
# database (docs/decisions/006); the anonymous report form's proof of work, in leading zero
# bits of SHA-256.
LIANXIN_REPORTER_KEY_FILE = os.environ.get("LIANXIN_REPORTER_KEY_FILE", "")
LIANXIN_POW_BITS = int(os.environ.get("LIANXIN_POW_BITS", "16"))
