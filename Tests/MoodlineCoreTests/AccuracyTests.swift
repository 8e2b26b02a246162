// Accuracy of the embedded lexicon on the labelled set in Fixtures/labelled.tsv.
//
//   swift test --filter AccuracyTests
//
// Prints a compact report (polarity accuracy overall and per language/script, category
// precision/recall per tag, trap results, every line Moodline gets wrong) and asserts
// floors. The same lines through VADER and SnowNLP: python3 bench/compare/accuracy.py.
import Foundation
import Testing
import MoodlineCore

/// The floors. Set a little under what the lexicon achieved on 2026-11-22 (embedded lexicon,
/// 14,928 entries: polarity 80% overall, en 75%, zh-Hans 84%, zh-Hant 84%, mixed 80%; macro
/// category precision 90%, recall 85%; traps 43/43; not-negative traps 30/33), so a
/// regression fails the test. Raise them as the lexicon improves.
enum AccuracyFloors {
    /// Polarity accuracy over all lines.
    static let polarity = 0.70
    /// Polarity accuracy per language/script (en, zh-Hans, zh-Hant, mixed).
    static let polarityPerLanguage = 0.70
    /// Recall of self-harm statements: every one must fire.
    static let selfHarmRecall = 1.0
    /// Traps that say a category must NOT fire (negations, hyperbole, "not a complaint").
    static let trapAbsence = 1.0
    /// "Not negative" traps (no complaints, 没什么问题, not a problem at all): not scored negative.
    static let trapNotNegative = 0.85
    /// Macro-averaged category recall and precision over the ten tags.
    static let categoryRecall = 0.75
    static let categoryPrecision = 0.75
}

struct LabelledLine: Sendable {
    var line: Int
    var text: String
    var lang: String
    var polarity: String
    var expected: Set<String>
    var forbidden: Set<String>
    var note: String
    var isTrap: Bool { note.hasPrefix("trap") }

    var language: Language? {
        switch lang {
        case "en": .english
        case "zh-Hans", "zh-Hant": .chinese
        default: nil // mixed: detected, as for an untagged fragment
        }
    }
}

struct ScoredLine: Sendable {
    var label: LabelledLine
    var valence: Float
    var predicted: String
    var fired: Set<String>
    var correct: Bool { predicted == label.polarity }
}

enum AccuracyFixture {
    static let path: String = {
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().appendingPathComponent("Fixtures/labelled.tsv").path
    }()

    static func polarity(_ valence: Float) -> String {
        valence > 0.05 ? "pos" : valence < -0.05 ? "neg" : "neu"
    }

    static func load() throws -> [LabelledLine] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines: [LabelledLine] = []
        var sawHeader = false
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if raw.isEmpty || raw.hasPrefix("#") { continue }
            let fields = raw.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if !sawHeader && fields.first == "text" { sawHeader = true; continue }
            guard fields.count >= 4 else {
                Issue.record("labelled.tsv:\(index + 1): expected 5 tab-separated fields, got \(fields.count)")
                continue
            }
            var expected = Set<String>(), forbidden = Set<String>()
            if fields[3] != "-" {
                for tag in fields[3].split(separator: ",") {
                    if tag.hasPrefix("!") { forbidden.insert(String(tag.dropFirst())) } else { expected.insert(String(tag)) }
                }
            }
            lines.append(LabelledLine(
                line: index + 1, text: fields[0], lang: fields[1], polarity: fields[2],
                expected: expected, forbidden: forbidden, note: fields.count > 4 ? fields[4] : ""))
        }
        return lines
    }

    /// Every line scored once with the embedded lexicon (computed once for all tests).
    static let scored: [ScoredLine] = {
        guard let labels = try? load() else { return [] }
        var scorer = Scorer(lexicon: Lexicon.embedded)
        return labels.map { label in
            let score = scorer.score(label.text, language: label.language)
            return ScoredLine(
                label: label, valence: score.valence, predicted: polarity(score.valence),
                fired: Set(score.categories.members.map(\.tag)))
        }
    }()
}

struct AccuracySummary {
    var overall: Double
    var perLanguage: [(String, Int, Double)]
    var perTag: [(tag: String, tp: Int, fp: Int, fn: Int)]
    var trapAbsence: (ok: Int, total: Int)
    var trapNotNegative: (ok: Int, total: Int)
    var selfHarm: (tp: Int, total: Int)

    func recall(_ t: (tag: String, tp: Int, fp: Int, fn: Int)) -> Double? { t.tp + t.fn == 0 ? nil : Double(t.tp) / Double(t.tp + t.fn) }
    func precision(_ t: (tag: String, tp: Int, fp: Int, fn: Int)) -> Double? { t.tp + t.fp == 0 ? nil : Double(t.tp) / Double(t.tp + t.fp) }
    var macroRecall: Double { let r = perTag.compactMap(recall); return r.isEmpty ? 0 : r.reduce(0, +) / Double(r.count) }
    var macroPrecision: Double { let p = perTag.compactMap(precision); return p.isEmpty ? 0 : p.reduce(0, +) / Double(p.count) }

    init(_ lines: [ScoredLine]) {
        func accuracy(_ subset: [ScoredLine]) -> Double {
            subset.isEmpty ? 0 : Double(subset.filter(\.correct).count) / Double(subset.count)
        }
        overall = accuracy(lines)
        perLanguage = ["en", "zh-Hans", "zh-Hant", "mixed"].map { lang in
            let subset = lines.filter { $0.label.lang == lang }
            return (lang, subset.count, accuracy(subset))
        }
        perTag = Category.allCases.map { category in
            let tag = category.tag
            var tp = 0, fp = 0, fn = 0
            for l in lines {
                let want = l.label.expected.contains(tag), got = l.fired.contains(tag)
                if want && got { tp += 1 } else if want { fn += 1 } else if got { fp += 1 }
            }
            return (tag, tp, fp, fn)
        }
        var absOK = 0, absTotal = 0
        for l in lines {
            for tag in l.label.forbidden {
                absTotal += 1
                if !l.fired.contains(tag) { absOK += 1 }
            }
        }
        trapAbsence = (absOK, absTotal)
        let notNeg = lines.filter { $0.label.isTrap && $0.label.polarity != "neg" }
        trapNotNegative = (notNeg.filter { $0.predicted != "neg" }.count, notNeg.count)
        let harm = lines.filter { $0.label.expected.contains("self_harm") }
        selfHarm = (harm.filter { $0.fired.contains("self_harm") }.count, harm.count)
    }
}

func pct(_ x: Double?) -> String {
    guard let x else { return "  -  " }
    let v = (x * 1000).rounded() / 10
    return String(format: "%5.1f%%", v)
}

@Suite("Accuracy on the labelled set")
struct AccuracyTests {
    let lines = AccuracyFixture.scored
    var summary: AccuracySummary { AccuracySummary(lines) }

    @Test("report, polarity floors")
    func polarityAccuracy() throws {
        try #require(lines.count >= 300, "labelled.tsv should hold at least 300 lines (found \(lines.count))")
        let s = summary
        var out = "\n== Moodline accuracy on Fixtures/labelled.tsv (\(lines.count) lines, embedded lexicon: \(Lexicon.embedded.count) entries) ==\n"
        out += "polarity (valence > 0.05 pos, < -0.05 neg, else neu): overall \(pct(s.overall))\n"
        for (lang, n, acc) in s.perLanguage { out += "  \(lang.padding(toLength: 8, withPad: " ", startingAt: 0)) n=\(String(n).padding(toLength: 4, withPad: " ", startingAt: 0)) \(pct(acc))\n" }
        // Confusion matrix.
        out += "  confusion (expected -> predicted):"
        for want in ["pos", "neu", "neg"] {
            out += "  \(want):"
            for got in ["pos", "neu", "neg"] {
                out += " \(got)=\(lines.filter { $0.label.polarity == want && $0.predicted == got }.count)"
            }
        }
        out += "\ncategories          tp  fp  fn  precision  recall\n"
        for t in s.perTag {
            out += "  \(t.tag.padding(toLength: 16, withPad: " ", startingAt: 0)) \(String(format: "%3d %3d %3d", t.tp, t.fp, t.fn))    \(pct(s.precision(t)))   \(pct(s.recall(t)))\n"
        }
        out += "  macro average                  \(pct(s.macroPrecision))   \(pct(s.macroRecall))\n"
        out += "traps: category absent \(s.trapAbsence.ok)/\(s.trapAbsence.total); not-negative traps not scored negative \(s.trapNotNegative.ok)/\(s.trapNotNegative.total); self-harm recall \(s.selfHarm.tp)/\(s.selfHarm.total)\n"

        let wrongPolarity = lines.filter { !$0.correct }
        out += "-- polarity misses (\(wrongPolarity.count)) --\n"
        for l in wrongPolarity {
            out += "  L\(l.label.line) [\(l.label.lang)] want \(l.label.polarity) got \(l.predicted) (\(String(format: "%+.3f", l.valence))): \(l.label.text)\n"
        }
        let wrongTags = lines.filter { l in
            !l.label.expected.isSubset(of: l.fired) || !l.fired.isSubset(of: l.label.expected)
        }
        out += "-- category misses (\(wrongTags.count)) --\n"
        for l in wrongTags {
            let missing = l.label.expected.subtracting(l.fired).sorted()
            let extra = l.fired.subtracting(l.label.expected).sorted()
            let forbiddenHit = extra.filter { l.label.forbidden.contains($0) }
            var what: [String] = []
            if !missing.isEmpty { what.append("missing \(missing.joined(separator: ","))") }
            if !extra.isEmpty { what.append("extra \(extra.joined(separator: ","))") }
            if !forbiddenHit.isEmpty { what.append("TRAP FAILED \(forbiddenHit.joined(separator: ","))") }
            out += "  L\(l.label.line) [\(l.label.lang)] \(what.joined(separator: "; ")): \(l.label.text)\n"
        }
        print(out)

        #expect(s.overall >= AccuracyFloors.polarity, "polarity accuracy \(pct(s.overall)) is under the floor \(pct(AccuracyFloors.polarity))")
        for (lang, n, acc) in s.perLanguage where n > 0 {
            #expect(acc >= AccuracyFloors.polarityPerLanguage, "polarity accuracy for \(lang) \(pct(acc)) is under the floor \(pct(AccuracyFloors.polarityPerLanguage))")
        }
    }

    @Test("self-harm recall is 1.0")
    func selfHarmRecall() {
        let harm = lines.filter { $0.label.expected.contains("self_harm") }
        #expect(!harm.isEmpty)
        for l in harm where !l.fired.contains("self_harm") {
            Issue.record("self_harm missed, L\(l.label.line): \(l.label.text)")
        }
        let s = summary
        #expect(Double(s.selfHarm.tp) / Double(max(s.selfHarm.total, 1)) >= AccuracyFloors.selfHarmRecall)
    }

    @Test("traps: forbidden categories do not fire")
    func trapAbsence() {
        for l in lines {
            for tag in l.label.forbidden.sorted() where l.fired.contains(tag) {
                Issue.record("trap failed, \(tag) fired on L\(l.label.line) [\(l.label.lang)]: \(l.label.text)")
            }
        }
        let s = summary
        #expect(s.trapAbsence.total > 30)
        #expect(Double(s.trapAbsence.ok) / Double(max(s.trapAbsence.total, 1)) >= AccuracyFloors.trapAbsence)
    }

    @Test("traps: negated negatives are not scored negative")
    func trapNotNegative() {
        let s = summary
        let rate = Double(s.trapNotNegative.ok) / Double(max(s.trapNotNegative.total, 1))
        #expect(rate >= AccuracyFloors.trapNotNegative, "not-negative traps: \(s.trapNotNegative.ok)/\(s.trapNotNegative.total)")
    }

    @Test("category precision and recall floors")
    func categoryFloors() {
        let s = summary
        #expect(s.macroRecall >= AccuracyFloors.categoryRecall, "macro recall \(pct(s.macroRecall))")
        #expect(s.macroPrecision >= AccuracyFloors.categoryPrecision, "macro precision \(pct(s.macroPrecision))")
    }
}
