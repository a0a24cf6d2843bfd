"""Walk the running demo as each role would, on a desk screen and on a phone.

Against a running server with the demo loaded (`lianxin demo`) and LIANXIN_REQUIRE_OTP=0:

    .venv/bin/python tools/role_screens.py --url http://127.0.0.1:8000

For every demo login it logs in, opens the page the login lands on (the role's home),
and saves full-page screenshots at 1366x768 and 390x844 to data/shots/roles/<login>-<size>.png.
It records the heading, whether the phone page scrolls sideways (scrollWidth > viewport)
and every menu link, button link and GET form on the home that answers 403/404/500
when followed. The public home, board and track pages are shot the same way.
Prints a table; exits 1 when a page scrolls sideways on the phone or a link is bad.

Uses Debian's Chromium (/usr/bin/chromium); never `playwright install`.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlparse

from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lianxin.org.demo_data import DEMO_LOGINS, DEMO_PASSWORD  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SIZES = {"desk": (1366, 768), "phone": (390, 844)}
PUBLIC = [("public-home", "/"), ("public-board", "/board/"), ("public-track", "/track/")]
BAD = {403, 404, 500}
# Links a GET would act on or leave the site through: not followed.
SKIP = ("/accounts/logout", "/i18n/", "/admin/logout")

# Menu links, button links and GET forms of the page (not every link in a table).
COLLECT = """() => {
  const out = [];
  const seen = new Set();
  const add = (kind, href, text) => {
    if (!href || seen.has(href)) return;
    seen.add(href);
    out.push({kind, href, text: (text || '').trim().replace(/\\s+/g, ' ').slice(0, 40)});
  };
  document.querySelectorAll('nav a[href], .navbar a[href], .dropdown-menu a[href], '
      + '.nav a[href], .list-group a[href], .breadcrumb a[href]')
    .forEach(a => add('menu', a.href, a.textContent));
  document.querySelectorAll('a.btn[href], a[role=button][href]')
    .forEach(a => add('button', a.href, a.textContent));
  document.querySelectorAll('form').forEach(f => {
    if ((f.getAttribute('method') || 'get').toLowerCase() === 'get')
      add('form', f.action, (f.querySelector('button') || {}).textContent);
  });
  return out;
}"""


@dataclass
class Row:
    name: str
    url: str = ""
    heading: str = ""
    title: str = ""
    sideways: dict[str, bool] = field(default_factory=dict)
    bad: list[str] = field(default_factory=list)
    checked: int = 0
    shots: list[str] = field(default_factory=list)


def new_page(browser: Browser, size: str) -> Page:
    width, height = SIZES[size]
    context = browser.new_context(
        viewport={"width": width, "height": height},
        locale="zh-CN",
        extra_http_headers={"Accept-Language": "zh-Hans,zh;q=0.9"},
        is_mobile=size == "phone",
        has_touch=size == "phone",
        device_scale_factor=1,
    )
    return context.new_page()


def log_in(page: Page, base: str, login: str) -> None:
    page.goto(urljoin(base, "/accounts/login/"))
    page.fill("#id_username", login)
    page.fill("#id_password", DEMO_PASSWORD)
    with page.expect_navigation():
        page.click("form:has(#id_password) button[type=submit]")
    page.wait_for_load_state("networkidle")


def look(page: Page, row: Row, size: str, out: Path) -> None:
    page.wait_for_load_state("networkidle")
    row.url = urlparse(page.url).path + (
        "?" + urlparse(page.url).query if urlparse(page.url).query else ""
    )
    row.title = page.title()
    h1 = page.locator("h1")
    row.heading = h1.first.inner_text().strip() if h1.count() else "(no h1)"
    # Against the width asked for: a mobile browser may widen innerWidth to fit the page.
    row.sideways[size] = (
        page.evaluate("() => document.documentElement.scrollWidth") > (SIZES[size][0])
    )
    path = out / f"{row.name}-{size}.png"
    page.screenshot(path=str(path), full_page=True)
    row.shots.append(path.name)


def check_links(page: Page, base: str, row: Row) -> None:
    host = urlparse(base).netloc
    for link in page.evaluate(COLLECT):
        href = link["href"].split("#")[0]
        if not href or urlparse(href).netloc != host or any(s in href for s in SKIP):
            continue
        row.checked += 1
        status = page.request.get(href, max_redirects=5).status
        if status in BAD:
            row.bad.append(f"{status} {link['kind']} '{link['text']}' {urlparse(href).path}")


def walk(base: str, out: Path, logins: list[str]) -> list[Row]:
    rows: list[Row] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for login in logins:
                row = Row(login)
                for size in SIZES:
                    page = new_page(browser, size)
                    log_in(page, base, login)
                    look(page, row, size, out)
                    if size == "desk":
                        check_links(page, base, row)
                    page.context.close()
                rows.append(row)
            for name, path in PUBLIC:
                row = Row(name)
                for size in SIZES:
                    page = new_page(browser, size)
                    page.goto(urljoin(base, path))
                    look(page, row, size, out)
                    if size == "desk":
                        check_links(page, base, row)
                    page.context.close()
                rows.append(row)
        finally:
            browser.close()
    return rows


def print_table(rows: list[Row], roles: dict[str, str]) -> None:
    print(f"{'login':14} {'role':11} {'home':34} {'side':5} {'links':>5}  heading / bad links")
    for r in rows:
        side = "y" if r.sideways.get("phone") else "n"
        print(
            f"{r.name:14} {roles.get(r.name, '-'):11} {r.url[:34]:34} {side:5} "
            f"{r.checked:>5}  {r.heading[:40]}"
        )
        for bad in r.bad:
            print(f"{'':68}!! {bad}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default=str(ROOT / "data" / "shots" / "roles"))
    parser.add_argument("--login", action="append", help="only these logins (repeatable)")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    roles = {login: role for role, login in DEMO_LOGINS}
    logins = args.login or [login for _, login in DEMO_LOGINS]
    rows = walk(args.url, out, logins)
    print_table(rows, roles)
    print(f"screenshots in {out}")
    return 1 if any(r.bad or r.sideways.get("phone") for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
