#!/usr/bin/env python3
"""An agent's desktop: subscribe to one agent's alerts and show what each means and what to do.

Every alert carries `guidance` (`cue`, `next`, `lang`) in the conversation's language; the
topic is `agent/<id>` (ZeroMQ matches by prefix, so compare the topic frame exactly).

    python3 examples/agent_desktop.py --connect tcp://127.0.0.1:7602 --agent a-7
"""
import argparse, json
import zmq
from moodline_keys import add_key_options, use_keys

ap = argparse.ArgumentParser()
ap.add_argument("--connect", default="tcp://127.0.0.1:7602", help="Moodline's publish endpoint (PUB)")
ap.add_argument("--agent", default="a-7")
ap.add_argument("--count", type=int, default=0, help="stop after this many alerts (0: run until Ctrl-C)")
ap.add_argument("--timeout", type=float, default=0, help="stop after this many seconds without an alert (0: wait forever)")
add_key_options(ap)
args = ap.parse_args()

socket = zmq.Context.instance().socket(zmq.SUB)
use_keys(socket, args)
socket.connect(args.connect)
topic = f"agent/{args.agent}"
socket.setsockopt_string(zmq.SUBSCRIBE, topic)
if args.timeout:
    socket.setsockopt(zmq.RCVTIMEO, int(args.timeout * 1000))
print(f"listening for {topic}", flush=True)
shown = 0
while not args.count or shown < args.count:
    try:
        frame_topic, body = socket.recv_multipart()
    except zmq.Again:
        break
    if frame_topic.decode() != topic:
        continue  # agent/a-7 also receives agent/a-70
    message = json.loads(body)
    alert = message.get("alert", {})
    guidance = alert.get("guidance") or {}
    level = {"critical": "URGENT", "warning": "Warning", "info": "Note"}.get(alert.get("severity"), "")
    print(f"{level}: {guidance.get('cue', alert.get('kind'))}", flush=True)
    if guidance.get("next"):
        print(f"  -> {guidance['next']}", flush=True)
    shown += 1
