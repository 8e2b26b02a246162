import Foundation
import MoodlineEngine
import MoodlineReplay
import Testing

/// The thirty development scenarios, replayed as one merged stream, scored like tools/score.py.
@Suite(.enabled(if: Fixtures.scenariosAvailable, Fixtures.skipReason))
struct ScenarioReplayTests {
    @Test func recallAndFalseAlarmsOnTheScenarios() throws {
        let expectations = try SessionExpectation.load(path: Fixtures.expectations)
        var options = ReplayRecorder.Options()
        options.keys = .sessions(ExpectationScore.sessions(of: expectations))
        let (statistics, recorder) = try Fixtures.replay([Fixtures.sessions], options: options)
        #expect(statistics.files == 30)
        #expect(statistics.sessions == 30)
        #expect(statistics.engine.fragments + statistics.engine.interimFragments == 400)
        #expect(statistics.rejected == 0)
        let score = ExpectationScore(alerts: recorder.alertKeys, expectations: expectations)
        #expect(score.expected == 57)
        #expect(score.recall >= 0.9, "recall \(score.recall)\n\(score.rendered(title: "scenarios"))")
        #expect(score.falseAlarms <= 2, "\(score.rendered(title: "scenarios"))")
    }

    /// Scoring on the reading thread must not change a single alert: the two mixed-language
    /// sessions carry no `lang` and exercise the engine-side scoring of untagged fragments.
    @Test func readingAheadOnASecondThreadGivesTheSameAlerts() throws {
        let dir = try Fixtures.temporaryDirectory()
        var outputs: [String] = []
        for readAhead in [false, true] {
            var options = ReplayRecorder.Options()
            options.alertsPath = dir + "/alerts-\(readAhead).jsonl"
            let (statistics, _) = try Fixtures.replay([Fixtures.sessions], options: options, readAhead: readAhead)
            #expect(statistics.alerts > 50)
            outputs.append(try String(contentsOfFile: options.alertsPath!, encoding: .utf8))
        }
        #expect(outputs[0] == outputs[1])
    }

    @Test func alertsFileCarriesTheRequiredFields() throws {
        let dir = try Fixtures.temporaryDirectory()
        var options = ReplayRecorder.Options()
        options.alertsPath = dir + "/alerts.jsonl"
        let (statistics, _) = try Fixtures.replay([Fixtures.sessions], options: options)
        let alerts = try Fixtures.jsonLines(dir + "/alerts.jsonl")
        #expect(alerts.count == statistics.alerts)
        #expect(!alerts.isEmpty)
        for alert in alerts {
            for key in ["session", "kind", "severity", "seq", "ts", "speaker", "agent", "team", "evidence"] {
                #expect(alert[key] != nil, "alert without \(key): \(alert)")
            }
            #expect(AlertKind(rawValue: alert["kind"] as? String ?? "") != nil)
            #expect(alert["evidence"] is [Any])
        }
        // Evidence carries the words: at least one term with offsets into its fragment.
        let terms = alerts.flatMap { ($0["evidence"] as? [[String: Any]]) ?? [] }.filter { $0["kind"] as? String == "term" }
        #expect(terms.contains { $0["utf8_start"] is NSNumber && $0["utf8_end"] is NSNumber })
    }

    @Test func replayingTwiceWritesIdenticalAlerts() throws {
        let dir = try Fixtures.temporaryDirectory()
        for name in ["a", "b"] {
            var options = ReplayRecorder.Options()
            options.alertsPath = "\(dir)/\(name).jsonl"
            _ = try Fixtures.replay([Fixtures.sessions], options: options)
        }
        let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/a.jsonl"))
        let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/b.jsonl"))
        #expect(!a.isEmpty)
        #expect(a == b)
    }

    @Test func aStrictThresholdSetOnTheCommandLineRemovesCustomerNegative() throws {
        let (defaults, _) = try Fixtures.replay([Fixtures.sessions])
        #expect((defaults.alertsByKind[.customerNegative] ?? 0) > 0)
        let (strict, _) = try Fixtures.replay([Fixtures.sessions], overrides: ["engine.rules.customer_negative.enter=2"])
        #expect((strict.alertsByKind[.customerNegative] ?? 0) == 0)
        // The other kinds are untouched by that key.
        #expect(strict.alertsByKind[.selfHarm] == defaults.alertsByKind[.selfHarm])
    }

    @Test func gzipRecordingsReplayLikePlainOnes() throws {
        let dir = try Fixtures.temporaryDirectory()
        let plain = try FileManager.default.contentsOfDirectory(atPath: Fixtures.sessions).filter { $0.hasSuffix(".jsonl") }.sorted()
        for name in plain {
            let source = Fixtures.sessions + "/" + name
            let target = dir + "/" + name + ".gz"
            let gzip = Process()
            gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            gzip.arguments = ["sh", "-c", "gzip -c \"$0\" > \"$1\"", source, target]
            try gzip.run()
            gzip.waitUntilExit()
            #expect(gzip.terminationStatus == 0)
        }
        var options = ReplayRecorder.Options()
        options.keys = .all
        let (zipped, zippedRecorder) = try Fixtures.replay([dir], options: options)
        let (_, plainRecorder) = try Fixtures.replay([Fixtures.sessions], options: options)
        #expect(zipped.compressedFiles == 30)
        #expect(zipped.rejected == 0)
        #expect(zippedRecorder.alertKeys == plainRecorder.alertKeys)
        #expect(!zippedRecorder.alertKeys.isEmpty)
    }

    @Test func mergingFilesEqualsReplayingTheirMergedStream() throws {
        // One file holding every line sorted by ts must give the same alerts as the 30 files.
        let dir = try Fixtures.temporaryDirectory()
        var lines: [(Double, Int, String)] = []
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.sessions).sorted()
        for (i, name) in names.enumerated() {
            let text = try String(contentsOfFile: Fixtures.sessions + "/" + name, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                lines.append(((object["ts"] as! NSNumber).doubleValue, i, String(line)))
            }
        }
        lines.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        try (lines.map(\.2).joined(separator: "\n") + "\n").write(toFile: dir + "/merged.jsonl", atomically: true, encoding: .utf8)
        var options = ReplayRecorder.Options()
        options.keys = .all
        let (_, merged) = try Fixtures.replay([dir + "/merged.jsonl"], options: options)
        let (_, separate) = try Fixtures.replay([Fixtures.sessions], options: options)
        #expect(merged.alertKeys == separate.alertKeys)
    }
}
