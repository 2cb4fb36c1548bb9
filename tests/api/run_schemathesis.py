"""Schemathesis against the real server: every operation of /api/v1/openapi.json, the respondent's
protocol included, with generated valid and invalid requests; fails on any 5xx or failed check.

    python3 tests/api/run_schemathesis.py SURVEY_BINARY OUT_DIR [--max-examples N] [--seed N]
                                          [--database-url URL]          (from the repo root)

It starts the binary on a fresh data folder (SQLite, or the given database), logs in as the first
operator admin with the one-time password the server writes to its data folder, makes an API token on /operator/tokens
as an operator would, seeds a client, a draft survey and an open survey whose invitations went out
(through the API and the scheduler), then runs `schemathesis run` with tests/api/schemathesis.toml.
The server's log, schemathesis's JUnit report and the command go to OUT_DIR.
"""

import argparse
import datetime
import email
import email.policy
import glob
import os
import re
import shlex
import socket
import subprocess
import sys
import tempfile
import time

import requests

here = os.path.dirname(os.path.abspath(__file__))
repo = os.path.dirname(os.path.dirname(here))

parser = argparse.ArgumentParser()
parser.add_argument("binary")
parser.add_argument("out")
parser.add_argument("--max-examples", type=int, default=100, help="per operation and phase")
parser.add_argument("--seed", type=int, default=1)
parser.add_argument("--database-url", help="e.g. postgres://… of an empty database; SQLite by default")
args = parser.parse_args()
binary, out = os.path.abspath(args.binary), os.path.abspath(args.out)
os.makedirs(out, exist_ok=True)
scratch = tempfile.mkdtemp(prefix="schemathesis-")
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
url = f"http://127.0.0.1:{port}"
log_path = os.path.join(out, "server.log")


def wait_for(what, check, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = check()
        if value:
            return value
        assert server.poll() is None, f"the server exited while waiting for {what}; see {log_path}"
        time.sleep(0.3)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def healthy():
    try:
        return requests.get(url + "/healthz", timeout=5).ok
    except requests.RequestException:
        return False


def expect(response, status, what):
    assert response.status_code == status, f"{what}: {response.status_code} {response.text[:500]}"
    return response


env = dict(os.environ, SURVEY__DATA_DIR=os.path.join(scratch, "data"), SURVEY__SERVER__PORT=str(port),
           SURVEY__SERVER__PUBLIC_URL=url, SURVEY__TEMPLATES_DIR=os.path.join(repo, "survey-templates"),
           SURVEY__SCHEDULER__INTERVAL_SECONDS="1", SURVEY__SCHEDULER__UTC_OFFSET_HOURS="0", SURVEY_LOG="info")
if args.database_url:
    env["SURVEY__DATABASE__URL"] = args.database_url
log = open(log_path, "wb")
server = subprocess.Popen([binary], cwd=repo, env=env, stdout=log, stderr=subprocess.STDOUT)
try:
    # stdout is a file, not a terminal: the server writes the password to a file of its data
    # folder (readable by this user only) and prints where.
    password_file = wait_for("the one-time admin password", lambda: re.findall(
        r"log in as admin@survey\.local with the one-time password in (\S+) \(",
        open(log_path, encoding="utf-8", errors="replace").read()))[0]
    with open(password_file, encoding="utf-8") as f:
        password = f.read().split("\n")[1]
    wait_for("/healthz", healthy)

    # An API token, made on the operator's page as a person would.
    operator = requests.Session()

    def page(method, path, **kw):
        response = operator.request(method, url + path, allow_redirects=False, **kw)
        # The session cookie is Secure; the server is plain http on loopback, as browsers allow.
        for cookie in operator.cookies:
            cookie.secure = False
        return response

    def csrf(path):
        return re.search(r'name="csrf" value="([^"]+)"', page("GET", path).text).group(1)

    expect(page("POST", "/login", data={"csrf": csrf("/login"), "email": "admin@survey.local",
                                        "password": password}), 303, "login")
    made = expect(page("POST", "/operator/tokens", data={"csrf": csrf("/operator/tokens"), "name": "schemathesis"}),
                  200, "API token")
    token = re.search(r"<code>([^<]+)</code>", made.text).group(1)

    api = requests.Session()
    api.headers["Authorization"] = f"Bearer {token}"

    def call(method, path, status, **kw):
        return expect(api.request(method, url + "/api/v1" + path, **kw), status, f"{method} {path}").json()

    org = call("POST", "/organisations", 201, json={"name": "Schemathesis client"})["id"]
    settings = {"name": "Alumni", "languages": ["ja", "en"], "k_threshold": 5, "comment_threshold": 10,
                "breakdowns": ["department"], "allow_fallback": False}
    roster = "email,language,department\n" + "".join(
        f"{dept.lower()}{i}@client.example,{'en' if i % 2 else 'ja'},{dept}\n"
        for dept in ("Sales", "Engineering", "Legal") for i in range(6))

    def survey(name):
        made = call("POST", "/surveys", 201, json={"organisation_id": org, "name": name,
                                                   "template": "alumni-network-opinion"})["id"]
        call("PUT", f"/surveys/{made}/settings", 200, json=dict(settings, name=name))
        call("PUT", f"/surveys/{made}/roster", 200, data=roster.encode(), headers={"Content-Type": "text/csv"})
        return made

    draft = survey("Draft for schemathesis")
    opened = survey("Open for schemathesis")
    # Dates by hand: fieldwork opened yesterday, so the scheduler opens it and sends the invitations now.
    today = datetime.datetime.now(datetime.timezone.utc).date()
    days = {"briefing": -3, "sign_off": -2, "fieldwork_open": -1, "fieldwork_close": 10, "analysis": 11,
            "report_delivery": 20, "debrief": 25, "programme_start": 30}
    steps = [{"milestone": m, "date": str(today + datetime.timedelta(days=d))} for m, d in days.items()]
    call("PUT", f"/surveys/{opened}/plan", 200, json={"steps": steps})
    call("POST", f"/surveys/{opened}/state", 200, json={"to": "scheduled"})
    wait_for("the survey to open", lambda: call("GET", f"/surveys/{opened}", 200)["state"] == "open")
    mails = wait_for("18 invitations", lambda: len(glob.glob(os.path.join(scratch, "data", "outbox", "*.eml"))) >= 18
                     and sorted(glob.glob(os.path.join(scratch, "data", "outbox", "*.eml"))))
    with open(mails[0], "rb") as f:
        body = email.message_from_binary_file(f, policy=email.policy.default).get_body().get_content()
    code = re.search(re.escape(url) + r"/i/([A-Za-z0-9_-]+)", body).group(1)

    command = [
        sys.executable, "-m", "schemathesis.cli", "--config-file", os.path.join(here, "schemathesis.toml"),
        "run", url + "/api/v1/openapi.json",
        "--checks", "all",
        "--max-examples", str(args.max_examples),
        "--seed", str(args.seed),
        "--workers", "1",
        "--request-timeout", "30",
        "--generation-database", "none",
        "--report", "junit", "--report-junit-path", os.path.join(out, "junit.xml"),
        "--no-color",
    ]
    with open(os.path.join(out, "command.txt"), "w") as f:
        f.write(shlex.join(command) + "\n")
    env = dict(os.environ, SCHEMATHESIS_HOOKS=os.path.join(here, "schemathesis_hooks.py"), SURVEY_API_TOKEN=token,
               SURVEY_ORGANISATION_ID=org, SURVEY_DRAFT_ID=draft, SURVEY_OPEN_ID=opened, SURVEY_INVITATION_CODE=code)
    started = time.time()
    # In OUT_DIR, where schemathesis also keeps its cache of failures to replay first.
    result = subprocess.run(command, env=env, cwd=out)
    print(f"schemathesis: exit status {result.returncode} after {time.time() - started:.0f}s")
    status = result.returncode
    # Whatever schemathesis checked, the server must not have logged an internal error or a panic.
    # (actix logs the requests it cannot parse at all — schemathesis sends some — as errors too.)
    logged = open(log_path, encoding="utf-8", errors="replace").read()
    for line in logged.splitlines():
        if re.search(r"\bERROR\b|panicked", line) and "request parse error" not in line:
            print(f"server log: {line}")
            status = status or 1
finally:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
sys.exit(status)
