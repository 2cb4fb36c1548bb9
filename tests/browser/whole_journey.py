"""The whole journey of one survey in headless Chromium, against a server it starts itself:

    python3 tests/browser/whole_journey.py SURVEY_BINARY OUT_DIR      (from the repo root; needs openpyxl
                                                                       and pdftotext)

It proves, on the real pages: an operator (clicking the operator forms) adds a client and its management
user, makes the alumni-network survey from its template (breakdown department, k = 5, comments from 10),
imports 60 employees in four departments, one smaller than k, which the roster merges (with the next
smallest, as the merged group alone would still be below k), plans fieldwork that opened yesterday and
schedules it; the scheduler mails 60 invitations. 35 employees take their ballot, each in a browser
profile of their own, in Japanese or English (some on a phone's width), some leaving halfway and coming
back to their draft, and answer; one more takes a ballot and never answers. The reminder then goes to
exactly the 24 invitees who took no ballot, once each, in their language, and two of them answer through
its link (the invitation link then says the ballot was taken). The operator closes the survey and publishes the
report; the management user downloads the PDF and the XLSX from the portal. The report's figures (response
counts overall and per group, distributions of choice and scale questions, which comments are quoted)
equal the script's own count of the answers it gave; neither merged department is named anywhere in the
report, the portal or the operator's segment table; every receipt is in the published tally; the server's
log holds no invitation code or token.

The reminder is sent with the operator's "send now" on its row of the jobs table (its planned day is
later); the scheduler then decides who gets it. Screenshots, the downloaded report and server.log go to
OUT_DIR.
"""

import collections
import datetime
import os
import re
import subprocess
import sys
import time

import openpyxl
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from journey import (Server, answer_all_and_send, click_and_wait, fill, leave_and_come_back, login, receipt,
                     receipts_in_tally, shot, submit, take_ballot, used_invitation, wait_text)

server = Server(sys.argv[1], sys.argv[2], "whole-journey")
url, out = server.url, server.out
started = time.time()

# (department, address prefix, employees, how many answer at first, how many answer after the reminder)
DEPARTMENTS = [("営業", "sales", 20, 13, 0), ("開発", "dev", 19, 12, 1), ("人事", "hr", 17, 8, 1), ("法務", "legal", 4, 2, 0)]
K, COMMENT_THRESHOLD = 5, 10
SURVEY_NAME = "アルムナイネットワーク導入前調査 2027"
TITLE = "アルムナイネットワーク導入に関する社員意識調査"
MANAGER = ("山田 花子", "hanako@client.example", "management-password-1")
# Comments differ by question, so the report shows which questions' comments it quotes.
COMMENTS = {
    "suggestions": {"ja": ["参加は任意にしてください。", "情報管理のルールを明確にしてほしいです。",
                           "元社員との交流イベントがあると良いと思います。", "運営の費用と効果を定期的に報告してください。"],
                    "en": ["Please keep it optional.", "Publish clear rules on company information.",
                           "Events with former colleagues would be welcome."]},
    "support_concern": {"ja": ["残る社員の士気が下がらないか心配です。"], "en": ["I worry about the morale of those who stay."]},
    "join_wish": {"ja": ["業界の勉強会があれば参加したいです。"], "en": ["Industry seminars would make me join."]},
    "return_barriers": {"ja": ["一度辞めた会社に戻るのは気まずいです。"], "en": ["Going back would feel awkward."]},
}
# The questions whose figures the XLSX must share with the script, and how their favourable share is
# counted: the template's scales favour 4 and 5, its concerns are reverse-coded; a ranking is counted by
# first choices.
CHECKED = {"awareness": None, "support": "top", "benefit_importance": "top", "concern_agreement": "bottom",
           "join_intent": None, "channels": None, "rehire_welcome": "top", "return_openness": None,
           "return_conditions": "first", "referral_reward": None}
FAVOURABLE = {"top": ["4", "5"], "bottom": ["1", "2"]}


def merged_segments(sizes, k):
    """The segment each department falls in, by the rule of `segment_roster` in
    crates/analysis/src/segment.rs (one attribute): departments below k become "*"; while "*" is
    still below k, the smallest other department (ties by name) joins it."""
    value = {d: ("*" if n < k else d) for d, n in sizes.items()}
    while True:
        counts = collections.Counter()
        for d, n in sizes.items():
            counts[value[d]] += n
        if all(c >= k for c in counts.values()) or len(counts) == 1:
            return value
        smallest = min((c, v) for v, c in counts.items() if v != "*")[1]
        value = {d: ("*" if v == smallest else v) for d, v in value.items()}


SEGMENT = merged_segments({d: n for d, _, n, _, _ in DEPARTMENTS}, K)
MERGED_AWAY = sorted(d for d, v in SEGMENT.items() if v == "*")
assert "法務" in MERGED_AWAY, f"the small department must be merged: {SEGMENT}"


def set_date(driver, field, day):
    # A date input types in the browser's locale; the value itself is ISO whatever the locale.
    driver.execute_script("arguments[0].value = arguments[1]", field, day.isoformat())


def change_state(driver, path, to):
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f"form[action='{path}/state']:has(input[value='{to}']) button"))


def notice(driver, text, what):
    wait_text(driver, [text], what, "p.notice.ok")


def segment_table(driver):
    """The rows of the operator's segment table: (segment as shown, invitees)."""
    rows = driver.find_elements(By.XPATH, "//h2[contains(., '回答状況')]/following-sibling::table[1]/tbody/tr")
    return [(r.find_elements(By.TAG_NAME, "td")[0].text, int(r.find_elements(By.TAG_NAME, "td")[1].text)) for r in rows]


def set_up(password, roster_csv):
    """The operator's part up to scheduling, through the forms; returns the browser, the survey page's
    path and the survey's id."""
    op = server.browser("operator")
    op.get(url + "/login")
    shot(op, "01-operator-login.png")
    login(op, url, "admin@survey.local", password)

    op.get(url + "/operator/organisations")
    fill(op, "name", "株式会社サンプル")
    submit(op, "/operator/organisations")
    for field, value in zip(["name", "email", "password"], MANAGER):
        fill(op, field, value, "form[action$='/users']")
    click_and_wait(op, op.find_element(By.CSS_SELECTOR, "form[action$='/users'] button[type=submit]"))
    wait_text(op, [MANAGER[1]], "the client page lists its management user")
    shot(op, "02-client-and-manager.png")

    op.get(url + "/operator/surveys/new")
    Select(op.find_element(By.NAME, "organisation_id")).select_by_visible_text("株式会社サンプル")
    fill(op, "name", SURVEY_NAME)
    Select(op.find_element(By.NAME, "template")).select_by_value("alumni-network-opinion")
    submit(op, "/operator/surveys")
    notice(op, "調査を作成しました", "the survey is made from the template")
    path = op.current_url.split("?")[0][len(url):]
    survey = path.rsplit("/", 1)[1]

    fill(op, "languages", "ja, en")
    fill(op, "k_threshold", str(K))
    fill(op, "comment_threshold", str(COMMENT_THRESHOLD))
    fill(op, "breakdowns", "department")
    submit(op, path + "/settings")
    notice(op, "設定を保存しました", "the settings are saved")

    op.find_element(By.CSS_SELECTOR, f"form[action='{path}/roster'] input[type=file]").send_keys(roster_csv)
    submit(op, path + "/roster")
    notice(op, "名簿を取り込みました", "the roster is imported")
    wait_text(op, ["60 人"], "the survey page counts 60 invitees")
    # The segments as the operator sees them: the merged departments only as "other", with their sum.
    expected = collections.Counter()
    for dept, _, n, _, _ in DEPARTMENTS:
        expected["department: " + ("その他（少人数のため統合）" if SEGMENT[dept] == "*" else dept)] += n
    shown = dict(segment_table(op))
    assert shown == dict(expected), f"the operator's segments are {shown}, expected {dict(expected)}"
    shot(op, "03-roster-segments.png")

    # A proposed plan never starts in the past; its dates are then set by hand so that fieldwork
    # opened yesterday (the scheduler opens it now) and the reminders fall inside it.
    today = datetime.datetime.now(datetime.timezone.utc).date()
    set_date(op, op.find_element(By.CSS_SELECTOR, f"form[action='{path}/plan'] input[name=start]"),
             today + datetime.timedelta(days=200))
    submit(op, path + "/plan")
    notice(op, "実施計画を保存しました", "the proposed plan is saved")
    days = {"briefing": -3, "sign_off": -2, "fieldwork_open": -1, "reminder_1": 2, "reminder_2": 5,
            "fieldwork_close": 10, "analysis": 11, "report_delivery": 20, "debrief": 25, "programme_start": 30}
    fields = op.find_elements(By.CSS_SELECTOR, f"form[action='{path}/plan/dates'] input[type=date]")
    assert sorted(f.get_attribute("name") for f in fields) == sorted(days), \
        f"the plan's steps are {[f.get_attribute('name') for f in fields]}"
    for field in fields:
        set_date(op, field, today + datetime.timedelta(days=days[field.get_attribute("name")]))
    submit(op, path + "/plan/dates")
    notice(op, "実施計画を保存しました", "the plan's dates are saved")
    shot(op, "04-plan.png")

    change_state(op, path, "scheduled")
    notice(op, "状態を変更しました", "the survey is scheduled")
    shot(op, "05-scheduled.png")
    return op, path, survey


def jobs(driver, path):
    """The operator's table of scheduled jobs, reloaded: {kind: state}."""
    driver.get(url + path)
    rows = driver.find_elements(By.XPATH, "//h2[contains(., '予定されたジョブ')]/following-sibling::table[1]/tbody/tr")
    return {r.find_elements(By.TAG_NAME, "td")[0].text: r.find_elements(By.TAG_NAME, "td")[2].text for r in rows}


def respond(r, survey, shots):
    """One employee, in a browser profile of their own, from the e-mailed link to the receipt."""
    tag = r["profile"] = f"employee-{r['n']:02d}-{r['dept_code']}"
    driver = server.browser(tag, r["phone"])
    driver.get(r["link"])
    group = "その他" if SEGMENT[r["dept"]] == "*" else r["dept"]
    wait_text(driver, [{"ja": "あなたの回答の扱い", "en": "How your answers are handled"}[r["lang"]],
                       {"ja": f"department: {group}", "en": f"department: {'other' if group == 'その他' else group}"}[r["lang"]]],
              f"{tag}: the invitation page, in the invitee's language, names the group of the key")
    if shots:
        shot(driver, f"{tag}-invite.png")
    r["token"] = take_ballot(driver, survey, tag)
    if r.get("ghost"):
        # Takes the ballot and never answers: not reminded, not counted.
        server.quit(driver)
        return
    if r.get("abandon"):
        driver = leave_and_come_back(server, driver, r, tag)
        if shots:
            shot(driver, f"{tag}-draft-restored.png")
    answer_all_and_send(driver, r)
    r["receipt"] = receipt(driver, tag)
    if shots:
        shot(driver, f"{tag}-done.png")
    server.quit(driver)


def employees(invited):
    """Everyone on the roster with their part: who answers (and how), who only takes a ballot, who
    waits for the reminder."""
    people, n = [], 0
    for dept, code, size, first, later in DEPARTMENTS:
        for i in range(size):
            address = f"{code}{i}@client.example"
            r = {"address": address, "dept": dept, "dept_code": code, "lang": invited[address]["lang"],
                 "link": invited[address]["link"], "answers": {}, "answered": [], "conditional": [],
                 "answers_at": None}
            if i < first:
                r["answers_at"] = "invitation"
            elif code == "sales" and i == first:
                r["ghost"] = True
            elif i < first + later:
                r["answers_at"] = "reminder"
            people.append(r)
    for r in people:
        if r["answers_at"]:
            r.update(n=n, phone=n % 4 == 3, abandon=n % 9 == 4)
            r["comments"] = {q: pool[r["lang"]][n % len(pool[r["lang"]])] for q, pool in COMMENTS.items()}
            n += 1
        elif r.get("ghost"):
            r.update(n=n, phone=False)
            n += 1
    return people


def remind_now(driver, path):
    """The operator's "send now" on the first reminder's row of the jobs table: due now, not on its day."""
    driver.get(url + path)
    row = driver.find_element(By.XPATH, "//h2[contains(., '予定されたジョブ')]/following-sibling::table[1]"
                                        "/tbody/tr[td[1][. = 'remind:1']]")
    click_and_wait(driver, row.find_element(By.CSS_SELECTOR, "form[action$='/now'] button"))
    wait_text(driver, ["リマインドを今すぐ送る予定にしました"], "the operator's notice that the reminder is due")


def xlsx_rows(book, sheet):
    rows = list(book[sheet].iter_rows(values_only=True))
    head = rows[0]
    return [dict(zip(head, row)) for row in rows[1:] if any(v is not None for v in row)]


def expected_counts(respondents, qid, item, first_only):
    """From the script's own record: per group, (how many answered, count per category) of a question
    or of one statement of a matrix; of a ranking, the first choices only."""
    groups = {"全体": respondents}
    for r in respondents:
        groups.setdefault(f"department={SEGMENT[r['dept']]}", []).append(r)
    result = {}
    for group, members in groups.items():
        given = [r["sent"][qid] if item is None else r["sent"][qid][item] for r in members if qid in r["sent"]]
        counts = collections.Counter()
        for a in given:
            for category in (a[:1] if first_only else a) if isinstance(a, list) else [a]:
                counts[str(category)] += 1
        result[group] = (len(given), counts)
    return result


def check_report(pdf, xlsx, respondents, invitees_by_segment):
    """The downloaded report against the script's own record of what was answered."""
    subprocess.run(["pdftotext", "-layout", pdf, pdf + ".txt"], check=True)
    text = open(pdf + ".txt", encoding="utf-8").read()
    flat = re.sub(r"\s+", "", text)
    assert TITLE in flat, f"the PDF's title {TITLE} is not in its text"
    count = len(respondents)
    assert re.search(rf"^回答数\s+{count}$", text, re.M), f"the PDF's cover does not state {count} responses"
    for name in MERGED_AWAY:
        assert name not in text, f"the merged department {name} is named in the PDF"

    book = openpyxl.load_workbook(xlsx)
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for cell in row:
                for name in MERGED_AWAY:
                    assert name not in str(cell or ""), f"the merged department {name} is named in the XLSX ({sheet.title}: {cell})"

    # Response counts: everyone, and each group (all of them at least k here, so all shown), in the
    # XLSX and in the PDF's table (where the merged group reads "department: その他").
    answered = collections.Counter(f"department={SEGMENT[r['dept']]}" for r in respondents)
    expected = {"全体": (sum(invitees_by_segment.values()), count)}
    expected.update({g: (invitees_by_segment[g], answered[g]) for g in invitees_by_segment})
    got = {r["グループ"]: (r["対象者"], r["回答"]) for r in xlsx_rows(book, "回答数")}
    assert got == expected, f"the XLSX's response counts {got} are not the script's {expected}"
    in_pdf = {g.replace(": ", "=").replace("=その他", "=*"): (int(a), int(b)) for g, a, b in
              re.findall(r"^(全体|department: \S+)\s+(\d+)\s+(\d+)\s+[\d.]+%$", text, re.M)}
    assert in_pdf == expected, f"the PDF's response counts {in_pdf} are not the script's {expected}"

    # Distributions: every category of the choice, scale, matrix and ranking questions below, with the
    # favourable share where the report gives one, for everyone and each group.
    rows = xlsx_rows(book, "設問別")
    checked = 0
    for qid, favourable in CHECKED.items():
        answers = [r["sent"][qid] for r in respondents if qid in r["sent"]]
        items = sorted({i for a in answers for i in a}) if isinstance(answers[0], dict) else [None]
        for item in items:
            for group, (n, counts) in expected_counts(respondents, qid, item, favourable == "first").items():
                what = f"{qid}{'.' + item if item else ''} / {group}"
                mine = [r for r in rows if r["設問"] == qid and r["グループ"] == group and r["項目"] == item]
                shown = {str(r["回答"]): r for r in mine if r["回答"] is not None}
                assert shown, f"{what} is hidden or missing in the XLSX: {mine}"
                for category, row in shown.items():
                    if category == "favourable":
                        assert favourable in FAVOURABLE, f"{what}: a favourable share the script does not expect"
                        # "Don't know" is left out of the share; reverse-coded statements favour 1 and 2.
                        want = (n - counts["n/a"], sum(counts[p] for p in FAVOURABLE[favourable]))
                    else:
                        want = (n, counts.get(category, 0))
                    assert (row["n"], row["件数"]) == want, \
                        f"{what} / {category}: the XLSX has n {row['n']}, count {row['件数']}; the script {want}"
                    checked += 1
                missing = set(counts) - set(shown)
                assert not missing, f"{what}: answers {missing} are not in the XLSX"

    # Comments: with everyone together at or above the comment threshold, every comment is quoted
    # (a question's comments are not thresholded on their own: the group is everyone who answered).
    quoted = {str(c) for row in book["自由記述"].iter_rows(values_only=True) for c in row if c is not None}
    assert count >= COMMENT_THRESHOLD
    for qid in COMMENTS:
        written = {r["sent"][qid] for r in respondents if qid in r["sent"]}
        assert written <= quoted, f"comments on {qid} are not in the XLSX: {written - quoted}"
    conditional = [q for q in COMMENTS if q != "suggestions" and any(q in r["sent"] for r in respondents)]
    assert conditional, "no respondent was shown a question on a condition that asks for a comment"
    return checked


with server:
    password = server.start()
    roster, languages = os.path.join(server.scratch, "roster.csv"), {}
    with open(roster, "w", encoding="utf-8") as f:
        f.write("email,language,department\n")
        for dept, code, size, _, _ in DEPARTMENTS:
            for i in range(size):
                address = f"{code}{i}@client.example"
                languages[address] = "en" if i % 3 == 0 else "ja"
                f.write(f"{address},{languages[address]},{dept}\n")
    op, path, survey = set_up(password, roster)

    # The scheduler opens the survey and mails everyone, each in the roster's language.
    mails = server.wait_for("60 invitations in the outbox", lambda: len(server.mails()) >= 60 and server.mails())
    invited = {m["address"]: m for m in mails}
    assert len(mails) == 60 == len(invited) and not any(m["reminder"] for m in mails), \
        f"expected one invitation each for 60 invitees: {[m['address'] for m in mails]}"
    for address, m in invited.items():
        assert m["lang"] == languages[address], f"{address} was invited in {m['lang']}, the roster says {languages[address]}"
    server.wait_for("the survey to open", lambda: jobs(op, path).get("open") == "done")
    shot(op, "06-open.png")

    people = employees(invited)
    first = [r for r in people if r["answers_at"] == "invitation" or r.get("ghost")]
    shots = {min(r["n"] for r in first if r["lang"] == "ja"), min(r["n"] for r in first if r["lang"] == "en"),
             min(r["n"] for r in first if r.get("abandon")), min(r["n"] for r in first if r["phone"])}
    for r in first:
        respond(r, survey, r["n"] in shots)
    print(f"  {len(first)} employees took their ballot ({time.time() - started:.0f}s)")

    # The reminder: exactly those who took no ballot, once each, in their language.
    took = {r["address"] for r in first}
    remind_now(op, path)
    server.wait_for("the reminder job", lambda: jobs(op, path).get("remind:1") == "done")
    shot(op, "07-reminded.png")
    reminders = [m for m in server.mails() if m["reminder"]]
    reminded = collections.Counter(m["address"] for m in reminders)
    expected = set(invited) - took
    assert set(reminded) == expected and all(c == 1 for c in reminded.values()), \
        f"reminded {sorted(reminded)}; expected exactly once each {sorted(expected)}"
    assert len(server.mails()) == 60 + len(expected), "a mail other than the invitations and reminders was sent"
    for m in reminders:
        assert m["lang"] == invited[m["address"]]["lang"], f"{m['address']} was reminded in another language"
    later = [r for r in people if r["answers_at"] == "reminder"]
    for r in later:
        # The reminder carries a fresh code for the same invitation.
        r["link"] = next(m["link"] for m in reminders if m["address"] == r["address"])
        respond(r, survey, r is later[0])
    used = server.browser("used-link")
    used.get(invited[later[0]["address"]]["link"])
    used_invitation(used, later[0]["lang"], "the invitation link of someone who answered through the reminder")

    respondents = [r for r in people if r.get("receipt")]
    # The operator closes the survey and publishes the report.
    op.get(url + path)
    change_state(op, path, "closed")
    notice(op, "状態を変更しました", "the survey is closed")
    change_state(op, path, "published")
    # Publishing goes on in the background; the page says how far it is and reloads itself until the
    # files are there.
    wait_text(op, ["公開した報告書", ".pdf", ".xlsx"], "the operator's page lists the published files", timeout=240)
    shot(op, "08-published.png")

    # Management: a fresh profile, the portal, the survey's page, the PDF and the XLSX by their links.
    downloads = os.path.join(out, "downloads")
    for old in os.listdir(downloads) if os.path.isdir(downloads) else []:
        os.remove(os.path.join(downloads, old))
    os.makedirs(downloads, exist_ok=True)
    manager = server.browser("management", downloads=downloads)
    login(manager, url, MANAGER[1], MANAGER[2])
    wait_text(manager, [SURVEY_NAME, "株式会社サンプル"], "the portal lists the client's survey")
    shot(manager, "09-portal.png")
    click_and_wait(manager, manager.find_element(By.LINK_TEXT, SURVEY_NAME))
    wait_text(manager, ["報告書", ".pdf", ".xlsx"], "the portal's survey page lists the report files")
    portal_text = manager.find_element(By.TAG_NAME, "main").text
    for name in MERGED_AWAY:
        assert name not in portal_text, f"the portal names the merged department {name}"
    shot(manager, "10-portal-survey.png")
    for fmt in ["pdf", "xlsx"]:
        manager.find_element(By.CSS_SELECTOR, f"a[href$='/files/ja/{fmt}']").click()
    # Chromium writes to a temporary name and renames the file when it is complete.
    done = lambda: {os.path.splitext(f)[1]: os.path.join(downloads, f) for f in os.listdir(downloads)}
    files = server.wait_for("the PDF and the XLSX in the download folder", lambda: {".pdf", ".xlsx"} <= done().keys() and done())
    pdf, xlsx = files[".pdf"], files[".xlsx"]
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "3", pdf, os.path.join(out, "11-report-page")],
                   check=True)

    invitees_by_segment = collections.Counter()
    for dept, _, size, _, _ in DEPARTMENTS:
        invitees_by_segment[f"department={SEGMENT[dept]}"] += size
    checked = check_report(pdf, xlsx, respondents, invitees_by_segment)

    # Every receipt is in the published tally, whose count is the number of respondents.
    receipts_in_tally(server, survey, respondents, "12-tally.png")

    # The request log never holds an invitation code or a token (the design's promise).
    log = server.log()
    for r in people:
        codes = {r["link"].rsplit("/", 1)[1], invited[r["address"]]["link"].rsplit("/", 1)[1]}
        assert not any(c in log for c in codes), f"{r['address']}'s invitation code is in server.log"
        assert not r.get("token") or r["token"] not in log, f"{r['address']}'s token is in server.log"

    spoken = collections.Counter(r["lang"] for r in respondents)
    print(f"\nwhole journey passed in {time.time() - started:.0f}s")
    print(f"  60 invited in 4 departments ({', '.join(f'{d} {n}' for d, _, n, _, _ in DEPARTMENTS)}); "
          f"merged as other: {', '.join(MERGED_AWAY)}")
    print(f"  {len(respondents)} answered ({spoken['ja']} in Japanese, {spoken['en']} in English; "
          f"{sum(1 for r in respondents if r.get('abandon'))} left halfway and came back; "
          f"{len(later)} after the reminder), 1 took a ballot and never answered")
    print(f"  reminders: {len(reminded)}, exactly the invitees without a ballot")
    comments = {q: sum(1 for r in respondents if q in r["sent"]) for q in COMMENTS}
    print(f"  comments written and quoted: {', '.join(f'{q} {n}' for q, n in comments.items())}")
    print(f"  report: {checked} figures of the XLSX equal the script's count; PDF title and count; "
          f"no merged department named; {len(respondents)} receipts in the tally")
    print(f"  screenshots, the downloaded report and server.log in {out}")
