from django import template

register = template.Library()


@register.filter
def pct(rate) -> str:
    """0.6667 -> "66.7%"; None -> "—" (no denominator)."""
    if rate is None or rate == "":
        return "—"
    return f"{float(rate) * 100:.1f}%"


@register.filter
def score(value) -> str:
    return "—" if value is None else f"{float(value):.1f}"


@register.filter
def get(mapping, key):
    return (mapping or {}).get(key)


@register.filter
def ranked_value(row, key):
    """The figure a row is ranked by, shown as the ranking column."""
    value = row.get("value")
    if key == "composite":
        return score(value)
    cell = (row.get("components") or {}).get(key)
    is_count = cell and cell.get("den") is None
    if key not in ("response", "on_time", "resolution", "satisfaction") and is_count:
        return "—" if value is None else str(value)
    return pct(value)
