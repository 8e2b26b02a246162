import Foundation
import MoodlineStore
import MoodlineWire
import Testing

/// All 30 scenario conversations through a running `moodline serve`, over real sockets, scored
/// against `expectations.jsonl` as the scenario README says, with floors that must hold.
@Suite("End to end: scenario alerts")
struct ScenarioAlertsTests {
    @Test(
        "every scenario session pushed live: recall, precision and false alarms hold their floors",
        .enabled(if: ScenarioSet.isAvailable, "the scenario set is not at <repo>/../shared/scenarios"),
        .timeLimit(.minutes(2))
    )
    func scenarioStreamMeetsFloors() throws {
        let scenarios = try ScenarioSet()
        #expect(scenarios.stream.count == 460, "30 sessions: 400 fragments plus a start and an end each")
        #expect(scenarios.fragmentCount == 400)

        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let context = try ZMQContext()
        let server = try ServerProcess(directory: directory, context: context)
        defer { server.stop() }

        // Every alert has an agent in this set, so `agent/` sees them all; `ticket/` the tickets.
        let subscriber = try Subscriber(context: context, endpoint: server.publish, topics: ["agent/", "ticket/"])
        defer { subscriber.stop() }
        let pusher = try Pusher(context: context, endpoint: server.ingest)
        try pusher.push(scenarios.stream[...])
        try server.waitForReceived(scenarios.stream.count)
        pusher.close()
        #expect(subscriber.waitForQuiet(1.0, timeout: 30), "alerts kept arriving for 30 s")
        #expect(subscriber.error == nil)

        let stats = try server.stats()
        #expect(stats.received == 460)
        // `fragments` counts final fragments; the set's three interim results are counted apart.
        #expect(stats.fragments == 397, "every final scenario fragment is accepted")
        #expect(stats.totalRejections == 0, "no scenario line is rejected: \(stats.rejections.filter { $0.value > 0 })")
        #expect(stats.liveSessions == 0, "every session ended with its session_end")

        let alerts = subscriber.messages.filter { $0.topic.hasPrefix("agent/") }.compactMap(PublishedAlert.init)
        let created = subscriber.messages.filter { $0.topic.hasPrefix("ticket/") }.compactMap(PublishedTicket.init).filter { $0.action == "created" }
        #expect(alerts.count == subscriber.messages.filter { $0.topic.hasPrefix("agent/") }.count, "every agent/ message is an alert")
        #expect(alerts.count == stats.alertsPublished, "the SUB saw every published alert")
        #expect(stats.alerts.values.reduce(0, +) == stats.alertsPublished)
        for alert in alerts {
            #expect(alert.evidenceCount > 0, "\(alert) carries no evidence")
        }
        #expect(Set(alerts.map(\.key)).count == alerts.count, "an episode is published once")

        let score = scenarios.score(alerts.map { ($0.session, $0.kind, $0.seq) })
        print("""
            Scenario set through `moodline serve` (live, ipc): \(alerts.count) alerts, \(created.count) tickets
            \(score.report)
            """)
        #expect(score.expected == 57)
        #expect(score.recall >= 0.9, "recall \(score.recall)\n\(score.report)")
        #expect(score.falseAlarms <= 2, "false alarms \(score.falseAlarms)\n\(score.report)")
        #expect(score.byKind["self_harm"]?.recall == 1.0, "every self-harm disclosure must alert\n\(score.report)")

        // Tickets: committed before publishing, one incident per conversation, critical kinds only.
        #expect(created.count == stats.ticketsOpened)
        let exit = server.stop()
        #expect(exit == .status(0), "serve stopped with \(exit) on SIGINT; stderr:\n\(server.child.stderrTail)")
        #expect(server.stderr.contains("moodline stopped"))

        let store = try TicketStore(path: server.database)
        defer { try? store.close() }
        let tickets = try store.tickets(limit: 100_000)
        let stored = try store.alerts(limit: 100_000)
        #expect(stored.count == alerts.count, "every published alert is in the database, and nothing else")
        #expect(Set(stored.map(\.ticketKey)) == Set(alerts.map(\.key)))
        #expect(Set(tickets.map(\.key)).count == tickets.count, "no duplicate ticket keys")
        #expect(Set(tickets.map(\.key)) == Set(created.map(\.key)), "a ticket message was published for each stored ticket")
        for ticket in tickets {
            #expect(ticket.key == "\(ticket.session)/\(ticket.kind.rawValue)/\(ticket.alert.episode)")
            #expect(ticket.severity.rawValue == "critical")
            #expect(ScenarioSet.criticalKinds.contains(ticket.kind.rawValue), "\(ticket.key) is not a critical kind")
            #expect(try store.history(key: ticket.key).first?.action == .created)
        }
        // One incident per conversation: every critical alert opened its session's ticket or joined it.
        let critical = alerts.filter { ScenarioSet.criticalKinds.contains($0.kind) }
        #expect(Set(tickets.map(\.session)) == Set(critical.map(\.session)), "every conversation with a critical alert has its incident")
        #expect(tickets.count == Set(tickets.map(\.session)).count, "one incident per conversation (none was resolved here)")
        var joined: Set<String> = []
        for ticket in tickets {
            for alert in try store.incidentAlerts(key: ticket.key) { joined.insert(alert.ticketKey) }
        }
        #expect(joined == Set(critical.map(\.key)), "every critical alert is kept with its incident")
        // Every matched critical expectation is in its conversation's incident, with its kind.
        for e in scenarios.expectations {
            for window in e.expect where ScenarioSet.criticalKinds.contains(window.kind) {
                let incident = tickets.first { $0.session == e.session }
                let kept = try incident.map { try store.incidentAlerts(key: $0.key) } ?? []
                let inWindow = kept.contains {
                    $0.kind.rawValue == window.kind && window.notBefore <= Int($0.seq) && Int($0.seq) <= window.by
                }
                #expect(inWindow, "no \(window.kind) alert in \(e.session)'s incident in \(window.notBefore)..\(window.by)")
            }
        }
    }
}
