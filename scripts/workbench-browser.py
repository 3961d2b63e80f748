#!/usr/bin/env python3
"""Drives the workbench in headless Chromium (Selenium) the way a labour expert would, and checks its refusals.

Run by scripts/check-workbench.sh, which starts `totaalbeeld serve` on 127.0.0.1 and passes:
    workbench-browser.py BASE_URL FOLDER INTAKE.docx TOTAALBEELD_BINARY [SCREENSHOT_DIR]
Prints one line per check and closes with "N passed, N failed". Traffic goes to BASE_URL (127.0.0.1) only.
"""
import glob
import http.client
import json
import os
import subprocess
import sys
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

base, folder, intake, binary = sys.argv[1:5]
shots = sys.argv[5] if len(sys.argv) > 5 else None
parsed = urllib.parse.urlparse(base)
assert parsed.hostname == "127.0.0.1", "the browser check talks to 127.0.0.1 only"
passed = failed = 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def shot(driver, name):
    if shots:
        driver.set_window_size(1400, 1000)
        height = driver.execute_script("return Math.min(document.body.scrollHeight, 3000)")
        driver.set_window_size(1400, max(900, height))
        driver.save_screenshot(os.path.join(shots, f"workbench-{name}.png"))
        driver.set_window_size(1400, 1000)


def wait_for(driver, condition, seconds=30):
    """Waits until condition(driver) holds (a submitted form's page has loaded); False on timeout."""
    try:
        WebDriverWait(driver, seconds).until(lambda d: condition(d))
        return True
    except Exception:
        return False


def raw(method, path, body=b"", headers=None):
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=20)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    except (ConnectionError, http.client.HTTPException) as error:
        return 0, str(error)
    finally:
        connection.close()


def validate_all():
    files = sorted(glob.glob(os.path.join(folder, "*.xml")))
    result = subprocess.run([binary, "validate", *files], capture_output=True, text=True, timeout=120)
    return result.returncode == 0, files, result.stderr[-500:]


options = Options()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
                 "--no-first-run", "--disable-extensions", "--disable-background-networking", "--disable-sync",
                 "--disable-component-update", "--disable-default-apps", "--metrics-recording-only"]:
    options.add_argument(argument)
options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
driver.set_page_load_timeout(60)
try:
    # 1. The list, then import a Word intake.
    driver.get(base + "/")
    check("dossier list opens in Dutch", "Dossiers" in driver.find_element(By.TAG_NAME, "h1").text)
    shot(driver, "list-empty")
    driver.get(base + "/nieuw")
    shot(driver, "new")
    driver.find_element(By.ID, "upload").send_keys(os.path.abspath(intake))
    driver.find_element(By.CSS_SELECTOR, "form[action='/importeren'] button[type=submit]").click()
    check("import lands on the dossier page", wait_for(driver, lambda d: "/dossier/" in d.current_url and "Signalen wegen" in d.page_source), driver.current_url)
    page = driver.page_source
    check("screening shown beside the form", "Screening" in page and "Schema 1" in page)
    check("unassigned text is kept and offered for a theme", "Overige bijzonderheden" in page and "Onderbrengen bij thema" in page)
    check("comment of the DOCX did not become text", "Navragen" not in page)
    check("tracked insertion taken, deletion dropped", "betalingsregeling" in page and "huurbaas" not in page)
    shot(driver, "dossier")
    dossier_url = driver.current_url.split("?")[0]
    name = dossier_url.rsplit("/", 1)[1]

    # 2. Edit a theme (add text to youth) and file the unassigned text under a theme; save.
    driver.find_element(By.CSS_SELECTOR, "#thema-jeugd details summary").click() if not driver.find_element(By.ID, "new-jeugd").is_displayed() else None
    driver.find_element(By.ID, "new-jeugd").send_keys("Cliënte groeide op in een stabiel gezin; zij beschrijft haar jeugd als rustig.")
    unassigned = driver.find_elements(By.CSS_SELECTOR, "select[name^='u:']")
    if unassigned:
        for option in unassigned[0].find_elements(By.TAG_NAME, "option"):
            if option.get_attribute("value") == "prive":
                option.click()
    driver.find_element(By.CSS_SELECTOR, "form[action$='/opslaan'] button[type=submit]").click()
    wait_for(driver, lambda d: "Opgeslagen" in d.page_source or "Niet opgeslagen" in d.page_source)
    page = driver.page_source
    check("save accepted", "Opgeslagen" in page, driver.title)
    check("new theme text is in the dossier", "stabiel gezin" in page)
    shot(driver, "saved")

    # 3. Weigh the first flag.
    boxes = driver.find_elements(By.CSS_SELECTOR, "div.flagbox[id^='wegen-']")
    check("flags listed with a weigh form", len(boxes) > 0)
    if boxes:
        box = boxes[0]
        box.find_element(By.TAG_NAME, "summary").click()
        box.find_element(By.TAG_NAME, "textarea").send_keys("Besproken in het teamoverleg; de informatie volgt uit het gesprek met de zus.")
        box.find_element(By.CSS_SELECTOR, "input[name=by]").send_keys("AD-werkbank")
        box.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait_for(driver, lambda d: "Gewogen door AD-werkbank" in d.page_source or "Niet opgeslagen" in d.page_source)
        page = driver.page_source
        if "Gewogen door AD-werkbank" not in page:
            print(page[page.find("notice"):page.find("notice") + 600])
        check("flag marked gewogen", "Gewogen door AD-werkbank" in page)
        shot(driver, "weighed")
        # The dossier holds <weighedFlag rule item? by date evidence>, and the fingerprint the workbench wrote is the
        # engine's: screened on its own, the flag shows as weighed, not as "opnieuw te wegen".
        saved = os.path.join(folder, name)
        with open(saved, encoding="utf-8") as handle:
            xml = handle.read()
        check("weighing stored as <weighedFlag rule … evidence=\"sha256:…\">",
              "<weighedFlag rule=" in xml and 'evidence="sha256:' in xml and 'by="AD-werkbank"' in xml and " flag=" not in xml)
        screened = subprocess.run([binary, "screen", saved, "--format", "json"], capture_output=True, text=True, timeout=120)
        weighed = []
        if screened.returncode == 0:
            weighed = [flag.get("weighed") or {} for flag in json.loads(screened.stdout)["flags"]]
        check("the engine reads the weighing as weighed (same evidence fingerprint)",
              any(w.get("by") == "AD-werkbank" and w.get("state") == "weighed" for w in weighed), screened.stderr[-300:])

    # 4. Two evaluations, then the comparison.
    for rater, willing, able, approach, burden in [("ad-collega-a", "yes", "no", "help-over-fear", "matig"),
                                                  ("ad-collega-b", "no", "yes", "confront", "licht")]:
        driver.get(dossier_url + "/evaluatie")
        driver.find_element(By.ID, "rater").send_keys(rater)
        for select_id, value in [("willing", willing), ("able", able), ("approach", approach), ("burden-prive", burden),
                                 ("strength-prive", "licht"), ("burden-ziekte", burden), ("strength-ziekte", "geen"),
                                 ("need-zelfvertrouwen", burden)]:
            for option in driver.find_element(By.ID, select_id).find_elements(By.TAG_NAME, "option"):
                if option.get_attribute("value") == value:
                    option.click()
        driver.find_element(By.ID, "direction").send_keys("Opbouw in administratief werk met een jobcoach.")
        if rater == "ad-collega-a":
            shot(driver, "evaluation")
        driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        check(f"evaluation of {rater} saved", wait_for(driver, lambda d: "/vergelijking" in d.current_url), driver.current_url)
    page = driver.page_source
    check("comparison shows both raters", "ad-collega-a" in page and "ad-collega-b" in page)
    shot(driver, "comparison")

    # 5. The saved files validate.
    ok, files, problems = validate_all()
    check(f"saved files validate ({len(files)} files)", ok and len(files) >= 3, problems)

    # 6. A concurrent edit is refused: post with an old version.
    status, body = raw("GET", "/dossier/" + name)
    token = body.split('name="csrf" value="')[1].split('"')[0]
    form = urllib.parse.urlencode({"csrf": token, "version": "0" * 32, "new:hobbys": "Tekst van een tweede venster."})
    status, body = raw("POST", "/dossier/" + name + "/opslaan", form.encode(), {"Content-Type": "application/x-www-form-urlencoded"})
    check("stale version refused with 409 and the text given back", status == 409 and "tweede venster" in body, str(status))
finally:
    driver.quit()

# 7. Refusals, without a browser.
status, _ = raw("POST", "/dossier/" + name + "/opslaan", b"new%3Ahobbys=x", {"Content-Type": "application/x-www-form-urlencoded", "Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"})
check("cross-site POST refused (403)", status == 403, str(status))
status, _ = raw("POST", "/dossier/" + name + "/opslaan", b"new%3Ahobbys=x", {"Content-Type": "application/x-www-form-urlencoded"})
check("POST without CSRF token refused (403)", status == 403, str(status))
for path in ["/dossier/..%2F..%2Fetc%2Fpasswd", "/dossier/../../etc/passwd", "/dossier/%2e%2e%2fsecret.dossier.xml"]:
    status, body = raw("GET", path)
    check(f"path traversal refused: {path}", status in (400, 404) and "root:" not in body, str(status))
status, _ = raw("POST", "/importeren", b"a" * (9 << 20), {"Content-Type": "application/x-www-form-urlencoded"})
check("oversized body refused (413)", status == 413, str(status))
status, body = raw("GET", "/bestaat-niet")
check("unknown page is a plain Dutch page", status == 404 and "Niet gevonden" in body and "Traceback" not in body, str(status))
ok, files, problems = validate_all()
check("files still valid after the refusals", ok, problems)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
