#!/usr/bin/env python3
"""Trains Moodline's learned category layer and writes lexicons/categories.model.

A logistic regression per category (self_harm, abuse, escalation, churn, repeat) over
English words and word pairs and Chinese characters, pairs and triples, as the scorer's
tokeniser sees them (lower case, traditional characters mapped to simplified). Trained only
on the project's own statement suites (Tests/MoodlineCoreTests/Fixtures/statements/*.tsv),
which were written for Moodline; the weights are Apache-2.0 like them.

A seventh column, `rude`, is a logistic regression of an agent's misconduct against ordinary agent
lines, which the scorer reads only for an agent's line: it learns from the agent-line sets
(Tests/MoodlineCoreTests/Fixtures/agent-lines) and, as ordinary lines, from what agents say in the
conversations of the replay sets whose expectations forbid misconduct.

A sixth column, `positive`, is a logistic regression of warm against sore, which the scorer
reads only for a Chinese line no word of which has sentiment (so that fewer lines abstain).
It learns from the Chinese lexicons' own weighted entries (their sign), the labelled set, the valence
set (Fixtures/valence), the risk statements (all sore) and neutral lines (calm lines, and the
neutral lines of those sets), which count on both sides.

    pip install scikit-learn numpy
    python3 scripts/train-category-model.py [--thresholds 0.6,0.85,0.8,0.8,0.85] [--c 4] [--min-weight 0.25]
    python3 scripts/train-category-model.py --exclude heldback-round22.tsv --out /tmp/categories.model
        (leaves a set out, to measure on it with `moodline score --lexicons`)
    git show HEAD:lexicons/categories.model > /tmp/earlier.model
    python3 scripts/train-category-model.py --keep-columns-from /tmp/earlier.model --train abuse
        (retrains the abuse column alone; the other columns come from the earlier model)

The output is plain text, one feature a line with its weight per category, so a person can
read what the model leans on; `moodline score` names the strongest features of each decision.
"""
import argparse
import json
import pathlib
import re
import sys

CATEGORIES = ["self_harm", "abuse", "escalation", "churn", "repeat"]
root = pathlib.Path(__file__).resolve().parent.parent


def model_columns(path):
    """The weights of a model file by feature (one list of seven a feature), and its seven biases."""
    columns, biases = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0] == "bias":
            biases = [float(c) for c in cells[1:]]
        elif cells[0] not in ("threshold", "alert", "veto"):
            columns[cells[0]] = [float(c) for c in cells[1:]]
    return columns, biases


def script_map():
    table = {}
    for line in (root / "lexicons" / "hant-hans.map").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        a, b = line.split("\t")[:2]
        table[a] = b
    return table


HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# As the scorer's tokeniser reads words: letters and digits, an inner apostrophe, a hyphen
# before a letter (rip-off, but 5-7 is two words).
TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+|-[a-z][a-z0-9]*)*|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def units(text, table):
    text = text.lower().replace("\u2019", "'")
    return [table.get(u, u) if HAN.match(u) else u for u in TOKEN.findall(text)]


def features(text, table):
    u = units(text, table)
    out = []
    for i, x in enumerate(u):
        out.append("1:" + x)
        if i + 1 < len(u):
            out.append("2:" + x + "|" + u[i + 1])
        if i + 2 < len(u) and HAN.match(x) and HAN.match(u[i + 1]) and HAN.match(u[i + 2]):
            out.append("3:" + x + "|" + u[i + 1] + "|" + u[i + 2])
    return out


def valence_rows(statements):
    """(warm, text) pairs for the `positive` column: the sign of every weighted entry of the
    Chinese sentiment and service lexicons (replies like 好 left out; the column is read only for
    Chinese), the warm and sore
    lines of the labelled set and of the valence set, every risk statement (sore), and the
    neutral lines of those sets and of the calm lines, once warm and once sore."""
    out = []
    for name in ["zh-sentiment.tsv", "zh-service.tsv"]:
        for line in (root / "lexicons" / name).read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            try:
                weight = float(fields[1])
            except (IndexError, ValueError):
                continue
            if abs(weight) >= 0.5 and "acknowledgement" not in (fields[2] if len(fields) > 2 else ""):
                out.append((weight > 0, fields[0]))
    fixtures = root / "Tests" / "MoodlineCoreTests" / "Fixtures"
    for line in (fixtures / "labelled.tsv").read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if not line.startswith("#") and len(fields) >= 3 and fields[2] in ("pos", "neg"):
            out.append((fields[2] == "pos", fields[0]))
    neutral = [fields[0] for fields in (line.split("\t") for line in (fixtures / "labelled.tsv").read_text(encoding="utf-8").splitlines())
               if len(fields) >= 3 and fields[2] == "neu" and not fields[0].startswith("#")]
    for path in sorted((fixtures / "valence").glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            fields = line.split("\t")
            if len(fields) == 6 and fields[2] in ("pos", "neg"):
                out.append((fields[2] == "pos", fields[5]))
            elif len(fields) == 6:
                neutral.append(fields[5])
    for name in ["calm-lines.tsv", "calm-control-lines.tsv", "calm-conversation-lines.tsv"]:
        for line in (fixtures / "statements" / name).read_text(encoding="utf-8").splitlines()[1:]:
            fields = line.split("\t")
            if len(fields) == 4 and fields[2] == "-":
                neutral.append(fields[3])
    out.extend((False, text) for expected, text in statements if expected)
    # Neutral lines count once on each side, so that the words of ordinary service talk (你好,
    # 想问一下, a booking) lean neither way: the risk statements are sore, and without them the
    # layer reads every question as sore.
    out.extend((warm, text) for text in neutral for warm in (True, False))
    return out


def agent_rows(exclude_agent, exclude_conversations):
    """(rude, text) pairs for the `rude` column: the agent-line sets, and every agent line of a
    conversation whose expectations forbid `agent_misconduct` (ordinary; lines of calls where
    misconduct is expected are left out, since not every line in its window is rude)."""
    out = []
    for path in sorted((root / "Tests" / "MoodlineCoreTests" / "Fixtures" / "agent-lines").glob("*.tsv")):
        if any(path.match(pattern) for pattern in exclude_agent):
            continue
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            fields = line.split("\t")
            if len(fields) == 4:
                out.append((fields[2] == "rude", fields[3]))
    for folder in sorted((root / "Tests" / "MoodlineReplayTests" / "Conversations").glob("*/")):
        expectations = folder / "expectations.jsonl"
        if not expectations.exists() or any(folder.match(pattern) for pattern in exclude_conversations):
            continue
        for line in expectations.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            expected = json.loads(line)
            session = folder / "sessions" / (expected["session"] + ".jsonl")
            if "agent_misconduct" not in expected.get("forbid", []) or not session.exists():
                continue
            for message in session.read_text(encoding="utf-8").splitlines():
                try:
                    fragment = json.loads(message)
                except ValueError:
                    continue
                if fragment.get("type") == "fragment" and fragment.get("speaker") == "agent" and fragment.get("text"):
                    out.append((False, fragment["text"]))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--valence", type=float, default=0.8,
                    help="probability (of warm, or of sore) the `positive` column needs before an abstaining line takes its sign")
    ap.add_argument("--thresholds", default="0.5,0.85,0.8,0.8,0.85",
                    help="probability above which each category fires, in the order " + ",".join(CATEGORIES)
                    + " (high: on conversations, where most lines are calm, the layer must rarely speak alone; "
                    "self-harm lower, since a missed disclosure costs more than a look at a false one: on four "
                    "first-sight sets of 90 disclosures and 110 other lines each, each left out of training in turn, "
                    "0.5 against 0.6 found 4 more of 360 disclosures for 3 more false ones of 440 lines, 2 more for 1 "
                    "with the scorer's floor of 0.6 for a guess no word of the fragment can carry; a guess under the "
                    "alert line still waits for more in a conversation)")
    ap.add_argument("--alert", default="0.98,0.9,0.9,0.85,0.99",
                    help="probability above which the layer alone may raise an alert in a live conversation, same order; "
                    "below it a statement waits for more (most lines of a conversation are calm, so a guess needs more "
                    "confidence there than in a list of statements; self-harm at 0.98 against 0.96 kept two widowers' "
                    "grief from alerting lines before their disclosures, and lost no disclosure on the replay sets)")
    ap.add_argument("--veto", default="0,0.01,0.02,0,0.04",
                    help="probability under which the model overrules a rule's statement of each category, same order; "
                    "0: never (self-harm is never overruled; churn keeps its rules, which catch sideways leaving the model "
                    "misses). On three rounds the layer was not trained on, 0.01 removed 33-38%% of the rules' false "
                    "statements and lost at most one true statement in 460; for escalation, 0.02 removed 19 more of them "
                    "from the statement suites and 3 false alarms from the conversation sets and lost no expected alert "
                    "there; for repeat contact, whose rules read any count of calls or days, 0.04 lost no true statement "
                    "on four such rounds")
    ap.add_argument("--rude", default="0.9,0.99",
                    help="the `rude` column's probabilities: above the first an agent's line is rude and waits for more, "
                    "above the second it alone raises agent_misconduct (most of what agents say is ordinary: with one "
                    "agent-line round and ten conversation rounds left out of training, 0.9 found half the Chinese rude "
                    "lines, with 1-2 false alarms in 180 look-alikes and one in 300-400 ordinary conversation lines; 0.98 "
                    "one in 700-2,000; trained with eight rounds, the column gave 0.985 to kind lines with 您自己 and 都 in "
                    "them, so 0.99)")
    ap.add_argument("--rude-c", type=float, default=2.0)
    ap.add_argument("--exclude-agent", action="append", default=[],
                    help="leave out agent-line files matching this glob (to measure on them); repeatable")
    ap.add_argument("--exclude-conversations", action="append", default=[],
                    help="leave out conversation folders matching this glob (to measure on them); repeatable")
    ap.add_argument("--c", type=float, default=4.0)
    ap.add_argument("--min-weight", type=float, default=0.25)
    ap.add_argument("--min-positive-weight", type=float, default=0.5)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--max-row", type=int, default=0,
                    help="train only on rows whose id ends in a number up to this (to measure on the rest)")
    ap.add_argument("--exclude", action="append", default=[],
                    help="leave out suite files matching this glob (to measure on them); repeatable")
    ap.add_argument("--keep-columns-from", default="",
                    help="take every column but those of --train from this model file (weights and biases) instead of "
                    "training it, so that a retrain of one category leaves the others as they were")
    ap.add_argument("--train", default=",".join(CATEGORIES),
                    help="with --keep-columns-from: the risk categories to train, comma-separated (the others, "
                    "`positive` and `rude` come from the file)")
    ap.add_argument("--out", default=str(root / "lexicons" / "categories.model"))
    args = ap.parse_args()
    import numpy as np
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    table = script_map()
    rows = []
    for path in sorted((root / "Tests" / "MoodlineCoreTests" / "Fixtures" / "statements").glob("*.tsv")):
        if any(path.match(pattern) for pattern in args.exclude):
            continue
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            if not line.strip():
                continue
            rid, _, expected, text = line.split("\t")
            if args.max_row and int(rid.rsplit("-", 1)[1]) > args.max_row:
                continue
            rows.append((set() if expected == "-" else set(expected.split(",")), text))
    vectorizer = CountVectorizer(analyzer=lambda t: features(t, table), min_df=args.min_count)
    x = vectorizer.fit_transform([t for _, t in rows])
    warm_sore = valence_rows(rows)
    valence_vectorizer = CountVectorizer(analyzer=lambda t: features(t, table), min_df=args.min_count)
    valence_x = valence_vectorizer.fit_transform([t for _, t in warm_sore])
    agent = agent_rows(args.exclude_agent, args.exclude_conversations)
    agent_vectorizer = CountVectorizer(analyzer=lambda t: features(t, table), min_df=args.min_count)
    agent_x = agent_vectorizer.fit_transform([t for _, t in agent])
    names = sorted(set(vectorizer.get_feature_names_out()) | set(valence_vectorizer.get_feature_names_out())
                   | set(agent_vectorizer.get_feature_names_out()))
    row = {name: i for i, name in enumerate(names)}
    names = np.array(names)
    RUDE = len(CATEGORIES) + 1
    weights = np.zeros((len(names), len(CATEGORIES) + 2))
    biases = []
    category_rows = [row[n] for n in vectorizer.get_feature_names_out()]
    trained = set(args.train.split(",")) if args.keep_columns_from else set(CATEGORIES)
    assert trained <= set(CATEGORIES), "--train names risk categories only"
    for k, category in enumerate(CATEGORIES):
        if category not in trained:
            biases.append(0.0)
            continue
        y = np.array([category in e for e, _ in rows])
        model = LogisticRegression(C=args.c, max_iter=5000, class_weight="balanced").fit(x, y)
        weights[category_rows, k] = model.coef_[0]
        biases.append(model.intercept_[0])
    if args.keep_columns_from:
        kept, kept_biases = model_columns(pathlib.Path(args.keep_columns_from))
        extra = sorted(set(kept) - set(row))
        if extra:
            names = np.array(list(names) + extra)
        row.update({name: len(row) + i for i, name in enumerate(extra)})
        weights = np.vstack([weights, np.zeros((len(extra), weights.shape[1]))])
        columns = [k for k, c in enumerate(CATEGORIES) if c not in trained] + [len(CATEGORIES), RUDE]
        for name, w in kept.items():
            weights[row[name], columns] = [w[k] for k in columns]
        for k in columns[:-2]:
            biases[k] = kept_biases[k]
        biases.extend(kept_biases[len(CATEGORIES):])
    else:
        model = LogisticRegression(C=args.c, max_iter=5000, class_weight="balanced").fit(
            valence_x, np.array([warm for warm, _ in warm_sore]))
        weights[[row[n] for n in valence_vectorizer.get_feature_names_out()], len(CATEGORIES)] = model.coef_[0]
        biases.append(model.intercept_[0])
        model = LogisticRegression(C=args.rude_c, max_iter=5000, class_weight="balanced").fit(
            agent_x, np.array([rude for rude, _ in agent]))
        weights[[row[n] for n in agent_vectorizer.get_feature_names_out()], RUDE] = model.coef_[0]
        biases.append(model.intercept_[0])
    # The scorer reads the column only for Chinese lines: English features would only make the
    # table bigger.
    weights[[not HAN.search(n) for n in names], len(CATEGORIES)] = 0
    # Every character a feature holds costs a lookup in every fragment that has it: the column
    # keeps only its stronger features.
    weak = np.abs(weights[:, len(CATEGORIES)]) < args.min_positive_weight
    weights[weak, len(CATEGORIES)] = 0
    weights[np.abs(weights[:, RUDE]) < args.min_weight, RUDE] = 0
    # A feature is kept for the categories, the `positive` column or `rude`; one kept only for a
    # column adds nothing to the categories, so that they read as if trained alone.
    # Columns taken from a model file keep every weight they had; the trained ones keep the stronger.
    trained_columns = [k for k, c in enumerate(CATEGORIES) if c in trained]
    kept_columns = [k for k, c in enumerate(CATEGORIES) if c not in trained]
    for_categories = np.abs(weights[:, trained_columns]).max(axis=1) >= args.min_weight
    if kept_columns:
        for_categories |= np.abs(weights[:, kept_columns]).max(axis=1) > 0
    weights[~for_categories, :len(CATEGORIES)] = 0
    keep = for_categories | (weights[:, len(CATEGORIES)] != 0) | (weights[:, RUDE] != 0)
    out = pathlib.Path(args.out)
    with out.open("w", encoding="utf-8") as f:
        f.write("# file: categories.model\n")
        f.write("# what: the learned category layer: a logistic regression per category over English words and word pairs and\n")
        f.write("#   Chinese characters, pairs and triples (features `1:word`, `2:a|b`, `3:a|b|c`), one weight per category\n")
        f.write("#   and `positive` (warm against sore, for Chinese lines no word of which has sentiment; its threshold is the\n")
        f.write("#   probability, of warm or of sore, such a line needs to take the sign; its alert column is unused) and `rude`\n")
        f.write("#   (an agent's misconduct, read only for agents' lines)\n")
        f.write(f"# source: trained by scripts/train-category-model.py on the project's statement suites ({len(rows)} lines written for Moodline);\n")
        f.write("#   `positive` also on the signs of the Chinese lexicons' weighted entries and the labelled and valence sets (Fixtures);\n")
        f.write(f"#   `rude` on the agent-line sets and what agents say in calm replay conversations ({len(agent)} lines written for Moodline)\n")
        if args.keep_columns_from:
            kept_names = [c for c in CATEGORIES if c not in trained] + ["positive", "rude"]
            f.write(f"#   this file trains only {', '.join(sorted(trained))}; {', '.join(kept_names)} are taken unchanged from an earlier model,\n")
            f.write("#   trained as above on the suites of its day\n")
        f.write("# licence: Apache-2.0 (the project licence)\n")
        f.write("# format: feature<TAB>" + "<TAB>".join(CATEGORIES) + "<TAB>positive<TAB>rude; `bias`, `threshold`, `alert` and `veto` (probabilities) lines first;\n")
        f.write("#   `veto`: under it the model overrules a rule's statement of the category (0: never)\n")
        f.write("bias\t" + "\t".join(f"{b:.4f}" for b in biases) + "\n")
        thresholds = [float(t) for t in args.thresholds.split(",")]
        assert len(thresholds) == len(CATEGORIES), "one threshold per category"
        rude = [float(t) for t in args.rude.split(",")]
        assert len(rude) == 2, "two probabilities for rude: the line's, then the alert's"
        f.write("threshold\t" + "\t".join(f"{t:.2f}" for t in thresholds + [args.valence, rude[0]]) + "\n")
        alerts = [float(t) for t in args.alert.split(",")]
        assert len(alerts) == len(CATEGORIES), "one alert threshold per category"
        f.write("alert\t" + "\t".join(f"{t:.2f}" for t in alerts + [args.valence, rude[1]]) + "\n")
        vetoes = [float(t) for t in args.veto.split(",")]
        assert len(vetoes) == len(CATEGORIES), "one veto per category"
        f.write("veto\t" + "\t".join(f"{t:g}" for t in vetoes) + "\n")
        for name, w in zip(names[keep], weights[keep]):
            f.write(name + "\t" + "\t".join(f"{v:.3f}" for v in w) + "\n")
    print(f"{out.name}: {int(keep.sum())} of {len(names)} features, {len(rows)} training lines, "
          f"{len(warm_sore)} for the positive column, {len(agent)} for rude", file=sys.stderr)


if __name__ == "__main__":
    main()
