import Foundation
import MoodlineServer
import MoodlineWire
import Testing

/// The integrators' examples (examples/*.py, pyzmq) against a real server: the gateway's
/// conversation reaches the agent's desktop as guidance, and the ticket bot sees and
/// acknowledges the incident it opened. The server runs with CURVE, each example with a key
/// file made by `moodline keys generate`.
@Suite("End to end: examples for integrators")
struct ExamplesTests {
    static let python = "/usr/bin/env"

    @Test("gateway, agent desktop and ticket bot work against serve", .timeLimit(.minutes(2)))
    func examplesRun() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let examples = E2E.repoRoot.appendingPathComponent("examples").path
        let context = try ZMQContext()
        // Keys as an operator makes them: `moodline keys generate`, one file per client.
        var files: [String: CurveKeyFile] = [:]
        for name in ["server", "gateway", "desktop", "bot"] {
            let made = try ChildProcess.run(["keys", "generate", "--name", name, "--out", "\(directory)/\(name).key"], directory: directory, name: "keys-\(name)")
            #expect(made.exit == .status(0), "\(made.stderr)")
            files[name] = try CurveKeyFile.load(path: "\(directory)/\(name).key")
        }
        let serverKey = try #require(files["server"]).keys
        let curve = E2ECurve(server: serverKey, clients: [
            .init(name: "gateway", keys: try #require(files["gateway"]).keys, sockets: ["ingest"]),
            .init(name: "desktop", keys: try #require(files["desktop"]).keys, sockets: ["publish"]),
            .init(name: "bot", keys: try #require(files["bot"]).keys, sockets: ["control"]),
            .init(name: "harness", keys: try CurveKeyPair.generate(), sockets: ["control"]),
        ])
        let server = try ServerProcess(directory: directory, context: context, curve: curve, controlAs: "harness")
        defer { server.stop() }
        // `=`: a Z85 key may begin with "-", which argparse would take for an option.
        func keyArguments(_ name: String) -> [String] { ["--key", "\(directory)/\(name).key", "--server-key=\(serverKey.publicKey)"] }

        let desktop = try ChildProcess(
            arguments: ["python3", "\(examples)/agent_desktop.py", "--connect", server.publish, "--agent", "a-7", "--count", "2", "--timeout", "30"] + keyArguments("desktop"),
            directory: directory, name: "desktop", executable: Self.python)
        defer { _ = desktop.stop(signal: SIGKILL, timeout: 5) }
        #expect(E2E.waitUntil(timeout: 15) { desktop.stdout.contains("listening for agent/a-7") }, "desktop: \(desktop.stderr)")
        Thread.sleep(forTimeInterval: 0.5) // the subscription must reach the publisher first

        let gateway = try ChildProcess.run(
            ["python3", "\(examples)/gateway.py", "--connect", server.ingest, "--agent", "a-7", "--gap", "0.05"] + keyArguments("gateway"),
            directory: directory, name: "gateway", timeout: 30, executable: Self.python)
        #expect(gateway.exit == .status(0), "gateway: \(gateway.stderr)")
        #expect(gateway.stdout.contains("sent 5 turns"))

        #expect(desktop.waitForExit(timeout: 30), "the desktop saw two alerts and stopped: \(desktop.stdout) \(desktop.stderr)")
        #expect(desktop.stdout.contains("The customer has contacted us about this before."), "\(desktop.stdout)")
        #expect(desktop.stdout.contains("URGENT: The customer mentions a regulator"), "\(desktop.stdout)")

        #expect(try E2E.waitUntil(timeout: 10) { try server.tickets().count == 1 })
        let bot = try ChildProcess.run(
            ["python3", "\(examples)/ticket_bot.py", "--connect", server.control, "--ack"] + keyArguments("bot"),
            directory: directory, name: "bot", timeout: 30, executable: Self.python)
        #expect(bot.exit == .status(0), "bot: \(bot.stderr)")
        #expect(bot.stdout.contains("escalation_threat") && bot.stdout.contains("ombudsman"), "\(bot.stdout)")
        let ticket = try #require(try server.tickets().first)
        #expect(ticket["status"] as? String == "acknowledged")
        #expect(ticket["acknowledged_by"] as? String == "bot", "the name the bot's key is listed under")
    }
}
