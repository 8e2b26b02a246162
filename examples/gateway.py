#!/usr/bin/env python3
"""A gateway in twenty lines: push one chat conversation to Moodline's ingest socket.

A real gateway sits behind a speech recogniser or a chat platform and sends each turn as it
is said, with the conversation's own time. Wire schema v1: one JSON object per message.

    python3 examples/gateway.py --connect tcp://127.0.0.1:7601 --session demo-1 --agent a-7
"""
import argparse, json, time
import zmq
from moodline_keys import add_key_options, use_keys

ap = argparse.ArgumentParser()
ap.add_argument("--connect", default="tcp://127.0.0.1:7601", help="Moodline's ingest endpoint (PULL)")
ap.add_argument("--session", default="demo-1")
ap.add_argument("--agent", default="a-7")
ap.add_argument("--team", default="t-1")
ap.add_argument("--lang", default="en", help="BCP 47: en, zh-Hans, zh-TW, zh-HK, ...")
ap.add_argument("--gap", type=float, default=0.2, help="seconds between turns")
add_key_options(ap)
args = ap.parse_args()

turns = [
    ("customer", "Hi, my internet has been down since Monday."),
    ("agent", "I'm sorry to hear that. Let me check the line for you."),
    ("customer", "This is the third time I've called about it and nobody has fixed it."),
    ("agent", "I understand. I can see the earlier reports on your account."),
    ("customer", "If it isn't fixed by Friday I'm going to the ombudsman."),
]

socket = zmq.Context.instance().socket(zmq.PUSH)
use_keys(socket, args)
socket.connect(args.connect)
head = {"session": args.session, "agent": args.agent, "team": args.team, "channel": "chat", "lang": args.lang}
now = time.time()
socket.send_string(json.dumps({"type": "session_start", "seq": 0, "ts": now, **head}))
for seq, (speaker, text) in enumerate(turns, start=1):
    time.sleep(args.gap)
    socket.send_string(json.dumps({"type": "fragment", "seq": seq, "ts": time.time(), "speaker": speaker,
                                   "text": text, "final": True, **head}))
socket.send_string(json.dumps({"type": "session_end", "session": args.session, "seq": len(turns) + 1, "ts": time.time()}))
socket.close(linger=2000)  # let ZeroMQ deliver what is queued before the process ends
print(f"sent {len(turns)} turns of {args.session}")
