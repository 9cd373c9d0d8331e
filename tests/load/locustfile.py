"""The load test of issue 8: 100 users on a document of 1,000 items and 100 ADRs.

Nine users in ten browse (dashboard, items with filters, an item, matrix, roadmap, ADRs, an ADR, and
the items API); one in ten is a lead who edits items through the API with a personal token. Everyone
thinks for 1 to 3 seconds between two actions. tests/load/run.sh starts the app and runs this file;
by hand:

    LOAD_TOKENS=tokens.txt LOAD_EDITS=edits.jsonl \
        locust -f tests/load/locustfile.py --headless -u 100 -r 20 -t 1m -H http://127.0.0.1:5000

Environment:
    LOAD_TOKENS  a file of lead tokens, one a line; leads take them in turn (no file: no leads)
    LOAD_EDITS   where every edit that got a 2xx answer is appended as one JSON line:
                 {"item", "field", "value", "version", "at", "lead"}; run.sh checks them afterwards
    LOAD_HOT     how many items (the first ones) half the edits go to, so that leads sometimes meet (20)

An edit reads the item (GET /api/items/{id}: the ETag and the item), changes one field to a value no
other edit uses (the owner, the effort or the first why-deferred entry) and sends the item's editable
fields back with PUT and If-Match. A 412 means someone else saved first (and a 409 that someone else's
save won while this one was being saved): that is the contract working, not a failure; the lead reads
again and retries once. These answers are reported under their own names ("... 412 (attempt 1)").
"""

import itertools
import json
import os
import random
import re
import threading
import time
import urllib.request

from locust import HttpUser, between, events, task

# Filled once at the start of the run from the pages themselves (the ids are the database's).
ITEM_IDS = []
ADR_NUMBERS = []

# The generator's owners and a few words its titles use (tests/PhaseTracker.Benchmarks/TrackingDocumentGenerator.cs).
OWNERS = ["Frontend Team", "Backend Team", "DevOps", "QA Team", "Mobile Team", "Platform Team", "Data Team", "Security"]
WORDS = ["checkout", "retries", "cache", "billing", "search", "migration", "sync", "gateway", "tests", "rate limiting"]
STATUSES = ["open", "complete", "Not Started", "In Review", "Partially Complete"]
SORTS = ["title", "-priority", "effort", "-effort", "owner", "status", "-number"]

# The item's fields that PUT /api/items/{id} takes (the API's own names).
EDITABLE = [
    "title", "file", "status", "whyDeferred", "done", "missing", "plan", "effortHours", "priority",
    "priorityLabel", "impact", "owner", "trackingIssue", "completedOn", "pullRequest", "changesToPlan",
]

_tokens = []
_token_turn = itertools.count()
_edit_numbers = itertools.count(1)
_edits_lock = threading.Lock()
_edits_file = None


def _collect(base, path, pattern, pages):
    """Every distinct number the links on these pages carry, in order."""
    seen = []
    for page in range(1, pages + 1):
        url = f"{base}{path}" + (f"?page={page}" if pages > 1 else "")
        with urllib.request.urlopen(url, timeout=30) as response:
            found = [int(n) for n in re.findall(pattern, response.read().decode("utf-8"))]
        new = [n for n in dict.fromkeys(found) if n not in seen]
        if not new:
            break
        seen.extend(new)
    return seen


@events.test_start.add_listener
def _on_test_start(environment, **_):
    global _edits_file
    base = environment.host.rstrip("/")
    ITEM_IDS[:] = _collect(base, "/items", r'href="/items/(\d+)"', pages=1000)
    ADR_NUMBERS[:] = _collect(base, "/adrs", r'href="/adrs/(\d+)"', pages=1)
    if not ITEM_IDS or not ADR_NUMBERS:
        raise RuntimeError(f"The pages link to {len(ITEM_IDS)} items and {len(ADR_NUMBERS)} ADRs: nothing to browse.")
    tokens_path = os.environ.get("LOAD_TOKENS")
    if tokens_path:
        with open(tokens_path, encoding="utf-8") as f:
            _tokens[:] = [line.strip() for line in f if line.strip()]
    edits_path = os.environ.get("LOAD_EDITS")
    if edits_path:
        _edits_file = open(edits_path, "a", encoding="utf-8")


@events.test_stop.add_listener
def _on_test_stop(**_):
    if _edits_file:
        _edits_file.flush()


def _record_edit(item_id, field, value, version, lead):
    if _edits_file is None:
        return
    line = json.dumps({"item": item_id, "field": field, "value": value, "version": version, "at": time.time(), "lead": lead})
    with _edits_lock:
        _edits_file.write(line + "\n")
        _edits_file.flush()


def _version(etag):
    """3 for the ETag "item-12-v3" (None when there is none), so that edits of one item sort in the order they were saved."""
    match = re.search(r"-v(\d+)\"?$", etag or "")
    return int(match.group(1)) if match else None


class Browser(HttpUser):
    """Reads: the pages a team member opens, and the API a script would call."""

    weight = 9
    wait_time = between(1, 3)

    @task(3)
    def dashboard(self):
        self.client.get("/", name="/")

    @task(6)
    def items(self):
        params = {}
        if random.random() < 0.3:
            params["status"] = random.choice(STATUSES)
        if random.random() < 0.3:
            params["priority"] = f"P{random.randint(0, 3)}"
        if random.random() < 0.3:
            params["owner"] = random.choice(OWNERS)
        if random.random() < 0.2:
            params["q"] = random.choice(WORDS)
        if random.random() < 0.3:
            params["sort"] = random.choice(SORTS)
        if not params or random.random() < 0.3:
            params["page"] = random.randint(1, max(1, len(ITEM_IDS) // 50))
        self.client.get("/items", params=params, name="/items?filters")

    @task(6)
    def item(self):
        self.client.get(f"/items/{random.choice(ITEM_IDS)}", name="/items/{id}")

    @task(2)
    def matrix(self):
        self.client.get("/matrix", name="/matrix")

    @task(2)
    def roadmap(self):
        self.client.get("/roadmap", name="/roadmap")

    @task(2)
    def adrs(self):
        self.client.get("/adrs", name="/adrs")

    @task(2)
    def adr(self):
        self.client.get(f"/adrs/{random.choice(ADR_NUMBERS)}", name="/adrs/{number}")

    @task(2)
    def api_items(self):
        size = random.choice([50, 100, 200])
        page = random.randint(1, max(1, len(ITEM_IDS) // size))
        self.client.get("/api/items", params={"pageSize": size, "page": page}, name="/api/items?pageSize")

    @task(3)
    def api_item(self):
        self.client.get(f"/api/items/{random.choice(ITEM_IDS)}", name="/api/items/{id}")


class Lead(HttpUser):
    """A lead editing items through the API with a personal token."""

    weight = 1
    wait_time = between(1, 3)

    def on_start(self):
        if not _tokens:
            raise RuntimeError("No lead tokens: set LOAD_TOKENS to a file of tokens, one a line.")
        self.number = next(_token_turn)
        self.headers = {"Authorization": f"Bearer {_tokens[self.number % len(_tokens)]}"}
        self.hot = ITEM_IDS[: int(os.environ.get("LOAD_HOT", "20"))]

    @task
    def edit(self):
        item_id = random.choice(self.hot if random.random() < 0.5 else ITEM_IDS)
        field = random.choice(["owner", "effortHours", "whyDeferred"])
        n = next(_edit_numbers)
        for attempt in (1, 2):
            outcome = self._try_edit(item_id, field, n, attempt)
            if outcome != 412:
                return

    def _try_edit(self, item_id, field, n, attempt):
        with self.client.get(f"/api/items/{item_id}", headers=self.headers, name="/api/items/{id}", catch_response=True) as read:
            if read.status_code != 200:
                read.failure(f"reading an item for an edit answered {read.status_code}")
                return read.status_code
            etag = read.headers.get("ETag")
            if not etag:
                read.failure("reading an item for an edit gave no ETag")
                return None
            item = read.json()
        body = {name: item.get(name) for name in EDITABLE}
        # A value no other edit of this run uses, so that the check after the run can tell them apart.
        if field == "owner":
            value = f"Load Lead {self.number} edit {n}"
        elif field == "effortHours":
            # The API takes 0 to 1,000 hours in half hours: 2,000 distinct values, more than a run's edits of the effort.
            value = ((n - 1) % 2000 + 1) / 2
        else:
            reason = f"Load test: lead {self.number}, edit {n}"
            value = [reason] + list(body.get("whyDeferred") or [])[1:]
        body[field] = value
        headers = dict(self.headers, **{"If-Match": etag})
        with self.client.put(f"/api/items/{item_id}", json=body, headers=headers, name="/api/items/{id}", catch_response=True) as saved:
            if saved.status_code in (409, 412):
                # Someone else saved first: expected under load; counted apart, never as a failure. 412: the
                # ETag was stale when the request came; 409: another save of the item won while this one was saved.
                saved.request_meta["name"] = f"/api/items/{{id}} {saved.status_code} (attempt {attempt})"
                saved.success()
                return 412
            if not 200 <= saved.status_code < 300:
                saved.failure(f"saving an item answered {saved.status_code}: {saved.text[:200]}")
                return saved.status_code
            _record_edit(item_id, field, value, _version(saved.headers.get("ETag")), self.number)
            return saved.status_code
