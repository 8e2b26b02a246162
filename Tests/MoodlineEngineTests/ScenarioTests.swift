import Foundation
import MoodlineCore
import Testing
@testable import MoodlineEngine

/// Runs the 30 development scenarios (../shared/scenarios beside the repository) through one engine as a single
/// live stream, and scores the alerts exactly as the scenarios' README "How to judge a system" says.
@Suite struct ScenarioTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/scenarios")

    struct Expectation {
        var session: String
        var lang: String
        var channel: String
        var expect: [(kind: String, from: Int64, to: Int64)]
        var forbid: Set<String>
    }

    struct Tally {
        var expected = 0, matched = 0, falseAlarms = 0
        var recall: Double { expected == 0 ? 1 : Double(matched) / Double(expected) }
        var precision: Double { matched + falseAlarms == 0 ? 1 : Double(matched) / Double(matched + falseAlarms) }
    }

    static func loadJSONLines(_ url: URL) throws -> [[String: Any]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// Wire schema v1 → WireEvent, for the test only (the fast decoder lives in MoodlineWire).
    static func event(_ o: [String: Any]) -> WireEvent? {
        let session = o["session"] as? String ?? ""
        let ts = (o["ts"] as? NSNumber)?.doubleValue ?? .nan
        let seq = (o["seq"] as? NSNumber)?.int64Value
        switch o["type"] as? String ?? "fragment" {
        case "session_start":
            return .sessionStart(SessionStart(
                session: session, seq: seq, ts: ts, agent: o["agent"] as? String, team: o["team"] as? String,
                channel: (o["channel"] as? String).flatMap(Channel.init(rawValue:)), customer: o["customer"] as? String,
                lang: o["lang"] as? String))
        case "session_end":
            return .sessionEnd(SessionEnd(session: session, seq: seq, ts: ts))
        case "fragment":
            var prosody: ProsodyReading?
            if let p = o["prosody"] as? [String: Any] {
                func d(_ k: String) -> Double? { (p[k] as? NSNumber)?.doubleValue }
                prosody = ProsodyReading(
                    pitchHz: d("pitch_hz"), pitchSDHz: d("pitch_sd_hz"), energyDB: d("energy_db"), rateSPS: d("rate_sps"),
                    overlapS: d("overlap_s"), pauseBeforeS: d("pause_before_s"))
            }
            guard let seq, let speaker = (o["speaker"] as? String).flatMap(Speaker.init(rawValue:)) else { return nil }
            return .fragment(Fragment(
                session: session, seq: seq, ts: ts, speaker: speaker, text: o["text"] as? String ?? "",
                agent: o["agent"] as? String, team: o["team"] as? String,
                channel: (o["channel"] as? String).flatMap(Channel.init(rawValue:)), lang: o["lang"] as? String,
                isFinal: o["final"] as? Bool ?? true, prosody: prosody))
        default:
            return nil
        }
    }

    /// All sessions merged by ts, as a live stream would interleave them.
    static func mergedStream() throws -> [WireEvent] {
        let dir = root.appendingPathComponent("sessions")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        var events: [(ts: Double, order: Int, event: WireEvent)] = []
        for file in files {
            for o in try loadJSONLines(dir.appendingPathComponent(file)) {
                guard let e = event(o) else { continue }
                events.append((e.ts, events.count, e))
            }
        }
        events.sort { ($0.ts, $0.order) < ($1.ts, $1.order) }
        return events.map(\.event)
    }

    static func expectations() throws -> [Expectation] {
        try loadJSONLines(root.appendingPathComponent("expectations.jsonl")).map { o in
            Expectation(
                session: o["session"] as! String, lang: o["lang"] as! String, channel: o["channel"] as! String,
                expect: (o["expect"] as! [[String: Any]]).map {
                    ($0["kind"] as! String, ($0["not_before_seq"] as! NSNumber).int64Value, ($0["by_seq"] as! NSNumber).int64Value)
                },
                forbid: Set(o["forbid"] as! [String]))
        }
    }

    static func run(_ stream: [WireEvent]) -> [Alert] {
        var engine = Engine()
        var output = EngineOutput()
        var alerts: [Alert] = []
        for event in stream {
            output.removeAll(keepingCapacity: true)
            engine.handle(event, into: &output)
            alerts += output.alerts
        }
        return alerts
    }

    /// The README's matcher: a window is matched by the first alert of its kind inside it;
    /// every alert of a forbidden kind is a false alarm; other alerts are not scored.
    static func judge(_ alerts: [Alert], _ expectations: [Expectation]) -> (overall: Tally, byKind: [String: Tally], byGroup: [String: Tally], lines: [String], delays: [Int64]) {
        var overall = Tally()
        var byKind: [String: Tally] = [:]
        var byGroup: [String: Tally] = [:]
        var lines: [String] = []
        var delays: [Int64] = []
        var seqs: [String: [Int64]] = [:]
        for a in alerts { seqs["\(a.session)|\(a.kind.rawValue)", default: []].append(a.seq) }
        for e in expectations {
            let groups = ["lang=\(e.lang)", "channel=\(e.channel)"]
            for x in e.expect {
                let fired = (seqs["\(e.session)|\(x.kind)"] ?? []).sorted()
                let hit = fired.first { x.from <= $0 && $0 <= x.to }
                overall.expected += 1
                byKind[x.kind, default: Tally()].expected += 1
                for g in groups { byGroup[g, default: Tally()].expected += 1 }
                if let hit {
                    overall.matched += 1
                    byKind[x.kind]!.matched += 1
                    for g in groups { byGroup[g]!.matched += 1 }
                    delays.append(hit - x.from)
                } else {
                    lines.append("  \(e.session) \(x.kind) MISS \(x.from)..\(x.to) fired at \(fired)")
                }
            }
            for kind in e.forbid.sorted() {
                let n = seqs["\(e.session)|\(kind)"]?.count ?? 0
                guard n > 0 else { continue }
                overall.falseAlarms += n
                byKind[kind, default: Tally()].falseAlarms += n
                for g in groups { byGroup[g, default: Tally()].falseAlarms += n }
                lines.append("  \(e.session) \(kind) FALSE at \(seqs["\(e.session)|\(kind)"]!)")
            }
        }
        return (overall, byKind, byGroup, lines, delays)
    }

    @Test func scenariosMeetTheFloor() throws {
        let stream = try Self.mergedStream()
        let alerts = Self.run(stream)
        let result = Self.judge(alerts, try Self.expectations())

        // A dump for tools/score.py, to cross-check this matcher.
        let dump = alerts.map { "{\"session\":\"\($0.session)\",\"kind\":\"\($0.kind.rawValue)\",\"seq\":\($0.seq)}" }
        try? (dump.joined(separator: "\n") + "\n").write(toFile: "/tmp/moodline-engine-alerts.jsonl", atomically: true, encoding: .utf8)

        let o = result.overall
        let delays = result.delays.sorted()
        print(String(format: "scenarios: expected %d matched %d recall %.3f false alarms %d precision %.3f median delay %@",
                     o.expected, o.matched, o.recall, o.falseAlarms, o.precision,
                     delays.isEmpty ? "n/a" : "\(delays[delays.count / 2])"))
        for (kind, t) in result.byKind.sorted(by: { $0.key < $1.key }) {
            print(String(format: "  %-18@ expected %2d matched %2d recall %.2f false %2d", kind as NSString, t.expected, t.matched, t.recall, t.falseAlarms))
        }
        for (group, t) in result.byGroup.sorted(by: { $0.key < $1.key }) {
            print(String(format: "  %-18@ expected %2d matched %2d recall %.2f false %2d", group as NSString, t.expected, t.matched, t.recall, t.falseAlarms))
        }
        for line in result.lines { print(line) }

        #expect(o.expected == 57)
        #expect(o.recall >= ScenarioFloor.recall)
        #expect(o.falseAlarms <= ScenarioFloor.maxFalseAlarms)
        // The urgent kinds are the ones a person must not miss.
        #expect(result.byKind["self_harm"]?.falseAlarms ?? 0 == 0)
    }

    @Test func replayIsDeterministic() throws {
        let stream = try Self.mergedStream()
        #expect(Self.run(stream) == Self.run(stream))
    }
}

/// What the engine achieves on the development set (57/57, no false alarms when this was set),
/// with a margin for lexicon changes. Tuned on this very set, so it is optimistic: quote accuracy
/// on held-out conversations only.
enum ScenarioFloor {
    static let recall = 0.9
    static let maxFalseAlarms = 2
}
