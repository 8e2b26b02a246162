#!/usr/bin/env python3
"""Regenerates Sources/MoodlineServer/Simulation/Generated/ConversationLibrary+Embedded.swift from the
scenario development set (../shared/scenarios/sessions/*.jsonl by default).

`moodline simulate` and `moodline serve --simulate` replay these scripts with fresh ids,
jittered prosody and varied pace, so the binary must carry them: the repository builds
without the scenario directory. The scenario set's README grants the project the right to
use, change and ship its files; the generated header says so.

Usage: scripts/embed-conversations.py [SESSIONS_DIR]
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
default_sessions = root.parent / "shared" / "scenarios" / "sessions"
sessions = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else default_sessions
out = root / "Sources" / "MoodlineServer" / "Simulation" / "Generated" / "ConversationLibrary+Embedded.swift"

# Tones by the alerts the scenario expects: critical kinds (at their default severities) make a
# conversation urgent, any other expected alert frustrated; nothing expected is calm.
URGENT = {"self_harm", "abuse", "escalation_threat"}


def tones(sessions_dir):
    path = sessions_dir.parent / "expectations.jsonl"
    if not path.exists():
        sys.exit(f"{path} is missing: the tones of the conversations come from it")
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        e = json.loads(line)
        kinds = {x["kind"] for x in e.get("expect", [])}
        # Calm means nothing expected at all: a customer down enough for an info alert is
        # close enough to a warning that a jittered voice tips it over.
        out[e["session"]] = "urgent" if kinds & URGENT else ("frustrated" if kinds else "calm")
    return out


PROSODY_KEYS = ["pitch_hz", "pitch_sd_hz", "energy_db", "rate_sps", "overlap_s", "pause_before_s"]


def swift_string(text):
    """A Swift string literal: escape what Swift requires, keep every other character as is."""
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    return f'"{escaped}"'


def swift_number(value):
    """Shortest round-tripping decimal, always with a fraction so Swift types it as Double."""
    text = repr(float(value))
    return text if ("." in text or "e" in text) else text + ".0"


def swift_gap(seconds):
    # Two decimals are all the recordings carry; rounding removes float noise from the subtraction.
    return swift_number(round(seconds, 3))


def load(path):
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not lines or lines[0].get("type") != "session_start" or lines[-1].get("type") != "session_end":
        sys.exit(f"{path.name}: expected session_start first and session_end last")
    start, fragments, end = lines[0], lines[1:-1], lines[-1]
    if any(f.get("type", "fragment") != "fragment" for f in fragments):
        sys.exit(f"{path.name}: only fragments may come between start and end")
    return start, fragments, end


def turn_literal(fragment, previous_ts):
    speaker = {"customer": ".customer", "agent": ".agent"}[fragment["speaker"]]
    args = [speaker, swift_gap(fragment["ts"] - previous_ts), swift_string(fragment["text"])]
    final = fragment.get("final", True)
    prosody = fragment.get("prosody")
    if not final or prosody is not None:
        args.append("true" if final else "false")
    if prosody is not None:
        values = [swift_number(prosody[k]) if prosody.get(k) is not None else "nil" for k in PROSODY_KEYS]
        args.append(f"p({', '.join(values)})")
    return f"t({', '.join(args)})"


def conversation_literal(path, tone):
    start, fragments, end = load(path)
    name = path.stem
    lang = start.get("lang")
    lang_literal = swift_string(lang) if lang else "nil"
    channel = start.get("channel", "chat")
    turns = []
    previous = start["ts"]
    for fragment in fragments:
        turns.append("            " + turn_literal(fragment, previous) + ",")
        previous = fragment["ts"]
    identifier = name.replace("-", "")
    return identifier, "\n".join([
        f"    static let {identifier} = ScriptedConversation(",
        f"        name: {swift_string(name)}, lang: {lang_literal}, channel: .{channel}, tone: .{tone}, endGap: {swift_gap(end['ts'] - previous)},",
        "        turns: [",
        *turns,
        "        ]",
        "    )",
    ])


def main():
    paths = sorted(sessions.glob("*.jsonl"))
    if not paths:
        sys.exit(f"no *.jsonl files in {sessions}")
    names, bodies = [], []
    tone_of = tones(sessions)
    for path in paths:
        if path.stem not in tone_of:
            sys.exit(f"{path.stem} has no line in expectations.jsonl")
        identifier, body = conversation_literal(path, tone_of[path.stem])
        names.append(identifier)
        bodies.append(body)
    parts = [
        "// Generated by scripts/embed-conversations.py from the scenario development set",
        "// (shared/scenarios/sessions/*.jsonl). Do not edit: change the scenarios and rerun it.",
        "//",
        "// Provenance and licence: every conversation here was written from scratch for Moodline;",
        "// none comes from real customers or an outside corpus, and the names and numbers are made",
        "// up. The scenario set's README lets the project use, change and ship these files without",
        "// restriction, which is what embedding them in the binary does.",
        "//",
        "// A conversation's tone (calm, frustrated, urgent) follows the alerts its scenario expects.",
        "//",
        "// Each turn keeps the recording's speaker, text, final flag and raw prosody; its gap is the",
        "// seconds since the previous turn (the first turn's since the session start).",
        "",
        "import MoodlineCore",
        "import MoodlineEngine",
        "",
        "private func t(_ speaker: Speaker, _ gap: Double, _ text: String, _ isFinal: Bool = true, _ prosody: ProsodyReading? = nil) -> ScriptedTurn {",
        "    ScriptedTurn(speaker: speaker, gap: gap, text: text, isFinal: isFinal, prosody: prosody)",
        "}",
        "",
        "private func p(_ pitch: Double?, _ pitchSD: Double?, _ energy: Double?, _ rate: Double?, _ overlap: Double?, _ pause: Double?) -> ProsodyReading {",
        "    ProsodyReading(pitchHz: pitch, pitchSDHz: pitchSD, energyDB: energy, rateSPS: rate, overlapS: overlap, pauseBeforeS: pause)",
        "}",
        "",
        "extension ConversationLibrary {",
        f"    /// The {len(names)} conversations of the scenario development set, in file order.",
        "    public static let embedded: ConversationLibrary = ConversationLibrary(conversations: [",
        *[f"        {n}," for n in names],
        "    ])",
        "",
        *[b + "\n" for b in bodies],
        "}",
        "",
    ]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(parts), encoding="utf-8")
    print(f"wrote {out.relative_to(root)}: {len(names)} conversations")


main()
