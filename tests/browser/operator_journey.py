"""Takes the README's screenshots of the operator's and management's journeys in headless Chromium.

Starts nothing itself: run the server first (see the README), then
    python3 tests/browser/operator_journey.py URL ADMIN_EMAIL ADMIN_PASSWORD OUT_DIR
It drives the real pages: login, a client with a management user, a survey from the alumni template,
the roster with a department too small to show, a plan, scheduling, and the management portal.
"""

import os
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import journey

url, admin, password, out = sys.argv[1:5]
os.makedirs(out, exist_ok=True)

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--window-size=1200,1000", f"--user-data-dir={tempfile.mkdtemp()}"]:
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def shot(name):
    height = driver.execute_script("return document.body.scrollHeight")
    driver.set_window_size(1200, min(max(height + 40, 600), 3000))
    driver.save_screenshot(os.path.join(out, name))
    print("saved", name)


def fill(name, value):
    journey.fill(driver, name, value)


def click_and_wait(element):
    journey.click_and_wait(driver, element)


def submit(form_action):
    journey.submit(driver, form_action)


def login(email, pw):
    journey.login(driver, url, email, pw)


def dept_code(dept):
    return {"営業": "sales", "開発": "dev", "サポート": "support", "法務": "legal"}[dept]


roster = os.path.join(tempfile.mkdtemp(), "roster.csv")
with open(roster, "w", encoding="utf-8") as f:
    f.write("email,language,department\n")
    for dept, n in [("営業", 22), ("開発", 20), ("サポート", 15), ("法務", 3)]:
        for i in range(n):
            f.write(f"{dept_code(dept)}{i}@client.example,{'en' if i % 3 == 0 else 'ja'},{dept}\n")

try:
    driver.get(url + "/login")
    shot("01-login.png")
    login(admin, password)

    driver.get(url + "/operator/organisations")
    fill("name", "株式会社サンプル")
    submit("/operator/organisations")
    org_url = driver.current_url
    fill("name", "山田 花子")
    fill("email", "hanako@client.example")
    fill("password", "management-password-1")
    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form[action$='/users'] button"))
    shot("02-client.png")

    driver.get(url + "/operator/surveys/new")
    fill("name", "アルムナイネットワーク導入前調査 2027")
    Select(driver.find_element(By.NAME, "template")).select_by_value("alumni-network-opinion")
    shot("03-new-survey.png")
    submit("/operator/surveys")
    survey_url = driver.current_url.split("?")[0]
    path = survey_url[len(url):]

    fill("breakdowns", "department")
    submit(path + "/settings")
    driver.find_element(By.CSS_SELECTOR, f"form[action='{path}/roster'] input[type=file]").send_keys(roster)
    submit(path + "/roster")
    fill("start", "04/01/2027")
    submit(path + "/plan")
    shot("04-survey-draft.png")

    click_and_wait(driver.find_element(By.CSS_SELECTOR, f"form[action='{path}/state'] button"))
    shot("05-survey-scheduled.png")

    click_and_wait(driver.find_element(By.CSS_SELECTOR, "form.logout button"))
    login("hanako@client.example", "management-password-1")
    shot("06-portal.png")
finally:
    driver.quit()
