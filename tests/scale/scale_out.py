"""Two csp-server instances on one PostgreSQL behind HAProxy (started by scripts/scale-out.sh):
what a deployer relies on, checked over loopback HTTP with the standard library only.

- a session made on one instance works on the other, with its CSRF token, and sign-out on one
  ends it on both;
- failed sign-ins spread over both instances lock the account at the same count as one;
- with writes going on through the load balancer, one instance killed with SIGKILL: the other
  keeps answering, every write acknowledged with 2xx is there afterwards, and the restarted
  instance sees it all.

Prints one line per check and exits non-zero on the first that fails.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

ADMIN = "admin@contoso.onmicrosoft.com"


def call(port, method, path, body=None, who=None, headers=None):
    """One request to 127.0.0.1:port; (status, JSON body or None, response headers)."""
    h = {"Host": f"127.0.0.1:{port}", "Origin": f"http://127.0.0.1:{port}"}
    if body is not None:
        h["Content-Type"] = "application/json"
    if who:
        h["Cookie"] = who["cookie"]
        if method != "GET":
            h["X-CSRF-Token"] = who["csrf"]
    h.update(headers or {})
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api{path}", data=data, headers=h, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            raw, status, hdrs = r.read(), r.status, r.headers
    except urllib.error.HTTPError as e:
        raw, status, hdrs = e.read(), e.code, e.headers
    try:
        parsed = json.loads(raw) if raw else None
    except ValueError:
        parsed = None
    return status, parsed, hdrs


def all_ids(port, path, who):
    """Every row's ID of a paged list (`limit` + `next_cursor`); (status, set of IDs)."""
    ids, cursor = set(), None
    while True:
        status, page, _ = call(port, "GET", path + "?limit=200" + (f"&cursor={cursor}" if cursor else ""), who=who)
        if status != 200:
            return status, ids
        ids |= {u["id"] for u in page["items"]}
        cursor = page.get("next_cursor")
        if not cursor:
            return status, ids


def sign_in(port, user, password="demo"):
    status, body, hdrs = call(port, "POST", "/session", {"user_name": user, "password": password})
    if status != 200:
        return status, None
    cookie = next(c.split(";")[0] for c in hdrs.get_all("Set-Cookie") if c.startswith("csp_session="))
    return status, {"cookie": cookie, "csrf": body["csrf_token"]}


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + (f": {detail}" if detail and not ok else ""))
    if not ok:
        sys.exit(1)


def applicant(port):
    """An applicant's session through the load balancer: the demo work account and its
    partner-network sign-in, as the enrollment makes them."""
    body = {"user_name": "admin@contoso.fr", "password": "motdepasse"}
    status, got, hdrs = call(port, "POST", "/work-account/sign-in", body)
    if status != 200:
        return None
    cookie = next(c.split(";")[0] for c in hdrs.get_all("Set-Cookie") if c.startswith("csp_applicant="))
    who = {"cookie": cookie, "csrf": got["csrf_token"]}
    status, _, _ = call(port, "POST", "/partner-network/profiles", {"user_name": "pmc@contoso.fr", "password": "motdepasse"}, who=who)
    return who if status == 200 else None


FRENCH_DRAFT = {
    "partner_type": "indirect-reseller", "already_enrolled": False,
    "tenant": {"domain": "contoso.fr", "country": "FR", "organization": "Contoso France"},
    "profile": {"mpn_id": "4410001", "name": "Contoso France", "kind": "location", "status": "active", "country": "FR"},
    "legal": {"legal_name": "Contoso SARL", "address": {"line1": "12 rue de la Paix", "line2": "", "city": "Paris", "state": "", "postal_code": "75002", "country": "FR"}, "registration_id": ""},
    "contact": {"first_name": "Élodie", "last_name": "Martin", "email": "elodie.martin@contoso.fr", "phone": "+33 1 23 45 67 89"},
    "support": {"email": "support@contoso.fr", "phone": "+33 1 98 76 54 32", "website": "contoso.fr"},
    "bank": {"country": "FR", "account_holder": "Contoso SARL", "iban": "FR76 3000 6000 0112 3456 7890 189", "bic": "BNPAFRPP"},
}


def emails_sent_once(o):
    """Applications submitted through the load balancer: each verification email reaches the
    mail sink exactly once, though both instances' workers share the outbox."""
    who = applicant(o.lb)
    check("an applicant session through the load balancer", who is not None)

    def submit(n):
        status, app, _ = call(o.lb, "POST", "/applications", {"idempotency_key": f"scale-{n}", "draft": FRENCH_DRAFT, "language": "fr"}, who=who)
        return app["reference"] if status == 201 else None

    with ThreadPoolExecutor(max_workers=6) as pool:
        refs = [r for r in pool.map(submit, range(12)) if r]
    check("applications submitted through the load balancer", len(refs) == 12, len(refs))
    got = []
    for _ in range(200):
        got = [json.load(open(os.path.join(o.mail_dir, f))) for f in sorted(os.listdir(o.mail_dir)) if f.endswith(".json")]
        if len(got) >= len(refs):
            break
        time.sleep(0.1)
    time.sleep(2)  # anything sent twice would arrive by now
    got = [json.load(open(os.path.join(o.mail_dir, f))) for f in sorted(os.listdir(o.mail_dir)) if f.endswith(".json")]
    per_ref = {r: sum(r in m["subject"] for m in got) for r in refs}
    check("each verification email arrives once from two instances' workers", all(n == 1 for n in per_ref.values()) and len(got) == len(refs), per_ref)


def new_user(n):
    return {"name": f"Scale {n}", "email": f"scale.{n}@contoso.com", "agent_role": None, "admin_role": None}


def main():
    ap = argparse.ArgumentParser()
    for a in ("--lb", "--a", "--b", "--pid-a"):
        ap.add_argument(a, type=int, required=True)
    ap.add_argument("--a-args", required=True)
    ap.add_argument("--a-log", required=True)
    ap.add_argument("--a-pidfile", required=True)
    ap.add_argument("--mail-dir", required=True)
    o = ap.parse_args()

    emails_sent_once(o)

    # A session and its CSRF token, made on a, work on b; sign-out on b ends it on a.
    status, who = sign_in(o.a, ADMIN)
    check("sign in on instance a", status == 200, status)
    status, me, _ = call(o.b, "GET", "/session", who=who)
    check("the session made on a is found on b", status == 200 and me["user"]["email"] == ADMIN, status)
    status, locked, _ = call(o.b, "POST", "/users", new_user("session"), who=who)
    check("a change on b with a's CSRF token", status == 201, status)
    status, _, _ = call(o.b, "DELETE", "/session", who=who)
    check("sign-out on b", status == 204, status)
    status, _, _ = call(o.a, "GET", "/session", who=who)
    check("the session is over on a too", status == 401, status)

    # Failed sign-ins for the user just added alternate between the instances; the account
    # locks at the one limit (5), and its right password is refused while it is locked.
    name, password = locked["sign_in_name"], locked["temporary_password"]
    wrong = [sign_in(o.a if i % 2 == 0 else o.b, name, "wrong")[0] for i in range(7)]
    check("failed sign-ins over both instances lock the account at 5", wrong == [401] * 5 + [429] * 2, wrong)
    status, _ = sign_in(o.b, name, password)
    check("the right password is refused too while locked", status == 429, status)

    # Writes through the load balancer while instance a is killed with SIGKILL.
    status, who = sign_in(o.lb, ADMIN)
    check("sign in through the load balancer", status == 200, status)
    acknowledged, killed = [], False

    def add(n):
        try:
            status, body, _ = call(o.lb, "POST", "/users", new_user(n), who=who)
        except OSError:
            return None
        return body["user"]["id"] if status == 201 else None

    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(add, n) for n in range(120)]
        for i, f in enumerate(futures):
            if i == 30 and not killed:
                os.kill(o.pid_a, signal.SIGKILL)
                killed = True
            user = f.result()
            if user:
                acknowledged.append(user)
    check("writes went on with one instance killed", len(acknowledged) >= 60, len(acknowledged))
    status, ids = all_ids(o.lb, "/users", who)
    missing = [u for u in acknowledged if u not in ids]
    check(f"every acknowledged write is there ({len(acknowledged)})", status == 200 and not missing, missing[:3])

    # Instance a again, from the same command line: it sees everything.
    argv = open(o.a_args).read().splitlines()
    log = open(o.a_log, "a")
    proc = subprocess.Popen(argv, stdout=log, stderr=log)
    open(o.a_pidfile, "w").write(str(proc.pid))
    for _ in range(300):
        try:
            if urllib.request.urlopen(f"http://127.0.0.1:{o.a}/readyz", timeout=1).status == 200:
                break
        except OSError:
            time.sleep(0.1)
    status, ids = all_ids(o.a, "/users", who)
    check("the restarted instance sees every acknowledged write", status == 200 and all(u in ids for u in acknowledged), status)
    # HAProxy sends to it again once its health check passes.
    time.sleep(2)
    seen = set()
    for _ in range(6):
        status, me, hdrs = call(o.lb, "GET", "/session", who=who)
        seen.add(status)
    check("the load balancer answers with both instances back", seen == {200}, seen)


if __name__ == "__main__":
    main()
