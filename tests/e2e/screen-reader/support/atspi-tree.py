# Prints, as JSON, the AT-SPI tree of the Chromium page (the document frame and below): roles, names,
# states, object attributes (heading level, live-region politeness, xml-roles, language), and the text
# of small nodes. Run with /usr/bin/python3 (Debian's, which has pyatspi) on the test's display/bus.
import json
import sys

import pyatspi

MAX_NODES = 6000


def attributes(node):
    try:
        pairs = node.getAttributes() or []
    except Exception:
        return {}
    out = {}
    for pair in pairs:
        key, _, value = pair.partition(":")
        out[key] = value
    return out


def text_of(node):
    try:
        text = node.queryText()
    except NotImplementedError:
        return None
    except Exception:
        return None
    count = text.characterCount
    if count == 0:
        return None
    return text.getText(0, min(count, 200)).replace("\ufffc", "")


count = 0


def walk(node, depth=0):
    global count
    count += 1
    states = [pyatspi.stateToString(s) for s in node.getState().getStates()]
    out = {
        "role": node.getRoleName(),
        "name": node.name or "",
        "states": states,
        "attributes": attributes(node),
        "children": [],
    }
    if node.description:
        out["description"] = node.description
    text = text_of(node)
    if text:
        out["text"] = text
    if count < MAX_NODES and depth < 80:
        children = node.childCount
        # The transcript holds every sentence of the interview: its first chapters show its shape,
        # and skipping the rest keeps the walk to about a second.
        if node.getRole() == pyatspi.ROLE_ARTICLE:
            children = min(children, 4)
        for i in range(children):
            child = node.getChildAtIndex(i)
            if child is not None:
                out["children"].append(walk(child, depth + 1))
    return out


def find_document(node, depth=0):
    if node.getRole() == pyatspi.ROLE_DOCUMENT_WEB:
        return node
    if depth > 12:
        return None
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is None:
            continue
        found = find_document(child, depth + 1)
        if found:
            return found
    return None


desktop = pyatspi.Registry.getDesktop(0)
for app in desktop:
    if app is None or "chrom" not in (app.name or "").lower():
        continue
    document = find_document(app)
    if document:
        print(json.dumps(walk(document), ensure_ascii=False))
        sys.exit(0)
print("no Chromium document on the accessibility bus", file=sys.stderr)
sys.exit(1)
