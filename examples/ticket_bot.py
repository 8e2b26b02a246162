#!/usr/bin/env python3
"""A ticket bot on the control socket: list the open tickets and acknowledge some of them.

The control socket is REQ/REP with one JSON object each way: {"cmd":"tickets",...},
{"cmd":"ticket","key":...}, {"cmd":"ack","key":...}, {"cmd":"resolve",...}.
A reply has "ok": true and the data, or "ok": false with "code" and "error". Acknowledging
needs CURVE: the server records the name the bot's key is listed under.

    python3 examples/ticket_bot.py --connect tcp://127.0.0.1:7603 --ack --key bot.key --server-key='SERVER-PUBLIC-KEY'
"""
import argparse, json
import zmq
from moodline_keys import add_key_options, use_keys

ap = argparse.ArgumentParser()
ap.add_argument("--connect", default="tcp://127.0.0.1:7603", help="Moodline's control endpoint (REP)")
ap.add_argument("--ack", action="store_true", help="acknowledge every open ticket")
add_key_options(ap)
args = ap.parse_args()

socket = zmq.Context.instance().socket(zmq.REQ)
use_keys(socket, args)
socket.setsockopt(zmq.RCVTIMEO, 10_000)
socket.setsockopt(zmq.LINGER, 0)
socket.connect(args.connect)


def call(**request):
    socket.send_string(json.dumps(request))
    reply = json.loads(socket.recv())
    if not reply.get("ok"):
        raise SystemExit(f"{request['cmd']}: {reply.get('code')}: {reply.get('error')}")
    return reply


for ticket in call(cmd="tickets", status="open")["tickets"]:
    detail = call(cmd="ticket", key=ticket["key"])
    said = " | ".join(t["text"] for t in detail.get("transcript", [])[-2:])
    print(f"{ticket['key']}  {'+'.join(ticket.get('kinds', [ticket['kind']]))}  tier {ticket['tier_name']}  {said}")
    if args.ack:
        acked = call(cmd="ack", key=ticket["key"])["ticket"]
        print(f"  acknowledged by {acked['acknowledged_by']}")
