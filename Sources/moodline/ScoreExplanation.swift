import MoodlineCore

/// Renders a score and the steps behind it for a person to read.
struct ScoreExplanation {
    let text: String
    let score: Score
    let steps: [ScoreStep]
    let lexicon: Lexicon

    var rendered: String {
        var lines: [String] = []
        let tone = score.valence > 0.05 ? "positive" : score.valence < -0.05 ? "negative" : "neutral"
        lines.append("valence  \(format(score.valence))  (\(tone))")
        lines.append("arousal  \(format(score.arousal))")
        lines.append("language \(score.language.tag)\(score.isTraditional ? " (traditional script, matched as simplified)" : "")")
        let categories = score.categories.members.map(\.tag)
        lines.append("categories \(categories.isEmpty ? "none" : categories.joined(separator: ", "))")
        if score.isAside && score.valence < 0 {
            lines.append("aside    at a thing, in jest or hyperbole, sorrow, someone else's story, a trouble since settled, or a question about a task: no mood alert on this line alone")
        }
        lines.append("")
        lines.append("why:")
        if steps.isEmpty { lines.append("  no lexicon entry matched") }
        for step in steps { lines.append("  " + describe(step)) }
        return lines.joined(separator: "\n")
    }

    private func describe(_ step: ScoreStep) -> String {
        switch step {
        case .matched(let id, let start, let end):
            let entry = lexicon.entry(id)
            let tags = entry.tags.names
            return "matched \"\(excerpt(start, end))\" → \(entry.term) \(format(entry.weight))\(tags.isEmpty ? "" : " [\(tags.joined(separator: ","))]")  (\(entry.file):\(entry.line))"
        case .adjusted(let id, let rule, let from, let to):
            return "  \(lexicon.term(id)): \(rule.rawValue) \(format(from)) → \(format(to))"
        case .categoryNegated(let id, let category):
            return "  \(lexicon.term(id)): \(category.tag) cancelled by a preceding negator"
        case .categoryFired(let id, let category):
            return "  \(lexicon.term(id)): category \(category.tag)"
        case .patternFired(let id, let category):
            return "  \"\(lexicon.pattern(id).name)\": category \(category.tag)"
        case .patternMatched(let id, let parts):
            let pattern = lexicon.pattern(id)
            let matched = (0..<parts.count).map { k in
                let concepts = pattern.parts[k].members.map { "@" + lexicon.conceptName($0, script: pattern.script) }.joined(separator: "|")
                return "\"\(excerpt(parts[k].start, parts[k].end))\" as \(concepts)"
            }
            let output = switch pattern.output {
            case .category(let c): c.tag
            case .scope(let cue): "scope:" + cue.name
            }
            return "pattern \"\(pattern.name)\" → \(output)  (\(pattern.file):\(pattern.line)): \(matched.joined(separator: ", "))"
        case .jokeTakenBack(let id):
            return "pattern \"\(lexicon.pattern(id).name)\" does not apply: the fragment takes the joke back"
        case .patternNegated(let id, let category):
            return "  \(lexicon.pattern(id).name): \(category.tag) cancelled by a negator"
        case .categoryScoped(let hit, let cue):
            return "  \(lexicon.label(hit)): \(hit.category.tag) cancelled: the clause is \(cue.explanation)"
        case .categorySuperseded(let hit, let graver):
            return "  \(lexicon.label(hit)): \(hit.category.tag) dropped: \(graver.tag) in the same fragment explains it"
        case .categoryUncorroborated(let hit):
            return "  \(lexicon.label(hit)): \(hit.category.tag) left out: the fragment has none of the words its pattern needs"
        case .punctuation(let rule, let from, let to):
            return "\(rule.rawValue): total \(format(from)) → \(format(to))"
        case .learned(let category, let probability):
            var scorer = Scorer(lexicon: lexicon)
            let features = scorer.learnedFeatures(text, category: category, count: 4)
                .map { "\($0.feature) \(format($0.weight))" }.joined(separator: ", ")
            return "learned model: \(category.tag) p=\(format(probability)); strongest features: \(features)"
        case .learnedUnsupported(let category):
            return "  learned model: \(category.tag) is weak: no word in the fragment can carry it (support:\(category.tag) lines)"
        case .unfirm(let category):
            return "\(category.tag) is weak: no word in the fragment makes it firm (firm:\(category.tag) lines), so in a conversation it waits for more"
        case .learnedTentative(let category):
            return "  learned model: \(category.tag) is tentative: under the model's alert threshold, so in a conversation it waits for more"
        case .learnedVeto(let category, let probability):
            return "learned model overrules \(category.tag): p=\(format(probability)) is under its veto, so the rule's words are read as routine use or someone else's"
        case .learnedFaint(let category):
            if category == .abuse {
                return "  learned model: \(category.tag) left out: a faint guess, under the model's alert threshold, with no word that can carry it (support:\(category.tag) lines) and aimed at no one"
            }
            return "  learned model: \(category.tag) left out: a faint guess with no word that can carry it (support:\(category.tag) lines)"
        case .learnedHyperbole(let category):
            return "  learned model: \(category.tag) left out: the fragment's death word is said in temper, and no word can carry \(category.tag)"
        case .learnedOverrulesCue(let category, let cue):
            return "    learned model: \(category.tag) kept although the clause is \(cue.explanation): the model is all but sure, and the speaker speaks"
        case .jest(let from, let to):
            return "said laughing or in jest: total \(format(from)) → \(format(to))"
        case .quotedPraise(let praise, let doubted):
            return doubted
                ? "praise in quotation marks beside a complaint, held up to doubt: \(format(praise)), and the fragment's praise is sarcastic"
                : "praise in quotation marks, a name or a status read out: \(format(praise)) left out"
        case .askedPraise(let praise, let turned):
            return turned
                ? "praise asked about beside a marker of sarcasm: \(format(praise)) turned around"
                : "praise asked about, not given: \(format(praise)) left out"
        case .contrastOnFacts(let before):
            return "\"but\" and facts alone after it: a letdown after the praise \(format(before)) before it"
        case .backdrop(let praise):
            return "praise of how things usually were, beside a complaint: \(format(praise)) taken out"
        case .settledPast(let from, let to):
            return "a trouble told as settled since: total \(format(from)) → \(format(to))"
        case .sarcasm(let from, let to):
            return "sarcastic praise: total \(format(from)) → \(format(to))"
        case .selfDirected(let from, let to):
            return "an insult aimed at the speaker: its negative words \(format(from)) → \(format(to))"
        case .allayed(let from, let to):
            return "a fear that came to nothing: its negative words \(format(from)) → \(format(to))"
        case .thingDirected(let from, let to):
            return "swearing at a thing: its negative words \(format(from)) → \(format(to))"
        case .procedural(let from, let to):
            return "a question about procedure: its negative words \(format(from)) → \(format(to))"
        case .statementOnly(let total):
            return "no word-level sentiment, but a risk statement: total \(format(total))"
        case .grievance(let from, let to):
            return "a grievance said without feeling words: total \(format(from)) → \(format(to))"
        case .despair(let from, let to):
            return "self-harm said in quiet words is despair: total \(format(from)) → \(format(to))"
        case .acknowledgement(let from):
            return "only an acknowledgement (a reply, not a mood): total \(format(from)) → +0"
        case .reportedWords(let from, let to):
            return "someone else's words, reported: clause \(format(from)) → \(format(to))"
        case .morphemes(let total):
            return "no word-level sentiment: characters inside unknown words give \(format(total))"
        case .learnedLean(let total, let probability):
            return "no word-level sentiment: the learned layer leans \(total > 0 ? "warm" : "sore") (p(warm)=\(format(probability))), total \(format(total))"
        case .contrast(let before, let after):
            return "contrast: before \(format(before)) × 0.5, after \(format(after)) × 1.5"
        }
    }

    private func excerpt(_ start: Int32, _ end: Int32) -> String {
        let bytes = Array(text.utf8)
        guard start >= 0, end <= bytes.count, start < end else { return "" }
        return String(decoding: bytes[Int(start)..<Int(end)], as: UTF8.self)
    }

    private func format(_ x: Float) -> String {
        let r = (Double(x) * 1000).rounded() / 1000
        return r >= 0 ? "+\(r)" : "\(r)"
    }
}
