#!/usr/bin/env python3
"""How the demo centre looks to a supervisor: runs `./scripts/run` (serve --simulate, event
time in step with the clock) for a while on a fresh database, stops it with Ctrl-C as an
operator would, and counts from the database:

- conversations (ended), and per 100 conversations: critical incidents (tickets, one per
  conversation at most), conversations with a warning or worse, conversations with any alert;
- urgent alerts that joined an open incident instead of opening one;
- incidents opened in the busiest minute (what could reach the banner strip at once).

Usage (from the repository root):
    python3 bench/demo/demo_mix.py [--minutes 30] [-- extra serve arguments]
Targets (issue: a demo that looks like a real centre): critical incidents in 2-5 of 100
conversations, warnings in 10-20.
"""
import argparse, os, signal, sqlite3, subprocess, sys, tempfile, time

ap = argparse.ArgumentParser()
ap.add_argument("--minutes", type=float, default=30)
ap.add_argument("extra", nargs="*", help="more `moodline serve` arguments, after --")
args = ap.parse_args()

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
workdir = tempfile.mkdtemp(prefix="moodline-demo-")
db = os.path.join(workdir, "demo.db")
log = open(os.path.join(workdir, "serve.log"), "w")
cmd = [os.path.join(root, "scripts", "run"), "--database", db, "--console-port", "0", *args.extra]
print("running", " ".join(cmd[:1] + cmd[1:]), f"for {args.minutes:g} min; log in {workdir}", flush=True)
child = subprocess.Popen(cmd, cwd=root, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
started = None
deadline = time.time() + 600  # the first build may take minutes
while time.time() < deadline and child.poll() is None:
    if "Simulating" in open(os.path.join(workdir, "serve.log")).read():  # printed once the feed runs
        started = time.time()
        break
    time.sleep(1)
if started is None:
    child.kill()
    sys.exit(f"serve did not start; see {workdir}/serve.log")
try:
    while time.time() - started < args.minutes * 60 and child.poll() is None:
        time.sleep(5)
finally:
    if child.poll() is None:
        os.killpg(child.pid, signal.SIGINT)
        try:
            child.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
if child.returncode not in (0, -signal.SIGINT, 130):
    print(f"serve exited with {child.returncode}; see {workdir}/serve.log")

con = sqlite3.connect(db)
q = lambda sql: con.execute(sql).fetchall()
conversations = q("SELECT COUNT(*) FROM session_summaries WHERE session LIKE 'sim-%'")[0][0]
incidents = q("SELECT COUNT(*) FROM tickets")[0][0]
attached = q("SELECT COUNT(*) FROM ticket_alerts")[0][0]
warned = q("SELECT COUNT(DISTINCT session) FROM alerts WHERE severity IN ('warning', 'critical')")[0][0]
alerted = q("SELECT COUNT(DISTINCT session) FROM alerts")[0][0]
per_minute = q("SELECT CAST(created_at / 60 AS INTEGER) AS m, COUNT(*) FROM tickets GROUP BY m ORDER BY 2 DESC LIMIT 1")
busiest = per_minute[0][1] if per_minute else 0
kinds = q("SELECT kind, COUNT(*) FROM alerts WHERE severity != 'info' GROUP BY kind ORDER BY 2 DESC")
per100 = lambda n: 100.0 * n / conversations if conversations else float("nan")
print(f"{args.minutes:g} min of ./scripts/run: {conversations} conversations ended")
print(f"  critical incidents {incidents}: {per100(incidents):.1f} per 100 conversations (target 2-5)")
print(f"  conversations with a warning or worse {warned}: {per100(warned):.1f} per 100 (target 10-20)")
print(f"  conversations with any alert {alerted}: {per100(alerted):.1f} per 100")
print(f"  urgent alerts joined to an open incident: {attached}; most incidents opened in one minute: {busiest}")
print("  warning and critical alerts by kind: " + ", ".join(f"{k} {n}" for k, n in kinds))
