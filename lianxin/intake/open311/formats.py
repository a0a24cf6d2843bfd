"""GeoReport v2 documents in JSON or XML (chosen by the URL's suffix), and its errors."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

from django.http import HttpResponse

CONTENT_TYPES = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}


def _xml_value(parent: ET.Element, key: str, value) -> None:
    el = ET.SubElement(parent, key)
    if isinstance(value, bool):
        el.text = "true" if value else "false"
    elif isinstance(value, list):
        item = {
            "attributes": "attribute",
            "values": "value",
            "formats": "format",
            "endpoints": "endpoint",
            "keywords": "keyword",
        }.get(key, "item")
        for v in value:
            if isinstance(v, dict):
                child = ET.SubElement(el, item)
                for k, vv in v.items():
                    _xml_value(child, k, vv)
            else:
                ET.SubElement(el, item).text = str(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            _xml_value(el, k, v)
    elif value is not None:
        el.text = str(value)


def render(fmt: str, data, *, root_tag: str, item_tag: str | None = None, status=200):
    """A list (item_tag per element) or one object (root_tag holds its fields)."""
    if fmt == "json":
        body = json.dumps(data, ensure_ascii=False)
    else:
        root = ET.Element(root_tag)
        if isinstance(data, list):
            for row in data:
                item = ET.SubElement(root, item_tag)
                for k, v in row.items():
                    _xml_value(item, k, v)
        else:
            for k, v in data.items():
                _xml_value(root, k, v)
        body = '<?xml version="1.0" encoding="utf-8"?>' + ET.tostring(root, encoding="unicode")
    return HttpResponse(body, content_type=CONTENT_TYPES[fmt], status=status)


def error(fmt: str, status: int, description: str):
    return render(
        fmt,
        [{"code": status, "description": description}],
        root_tag="errors",
        item_tag="error",
        status=status,
    )
