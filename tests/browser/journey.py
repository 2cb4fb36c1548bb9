"""What the browser journeys of this folder share: a server of their own, Chromium profiles,
screenshots, the outbox, and a respondent's way through the invitation and answer pages.

Not a script: the journeys beside it import it (Python finds it in the folder of the script it runs).
"""

import datetime
import email.policy
import email.utils
import glob
import http.cookiejar
import os
import random
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

from selenium import webdriver
from selenium.common.exceptions import (NoSuchElementException, StaleElementReferenceException, TimeoutException,
                                        WebDriverException)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class Server:
    """The survey binary on a free port with a data folder of its own, and the browsers opened on it.

    Use it as a context manager: on the way out every browser is quit, the server stopped and the
    scratch folder removed, whatever failed."""

    def __init__(self, binary, out, name):
        self.binary, self.out = os.path.abspath(binary), os.path.abspath(out)
        os.makedirs(self.out, exist_ok=True)
        self.scratch = tempfile.mkdtemp(prefix=f"{name}-")
        self.data = os.path.join(self.scratch, "data")
        self.log_path = os.path.join(self.out, "server.log")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.process, self.drivers = None, []

    def start(self):
        """Starts the server; returns the one-time password of admin@survey.local, read from the file
        the server names (its output is not a terminal)."""
        self.spawn("wb")
        # Its stdout is a file here, not a terminal, so the server writes the password to a file
        # of its data folder (readable by this user only) and prints where.
        path = self.wait_for("the one-time admin password", lambda: re.findall(
            r"log in as admin@survey\.local with the one-time password in (\S+) \(", self.log()))[0]
        with open(path, encoding="utf-8") as f:
            password = f.read().split("\n")[1]
        self.wait_for("/healthz", self.healthy)
        return password

    def spawn(self, mode):
        # The scheduler looks every second and the fieldwork's day is UTC's, so a plan whose
        # fieldwork opened yesterday opens at once.
        env = dict(os.environ, SURVEY__DATA_DIR=self.data, SURVEY__SERVER__PORT=str(self.port),
                   SURVEY__SERVER__PUBLIC_URL=self.url, SURVEY__TEMPLATES_DIR=os.path.join(REPO, "survey-templates"),
                   SURVEY__SCHEDULER__INTERVAL_SECONDS="1", SURVEY__SCHEDULER__UTC_OFFSET_HOURS="0",
                   RUST_LOG="info", SURVEY_LOG="info")
        log = open(self.log_path, mode)
        self.process = subprocess.Popen([self.binary], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)

    def kill(self):
        """SIGKILL: the server is gone, as after a crash, until `restart`."""
        self.process.kill()
        self.process.wait()

    def restart(self):
        """The same data folder and port; the log goes on."""
        self.spawn("ab")
        self.wait_for("/healthz after the restart", self.healthy)

    def log(self):
        return open(self.log_path, encoding="utf-8", errors="replace").read()

    def wait_for(self, what, check, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            value = check()
            if value:
                return value
            assert self.process.poll() is None, f"the server exited while waiting for {what}; see {self.log_path}"
            time.sleep(0.3)
        raise AssertionError(f"timed out after {timeout}s waiting for {what}")

    def fetch(self, path):
        with urllib.request.urlopen(self.url + path, timeout=20) as r:
            return r.read()

    def healthy(self):
        try:
            return self.fetch("/healthz") is not None
        except OSError:
            return False

    def mails(self):
        """Every message in the outbox, oldest first: address, language, whether a reminder, the link."""
        found = []
        # Files are named by the time they were written, so the names sort in sending order.
        for path in sorted(glob.glob(os.path.join(self.data, "outbox", "*.eml"))):
            with open(path, "rb") as f:
                mail = email.message_from_binary_file(f, policy=email.policy.default)
            body = mail.get_body().get_content()
            address = email.utils.parseaddr(mail["To"])[1]
            link = re.search(re.escape(self.url) + r"/i/[A-Za-z0-9_-]+", body)
            assert link, f"no invitation link in the mail to {address}:\n{body}"
            found.append({"address": address, "subject": mail["Subject"], "link": link.group(0),
                          "lang": "ja" if "次のリンクから回答してください" in body else "en",
                          "reminder": mail["Subject"].startswith(("【リマインド】", "Reminder:"))})
        return found

    def browser(self, name, phone=False, downloads=None):
        """Chromium with a profile of its own (the same name comes back to the same profile), set
        up as a browser in Japan: Japanese first in Accept-Language, which the operator's and the
        portal's pages follow when no language was chosen."""
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", "--window-size=1280,900",
                     f"--user-data-dir={os.path.join(self.scratch, 'profiles', name)}"]:
            options.add_argument(flag)
        prefs = {"intl.accept_languages": "ja,en"}
        if downloads:
            # Several files from one page, without asking.
            prefs.update({"download.default_directory": downloads, "download.prompt_for_download": False,
                          "profile.default_content_setting_values.automatic_downloads": 1})
        options.add_experimental_option("prefs", prefs)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        driver.set_script_timeout(60)
        # Publishing typesets the PDF before the page comes back; a debug build takes its time.
        driver.set_page_load_timeout(300)
        self.drivers.append(driver)
        driver.phone, driver.out = phone, self.out
        viewport(driver)
        return driver

    def quit(self, driver):
        driver.quit()
        self.drivers.remove(driver)

    def __enter__(self):
        return self

    def __exit__(self, *failure):
        for d in self.drivers:
            try:
                d.quit()
            except Exception:  # a browser that died already must not hide the failure that killed it
                pass
        if self.process:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.scratch, ignore_errors=True)


class Operator:
    """The operator's forms over plain HTTP, as the Rust tests post them."""

    def __init__(self, url):
        self.url = url
        # The session cookie is Secure; the server is plain http on loopback, as browsers allow.
        jar = http.cookiejar.CookieJar(http.cookiejar.DefaultCookiePolicy(secure_protocols=("http", "https")))
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def request(self, path, data=None, content_type=None):
        req = urllib.request.Request(self.url + path, data=data, headers={"Content-Type": content_type} if data else {})
        try:
            with self.opener.open(req, timeout=30) as r:
                return r.geturl(), r.read().decode()
        except urllib.error.HTTPError as e:
            body = e.read().decode(errors="replace")
            problems = re.findall(r"<li>(.*?)</li>", body.split('class="problems"')[-1])[:5]
            raise AssertionError(f"{path} answered {e.code}: {problems or body[:400]}") from None

    def csrf(self, path):
        return re.search(r'name="csrf" value="([^"]+)"', self.request(path)[1]).group(1)

    def post(self, path, fields, form_page):
        fields = {"csrf": self.csrf(form_page), **fields}
        return self.request(path, urllib.parse.urlencode(fields).encode(), "application/x-www-form-urlencoded")

    def post_multipart(self, path, fields, files, form_page):
        boundary = uuid.uuid4().hex
        body = b""
        for name, value in {"csrf": self.csrf(form_page), **fields}.items():
            body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, (filename, data) in files.items():
            body += (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     "Content-Type: text/csv\r\n\r\n").encode() + data + b"\r\n"
        body += f"--{boundary}--\r\n".encode()
        return self.request(path, body, f"multipart/form-data; boundary={boundary}")

    def new_survey(self, password, name, languages, breakdowns):
        """Logs in as the first admin, makes a client and a survey of alumni-network-opinion with these
        settings; returns the survey's id and the path of its page."""
        self.post("/login", {"email": "admin@survey.local", "password": password}, "/login")
        org = self.post("/operator/organisations", {"name": "株式会社サンプル"}, "/operator/organisations")[0]
        created = self.post_multipart("/operator/surveys", {
            "organisation_id": org.rstrip("/").rsplit("/", 1)[1], "name": name,
            "template": "alumni-network-opinion"}, {"file": ("", b"")}, "/operator/surveys/new")[0]
        survey = urllib.parse.urlparse(created).path.rsplit("/", 1)[1]
        page = f"/operator/surveys/{survey}"
        self.post(page + "/settings", {"name": name, "languages": ", ".join(languages), "k_threshold": "5",
                                       "comment_threshold": "10", "breakdowns": ", ".join(breakdowns)}, page)
        return survey, page

    def open_now(self, page):
        """Plan dates by hand (a proposed plan never starts in the past) with fieldwork that opened
        yesterday, and schedules the survey: the scheduler opens it and mails the invitations at once."""
        today = datetime.datetime.now(datetime.timezone.utc).date()
        days = {"briefing": -3, "sign_off": -2, "fieldwork_open": -1, "fieldwork_close": 10, "analysis": 11,
                "report_delivery": 20, "debrief": 25, "programme_start": 30}
        self.post(page + "/plan/dates", {k: str(today + datetime.timedelta(days=d)) for k, d in days.items()}, page)
        self.post(page + "/state", {"to": "scheduled"}, page)


def axe_source(scratch):
    """axe-core's script: $AXE_JS if given, else from npm into `scratch`."""
    given = os.environ.get("AXE_JS")
    if given and os.path.isfile(given):
        return open(given, encoding="utf-8").read()
    prefix = os.path.join(scratch, "axe")
    subprocess.run(["npm", "install", "--prefix", prefix, "--no-audit", "--no-fund", "axe-core@4"],
                   check=True, stdout=subprocess.DEVNULL)
    return open(os.path.join(prefix, "node_modules", "axe-core", "axe.min.js"), encoding="utf-8").read()


def run_axe(driver, source, page):
    """axe-core on the page shown; prints and returns its violations."""
    driver.execute_script(source)
    result = driver.execute_async_script(r"""
        var done = arguments[arguments.length - 1];
        axe.run(document).then(function (r) {
          done({ passes: r.passes.length, violations: r.violations.map(function (v) {
            return { id: v.id, help: v.help, nodes: v.nodes.map(function (n) {
              return n.target.join(" ") + ": " + n.failureSummary.replace(/\s*\n\s*/g, " "); }) };
          }) });
        }, function (e) { done({ error: String(e) }); });""")
    assert result.get("passes"), f"axe-core did not run on {page}: {result}"
    for v in result["violations"]:
        print(f"  axe violation on {page}: {v['id']}: {v['help']}\n    " + "\n    ".join(v["nodes"]))
    return [(page, v["id"]) for v in result["violations"]]


def viewport(driver, height=None):
    # A window cannot be narrower than 500 px, so a phone's 390 px is emulated.
    width, usual = (390, 844) if driver.phone else (1280, 900)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height or usual, "deviceScaleFactor": 1, "mobile": driver.phone})


def shot(driver, name):
    # The whole page, at the browser's width.
    viewport(driver, min(max(driver.execute_script("return document.documentElement.scrollHeight"), 600), 4000))
    driver.save_screenshot(os.path.join(driver.out, name))
    viewport(driver)


def wait_text(driver, phrases, what, css="main", timeout=20):
    """Waits until the element holds every phrase (a page may still be loading); fails showing its text."""
    text = lambda: driver.find_element(By.CSS_SELECTOR, css).text
    try:
        WebDriverWait(driver, timeout, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(
            lambda d: all(p in text() for p in phrases))
    except TimeoutException:
        raise AssertionError(f"{what}: expected {phrases} in:\n{text()}") from None


def click_and_wait(driver, element, timeout=300):
    """Clicks (a link or a submit button) and waits until the next page has replaced this one and loaded.

    The old page is recognised by a mark on its window, not by asking about one of its elements: while
    Chromium swaps documents, that question can fail with errors other than "stale element"."""
    driver.execute_script("window.journeyOldPage = true")
    element.click()
    WebDriverWait(driver, timeout, ignored_exceptions=(WebDriverException,)).until(lambda d: d.execute_script(
        "return window.journeyOldPage === undefined && document.readyState === 'complete'"))


# --- the operator's and management's pages -------------------------------------------------------

def fill(driver, name, value, form=""):
    """Types into the field `name` (of the form matched by the CSS `form`, when given)."""
    field = driver.find_element(By.CSS_SELECTOR, f"{form} [name='{name}']")
    field.clear()
    field.send_keys(value)


def submit(driver, action):
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f"form[action='{action}'] button[type=submit]"))


def login(driver, url, address, password):
    driver.get(url + "/login")
    fill(driver, "email", address)
    fill(driver, "password", password)
    submit(driver, "/login")


# --- the respondent's side -------------------------------------------------------------------------

# Which questions on the shown section are visible and not yet answered; conditions change this.
PENDING = """
return Array.prototype.filter.call(
  document.querySelectorAll("section.page:not([hidden]) .question:not([hidden])"),
  function (q) {
    return !q.querySelector("input:checked") && !Array.prototype.some.call(
      q.querySelectorAll("input[type=text], textarea, select"), function (e) { return e.value !== ""; });
  }).map(function (q) { return q.dataset.question; });"""

SNAPSHOT = """
return Array.prototype.filter.call(document.querySelectorAll('section.page[data-page="0"] [name]'),
  function (e) { return (e.type === "radio" || e.type === "checkbox") ? e.checked : e.value !== ""; })
  .map(function (e) { return e.name + "=" + e.value; }).sort();"""

# What a question offers, in one round trip: its choices (not "other" nor an exclusive "none"), its
# matrix rows and its ranking selects, each by the field name the form sends.
OFFERS = """
var q = arguments[0], values = function (els) { return Array.prototype.map.call(els, function (e) { return e.value; }); };
return {
  choices: values(q.querySelectorAll(
    "input[type=radio]:not([value='__other']), input[type=checkbox]:not([data-exclusive]):not([value='__other'])")),
  rows: Array.prototype.map.call(q.querySelectorAll("fieldset.item"), function (f) {
    return [f.querySelector("input[type=radio]").name, values(f.querySelectorAll("input[type=radio]"))]; }),
  selects: Array.prototype.map.call(q.querySelectorAll("select"), function (s) { return [s.name, s.options.length - 1]; }),
};"""

VISIBLE = """
return Array.prototype.map.call(document.querySelectorAll("#answers .question:not([hidden])"),
  function (q) { return q.dataset.question; });"""


def ordered(values):
    """Choices in a fixed order (scale points by number), whatever order the page shuffled them into."""
    return sorted(values, key=lambda v: (not v.isdigit(), int(v) if v.isdigit() else 0, v))


def answer(driver, r, qid):
    """Answers one question with choices that follow from the respondent's number `n` (the same on every
    run, whatever order the page shuffled them into), and records in
    r["answers"] what the form will send for it (the JSON shapes of docs/template-format.md)."""
    q = driver.find_element(By.ID, f"q-{qid}")
    kind, n = q.get_attribute("data-type"), r["n"]
    r["answered"].append(qid)
    if q.get_attribute("data-show-if"):
        r["conditional"].append(qid)
    offers = driver.execute_script(OFFERS, q)
    # Spread over every choice (a stride would miss some when it shares a factor with their number).
    pick = lambda items, salt=0: ordered(items)[random.Random(f"{n}/{qid}/{salt}").randrange(len(items))]
    click = lambda name, value: q.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{value}"]').click()
    point = lambda v: int(v) if v.isdigit() else v
    if kind in ("single_choice", "likert", "rating"):
        value = pick(offers["choices"])
        click(qid, value)
        r["answers"][qid] = value if kind == "single_choice" else point(value)
    elif kind == "multiple_choice":
        # One or two choices, in the order they were picked; the count varies with n.
        chosen = []
        for salt in range(1 + n % 2):
            value = pick(offers["choices"], salt)
            if value not in chosen:
                click(qid, value)
                chosen.append(value)
        r["answers"][qid] = chosen
    elif kind == "number":
        q.find_element(By.TAG_NAME, "input").send_keys(str(3 + n))
        r["answers"][qid] = 3 + n
    elif kind in ("short_text", "long_text"):
        text = r.get("comment") or ("運営の透明性を大切にしてほしいです。" if r["lang"] == "ja"
                                    else "Please keep it simple and optional.")
        q.find_element(By.CSS_SELECTOR, "input, textarea").send_keys(text)
        r["answers"][qid] = text
    elif kind == "matrix":
        rows = {}
        for i, (name, values) in enumerate(offers["rows"]):
            value = pick(values, i)
            click(name, value)
            rows[name.split(".", 1)[1]] = point(value)
        r["answers"][qid] = rows
    elif kind == "ranking":
        selects = offers["selects"]
        names = [name for name, _ in selects]
        order = sorted(names)
        ranked = {}
        for rank in range(1, selects[0][1] + 1):
            name = order[(n + rank) % len(order)]
            Select(q.find_element(By.CSS_SELECTOR, f'select[name="{name}"]')).select_by_value(str(rank))
            ranked[rank] = name.split(".", 1)[1]
        r["answers"][qid] = [ranked[k] for k in sorted(ranked)]
    else:
        raise AssertionError(f"question {qid} has an unknown type {kind}")


def answer_section(driver, r, skip=()):
    while pending := [q for q in driver.execute_script(PENDING) if q not in skip]:
        answer(driver, r, pending[0])


def answer_all_and_send(driver, r, skip=(), each_section=None, before_send=None):
    """Answers each section in turn and sends from the last (the page never blocks paging; the server
    judges). `each_section(section)` runs on each section as it is first shown, `before_send()` just
    before the click. What is sent is kept in r["sent"]: the recorded answers of the questions shown at
    that moment."""
    while True:
        section = driver.find_element(By.ID, "progress-text").text
        if each_section:
            each_section(section)
        answer_section(driver, r, skip)
        if driver.find_element(By.ID, "send").is_displayed():
            shown = set(driver.execute_script(VISIBLE))
            r["sent"] = {q: a for q, a in r["answers"].items() if q in shown and q not in skip}
            if before_send:
                before_send()
            driver.find_element(By.ID, "send").click()
            return
        driver.find_element(By.ID, "next").click()


def take_ballot(driver, survey, tag):
    """Takes the ballot on the invitation page shown; returns the token the browser keeps."""
    wait = WebDriverWait(driver, 30)
    wait.until(lambda d: d.find_element(By.ID, "start").is_enabled())
    driver.find_element(By.ID, "start").click()
    wait.until(lambda d: f"/s/{survey}/answer" in d.current_url)
    assert "/i/" not in driver.current_url, f"{tag}: the invitation URL is still shown: {driver.current_url}"
    token = driver.execute_script("for (var k in localStorage) if (k.indexOf('survey-token:') === 0) "
                                  "return localStorage.getItem(k); return null;")
    assert token, f"{tag}: no survey-token: in localStorage after taking the ballot"
    wait.until(lambda d: d.find_element(By.ID, "progress-text").text)
    return token


def used_invitation(driver, lang, what):
    """A used invitation's page, opened by a browser that no longer holds its ballot (the one who sent
    the answers, or anyone else with the link), looks like an unused one: only asking for a second
    ballot is refused."""
    wait = WebDriverWait(driver, 30)
    wait.until(lambda d: d.find_element(By.ID, "start").is_enabled())
    text = driver.find_element(By.CSS_SELECTOR, "main").text
    for said in ["already", "すでに"]:
        assert said not in text, f"{what}: the page of a used invitation says so:\n{text}"
    driver.find_element(By.ID, "start").click()
    wait_text(driver, [{"ja": "すでに匿名の回答券が発行されています", "en": "already been used"}[lang]],
              f"{what}: a second ballot is refused", "#problem")


def leave_and_come_back(server, driver, r, tag):
    """Answers the first section, goes on, closes the browser; the same profile comes back later straight
    to the answer page (no code, no cookie) and must find the draft. Returns the new browser."""
    answer_section(driver, r)
    first_page = driver.execute_script(SNAPSHOT)
    assert first_page, f"{tag}: nothing answered on the first section"
    driver.find_element(By.ID, "next").click()
    answer_url = driver.current_url
    server.quit(driver)
    driver = server.browser(r["profile"], driver.phone)
    driver.get(answer_url)
    WebDriverWait(driver, 20).until(lambda d: d.find_element(By.ID, "progress-text").text)
    restored = driver.execute_script(SNAPSHOT)
    assert restored == first_page, f"{tag}: draft not restored: {restored} != {first_page}"
    return driver


def receipt(driver, tag):
    """The receipt on the done page, once the server has stored the response."""
    WebDriverWait(driver, 30).until(lambda d: d.find_element(By.ID, "done").is_displayed())
    got = driver.find_element(By.ID, "receipt").text
    assert re.fullmatch(r"[0-9a-f]{64}", got), f"{tag}: receipt `{got}` is not 64 hex digits"
    return got


def receipts_in_tally(server, survey, respondents, screenshot):
    """After the close: each respondent's receipt page (in their language) says the receipt is in the
    published tally, and the survey's public page counts exactly these respondents."""
    driver = server.browser("public")
    for r in respondents:
        driver.get(f"{server.url}/s/{survey}/receipt?r={r['receipt']}&lang={r['lang']}")
        wait_text(driver, [{"ja": "公開された集計に含まれています", "en": "is included in the published tally"}[r["lang"]]],
                  f"receipt {r['receipt']}: in the published tally")
    driver.get(f"{server.url}/s/{survey}?lang=ja")
    counted = driver.find_element(By.CSS_SELECTOR, "dl.tally dd").text
    assert counted == str(len(respondents)), f"the tally counts {counted} responses, not {len(respondents)}"
    shot(driver, screenshot)
