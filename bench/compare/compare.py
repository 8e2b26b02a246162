#!/usr/bin/env python3
"""Times the open-source reference scorers on Moodline's benchmark corpus.

VADER  (vaderSentiment): SentimentIntensityAnalyzer().polarity_scores(line) on en.txt
SnowNLP (snownlp):       SnowNLP(line).sentiments on zh.txt

Each is warmed up, then looped over its lines for at least --seconds. Progress goes to
stderr; the last stdout line is JSON:
  {"vader": {"fragments_per_s": ..., "lines": ..., "calls": ..., "seconds": ...} | {"error": ...},
   "snownlp": {...}, "python": "3.x"}
`moodline-bench core` runs this script and prints the ratios.
"""
import argparse
import json
import platform
import sys
import time


def load(path, limit):
    out = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            out.append(line)
            if limit and len(out) >= limit:
                break
    return out


def timed(fn, lines, seconds):
    for line in lines[: min(len(lines), 20)]:  # warm-up (SnowNLP loads its model on first use)
        fn(line)
    calls = 0
    sink = 0.0
    start = time.perf_counter()
    best = float("inf")
    chunk = 20  # lines per timing chunk, for the best-chunk rate (closest to uncontended speed)
    while True:
        for i in range(0, len(lines), chunk):
            t0 = time.perf_counter()
            part = lines[i:i + chunk]
            for line in part:
                sink += fn(line)
            best = min(best, (time.perf_counter() - t0) / len(part))
        calls += len(lines)
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            break
    return {"fragments_per_s": calls / elapsed, "best_fragments_per_s": 1 / best, "lines": len(lines),
            "calls": calls, "seconds": round(elapsed, 3), "checksum": round(sink, 3)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--en", required=True)
    ap.add_argument("--zh", required=True)
    ap.add_argument("--seconds", type=float, default=2.0)
    ap.add_argument("--lines", type=int, default=0)
    args = ap.parse_args()
    result = {"python": platform.python_version()}

    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        analyzer = SentimentIntensityAnalyzer()
        lines = load(args.en, args.lines)
        print(f"compare.py: VADER on {len(lines)} lines ...", file=sys.stderr)
        result["vader"] = timed(lambda t: analyzer.polarity_scores(t)["compound"], lines, args.seconds)
    except ImportError as e:
        result["vader"] = {"error": f"vaderSentiment not installed ({e}); pip install vaderSentiment"}
    except Exception as e:  # noqa: BLE001
        result["vader"] = {"error": f"VADER failed: {e!r}"}

    try:
        from snownlp import SnowNLP
        lines = load(args.zh, args.lines)
        print(f"compare.py: SnowNLP on {len(lines)} lines ...", file=sys.stderr)
        result["snownlp"] = timed(lambda t: SnowNLP(t).sentiments, lines, args.seconds)
    except ImportError as e:
        result["snownlp"] = {"error": f"snownlp not installed ({e}); pip install snownlp"}
    except Exception as e:  # noqa: BLE001
        result["snownlp"] = {"error": f"SnowNLP failed: {e!r}"}

    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
