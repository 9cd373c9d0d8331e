#!/usr/bin/env python3
"""What tests/load/run.sh does with a Locust run's output (the standard library only).

    check.py report PREFIX              locust's --csv PREFIX files as a markdown table on stdout
    check.py failures PREFIX            exits 1 when any request failed or the scenario raised
    check.py lost-writes EDITS BASE TOKEN
                                        reads every edited item back through GET /api/items/{id} and
                                        exits 1 when an item does not hold its last saved value

The table gives, per page or endpoint, the requests, failures, requests per second and the 50th, 95th
and 99th percentiles, and says whether the budgets of issue 8 (p95 under 50 ms, p99 under 150 ms) were
met. Latency never fails the run: the machines are shared and noisy.
"""

import csv
import json
import sys
import urllib.error
import urllib.request

P95_BUDGET_MS = 50
P99_BUDGET_MS = 150


def read_rows(path):
    try:
        with open(path, newline="", encoding="utf-8") as f:
            return list(csv.DictReader(f))
    except FileNotFoundError:
        return []


def number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return float("nan")


def report(prefix):
    rows = read_rows(f"{prefix}_stats.csv")
    if not rows:
        print(f"No Locust statistics in {prefix}_stats.csv.", file=sys.stderr)
        return 1
    # Pages first, then the API, then the aggregate; each in name order.
    rows.sort(key=lambda r: (r["Name"] == "Aggregated", "/api/" in r["Name"], r["Name"], r["Type"]))
    print("| endpoint | requests | failures | requests/s | p50 ms | p95 ms | p99 ms | budgets (p95 < 50 ms, p99 < 150 ms) |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        name = r["Name"] if r["Name"] == "Aggregated" else f"{r['Type']} {r['Name']}"
        p50, p95, p99 = number(r["50%"]), number(r["95%"]), number(r["99%"])
        misses = []
        if not p95 < P95_BUDGET_MS:
            misses.append("p95")
        if not p99 < P99_BUDGET_MS:
            misses.append("p99")
        verdict = "met" if not misses else "MISSED: " + " and ".join(misses)
        if " 412 (" in r["Name"] or " 409 (" in r["Name"]:
            verdict = "stale saves (expected; not judged)"
        print(f"| {name} | {r['Request Count']} | {r['Failure Count']} | {number(r['Requests/s']):.1f} "
              f"| {p50:.0f} | {p95:.0f} | {p99:.0f} | {verdict} |")
    return 0


def failures(prefix):
    """Locust's failures (a 412 or 409 is not one: the scenario marks it a success) and the scenario's own exceptions."""
    status = 0
    stats = read_rows(f"{prefix}_stats.csv")
    total = next((r for r in stats if r["Name"] == "Aggregated"), None)
    if total is None or int(total["Request Count"]) == 0:
        print("No request was made.", file=sys.stderr)
        status = 1
    for r in read_rows(f"{prefix}_failures.csv"):
        print(f"FAILED {r['Occurrences']}x {r['Method']} {r['Name']}: {r['Error']}", file=sys.stderr)
        status = 1
    for r in read_rows(f"{prefix}_exceptions.csv"):
        print(f"RAISED {r['Count']}x {r['Message']}\n{r['Traceback']}", file=sys.stderr)
        status = 1
    return status


def lost_writes(edits_path, base, token):
    edits = []
    with open(edits_path, encoding="utf-8") as f:
        edits = [json.loads(line) for line in f if line.strip()]
    if not edits:
        print("No edit got a success answer: the edit part tested nothing.", file=sys.stderr)
        return 1
    # The last save of each item's field: by the row version the saved ETag gave, else by the time it came back.
    last = {}
    for e in sorted(edits, key=lambda e: (e["version"] if e["version"] is not None else 0, e["at"])):
        last[(e["item"], e["field"])] = e
    lost = 0
    items = {}
    for (item_id, field), e in sorted(last.items()):
        if item_id not in items:
            request = urllib.request.Request(f"{base}/api/items/{item_id}", headers={"Authorization": f"Bearer {token}"})
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    items[item_id] = json.load(response)
            except urllib.error.HTTPError as error:
                print(f"LOST item {item_id}: reading it back answered {error.code}", file=sys.stderr)
                lost += 1
                items[item_id] = None
                continue
        item = items[item_id]
        if item is None:
            continue
        stored = item.get(field)
        same = (number(stored) == number(e["value"])) if field == "effortHours" else stored == e["value"]
        if not same:
            print(f"LOST item {item_id} {field}: saved {e['value']!r} (version {e['version']}), the database has {stored!r}", file=sys.stderr)
            lost += 1
    print(f"{len(edits)} saved edits on {len(items)} items, {len(last)} last values checked, {lost} lost.", file=sys.stderr)
    return 1 if lost else 0


def main(argv):
    if len(argv) == 3 and argv[1] == "report":
        return report(argv[2])
    if len(argv) == 3 and argv[1] == "failures":
        return failures(argv[2])
    if len(argv) == 5 and argv[1] == "lost-writes":
        return lost_writes(argv[2], argv[3].rstrip("/"), argv[4])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
