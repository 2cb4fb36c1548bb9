"""Answers the alumni-network-opinion survey in each of its eight languages in headless Chromium,
against a server it starts itself.

    python3 tests/browser/languages_journey.py SURVEY_BINARY OUT_DIR      (from the repo root)

One invitee per language (ja, en, zh-Hans, ko, vi, pt-BR, id, ne) in the roster. It proves: each
invitation e-mail arrives in the invitee's roster language (its subject is the catalog's); the
invitation page opens in that language without any `?lang=` (the roster language chooses it) and
names the other languages in their own scripts; the answer page is in that language; a required
question left empty is refused with the catalog's message in that language beside the question; axe-core
finds no accessibility violation on the invitation page, the answer page with the refusal and the done
page; and the receipt comes back. A browser that asks for Vietnamese by `Accept-Language` gets the
public page in Vietnamese. Screenshots of every page go to OUT_DIR, to be looked at.
"""

import os
import sys
import time
import urllib.parse
import urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from journey import Operator, Server, answer_all_and_send, axe_source, receipt, run_axe, shot, take_ballot, wait_text

LANGUAGES = ["ja", "en", "zh-Hans", "ko", "vi", "pt-BR", "id", "ne"]
COMMENTS = {
    "ja": "運営の透明性を大切にしてほしいです。",
    "en": "Please keep it simple and optional.",
    "zh-Hans": "希望运营公开透明，参加与否自愿。",
    "ko": "운영이 투명하고 참여는 자유였으면 합니다.",
    "vi": "Mong rằng việc vận hành minh bạch và tham gia là tự nguyện.",
    "pt-BR": "Espero que seja transparente e que a participação seja voluntária.",
    "id": "Semoga pengelolaannya transparan dan keikutsertaannya sukarela.",
    "ne": "सञ्चालन पारदर्शी होस् र सहभागिता स्वैच्छिक होस्।",
}
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

server = Server(sys.argv[1], sys.argv[2], "languages-journey")
url, out = server.url, server.out
started = time.time()


def catalog(lang, area, key):
    """A one-line message of a catalog, as the file has it (placeholders left in)."""
    with open(os.path.join(REPO, "locales", lang, f"{area}.ftl"), encoding="utf-8") as f:
        for line in f:
            if line.startswith(f"{key} = "):
                return line.split(" = ", 1)[1].strip()
    raise AssertionError(f"locales/{lang}/{area}.ftl has no one-line `{key}`")


def open_survey(password):
    op = Operator(url)
    survey, page = op.new_survey(password, "Alumni 2027", LANGUAGES, [])
    csv = "email,language\n" + "".join(f"{lang.lower()}@client.example,{lang}\n" for lang in LANGUAGES)
    op.post_multipart(page + "/roster", {}, {"file": ("roster.csv", csv.encode())}, page)
    op.open_now(page)
    return op, survey


def mails():
    found = server.wait_for("8 invitations in the outbox", lambda: len(server.mails()) >= 8 and server.mails())
    by_lang = {}
    for lang in LANGUAGES:
        mail = next(m for m in found if m["address"] == f"{lang.lower()}@client.example")
        subject = catalog(lang, "mail", "mail-invitation-subject").replace("{ $survey }", "Alumni 2027")
        assert mail["subject"] == subject, f"{lang}: the invitation's subject is `{mail['subject']}`, not `{subject}`"
        by_lang[lang] = mail
    return by_lang


def respondent(lang, mail, survey, n):
    tag = f"respondent-{lang}"
    driver = server.browser(tag, phone=n % 2 == 0)
    wait = WebDriverWait(driver, 30)
    driver.get(mail["link"])
    wait.until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang)
    # The other seven languages, each named in its own script and marked with its language.
    names = {a.get_attribute("lang"): a.text for a in driver.find_elements(By.CSS_SELECTOR, "nav.langs a")}
    assert sorted(names) == sorted(l for l in LANGUAGES if l != lang), f"{tag}: language links {names}"
    for other, name in names.items():
        expected = catalog(other, "locale", "language-name")
        assert name == expected, f"{tag}: {other} is named `{name}`, not `{expected}`"
    wait_text(driver, [catalog(lang, "respondent", "respondent-your-anonymous-ballot")],
              f"{tag}: the invitation page in {lang}")
    shot(driver, f"{tag}-1-invite.png")
    violations = run_axe(driver, AXE_SOURCE, f"{lang} invitation page")
    take_ballot(driver, survey, tag)
    shot(driver, f"{tag}-2-answer.png")

    r = {"n": n, "lang": lang, "comment": COMMENTS[lang], "answered": [], "answers": {}, "conditional": []}
    required = driver.find_element(By.CSS_SELECTOR, ".question[data-required]").get_attribute("data-question")
    answer_all_and_send(driver, r, {required})
    wait.until(lambda d: d.find_element(By.ID, f"err-{required}").is_displayed())
    message = driver.find_element(By.ID, f"err-{required}").text
    expected = catalog(lang, "validation", "validation-required")
    assert message == expected, f"{tag}: the refusal of `{required}` reads `{message}`, not `{expected}`"
    shot(driver, f"{tag}-3-refused.png")
    violations += run_axe(driver, AXE_SOURCE, f"{lang} answer page with a refusal")
    answer_all_and_send(driver, r)
    got = receipt(driver, tag)
    shot(driver, f"{tag}-4-done.png")
    violations += run_axe(driver, AXE_SOURCE, f"{lang} done page")
    server.quit(driver)
    print(f"  {lang:7} {mail['subject']!r}: refusal `{message}`, receipt {got[:16]}…")
    return violations


with server:
    AXE_SOURCE = axe_source(server.scratch)
    password = server.start()
    op, survey = open_survey(password)
    by_lang = mails()
    server.wait_for("the survey to open",
                    lambda: b'id="issue"' in server.fetch(urllib.parse.urlparse(by_lang["ja"]["link"]).path))
    violations = []
    for n, lang in enumerate(LANGUAGES):
        violations += respondent(lang, by_lang[lang], survey, n)
    assert not violations, f"axe-core found accessibility violations: {violations}"

    # Without a link's choice or a roster language, the browser's languages decide.
    request = urllib.request.Request(f"{url}/s/{survey}", headers={"Accept-Language": "vi-VN,vi;q=0.9,en;q=0.5"})
    with urllib.request.urlopen(request, timeout=20) as page:
        body = page.read().decode()
    assert '<html lang="vi">' in body, "Accept-Language: vi did not choose Vietnamese for the public page"

    print(f"\nlanguages journey passed in {time.time() - started:.0f}s: {len(LANGUAGES)} languages")
