from django.core.checks import Warning, register
from django.db import DatabaseError

from .workdays import missing_years


@register()
def calendar_years_known(app_configs, **kwargs):
    """Warn administrators about a year whose official holidays nobody has entered."""
    try:
        years = missing_years()
    except DatabaseError:  # not migrated yet: nothing to say
        return []
    return [
        Warning(
            f"The working-day calendar does not know the official holidays of {year}.",
            hint=(
                f"Enter the State Council's {year} holiday notice at /workbench/calendar/ "
                "(holidays and make-up working days); until then weekends only are counted."
            ),
            id="lianxin.W001",
        )
        for year in years
    ]


@register(deploy=True)
def trusted_proxies_set(app_configs, **kwargs):
    """Production runs behind a TLS proxy: with no trusted proxy every rate limit and the
    login lockout would count the proxy's address, one bucket for the whole county."""
    from django.conf import settings

    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and not getattr(
        settings, "LIANXIN_TRUSTED_PROXIES", 0
    ):
        return [
            Warning(
                "LIANXIN_TRUSTED_PROXIES is 0 behind the TLS proxy: every client would share "
                "the proxy's address in the rate limits and the login lockout.",
                hint=(
                    "Set LIANXIN_TRUSTED_PROXIES to the number of reverse proxies in front of "
                    "lianxin (1 for one nginx), which append the client to X-Forwarded-For."
                ),
                id="lianxin.W010",
            )
        ]
    return []
