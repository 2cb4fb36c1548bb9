"""Drives the respondent's side end to end in headless Chromium, against a server it starts itself.

    python3 tests/browser/respondent_journey.py SURVEY_BINARY OUT_DIR      (from the repo root)

It proves, on the real pages and the real browser client: an operator opens a survey and the scheduler
mails 24 invitations; each respondent, in a browser profile of their own, takes an anonymous ballot on
the invitation page (which explains anonymity and shows the key fingerprint), leaves the invitation URL,
answers every visible question (conditions included) and gets a receipt; a draft survives closing the
browser; a refused submission shows the problem at its question; a submission while the server is
down (killed just before the click) says the answers are kept in the browser, which keeps them, and
goes through once the server is back; a page that supplies a token challenge other than the one the
browser derives from its host and the survey id is refused before anything is sent; an acknowledgement
whose receipt does not match the ballot, salt and echoed answers is refused loudly with the draft kept,
and the same salt, resent, gets the true receipt; the done page shows the receipt and the salt; axe-core
finds no accessibility violation; the pages stay small; and after close every receipt is in the
published tally. Screenshots and server.log go to OUT_DIR. axe-core comes from npm, or from $AXE_JS.
"""

import html
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from journey import (Operator, Server, answer_all_and_send, axe_source, leave_and_come_back, receipt,
                     receipts_in_tally, run_axe, shot, take_ballot, used_invitation, wait_text)

server = Server(sys.argv[1], sys.argv[2], "respondent-journey")
url, out = server.url, server.out
ROSTER = [("営業", "sales", 10), ("開発", "dev", 8), ("法務", "legal", 6)]
WEIGHT_LIMIT = 60 * 1024
started = time.time()


def fetch(path):
    return server.fetch(path)


def open_survey(password):
    """Client, survey, settings, roster, a plan whose fieldwork opened yesterday, scheduled."""
    op = Operator(url)
    survey, page = op.new_survey(password, "アルムナイ調査 2027", ["ja", "en"], ["department"])
    csv, languages = "email,language,department\n", {}
    for dept, code, n in ROSTER:
        for i in range(n):
            address = f"{code}{i}@client.example"
            languages[address] = "en" if i % 3 == 0 else "ja"
            csv += f"{address},{languages[address]},{dept}\n"
    op.post_multipart(page + "/roster", {}, {"file": ("roster.csv", csv.encode())}, page)
    op.open_now(page)
    return op, survey, languages


def invitations(languages):
    found = server.wait_for("24 invitations in the outbox", lambda: len(server.mails()) >= 24 and server.mails())
    for mail in found:
        address, language = mail["address"], mail["lang"]
        assert language == languages[address], f"{address} was mailed in {language}, the roster says {languages[address]}"
    assert len(found) == 24 and len({i["address"] for i in found}) == 24, f"expected 24 distinct invitees: {found}"
    return found


def axe(driver, page):
    violations = run_axe(driver, AXE_SOURCE, page)
    axe_results.append((page, len(violations)))
    return violations


def respondent(r, survey, fingerprints):
    tag = r["profile"] = f"respondent-{r['name']}"
    driver = server.browser(tag, r["phone"])
    wait = WebDriverWait(driver, 20)
    driver.get(r["invite"]["link"])
    if r.get("switch"):
        driver.find_element(By.CSS_SELECTOR, f"nav.langs a[href$='lang={r['lang']}']").click()
        wait.until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == r["lang"])
    wait_text(driver, {"ja": ["あなたの回答の扱い", "ブラインド署名", "誰がどう回答したかを知ることはできません"],
                       "en": ["How your answers are handled", "blind signature", "who answered what"]}[r["lang"]],
              f"{tag}: the invitation page explains anonymity")
    fingerprint = driver.find_element(By.CSS_SELECTOR, "code.fingerprint").text
    assert fingerprint in fingerprints, f"{tag}: key {fingerprint} is not on the public page {fingerprints}"
    wait.until(lambda d: d.find_element(By.ID, "start").is_enabled())
    shot(driver, f"{tag}-invite.png")
    if r.get("tamper"):
        foreign_challenge(driver, wait, tag)
    if r.get("axe"):
        axe(driver, f"{r['lang']} invitation page")
    r["token"] = take_ballot(driver, survey, tag)
    shot(driver, f"{tag}-answer.png")

    if r.get("abandon"):
        driver = leave_and_come_back(server, driver, r, tag)
        wait = WebDriverWait(driver, 20)

    def each_section(section):
        # Every section: questions of each type, required or not, are only on some of them.
        if r.get("axe") and section not in r["axed"]:
            axe(driver, f"{r['lang']} answer page, {section}")
            r["axed"].add(section)

    skip = set()
    if r.get("invalid"):
        skip = {driver.find_element(By.CSS_SELECTOR, ".question[data-required]").get_attribute("data-question")}
    before_send = server.kill if r.get("outage") else (lambda: tamper_receipt(driver)) if r.get("tamper") else None
    answer_all_and_send(driver, r, skip, each_section, before_send)
    if r.get("tamper"):
        # The server's receipt was changed on the way: the page says so loudly and keeps everything;
        # sent again with the same salt, the stored response's true receipt comes back and checks out.
        wait_text(driver, [{"ja": "警告", "en": "Warning"}[r["lang"]]], f"{tag}: a forged receipt is refused",
                  "#form-problem")
        assert not driver.find_element(By.ID, "done").is_displayed(), f"{tag}: a forged receipt was accepted"
        kept = driver.execute_script("return [localStorage.getItem('survey-draft:' + arguments[0]), "
                                     "localStorage.getItem('survey-receipt:' + arguments[0])];", survey)
        assert kept[0] and kept[1] is None, f"{tag}: the draft must stay and no receipt be kept: {kept}"
        shot(driver, f"{tag}-forged-receipt.png")
        driver.find_element(By.ID, "send").click()
    if r.get("outage"):
        # The server died just before the click: the page says so, the answers stay in this browser,
        # and once the server is back the same click sends them.
        wait_text(driver, [{"ja": "入力内容はこのブラウザに残っています", "en": "Your answers are kept in this browser"}[r["lang"]]],
                  f"{tag}: the page says the answers are kept when the server cannot be reached", "#form-problem")
        draft = driver.execute_script("return localStorage.getItem('survey-draft:' + arguments[0]);", survey)
        assert draft and all(q in draft for q in r["sent"]), f"{tag}: the draft in the browser lacks answers: {draft}"
        shot(driver, f"{tag}-server-gone.png")
        server.restart()
        driver.find_element(By.ID, "send").click()
    if skip:
        qid = next(iter(skip))
        wait.until(lambda d: d.find_element(By.ID, f"err-{qid}").is_displayed())
        message = driver.find_element(By.ID, f"err-{qid}").text
        assert message.strip(), f"{tag}: the refusal of {qid} shows an empty message"
        assert driver.find_element(By.ID, f"q-{qid}").is_displayed(), f"{tag}: the page of {qid} is not shown"
        print(f"  {tag}: the server refused the missing `{qid}`: {message}")
        shot(driver, f"{tag}-refused.png")
        if r.get("axe"):
            axe(driver, f"{r['lang']} answer page with a refusal")
        answer_all_and_send(driver, r, (), each_section)
    r["receipt"] = receipt(driver, tag)
    salt = driver.find_element(By.ID, "salt").text
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", salt), f"{tag}: the done page shows no salt: `{salt}`"
    shot(driver, f"{tag}-done.png")
    if r.get("axe"):
        axe(driver, f"{r['lang']} done page")
    driver.find_element(By.ID, "check").click()
    wait.until(lambda d: "/receipt" in d.current_url)
    wait_text(driver, [{"ja": "この回答は保存されています", "en": "This response is stored"}[r["lang"]]],
              f"{tag}: the done page's receipt link, in the respondent's language")

    driver.get(r["invite"]["link"] + f"?lang={r['lang']}")
    used_invitation(driver, r["lang"], f"{tag}: the used invitation")
    server.quit(driver)
    print(f"  {tag} ({r['invite']['address']}): receipt {r['receipt']}")


def foreign_challenge(driver, wait, tag):
    """A page that supplies another survey's challenge gets no ballot: the browser refuses before it
    asks for anything. Reloaded as served, the page works."""
    driver.execute_script("var d = document.getElementById('issue').dataset;"
                          "d.challenge = d.challenge.slice(0, -4) + (d.challenge.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA');")
    driver.find_element(By.ID, "start").click()
    wait.until(lambda d: d.find_element(By.ID, "problem").is_displayed())
    message = driver.find_element(By.ID, "problem").text
    assert "challenge" in message or "チャレンジ" in message, f"{tag}: a foreign challenge is not refused clearly: {message}"
    assert not driver.find_element(By.ID, "start").is_enabled(), f"{tag}: the start button stays on"
    assert "/i/" in driver.current_url, f"{tag}: the page moved on with a foreign challenge"
    shot(driver, f"{tag}-foreign-challenge.png")
    driver.refresh()
    wait.until(lambda d: d.find_element(By.ID, "start").is_enabled())


def tamper_receipt(driver):
    """The next submission's acknowledgement comes back with another receipt, as from a server that
    does not store what was sent."""
    driver.execute_script("""
        var real = window.fetch;
        window.fetch = function (url, init) {
          window.fetch = real;
          return real(url, init).then(function (res) {
            return res.json().then(function (body) {
              body.receipt = body.receipt.replace(/^./, body.receipt[0] === "0" ? "1" : "0");
              return new Response(JSON.stringify(body), { status: res.status, headers: { "Content-Type": "application/json" } });
            });
          });
        };""")


def transferred(path):
    """Bytes on the wire, as a browser asks for them (gzip accepted)."""
    request = urllib.request.Request(url + path, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=20) as r:
        return len(r.read())


def page_weight(path):
    page = fetch(path)
    assets = re.findall(rb'<script src="([^"]+)"', page) + re.findall(rb'<link rel="stylesheet" href="([^"]+)"', page)
    total = transferred(path) + sum(transferred(html.unescape(a.decode())) for a in assets)
    assert total <= WEIGHT_LIMIT, f"{path} weighs {total} bytes with its scripts and styles (limit {WEIGHT_LIMIT})"
    return total


axe_results = []
with server:
    AXE_SOURCE = axe_source(server.scratch)
    password = server.start()
    op, survey, languages = open_survey(password)
    invited = invitations(languages)
    server.wait_for("the survey to open", lambda: b'id="issue"' in fetch(urllib.parse.urlparse(invited[0]["link"]).path))
    public = fetch(f"/s/{survey}").decode()
    fingerprints = re.findall(r'<code class="fingerprint">([^<]+)</code>', public)
    assert len(fingerprints) == len(ROSTER), f"expected a key per department: {fingerprints}"

    invitee = lambda dept, lang, nth=0: [i for i in invited if i["address"].startswith(dept)
                                         and i["lang"] == lang][nth]
    people = [
        {"name": "ja-1", "lang": "ja", "phone": True, "invite": invitee("sales", "ja"), "abandon": True},
        {"name": "ja-2", "lang": "ja", "phone": True, "invite": invitee("dev", "ja"), "axe": True, "outage": True},
        {"name": "en-1", "lang": "en", "phone": False, "invite": invitee("legal", "en"), "axe": True, "invalid": True},
        # Invited in Japanese, reads English: the language links of the invitation page.
        {"name": "en-2", "lang": "en", "phone": False, "invite": invitee("sales", "ja", 1), "switch": True,
         "tamper": True},
    ]
    unused = urllib.parse.urlparse(invitee("legal", "ja")["link"]).path
    weights = {"invitation page": page_weight(unused), "answer page": page_weight(f"/s/{survey}/answer?lang=ja")}
    print(f"page weight: {weights}")
    for n, person in enumerate(people):
        person.update(n=n, answered=[], answers={}, conditional=[], axed=set())
        respondent(person, survey, fingerprints)
    violations = [(page, count) for page, count in axe_results if count]
    assert not violations, f"axe-core found accessibility violations: {violations}"

    page = f"/operator/surveys/{survey}"
    op.post(page + "/state", {"to": "closed"}, page)
    receipts_in_tally(server, survey, people, "tally.png")

    # The request log must never hold an invitation code or a token (the design's promise).
    log = server.log()
    for r in people:
        code = r["invite"]["link"].rsplit("/", 1)[1]
        assert code not in log and r["token"] not in log, f"respondent-{r['name']}'s code or token is in server.log"

    assert any(r["conditional"] for r in people), "no respondent was shown a conditional question"

    print(f"\nrespondent journey passed in {time.time() - started:.0f}s: {len(people)} respondents")
    for r in people:
        print(f"  {r['name']:5} {r['invite']['address']:22} receipt {r['receipt']}, {len(r['answered'])} answers "
              f"(shown by a condition: {', '.join(r['conditional']) or 'none'})")
    print(f"  axe-core: {len(axe_results)} pages (invitation, each section, refusal, done), no violation")
    print(f"  screenshots and server.log in {out}")
