// Agent lines in Fixtures/agent-lines: misconduct said without swearing, and ordinary agent
// lines that share its words. Written from a description of the kinds by people who had not
// read the lexicons, scored once before any tuning (figures in the README there), then kept
// here as floors.
import Foundation
import Testing
@testable import MoodlineCore

@Suite struct AgentLineSuiteTests {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/agent-lines")
    }

    struct Tally { var rude = 0, ruled = 0, read = 0, ordinary = 0, ruledFalsely = 0, readFalsely = 0 }

    /// Per language, how the lines are read: by the rules alone (a rule's statement of rudeness
    /// or abuse), and as the engine reads an agent's line, the rules with the learned layer's
    /// `rude` column. The column was trained on most of these lines, so its floor guards the
    /// reading, not how it generalises (the README gives first-sight figures).
    static let tallies: [String: Tally] = {
        var scorer = Scorer(lexicon: .embedded)
        let misconduct: CategorySet = [.init(.rude), .init(.abuse)]
        var tallies: [String: Tally] = [:]
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tsv") }.sorted()) ?? []
        for file in files {
            guard let text = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8) else { continue }
            for line in text.split(separator: "\n").dropFirst() where !line.isEmpty {
                let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard f.count == 4 else { continue }
                let score = scorer.score(f[3], language: Language(bcp47: f[1]), learned: .agent)
                let ruled = !score.ruleCategories.intersection(misconduct).isEmpty
                let read = !score.categories.intersection(misconduct).isEmpty
                var t = tallies[f[1], default: Tally()]
                if f[2] == "rude" {
                    t.rude += 1
                    if ruled { t.ruled += 1 }
                    if read { t.read += 1 }
                } else {
                    t.ordinary += 1
                    if ruled { t.ruledFalsely += 1 }
                    if read { t.readFalsely += 1 }
                }
                tallies[f[1]] = t
            }
        }
        return tallies
    }()

    /// The share of rude lines the rules find, at least, per language.
    static let ruleFloor = 0.47
    /// The share of rude lines the agent's reading finds, at least, per language.
    static let readingFloor = 0.9
    /// Ordinary lines read as rude, at most, per language, either way.
    static let falseAlarmCeiling = 2

    @Test(arguments: ["en", "zh", "zh-Hant"])
    func holdsItsFloors(_ lang: String) throws {
        let t = try #require(Self.tallies[lang])
        #expect(t.rude >= 60 && t.ordinary >= 60)
        #expect(Double(t.ruled) / Double(t.rude) >= Self.ruleFloor, "\(lang): the rules found \(t.ruled) of \(t.rude) rude lines")
        #expect(Double(t.read) / Double(t.rude) >= Self.readingFloor, "\(lang): the agent's reading found \(t.read) of \(t.rude) rude lines")
        #expect(t.ruledFalsely <= Self.falseAlarmCeiling, "\(lang): the rules read \(t.ruledFalsely) ordinary lines as rude")
        #expect(t.readFalsely <= Self.falseAlarmCeiling, "\(lang): the agent's reading read \(t.readFalsely) ordinary lines as rude")
    }
}
