#!/usr/bin/env python3
"""Writes Tests/MoodlineCoreTests/Fixtures/statements/calm-control-lines.tsv: every customer line
of the calm control conversations (expecting no alert, forbidding every kind) of the folded
conversation sets in Tests/MoodlineReplayTests/Conversations. Such a line states none of the five
categories, so it is a `-` row: the suites hold it quiet, and the learned layer learns from it what
ordinary talk on a service line sounds like ("could I book myself in for a flu jab?").

    python3 scripts/calm-control-lines.py
"""
import json
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
sets = root / "Tests" / "MoodlineReplayTests" / "Conversations"
out = root / "Tests" / "MoodlineCoreTests" / "Fixtures" / "statements" / "calm-control-lines.tsv"

rows = []
for folder in sorted(p for p in sets.iterdir() if (p / "expectations.jsonl").is_file()):
    for line in (folder / "expectations.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        e = json.loads(line)
        if e["expect"] or len(e["forbid"]) < 10:
            continue
        lang = "en" if e.get("lang") == "en" else "zh-Hant" if e.get("lang") == "zh-Hant" else "zh"
        for fragment in (folder / "sessions" / f"{e['session']}.jsonl").read_text(encoding="utf-8").splitlines():
            f = json.loads(fragment)
            if f.get("type") != "fragment" or f.get("speaker") != "customer" or not f.get("final", True):
                continue
            text = " ".join(f["text"].split())
            if text:
                rows.append((f"calm-{folder.name}-{e['session']}-{f['seq']:03d}", lang, "-", text))

with out.open("w", encoding="utf-8") as w:
    w.write("id\tlang\texpected\ttext\n")
    for row in rows:
        w.write("\t".join(row) + "\n")
print(f"{out.name}: {len(rows)} lines")
