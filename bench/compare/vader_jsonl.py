#!/usr/bin/env python3
"""VADER as a JSON Lines scorer, end to end, for `moodline-bench jsonl`: reads
{"id":…,"text":…} lines from a file, writes {"id":…,"valence":…} lines to stdout, and prints
the rate to stderr as JSON ({"lines": N, "seconds": S, "lines_per_s": R}).

    python3 bench/compare/vader_jsonl.py FILE.jsonl > /dev/null
"""
import json
import sys
import time


def main():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    analyzer = SentimentIntensityAnalyzer()
    out = sys.stdout
    start = time.perf_counter()
    n = 0
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            obj = json.loads(line)
            score = analyzer.polarity_scores(obj["text"])["compound"]
            out.write(json.dumps({"id": obj.get("id"), "valence": round(score, 4)}) + "\n")
            n += 1
    seconds = time.perf_counter() - start
    print(json.dumps({"lines": n, "seconds": round(seconds, 3), "lines_per_s": n / seconds}), file=sys.stderr)


if __name__ == "__main__":
    main()
