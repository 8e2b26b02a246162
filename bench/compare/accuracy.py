#!/usr/bin/env python3
"""The labelled set (Tests/MoodlineCoreTests/Fixtures/labelled.tsv) through the reference scorers.

English lines -> VADER compound, band: > 0.05 pos, < -0.05 neg, else neu (VADER's own band,
                 the one Moodline uses on its valence).
Chinese lines (zh-Hans, zh-Hant) and mixed lines -> SnowNLP sentiments (probability of
                 positive), band: > 0.6 pos, < 0.4 neg, else neu.
Mixed lines are also shown through VADER, for what it is worth (it sees only the English words).

Prints polarity accuracy overall and per language/script, the confusion matrix, and (with
--list) every line each reference gets wrong. Neither reference has categories, so only
polarity is compared. Moodline's figures come from `swift test --filter AccuracyTests`.

    python3 bench/compare/accuracy.py [--list] [--json]
"""
import argparse
import json
import os
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "Tests", "MoodlineCoreTests", "Fixtures", "labelled.tsv")
SNOW_POS, SNOW_NEG = 0.6, 0.4


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if fields[0] == "text":
                continue
            rows.append({"line": n, "text": fields[0], "lang": fields[1], "polarity": fields[2],
                         "tags": fields[3], "note": fields[4] if len(fields) > 4 else ""})
    return rows


def vader_band(x):
    return "pos" if x > 0.05 else "neg" if x < -0.05 else "neu"


def snow_band(x):
    return "pos" if x > SNOW_POS else "neg" if x < SNOW_NEG else "neu"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default=DEFAULT)
    ap.add_argument("--list", action="store_true", help="list the lines each reference gets wrong")
    ap.add_argument("--json", action="store_true", help="print a JSON summary as the last line")
    args = ap.parse_args()
    rows = load(args.path)

    vader = snow = None
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
        vader = SentimentIntensityAnalyzer()
    except ImportError:
        print("vaderSentiment is not installed (pip install vaderSentiment): no English reference")
    try:
        from snownlp import SnowNLP
        snow = SnowNLP
    except ImportError:
        print("snownlp is not installed (pip install snownlp): no Chinese reference")

    results = []  # (row, system, score, predicted)
    for r in rows:
        if r["lang"] in ("en", "mixed") and vader:
            s = vader.polarity_scores(r["text"])["compound"]
            results.append((r, "VADER", s, vader_band(s)))
        if r["lang"] in ("zh-Hans", "zh-Hant", "mixed") and snow:
            s = snow(r["text"]).sentiments
            results.append((r, "SnowNLP", s, snow_band(s)))

    summary = {}
    print(f"labelled set: {len(rows)} lines ({dict(Counter(r['lang'] for r in rows))})")
    print(f"bands: VADER compound > 0.05 pos, < -0.05 neg; SnowNLP > {SNOW_POS} pos, < {SNOW_NEG} neg; else neu")
    for system, langs in (("VADER", ("en", "mixed")), ("SnowNLP", ("zh-Hans", "zh-Hant", "mixed"))):
        mine = [x for x in results if x[1] == system]
        if not mine:
            continue
        print(f"\n{system}")
        per = defaultdict(lambda: [0, 0])
        for r, _, _, p in mine:
            per[r["lang"]][1] += 1
            per[r["lang"]][0] += p == r["polarity"]
        main_langs = [l for l in langs if l != "mixed"]
        ok = sum(per[l][0] for l in main_langs)
        n = sum(per[l][1] for l in main_langs)
        label = "+".join(main_langs)
        print(f"  polarity accuracy {label}: {ok}/{n} = {100 * ok / max(n, 1):.1f}%")
        summary[system] = {"languages": label, "accuracy": ok / max(n, 1), "n": n, "per_language": {}}
        for l in langs:
            if per[l][1]:
                print(f"    {l:8s} n={per[l][1]:<4d} {100 * per[l][0] / per[l][1]:5.1f}%")
                summary[system]["per_language"][l] = per[l][0] / per[l][1]
        conf = Counter((r["polarity"], p) for r, _, _, p in mine if r["lang"] in main_langs)
        print("    confusion (expected -> predicted): " + "  ".join(
            f"{w}: " + " ".join(f"{g}={conf[(w, g)]}" for g in ("pos", "neu", "neg")) for w in ("pos", "neu", "neg")))
        traps = [x for x in mine if x[0]["note"].startswith("trap") and x[0]["polarity"] != "neg" and x[0]["lang"] in main_langs]
        if traps:
            good = sum(1 for x in traps if x[3] != "neg")
            print(f"    not-negative traps not scored negative: {good}/{len(traps)}")
            summary[system]["trap_not_negative"] = [good, len(traps)]
        if args.list:
            wrong = [x for x in mine if x[3] != x[0]["polarity"]]
            print(f"    misses ({len(wrong)}):")
            for r, _, s, p in wrong:
                print(f"      L{r['line']} [{r['lang']}] want {r['polarity']} got {p} ({s:+.3f}): {r['text']}")
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
