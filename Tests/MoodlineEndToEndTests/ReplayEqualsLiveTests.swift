import Foundation
import MoodlineWire
import Testing

/// DESIGN.md's rule above all: the pipeline is a deterministic function of its input, so a QA
/// replay of a recording raises exactly the alerts the live service raised from it.
@Suite("End to end: replay equals live")
struct ReplayEqualsLiveTests {
    @Test(
        "the scenario recordings give identical alerts through `serve` and through `replay`",
        .enabled(if: ScenarioSet.isAvailable, "the scenario set is not at <repo>/../shared/scenarios"),
        .timeLimit(.minutes(2))
    )
    func replayEqualsLive() throws {
        let scenarios = try ScenarioSet()
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }

        // Live: the recordings merged by ts, as gateways would send them.
        let context = try ZMQContext()
        let server = try ServerProcess(directory: directory, context: context)
        defer { server.stop() }
        let subscriber = try Subscriber(context: context, endpoint: server.publish, topics: ["agent/"])
        defer { subscriber.stop() }
        let pusher = try Pusher(context: context, endpoint: server.ingest)
        try pusher.push(scenarios.stream[...])
        try server.waitForReceived(scenarios.stream.count)
        pusher.close()
        #expect(subscriber.waitForQuiet(1.0, timeout: 30))
        var live: [String: NSDictionary] = [:]
        for message in subscriber.messages {
            guard let body = message.json, let alert = body["alert"] as? [String: Any],
                  let session = alert["session"], let kind = alert["kind"], let episode = alert["episode"]
            else { continue }
            live["\(session)/\(kind)/\(episode)"] = alert as NSDictionary
        }

        // Replay: the same files, through `moodline replay`.
        let alertsFile = "\(directory)/replay-alerts.jsonl"
        let run = try ChildProcess.run(
            ["replay", ScenarioSet.root.appendingPathComponent("sessions").path, "--alerts", alertsFile],
            directory: directory, name: "replay"
        )
        #expect(run.exit == .status(0), "replay failed: \(run.stderr)")
        let text = try String(contentsOfFile: alertsFile, encoding: .utf8)
        var replayed: [String: NSDictionary] = [:]
        for line in text.split(separator: "\n") {
            guard let alert = E2E.object(String(line)), let session = alert["session"], let kind = alert["kind"],
                  let episode = alert["episode"]
            else {
                Issue.record("unreadable alert line: \(line)")
                continue
            }
            replayed["\(session)/\(kind)/\(episode)"] = alert as NSDictionary
        }

        #expect(live.count >= 57, "the live run raised \(live.count) alerts")
        #expect(Set(live.keys) == Set(replayed.keys),
                "only live: \(Set(live.keys).subtracting(replayed.keys).sorted()); only replay: \(Set(replayed.keys).subtracting(live.keys).sorted())")
        // Not just the same alerts: the same seq, ts, severity, scores and evidence, field for field.
        for (key, alert) in live {
            guard let other = replayed[key] else { continue }
            #expect(alert == other, "\(key) differs:\nlive   \(alert)\nreplay \(other)")
        }
    }
}
