import Foundation
import MoodlineEngine
import MoodlineWire
import Synchronization
import Testing

/// Runs blocking ZeroMQ work on its own thread, as production code must, and hands the
/// result back to the test without blocking a cooperative-pool thread.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try body() })
        }
        thread.start()
    }
}

extension ZMQSocket {
    /// Receives one frame as a string; nil when the receive timeout elapsed.
    func receiveString(flags: ReceiveFlags = []) throws -> String? {
        try receive(flags: flags) { String(decoding: $0, as: UTF8.self) }
    }
}

/// A short private directory for ipc endpoints (socket paths are limited to about 100 bytes).
func temporaryDirectory() throws -> String {
    let path = "/tmp/mlw-\(UInt32.random(in: 0...UInt32.max))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    return path
}

@Suite("ZeroMQ sockets")
struct ZMQSocketTests {
    @Test func pushPullOverIPC() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let context = try ZMQContext()
        let endpoint = "ipc://\(directory)/ingest.sock"
        let received = try await onThread { () throws -> [String] in
            let pull = try context.socket(.pull)
            try pull.set(.receiveTimeout(milliseconds: 5000))
            try pull.bind(endpoint)
            let push = try context.socket(.push)
            try push.connect(endpoint)
            for index in 0..<100 {
                try push.send(Fixtures.minimal + " \(index)")
            }
            var messages: [String] = []
            for _ in 0..<100 {
                guard let message = try pull.receiveString() else { break }
                messages.append(message)
            }
            return messages
        }
        #expect(received.count == 100)
        #expect(received.first == Fixtures.minimal + " 0")
        #expect(received.last == Fixtures.minimal + " 99")
    }

    @Test func pushPullOverTCPWithEphemeralPortAndDecode() async throws {
        let context = try ZMQContext()
        let events = try await onThread { () throws -> [String] in
            let pull = try context.socket(.pull)
            try pull.set(.receiveTimeout(milliseconds: 5000))
            try pull.set(.receiveHighWaterMark(10_000))
            try pull.bind("tcp://127.0.0.1:*")
            let endpoint = try pull.lastEndpoint
            guard endpoint.hasPrefix("tcp://127.0.0.1:"), !endpoint.hasSuffix(":*") else { return ["bad endpoint \(endpoint)"] }
            let push = try context.socket(.push)
            try push.connect(endpoint)
            for line in [Fixtures.sessionStart, Fixtures.finalFragment, "{oops", Fixtures.sessionEnd] {
                try push.send(line)
            }
            let decoder = WireDecoder()
            var results: [String] = []
            for _ in 0..<4 {
                // Decode straight from libzmq's buffer: no copy of the frame.
                let result = try pull.receive { bytes in
                    Result { () throws(Rejection) in try decoder.decode(bytes) }
                }
                switch result {
                case .success(let event)?: results.append(event.session)
                case .failure(let rejection)?: results.append(rejection.reason.rawValue)
                case nil: results.append("timeout")
                }
            }
            return results
        }
        #expect(events == ["dev-005", "dev-005", "bad_json", "dev-005"])
    }

    @Test func pubSubFiltersByTopic() async throws {
        let context = try ZMQContext()
        let (agentFeed, teamFeed) = try await onThread { () throws -> ([[String]], [[String]]) in
            let pub = try context.socket(.pub)
            try pub.bind("tcp://127.0.0.1:*")
            let endpoint = try pub.lastEndpoint
            let agentSub = try context.socket(.sub)
            let teamSub = try context.socket(.sub)
            for (sub, topic) in [(agentSub, Topic.agent("a-1")), (teamSub, Topic.team("t-1"))] {
                try sub.set(.receiveTimeout(milliseconds: 5000))
                try sub.subscribe(topic)
                try sub.connect(endpoint)
            }
            // Slow joiner: PUB drops messages until the subscriptions arrive. Probe until
            // both subscribers hear something, for at most about five seconds.
            var poller = ZMQPoller()
            let agentIndex = try poller.register(agentSub)
            let teamIndex = try poller.register(teamSub)
            var agentLive = false
            var teamLive = false
            let deadline = ContinuousClock.now + .seconds(5)
            while !(agentLive && teamLive), ContinuousClock.now < deadline {
                try pub.send(topic: .agent("a-1"), body: Array("probe".utf8))
                try pub.send(topic: .team("t-1"), body: Array("probe".utf8))
                try poller.poll(timeoutMilliseconds: 10)
                if poller.isReadable(agentIndex) {
                    agentLive = true
                    while try agentSub.receiveMultipart(flags: .dontWait) != nil {}
                }
                if poller.isReadable(teamIndex) {
                    teamLive = true
                    while try teamSub.receiveMultipart(flags: .dontWait) != nil {}
                }
            }
            guard agentLive, teamLive else { return ([["never subscribed"]], []) }
            try pub.send(topic: .agent("a-1"), body: Array("A1".utf8))
            try pub.send(topic: .team("t-1"), body: Array("T1".utf8))
            try pub.send(topic: .agent("a-10-other"), body: Array("prefix".utf8))
            try pub.send(topic: .agent("a-2"), body: Array("other agent".utf8))
            try pub.send(topic: .agent("a-1"), body: Array("A2".utf8))
            try pub.send(topic: .team("t-1"), body: Array("end".utf8))

            func read(_ sub: ZMQSocket, until last: String) throws -> [[String]] {
                var frames: [[String]] = []
                while let message = try sub.receiveMultipart() {
                    let strings = message.map { String(decoding: $0, as: UTF8.self) }
                    if strings.last == "probe" { continue }
                    frames.append(strings)
                    if strings.last == last { break }
                }
                return frames
            }
            return (try read(agentSub, until: "A2"), try read(teamSub, until: "end"))
        }
        // Prefix matching: agent/a-1 also hears agent/a-10-other; consumers compare topics exactly.
        #expect(agentFeed == [["agent/a-1", "A1"], ["agent/a-10-other", "prefix"], ["agent/a-1", "A2"]])
        #expect(teamFeed == [["team/t-1", "T1"], ["team/t-1", "end"]])
    }

    @Test func reqRepRoundTrip() async throws {
        let context = try ZMQContext()
        let (reply, secondSend) = try await onThread { () throws -> (String?, ZMQError.Code?) in
            let rep = try context.socket(.rep)
            try rep.set(.receiveTimeout(milliseconds: 5000))
            try rep.bind("inproc://rep-test")
            let req = try context.socket(.req)
            try req.set(.receiveTimeout(milliseconds: 5000))
            try req.connect("inproc://rep-test")
            try req.send("ack ticket dev-005/self_harm/1")
            var secondSend: ZMQError.Code?
            do throws(ZMQError) {
                try req.send("again")  // REQ must wait for the reply first
            } catch {
                secondSend = error.code
            }
            guard let request = try rep.receiveString() else { return (nil, secondSend) }
            try rep.send("ok: " + request)
            return (try req.receiveString(), secondSend)
        }
        #expect(reply == "ok: ack ticket dev-005/self_harm/1")
        #expect(secondSend == .invalidState)
    }

    @Test func pollTimesOutAndThenSeesData() async throws {
        let context = try ZMQContext()
        let (timedOut, elapsed, readyAfterSend, nonBlocking) = try await onThread {
            () throws -> (Int, Duration, Bool, String?) in
            let pull = try context.socket(.pull)
            try pull.bind("inproc://poll-test")
            let push = try context.socket(.push)
            try push.connect("inproc://poll-test")
            var poller = ZMQPoller()
            let index = try poller.register(pull)
            let clock = ContinuousClock()
            let start = clock.now
            let ready = try poller.poll(timeoutMilliseconds: 100)
            let elapsed = clock.now - start
            let emptyReadable = poller.isReadable(index)
            try push.send("x")
            try poller.poll(timeoutMilliseconds: 5000)
            let readable = poller.isReadable(index) && !emptyReadable
            return (ready, elapsed, readable, try pull.receiveString(flags: .dontWait))
        }
        #expect(timedOut == 0)
        #expect(elapsed >= .milliseconds(80))
        #expect(readyAfterSend)
        #expect(nonBlocking == "x")
    }

    @Test func nonBlockingReceiveReturnsNil() throws {
        let context = try ZMQContext()
        let pull = try context.socket(.pull)
        try pull.bind("inproc://empty")
        // Non-blocking calls are fine inside a task.
        #expect(try pull.receiveBytes(flags: .dontWait) == nil)
        let push = try context.socket(.push)
        try push.set(.sendHighWaterMark(1))
        // A PUSH socket with no peer has nowhere to queue: a non-blocking send says so.
        #expect(try push.send(Array("x".utf8), flags: .dontWait) == false)
    }

    /// A message over the limit never arrives (its sender is disconnected before it is read);
    /// messages within it from another sender still do. Without the limit the large one arrives.
    @Test(arguments: [true, false])
    func maxMessageSizeKeepsLargeMessagesOut(limited: Bool) async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let context = try ZMQContext()
        let endpoint = "ipc://\(directory)/limit.sock"
        let received = try await onThread { () throws -> [Int] in
            let pull = try context.socket(.pull)
            if limited { try pull.set(.maxMessageSize(1024)) }
            try pull.set(.receiveTimeout(milliseconds: 1500))
            try pull.bind(endpoint)
            let big = try context.socket(.push)
            try big.set(.linger(milliseconds: 0))
            try big.connect(endpoint)
            try big.send([UInt8](repeating: 0x61, count: 4 * 1024 * 1024))
            let small = try context.socket(.push)
            try small.connect(endpoint)
            try small.send(Array("small".utf8))
            var sizes: [Int] = []
            while let message = try pull.receiveBytes() {
                sizes.append(message.count)
                if sizes.count == 2 { break }
            }
            big.close()
            small.close()
            return sizes
        }
        if limited {
            #expect(received == [5])
        } else {
            #expect(received.sorted() == [5, 4 * 1024 * 1024])
        }
    }

    @Test func receiveTimeoutReturnsNil() async throws {
        let context = try ZMQContext()
        let result = try await onThread { () throws -> [UInt8]? in
            let sub = try context.socket(.sub)
            try sub.set(.receiveTimeout(milliseconds: 50))
            try sub.subscribe("")
            try sub.bind("inproc://quiet")
            return try sub.receiveBytes()
        }
        #expect(result == nil)
    }

    @Test func shutdownUnblocksABlockedReceive() async throws {
        let context = try ZMQContext()
        let bound = Atomic<Bool>(false)
        async let outcome = onThread { () -> ZMQError.Code? in
            do throws(ZMQError) {
                let pull = try context.socket(.pull)
                try pull.bind("inproc://shutdown-test")
                bound.store(true, ordering: .releasing)
                _ = try pull.receiveBytes()  // no timeout: only shutdown ends it
                return nil
            } catch {
                return error.code
            }
        }
        // Wait (without blocking the pool) until the thread is about to block.
        for _ in 0..<500 where !bound.load(ordering: .acquiring) {
            try await Task.sleep(for: .milliseconds(10))
        }
        try await Task.sleep(for: .milliseconds(50))
        context.shutdown()
        #expect(try await outcome == .contextTerminated)
        // Sockets made after shutdown fail the same way.
        #expect(throws: ZMQError.self) { _ = try context.socket(.push).bind("inproc://after") }
    }

    @Test func handoffMovesASocketToItsThreadOnce() async throws {
        let context = try ZMQContext()
        let pull = try context.socket(.pull)
        try pull.bind("inproc://handoff")
        let push = try context.socket(.push)
        try push.connect("inproc://handoff")
        try push.send("moved")
        let handoff = ZMQSocket.Handoff(pull)
        let (first, second) = try await onThread { () throws -> (String?, Bool) in
            guard let socket = handoff.take() else { return (nil, false) }
            try socket.set(.receiveTimeout(milliseconds: 5000))
            return (try socket.receiveString(), handoff.take() == nil)
        }
        #expect(first == "moved")
        #expect(second)
    }

    @Test func errorsSayWhatToDo() throws {
        let context = try ZMQContext()
        let first = try context.socket(.pull)
        try first.bind("inproc://taken")
        let second = try context.socket(.pull)
        let error = try #require(throws: ZMQError.self) { try second.bind("inproc://taken") }
        #expect(error.code == .addressInUse)
        #expect(error.description.contains("inproc://taken"))
        #expect(throws: ZMQError.self) { try second.bind("carrier-pigeon://x") }
        first.close()
        let closed = try #require(throws: ZMQError.self) { try first.send("x") }
        #expect(closed.code == .socketClosed)
    }
}
