"""What intake contributes to core's registries: the demo's category questions."""

from lianxin.core import demo


def _load(state: dict) -> None:
    from .demo_data import load_demo_intake

    load_demo_intake(state["units"])


demo.register("intake", _load, order=50, after=("org", "cases"))
