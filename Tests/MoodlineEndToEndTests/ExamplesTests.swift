import Foundation
import MoodlineWire
import Testing

/// The integrators' examples (examples/*.py, pyzmq) against a real server: the gateway's
/// conversation reaches the agent's desktop as guidance, and the ticket bot sees and
/// acknowledges the incident it opened.
@Suite("End to end: examples for integrators")
struct ExamplesTests {
    static let python = "/usr/bin/env"

    @Test("gateway, agent desktop and ticket bot work against serve", .timeLimit(.minutes(2)))
    func examplesRun() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let examples = E2E.repoRoot.appendingPathComponent("examples").path
        let context = try ZMQContext()
        let server = try ServerProcess(directory: directory, context: context)
        defer { server.stop() }

        let desktop = try ChildProcess(
            arguments: ["python3", "\(examples)/agent_desktop.py", "--connect", server.publish, "--agent", "a-7", "--count", "2", "--timeout", "30"],
            directory: directory, name: "desktop", executable: Self.python)
        defer { _ = desktop.stop(signal: SIGKILL, timeout: 5) }
        #expect(E2E.waitUntil(timeout: 15) { desktop.stdout.contains("listening for agent/a-7") }, "desktop: \(desktop.stderr)")
        Thread.sleep(forTimeInterval: 0.5) // the subscription must reach the publisher first

        let gateway = try ChildProcess.run(
            ["python3", "\(examples)/gateway.py", "--connect", server.ingest, "--agent", "a-7", "--gap", "0.05"],
            directory: directory, name: "gateway", timeout: 30, executable: Self.python)
        #expect(gateway.exit == .status(0), "gateway: \(gateway.stderr)")
        #expect(gateway.stdout.contains("sent 5 turns"))

        #expect(desktop.waitForExit(timeout: 30), "the desktop saw two alerts and stopped: \(desktop.stdout) \(desktop.stderr)")
        #expect(desktop.stdout.contains("The customer has contacted us about this before."), "\(desktop.stdout)")
        #expect(desktop.stdout.contains("URGENT: The customer mentions a regulator"), "\(desktop.stdout)")

        #expect(try E2E.waitUntil(timeout: 10) { try server.tickets().count == 1 })
        let bot = try ChildProcess.run(
            ["python3", "\(examples)/ticket_bot.py", "--connect", server.control, "--ack", "--by", "bot"],
            directory: directory, name: "bot", timeout: 30, executable: Self.python)
        #expect(bot.exit == .status(0), "bot: \(bot.stderr)")
        #expect(bot.stdout.contains("escalation_threat") && bot.stdout.contains("ombudsman"), "\(bot.stdout)")
        let ticket = try #require(try server.tickets().first)
        #expect(ticket["status"] as? String == "acknowledged")
        #expect(ticket["acknowledged_by"] as? String == "bot")
    }
}
