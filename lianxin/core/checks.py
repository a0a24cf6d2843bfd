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
