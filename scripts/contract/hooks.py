"""Schemathesis auth for scripts/contract.sh: signs in the seeded reseller's and provider's
global admins and the program operator (user sessions) and a seeded work account plus its
partner-network account (applicant session), then sends the cookies and the CSRF token of the
session the route uses (the provider's for its Indirect resellers routes and answering a
partnership request, the operator's for
the review). Re-signs in on a 401 (for example after a
generated DELETE /session)."""

import os

import requests
import schemathesis

BASE = os.environ["CSP_BASE"]
APPLICANT_ROUTES = ("/work-account/session", "/partner-network/profiles", "/applications",
                    "/applications/{id}/answers", "/applications/{id}/verification-email",
                    "/customer-invitation/answer")
PROVIDER_ROUTES = ("/indirect-resellers", "/indirect-resellers/{id}", "/partnership-requests/{id}/invitation")


def _post(path, body, cookies=None, csrf=None):
    headers = {"X-CSRF-Token": csrf} if csrf else {}
    r = requests.post(BASE + path, json=body, cookies=cookies, headers=headers, timeout=10)
    r.raise_for_status()
    return r


@schemathesis.auth(refresh_interval=600)
class Sessions:
    def get(self, case, ctx):
        u = _post("/session", {"user_name": "admin@contoso.onmicrosoft.com", "password": "demo"})
        p = _post("/session", {"user_name": "admin@fabrikam.onmicrosoft.com", "password": "demo"})
        o = _post("/session", {"user_name": "reviewer@csp-operations.example", "password": "demo"})
        a = _post("/work-account/sign-in", {"user_name": "admin@contoso.fr", "password": "motdepasse"})
        applicant = a.cookies["csp_applicant"]
        _post("/partner-network/profiles", {"user_name": "pmc@contoso.fr", "password": "motdepasse"},
              cookies={"csp_applicant": applicant}, csrf=a.json()["csrf_token"])
        return {
            "user": (u.cookies["csp_session"], u.json()["csrf_token"]),
            "provider": (p.cookies["csp_session"], p.json()["csrf_token"]),
            "operator": (o.cookies["csp_session"], o.json()["csrf_token"]),
            "applicant": (applicant, a.json()["csrf_token"]),
        }

    def set(self, case, data, ctx):
        case.cookies = dict(case.cookies or {})
        if case.path.startswith("/review/"):
            user = data["operator"]
        else:
            user = data["provider" if case.path in PROVIDER_ROUTES else "user"]
        case.cookies["csp_session"] = user[0]
        case.cookies["csp_applicant"] = data["applicant"][0]
        case.headers = dict(case.headers or {})
        applicant = case.path in APPLICANT_ROUTES or case.path == "/applications/{id}"
        case.headers["X-CSRF-Token"] = data["applicant"][1] if applicant else user[1]
