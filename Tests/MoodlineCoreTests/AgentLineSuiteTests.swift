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

    struct Tally { var rude = 0, found = 0, ordinary = 0, falseAlarms = 0 }

    /// Per language, how the rules read the lines: the engine calls an agent rude only on a
    /// rule's statement of rudeness or abuse, never on the learned layer's.
    static let tallies: [String: Tally] = {
        var scorer = Scorer(lexicon: .embedded)
        var tallies: [String: Tally] = [:]
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tsv") }.sorted()) ?? []
        for file in files {
            guard let text = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8) else { continue }
            for line in text.split(separator: "\n").dropFirst() where !line.isEmpty {
                let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard f.count == 4 else { continue }
                let score = scorer.score(f[3], language: Language(bcp47: f[1]))
                let stated = !score.ruleCategories.intersection([.init(.rude), .init(.abuse)]).isEmpty
                var t = tallies[f[1], default: Tally()]
                if f[2] == "rude" {
                    t.rude += 1
                    if stated { t.found += 1 }
                } else {
                    t.ordinary += 1
                    if stated { t.falseAlarms += 1 }
                }
                tallies[f[1]] = t
            }
        }
        return tallies
    }()

    /// The share of rude lines found, at least, per language.
    static let recallFloor = 0.75
    /// Ordinary lines read as rude, at most, per language.
    static let falseAlarmCeiling = 2

    @Test(arguments: ["en", "zh", "zh-Hant"])
    func holdsItsFloors(_ lang: String) throws {
        let t = try #require(Self.tallies[lang])
        #expect(t.rude >= 60 && t.ordinary >= 60)
        #expect(Double(t.found) / Double(t.rude) >= Self.recallFloor, "\(lang): \(t.found) of \(t.rude) rude lines found")
        #expect(t.falseAlarms <= Self.falseAlarmCeiling, "\(lang): \(t.falseAlarms) ordinary lines read as rude")
    }
}
