import Foundation
import MoodlineWire
import Testing

/// A peer can send any finite `ts`; whatever the store then holds, the command-line tools
/// print it and exit normally (they used to trap converting 1e300 to a time_t).
@Suite("End to end: extreme stored times")
struct ExtremeTimeTests {
    @Test("tickets list, tickets show and tail --tickets print a ticket stamped 1e300", .timeLimit(.minutes(3)))
    func farFutureTicketPrints() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let context = try ZMQContext()
        // The event-time window would refuse such a message; off, the ticket is stored as sent.
        let server = try ServerProcess(
            directory: directory, arguments: ["--set", "event_time.max_ahead_seconds=null"], context: context)
        defer { server.stop() }
        let pusher = try Pusher(context: context, endpoint: server.ingest)
        defer { pusher.close() }

        let tail = try ChildProcess(arguments: ["tail", "--tickets", "--connect", server.publish], directory: directory, name: "tail")
        defer { _ = tail.stop(signal: SIGINT, timeout: 5) }
        Thread.sleep(forTimeInterval: 0.3) // the subscription must be in place before the ticket is published

        let lines = [
            #"{"type":"session_start","session":"far-1","ts":1e300,"agent":"a-1","team":"t-1","channel":"chat"}"#,
            #"{"type":"fragment","session":"far-1","seq":1,"ts":1e300,"speaker":"customer","text":"I don't want to live anymore, I'm going to kill myself"}"#,
        ]
        for line in lines { try pusher.send(line) }
        try server.waitForReceived(lines.count)
        #expect(try E2E.waitUntil(timeout: 10) { try server.tickets().count == 1 }, "no ticket was created")
        let key = try #require(server.tickets().first?["key"] as? String)

        let list = try ChildProcess.run(["tickets", "list", "--connect", server.control], directory: directory, name: "list")
        #expect(list.exit == .status(0), "tickets list: \(list.stderr)")
        #expect(list.stdout.contains(key), "\(list.stdout)")
        #expect(list.stdout.contains("not a printable time"), "\(list.stdout)")

        let show = try ChildProcess.run(["tickets", "show", key, "--connect", server.control], directory: directory, name: "show")
        #expect(show.exit == .status(0), "tickets show: \(show.stderr)")
        #expect(show.stdout.contains("not a printable time"), "\(show.stdout)")

        #expect(E2E.waitUntil(timeout: 10) { tail.stdout.contains(key) || tail.stdout.contains("self_harm") }, "tail printed nothing: \(tail.stderr)")
        let exit = tail.stop(signal: SIGINT, timeout: 5)
        #expect(exit == .status(0) || exit == .signal(SIGINT), "tail ended with \(exit): \(tail.stderr)")
        #expect(!tail.stderr.contains("Fatal error"), "\(tail.stderr)")
    }

    @Test("a far-future or ancient ts is refused with its reason and moves no clock", .timeLimit(.minutes(3)))
    func outOfRangeTimesAreRefused() throws {
        let directory = try E2E.makeTemporaryDirectory()
        defer { E2E.removeDirectory(directory) }
        let context = try ZMQContext()
        let server = try ServerProcess(directory: directory, context: context)
        defer { server.stop() }
        let pusher = try Pusher(context: context, endpoint: server.ingest)
        defer { pusher.close() }

        let now = Date().timeIntervalSince1970
        let lines = [
            #"{"type":"fragment","session":"far-2","seq":1,"ts":1e300,"speaker":"customer","text":"I don't want to live anymore, I'm going to kill myself"}"#,
            #"{"type":"fragment","session":"old-1","seq":1,"ts":1000,"speaker":"customer","text":"I don't want to live anymore, I'm going to kill myself"}"#,
            #"{"type":"fragment","session":"ok-1","seq":1,"ts":\#(now - 5),"speaker":"customer","text":"hello, quick question about my bill"}"#,
        ]
        for line in lines { try pusher.send(line) }
        try server.waitForReceived(lines.count)
        let stats = try server.stats()
        #expect(stats.rejections["ts_out_of_range"] == 2, "\(stats.rejections)")
        #expect(try server.tickets().isEmpty, "a refused message opens no ticket")
        // The deadline clock still reads the wall clock, not 1e300.
        let status = try server.request(["cmd": "sessions"])
        #expect((status["sessions"] as? [[String: Any]])?.compactMap { $0["session"] as? String } == ["ok-1"])
    }
}
