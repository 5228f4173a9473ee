#!/usr/bin/env python3
"""The gallery in a real browser (Debian's chromium + chromedriver, Selenium): the budgets and
behaviours issue 13 names, on a gallery `descent run` + `descent gallery` generated.

usage: gallery_test.py OUTPUT_DIR [SCREENSHOT_DIR]
  OUTPUT_DIR      a folder holding index.html (e.g. `make viz`'s output/)
  SCREENSHOT_DIR  where to save desktop, phone and lightbox screenshots (optional)

Over HTTP at 1400×900: the first screen loads ≤ 1 MB, scrolling the whole page ≤ 15 MB, no
console errors, one paper link per optimizer; typing in the search box hides rows; a header
click sorts its column (direction in aria-sort); a thumbnail click opens the lightbox with the
full-size figure, → shows the next figure, Esc closes it. At 400 px: no horizontal overflow.
From file://: the page renders, the lightbox opens, no console errors.
Exit status 0 when everything holds; each failure is printed as one FAIL line."""
import http.server, os, socketserver, sys, threading, time
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

ROOT = os.path.abspath(sys.argv[1])
SHOTS = sys.argv[2] if len(sys.argv) > 2 else None
PAGE = os.path.join(ROOT, "index.html")
FAILURES = []


def check(ok, message):
    if not ok:
        FAILURES.append(message)
        print("FAIL", message, flush=True)
    return ok


class Quiet(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *a, **k):
        super().__init__(*a, directory=ROOT, **k)

    def log_message(self, *a):
        pass


def browser(width, height):
    o = Options()
    o.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},{height}",
              "--disable-cache", "--disable-dev-shm-usage"):
        o.add_argument(a)
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    # Resource timing keeps 250 entries by default: lift the cap before any page loads, so that
    # every image of a long page is counted.
    d.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                      {"source": "performance.setResourceTimingBufferSize(100000)"})
    return d


LOADED = ("return performance.getEntriesByType('resource')"
          ".reduce((s,e)=>s+(e.encodedBodySize||e.transferSize||0),0)")
VISIBLE_ROWS = "return [...document.querySelectorAll('tbody tr')].filter(r=>r.offsetParent!==null).length"


def errors(d):
    return [l for l in d.get_log("browser") if l.get("level") == "SEVERE"]


def shot(d, name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        d.save_screenshot(os.path.join(SHOTS, name))


def lightbox_width(d):
    return d.execute_script("""const i=document.getElementById('lb-img'); const r=i.getBoundingClientRect();
        return (!document.getElementById('lightbox').hidden && i.complete && i.naturalWidth>0) ? r.width : 0""")


def open_first_thumbnail(d):
    figs = [f for f in d.find_elements(By.CSS_SELECTOR, "a.fig img") if f.is_displayed()]
    if not check(figs, "no thumbnail to click"):
        return False
    d.execute_script("arguments[0].scrollIntoView({block:'center'})", figs[0])
    time.sleep(0.3)
    figs[0].click()
    for _ in range(50):
        if lightbox_width(d) > 0:
            break
        time.sleep(0.1)
    return True


def desktop(url):
    d = browser(1400, 900)
    try:
        d.get(url)
        time.sleep(2)
        html = os.path.getsize(PAGE)
        first = d.execute_script(LOADED) + html
        print(f"first screen: {first / 1e6:.2f} MB (index.html {html / 1e6:.2f} MB)")
        check(first <= 1e6, f"the first screen loads {first / 1e6:.2f} MB (budget 1 MB)")
        shot(d, "desktop.png")
        height, y = d.execute_script("return document.documentElement.scrollHeight"), 0
        while y < height:
            y += 700
            d.execute_script(f"window.scrollTo(0,{y})")
            time.sleep(0.05)
            height = d.execute_script("return document.documentElement.scrollHeight")
        time.sleep(2)
        total = d.execute_script(LOADED) + html
        images = d.execute_script("return performance.getEntriesByType('resource').filter(e=>e.initiatorType==='img').length")
        print(f"whole page: {total / 1e6:.2f} MB in {images} images")
        check(total <= 15e6, f"scrolling the whole page loads {total / 1e6:.1f} MB (budget 15 MB)")
        bad = errors(d)
        check(not bad, f"{len(bad)} console error(s): {bad[0]['message'][:160] if bad else ''}")
        optimizers = d.execute_script("return new Set([...document.querySelectorAll('tr[data-search] a[href^=\"https://\"]')].map(a=>a.textContent)).size")
        links = d.execute_script("return document.querySelectorAll('a[href*=\"arxiv.org\"],a[href*=\"doi.org\"],a[href*=\"openreview.net\"]').length")
        print(f"paper links: {links}, optimizers linked: {optimizers}")
        check(optimizers >= 40, f"only {optimizers} optimizers have a paper link")

        # The filter hides rows, and clearing it shows them again.
        d.execute_script("window.scrollTo(0,0)")
        box = d.find_element(By.ID, "q")
        before = d.execute_script(VISIBLE_ROWS)
        box.send_keys("adam")
        time.sleep(0.5)
        after = d.execute_script(VISIBLE_ROWS)
        texts = d.execute_script("return [...document.querySelectorAll('tr[data-search]')].filter(r=>r.offsetParent!==null).map(r=>r.dataset.search)")
        print(f"filter 'adam': {before} → {after} rows")
        check(0 < after < before, f"typing 'adam' leaves {after} of {before} rows")
        check(all("adam" in t for t in texts), "a visible row does not match 'adam'")
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(Keys.DELETE)
        time.sleep(0.5)
        check(d.execute_script(VISIBLE_ROWS) == before, "clearing the filter does not restore every row")

        # Sorting: the first experiment table's "final gap" column, ascending then descending.
        table = d.execute_script("return [...document.querySelectorAll('section[id^=x--] table')][0]?.id")
        if check(table, "no experiment table"):
            header = d.find_element(By.XPATH, f"//table[@id='{table}']//th[button[text()='final gap']]/button")
            d.execute_script("arguments[0].scrollIntoView({block:'center'})", header)
            for direction in ("ascending", "descending"):
                header.click()
                time.sleep(0.3)
                keys = d.execute_script(f"""return [...document.querySelectorAll('#{table} tbody tr')].map(r=>{{
                    const c=r.cells[[...r.closest('table').tHead.rows[0].cells].findIndex(h=>h.textContent.startsWith('final gap'))];
                    return c.dataset.sort===''?null:Number(c.dataset.sort)}})""")
                present = [k for k in keys if k is not None]
                want = sorted(present, reverse=direction == "descending")
                check(present == want and keys[:len(present)] == present,
                      f"'final gap' {direction} is not sorted (missing values last)")
                sort = d.execute_script(f"return document.querySelector('#{table} th[aria-sort]')?.getAttribute('aria-sort')")
                check(sort == direction, f"aria-sort is {sort}, want {direction}")

        # The lightbox: a thumbnail opens the full figure; → moves on; Esc closes.
        d.execute_script("window.scrollTo(0,0)")
        if open_first_thumbnail(d):
            width = lightbox_width(d)
            title = d.find_element(By.ID, "lb-title").text
            print(f"lightbox: {width:.0f} px wide, '{title}'")
            check(width >= 600, f"the lightbox shows the figure {width:.0f} px wide (want ≥ 600)")
            files = d.execute_script("return [...document.querySelectorAll('#lb-files a')].map(a=>a.textContent)")
            check("PNG" in files, f"the lightbox offers {files}, not the PNG")
            shot(d, "lightbox.png")
            d.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_RIGHT)
            time.sleep(0.5)
            check(d.find_element(By.ID, "lb-title").text != title, "→ does not show the next figure")
            d.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
            time.sleep(0.3)
            check(d.execute_script("return document.getElementById('lightbox').hidden"), "Esc does not close the lightbox")
        bad = errors(d)
        check(not bad, f"console errors after interaction: {bad[0]['message'][:160] if bad else ''}")
    finally:
        d.quit()


def phone(url):
    # Headless Chromium clamps windows to at least 500 px wide (a blank page at
    # --window-size=400,900 reports innerWidth 500), so the phone is emulated as DevTools does:
    # a 400 × 900 mobile viewport, which also honours the page's viewport meta tag.
    p = browser(500, 900)
    try:
        p.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                          {"width": 400, "height": 900, "deviceScaleFactor": 1, "mobile": True})
        p.get(url)
        time.sleep(2)
        inner, width = p.execute_script("return [innerWidth, document.documentElement.scrollWidth]")
        print(f"phone: scrollWidth {width} at innerWidth {inner}")
        check(inner == 400, f"the emulated phone is {inner} px wide, not 400")
        check(width <= 400, f"at 400 px the page is {width} px wide (horizontal overflow)")
        shot(p, "phone.png")
        if open_first_thumbnail(p):
            check(lightbox_width(p) <= 400, "the lightbox overflows a 400 px screen")
            shot(p, "phone-lightbox.png")
    finally:
        p.quit()


def from_file():
    d = browser(1400, 900)
    try:
        d.get("file://" + PAGE)
        time.sleep(1)
        check(d.execute_script("return document.querySelectorAll('tbody tr').length") > 0, "file://: no rows")
        if open_first_thumbnail(d):
            check(lightbox_width(d) >= 600, "file://: the lightbox does not show the figure")
        bad = errors(d)
        check(not bad, f"file://: console errors: {bad[0]['message'][:160] if bad else ''}")
    finally:
        d.quit()


server = socketserver.TCPServer(("127.0.0.1", 0), Quiet)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = f"http://127.0.0.1:{server.server_address[1]}/index.html"
try:
    desktop(url)
    phone(url)
    from_file()
finally:
    server.shutdown()
print(f"gallery browser test: {'passed' if not FAILURES else f'{len(FAILURES)} failure(s)'}")
sys.exit(1 if FAILURES else 0)
