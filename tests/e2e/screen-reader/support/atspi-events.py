# Counts, as JSON, the accessibility events Chromium sends on the AT-SPI bus for a number of seconds
# (argv[1]): every event a screen reader listens to, by type and by the role of its source. Each one
# is work for Orca, which handles events one at a time: a page that sends many while it plays makes
# Orca late for the user's keys. Run with /usr/bin/python3 on the test's display/bus.
import json
import sys
import threading
import time

import pyatspi
from gi.repository import GLib

SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
counts = {}
total = 0


def on_event(event):
    global total
    try:
        app = event.host_application
        if app is None or "chrom" not in (app.name or "").lower():
            return
        role = event.source.getRoleName() if event.source else "?"
    except Exception:
        role = "?"
    kind = event.type
    if kind.startswith("object:children-changed") or kind.startswith("object:text-changed"):
        kind = ":".join(kind.split(":")[:3])
    key = f"{kind} ({role})"
    counts[key] = counts.get(key, 0) + 1
    total += 1


EVENTS = [
    "object:children-changed",
    "object:text-changed",
    "object:text-attributes-changed",
    "object:text-caret-moved",
    "object:text-selection-changed",
    "object:state-changed",
    "object:property-change",
    "object:attributes-changed",
    "object:bounds-changed",
    "object:visible-data-changed",
    "object:active-descendant-changed",
    "object:selection-changed",
    "object:announcement",
    "document:attributes-changed",
    "document:load-complete",
    "document:reload",
]

for name in EVENTS:
    pyatspi.Registry.registerEventListener(on_event, name)

loop = GLib.MainLoop()
started = time.time()
GLib.timeout_add(int(SECONDS * 1000), loop.quit)
loop.run()
elapsed = time.time() - started
print(json.dumps({"seconds": elapsed, "total": total, "perSecond": total / elapsed, "byKind": dict(sorted(counts.items(), key=lambda kv: -kv[1]))}))
