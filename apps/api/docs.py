"""The documentation page: Swagger UI, from the files Django Ninja ships (no CDN), started by
our own script so the page runs under the strict Content Security Policy."""

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from ninja.openapi.docs import DocsBase

DESCRIPTION = """
Everything you keep in Rebound, for your own scripts, shortcuts and tools. Every call acts as
you and sees only your data; every change follows the same rules as the pages.

## Quick start

1. In Rebound, open **Settings → API tokens** and make a token. Choose *read and write* to
   change things. Copy it: it is shown once.
2. In a terminal, set the address of your Rebound (shown at the top of this page) and the token:

   ```sh
   REBOUND=https://rebound.example.com
   TOKEN=rbt_...
   ```
3. Add an application, move it along, and log the rejection if it comes:

   ```sh
   curl -s -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \\
     -d '{"company_name": "Acme", "role_title": "Data analyst"}' $REBOUND/api/v1/applications
   # → {"id": 42, "status": "applied", ...}

   curl -s -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \\
     -d '{"status": "interviewing"}' $REBOUND/api/v1/applications/42/move

   curl -s -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \\
     -d '{"received_on": "2026-03-14", "feeling": 3}' $REBOUND/api/v1/applications/42/rejection
   # → the rejection, with the eight steps of its recovery plan
   ```
4. Read the plan, mark a step, check in, and see your week:

   ```sh
   curl -s -H "Authorization: Bearer $TOKEN" $REBOUND/api/v1/rejections/7
   curl -s -X PATCH -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \\
     -d '{"state": "done"}' $REBOUND/api/v1/rejections/steps/55
   curl -s -X PUT -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \\
     -d '{"mood": 4, "moved": true}' $REBOUND/api/v1/checkins/today
   curl -s -H "Authorization: Bearer $TOKEN" $REBOUND/api/v1/summary
   curl -s -H "Authorization: Bearer $TOKEN" $REBOUND/api/v1/export/applications.csv
   ```

## Good to know

- **Signing in.** Send `Authorization: Bearer <token>`. A read-only token may only read
  (`403` otherwise); a revoked or expired token gets `401`. Tokens work only here, never for
  the pages. Signed in through the browser, calls from Rebound's own pages (such as *Try it
  out* below) use your session and must send the `X-CSRFToken` header to change things.
- **Errors** are [problem details](https://www.rfc-editor.org/rfc/rfc9457)
  (`application/problem+json`): `detail` says what happened and what to do, and `errors`
  lists each field concerned. `400`: the request could not be read (not JSON, a wrong type,
  an unknown field). `422`: it was read, but breaks a rule; nothing was saved. `404`: nothing
  of yours has that id. `413`: the body is too large. `429`: too many requests for this
  token; wait the number of seconds in `Retry-After`.
- **Lists** come a page at a time (`page`, `page_size` up to 100) in a stable order, with
  `next` and `previous` links. Applications take the same search, filters and sorts as the
  table on the Applications page.
- **Dates** are `YYYY-MM-DD`, in your own timezone (Settings). Date-times carry an offset
  (`2026-03-14T14:30:00+01:00`) and must be sent with one.
"""


class ReboundSwagger(DocsBase):
    template = "api/docs.html"
    settings = {
        "layout": "BaseLayout",
        "deepLinking": True,
        "docExpansion": "list",
        # Swagger UI would otherwise fetch a badge from an outside validator service.
        "validatorUrl": None,
        "defaultModelsExpandDepth": 0,
    }

    def render_page(self, request: HttpRequest, api, **kwargs) -> HttpResponse:
        openapi_url = self.get_openapi_url(api, kwargs)
        context = {
            "swagger_settings": {**self.settings, "url": openapi_url},
            "api_root": request.build_absolute_uri(api.get_root_path({})),
            # "Try it out" uses the session of a signed-in person, which needs the token.
            "csrf_token_value": get_token(request) if request.user.is_authenticated else "",
        }
        return render(request, self.template, context)
