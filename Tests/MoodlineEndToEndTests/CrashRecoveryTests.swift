import Foundation
import MoodlineStore
import MoodlineWire
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// SIGKILL the server mid-stream, restart it on the same database, re-send the whole stream:
/// no ticket is lost or duplicated, and nothing already ticketed is announced again.
@Suite("End to end: crash recovery")
struct CrashRecoveryTests {
    /// What one database holds: alert episodes and ticket keys.
    struct Contents {
        var alertKeys: [String]
        var ticketKeys: [String]

        init(path: String) throws {
            let store = try TicketStore(path: path)
            defer { try? store.close() }
            alertKeys = try store.alerts(limit: 1_000_000).map(\.ticketKey)
            ticketKeys = try store.tickets(limit: 1_000_000).map(\.key)
        }
    }

    /// Pushes lines from a thread of its own until told to stop or a send fails (the peer is gone).
    final class BackgroundPusher: @unchecked Sendable {
        private let stopRequested = Atomic<Bool>(false)
        private let count = Atomic<Int>(0)
        private let finished = DispatchSemaphore(value: 0)

        init(context: ZMQContext, endpoint: String, lines: [[UInt8]]) {
            let thread = Thread { [self] in
                defer { finished.signal() }
                guard let socket = try? context.socket(.push) else { return }
                defer {
                    try? socket.set(.linger(milliseconds: 0))
                    socket.close()
                }
                guard (try? socket.set(.sendTimeout(milliseconds: 200))) != nil, (try? socket.connect(endpoint)) != nil else { return }
                for line in lines {
                    if stopRequested.load(ordering: .acquiring) { return }
                    guard (try? socket.send(line)) == true else { return }
                    _ = count.add(1, ordering: .releasing)
                    Thread.sleep(forTimeInterval: 0.002) // a gateway's pace, so the kill lands mid-stream
                }
            }
            thread.start()
        }

        var sent: Int { count.load(ordering: .acquiring) }

        /// Stops pushing and drops what was not delivered (bounded).
        func stop() {
            stopRequested.store(true, ordering: .releasing)
            _ = finished.wait(timeout: .now() + 5)
        }
    }

    @Test(
        "SIGKILL mid-stream, restart, re-send everything: tickets equal a clean run's, none duplicated or re-announced",
        .enabled(if: ScenarioSet.isAvailable, "the scenario set is not at <repo>/../shared/scenarios"),
        .timeLimit(.minutes(2))
    )
    func killRestartResend() throws {
        let scenarios = try ScenarioSet()
        let stream = scenarios.stream
        let half = stream.count / 2
        let context = try ZMQContext()

        // The reference: one clean run of the whole stream on its own database.
        let cleanDirectory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(cleanDirectory) }
        let cleanCreated: [String]
        do {
            let clean = try ServerProcess(directory: cleanDirectory, name: "clean", context: context)
            defer { clean.stop() }
            let subscriber = try Subscriber(context: context, endpoint: clean.publish, topics: ["ticket/"])
            defer { subscriber.stop() }
            let pusher = try Pusher(context: context, endpoint: clean.ingest)
            try pusher.push(stream[...])
            try clean.waitForReceived(stream.count)
            pusher.close()
            subscriber.waitForQuiet(1.0, timeout: 20)
            cleanCreated = subscriber.messages.compactMap(PublishedTicket.init).filter { $0.action == "created" }.map(\.key)
            #expect(clean.stop() == .status(0))
        }
        let reference = try Contents(path: "\(cleanDirectory)/moodline.db")
        #expect(Set(cleanCreated) == Set(reference.ticketKeys))
        #expect(reference.ticketKeys.count >= 11, "the scenario set raises at least 11 critical tickets, got \(reference.ticketKeys)")

        // Run 1: half the stream, wait for its tickets, then SIGKILL while more is being pushed.
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let database = "\(directory)/moodline.db"
        var firstCreated: [String] = []
        var committedBeforeKill: Set<String> = []
        do {
            let first = try ServerProcess(directory: directory, name: "first", database: database, context: context)
            let subscriber = try Subscriber(context: context, endpoint: first.publish, topics: ["ticket/"])
            defer { subscriber.stop() }
            let pusher = try Pusher(context: context, endpoint: first.ingest)
            try pusher.push(stream[..<half])
            try first.waitForReceived(half)
            pusher.close()
            // Tickets are committed before they are published; poll until the count settles.
            var last = -1
            var steady = 0
            _ = try E2E.waitUntil(timeout: 15) {
                let now = try first.tickets().count
                steady = now == last ? steady + 1 : 0
                last = now
                Thread.sleep(forTimeInterval: 0.1)
                return steady >= 3
            }
            committedBeforeKill = Set(try first.tickets().compactMap { $0["key"] as? String })
            #expect(!committedBeforeKill.isEmpty, "the first half of the stream raised no ticket")

            let rest = BackgroundPusher(context: context, endpoint: first.ingest, lines: stream[half...].map(\.bytes))
            _ = E2E.waitUntil(timeout: 5) { rest.sent >= 40 }
            let exit = first.crash()
            rest.stop()
            #expect(exit == .signal(SIGKILL), "the first run ended with \(exit)")
            print("crash test: killed the server after \(half) + \(rest.sent) of \(stream.count) messages")
            #expect(rest.sent < stream.count - half, "the kill should land mid-stream")
            subscriber.waitForQuiet(0.3, timeout: 5)
            firstCreated = subscriber.messages.compactMap(PublishedTicket.init).filter { $0.action == "created" }.map(\.key)
        }
        // What survived the crash (opening the store also recovers the WAL, as the restart will).
        let survived = try Contents(path: database)
        #expect(committedBeforeKill.isSubset(of: Set(survived.ticketKeys)), "tickets committed before the kill were lost")

        // Run 2: restart on the same endpoints and database, and re-send the WHOLE stream.
        let second = try ServerProcess(directory: directory, name: "second", database: database, context: context)
        defer { second.stop() }
        #expect(Set(try second.tickets().compactMap { $0["key"] as? String }) == Set(survived.ticketKeys))
        let subscriber = try Subscriber(context: context, endpoint: second.publish, topics: ["ticket/", "agent/"])
        defer { subscriber.stop() }
        let pusher = try Pusher(context: context, endpoint: second.ingest)
        try pusher.push(stream[...])
        try second.waitForReceived(stream.count)
        pusher.close()
        subscriber.waitForQuiet(1.0, timeout: 20)
        let stats = try second.stats()
        #expect(stats.totalRejections == 0, "the re-sent stream was rejected in part: \(stats.rejections.filter { $0.value > 0 })")
        let secondCreated = subscriber.messages.compactMap(PublishedTicket.init).filter { $0.action == "created" }.map(\.key)
        let secondAlerts = subscriber.messages.filter { $0.topic.hasPrefix("agent/") }.compactMap(PublishedAlert.init)
        #expect(second.stop(signal: SIGTERM) == .status(0), "stderr:\n\(second.child.stderrTail)")

        // The database equals the clean run's: same tickets, same alert episodes, no duplicates.
        let final = try Contents(path: database)
        #expect(final.ticketKeys.count == Set(final.ticketKeys).count, "duplicate ticket keys")
        #expect(final.alertKeys.count == Set(final.alertKeys).count, "duplicate alert episodes")
        let lost = Set(reference.ticketKeys).subtracting(final.ticketKeys)
        let extra = Set(final.ticketKeys).subtracting(reference.ticketKeys)
        #expect(lost.isEmpty, "tickets lost: \(lost.sorted())")
        #expect(extra.isEmpty, "tickets a clean run does not raise: \(extra.sorted())")
        #expect(Set(final.alertKeys) == Set(reference.alertKeys), "alert episodes differ from a clean run")

        // Each ticket is announced as created exactly once across both runs: before the kill
        // for what survived it, after the restart for the rest, never again on re-sending.
        let allCreated = firstCreated + secondCreated
        let announcements = Dictionary(grouping: allCreated, by: { $0 }).mapValues(\.count)
        #expect(announcements.filter { $0.value > 1 }.isEmpty, "tickets announced more than once: \(announcements.filter { $0.value > 1 })")
        #expect(Set(secondCreated) == Set(final.ticketKeys).subtracting(survived.ticketKeys), "the restarted server announced exactly the tickets that were new to it")
        #expect(Set(firstCreated).isSubset(of: Set(survived.ticketKeys)), "the first run announced a ticket that was not committed")
        #expect(committedBeforeKill.isSubset(of: Set(firstCreated)), "a committed ticket was never announced")
        #expect(stats.ticketsOpened == secondCreated.count)
        // Alerts already recorded before the crash are not published again after the restart.
        let republished = Set(secondAlerts.map(\.key)).intersection(survived.alertKeys)
        #expect(republished.isEmpty, "alerts published again after the restart: \(republished.sorted())")
        #expect(Set(secondAlerts.map(\.key)).union(survived.alertKeys) == Set(reference.alertKeys))
        print("crash test: clean \(reference.ticketKeys.count) tickets; before the kill \(committedBeforeKill.count) confirmed, \(survived.ticketKeys.count) on disk; after the restart \(secondCreated.count) new, \(final.ticketKeys.count) in all")
    }
}
