import Foundation
import MoodlineWire
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// The end-to-end harness: the real `moodline` binary as a child process, ipc endpoints in a
// private temporary directory per test, and ZeroMQ sockets from the test side. Every wait is
// bounded, so a broken server fails a test instead of hanging the run.

/// A failure of the harness itself, with what the server said on stderr when it matters.
struct E2EError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum E2E {
    /// The repository root: this file is `<repo>/Tests/MoodlineEndToEndTests/E2EHarness.swift`.
    static let repoRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `moodline` binary under test: `$MOODLINE_BIN`, else the one next to this test bundle
    /// (the products directory of the current `swift test` run), else `<repo>/.build-e2e/debug`
    /// or `<repo>/.build/debug`.
    static let binary: String? = {
        var candidates: [String] = []
        if let explicit = ProcessInfo.processInfo.environment["MOODLINE_BIN"], !explicit.isEmpty {
            candidates.append(explicit)
        }
        var starts: [URL] = [URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()]
        if let executable = Bundle.main.executableURL { starts.append(executable.resolvingSymlinksInPath()) }
        for start in starts {
            // Linux: <products>/moodlinePackageTests.xctest is the test executable itself;
            // macOS: <products>/moodlinePackageTests.xctest/Contents/MacOS/moodlinePackageTests.
            var directory = start.deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(directory.appendingPathComponent("moodline").path)
                directory = directory.deletingLastPathComponent()
            }
        }
        for scratch in [".build-e2e", ".build"] {
            candidates.append(repoRoot.appendingPathComponent(scratch).appendingPathComponent("debug/moodline").path)
        }
        return candidates.first(where: isExecutableFile)
    }()

    static var binaryPath: String {
        get throws {
            guard let binary else {
                throw E2EError("no moodline binary found next to the test bundle or in .build*/debug; run `swift build --product moodline` (or set MOODLINE_BIN)")
            }
            return binary
        }
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return false }
        return FileManager.default.isExecutableFile(atPath: path)
    }

    /// A new private directory with a short path (ipc socket paths are limited to ~100 bytes).
    static func makeTemporaryDirectory(_ prefix: String = "mle2e") throws -> String {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!) }
        guard made != nil else { throw E2EError("mkdtemp failed: errno \(errno)") }
        return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Removes a test's directory unless `MOODLINE_E2E_KEEP` is set (to look at logs and databases).
    static func removeDirectory(_ path: String) {
        if ProcessInfo.processInfo.environment["MOODLINE_E2E_KEEP"] != nil {
            print("e2e: kept \(path)")
            return
        }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Parses one JSON object.
    static func object(_ bytes: [UInt8]) -> [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
    }

    static func object(_ text: String) -> [String: Any]? {
        object(Array(text.utf8))
    }

    /// Polls `condition` every 20 ms until it holds or `timeout` seconds pass.
    @discardableResult
    static func waitUntil(timeout: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Deadline(seconds: timeout)
        while true {
            if try condition() { return true }
            if deadline.hasPassed { return false }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// The last `limit` characters of a file, for failure messages.
    static func tail(of path: String, limit: Int = 4000) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "(no \(path))" }
        let text = String(decoding: data, as: UTF8.self)
        return text.count <= limit ? text : "…" + String(text.suffix(limit))
    }
}

// MARK: - A child process

/// A child process with stdout and stderr going to files, and bounded waits for its exit.
///
/// Started with Foundation's `Process` from a test's (Swift concurrency) thread, the child
/// inherits a signal mask with SIGINT and SIGTERM blocked; `moodline serve` must unblock them
/// itself, so every clean stop in these tests also checks that.
final class ChildProcess {
    let process = Process()
    let stdoutPath: String
    let stderrPath: String

    /// Starts `arguments` of the moodline binary (or of `executable`); `stdin` is a file to read, or nothing.
    init(arguments: [String], directory: String, name: String, stdin: String? = nil, executable: String? = nil) throws {
        stdoutPath = "\(directory)/\(name).out"
        stderrPath = "\(directory)/\(name).err"
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: try executable ?? E2E.binaryPath)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        if let stdin {
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: stdin))
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }
    var stdout: String { String(decoding: FileManager.default.contents(atPath: stdoutPath) ?? Data(), as: UTF8.self) }
    var stderr: String { String(decoding: FileManager.default.contents(atPath: stderrPath) ?? Data(), as: UTF8.self) }
    var stderrTail: String { E2E.tail(of: stderrPath) }

    /// Waits for the exit; false when it is still running after `timeout` seconds.
    func waitForExit(timeout: Double) -> Bool {
        E2E.waitUntil(timeout: timeout) { !process.isRunning }
    }

    /// Sends `signal`, waits up to `timeout` s, then SIGKILLs. Returns how it ended.
    func stop(signal: Int32, timeout: Double) -> Exit {
        if process.isRunning {
            kill(pid, signal)
            if !waitForExit(timeout: timeout) {
                kill(pid, SIGKILL)
                _ = waitForExit(timeout: 10)
                return .hung
            }
        }
        return exit
    }

    enum Exit: Equatable, CustomStringConvertible {
        case status(Int32)
        case signal(Int32)
        case hung

        var description: String {
            switch self {
            case .status(let code): "exit status \(code)"
            case .signal(let signal): "killed by signal \(signal)"
            case .hung: "did not exit in time (SIGKILLed)"
            }
        }
    }

    var exit: Exit {
        process.terminationReason == .uncaughtSignal ? .signal(process.terminationStatus) : .status(process.terminationStatus)
    }

    deinit {
        if process.isRunning {
            kill(pid, SIGKILL)
            _ = waitForExit(timeout: 5)
        }
    }

    /// Runs the binary to completion (bounded) and returns its exit, stdout and stderr.
    static func run(
        _ arguments: [String], directory: String, name: String, stdin: String? = nil, timeout: Double = 60, executable: String? = nil
    ) throws -> (exit: Exit, stdout: String, stderr: String) {
        let child = try ChildProcess(arguments: arguments, directory: directory, name: name, stdin: stdin, executable: executable)
        if !child.waitForExit(timeout: timeout) {
            _ = child.stop(signal: SIGKILL, timeout: 5)
            throw E2EError("`moodline \(arguments.joined(separator: " "))` did not finish within \(timeout) s; stderr:\n\(child.stderrTail)")
        }
        return (child.exit, child.stdout, child.stderr)
    }
}

// MARK: - The server

/// `moodline serve` on ipc endpoints in `directory`, with its own database file.
final class ServerProcess {
    let directory: String
    let ingest: String
    let publish: String
    let control: String
    let database: String
    let context: ZMQContext
    let child: ChildProcess
    /// The server's CURVE keys and its clients', when it runs with CURVE.
    let curve: E2ECurve?
    /// Whose key the control requests below are sent with (CURVE only).
    let controlIdentity: String?
    private var controlSocket: ZMQSocket?

    /// Starts the server and waits until its control socket answers `stats`.
    ///
    /// - Parameters:
    ///   - directory: where the sockets, logs and (by default) the database live; reuse it to
    ///     restart a server on the same endpoints and database.
    ///   - name: names the log files, so a restart keeps the first run's logs.
    ///   - curve: run with CURVE on, admitting these clients; `controlAs` names the one whose key
    ///     ``request(_:timeoutMilliseconds:)`` uses.
    init(
        directory: String, name: String = "serve", database: String? = nil, arguments: [String] = [], context: ZMQContext,
        readyTimeout: Double = 30, curve: E2ECurve? = nil, controlAs: String? = nil
    ) throws {
        self.directory = directory
        self.context = context
        self.curve = curve
        controlIdentity = controlAs
        ingest = "ipc://\(directory)/ingest.sock"
        publish = "ipc://\(directory)/publish.sock"
        control = "ipc://\(directory)/control.sock"
        self.database = database ?? "\(directory)/moodline.db"
        // The console listens on a free port, so tests running side by side never collide.
        let console = arguments.contains("--no-console") || arguments.contains("--console-port") ? [] : ["--console-port", "0"]
        child = try ChildProcess(
            arguments: ["serve", "--ingest", ingest, "--publish", publish, "--control", control, "--database", self.database]
                + console + arguments + (curve?.arguments ?? []),
            directory: directory, name: name
        )
        try waitUntilReady(timeout: readyTimeout)
    }

    /// The console's address as `serve` printed it (`http://127.0.0.1:PORT`, with `/?token=…`
    /// when no tokens are configured); nil when the console is off.
    var consoleLink: String? {
        let line = child.stdout.split(separator: "\n").first { $0.hasPrefix("Console: ") }
        return line.map { String($0.dropFirst("Console: ".count)) }
    }

    /// The console's base URL, `http://127.0.0.1:PORT`.
    func consoleBase() throws -> String {
        // The line is printed once the sockets are bound, which `stats` answering implies.
        guard let link = consoleLink, let url = URLComponents(string: link), let host = url.host, let port = url.port else {
            throw E2EError("serve printed no console address; stdout:\n\(child.stdout)")
        }
        return "http://\(host):\(port)"
    }

    var isRunning: Bool { child.isRunning }
    var stderr: String { child.stderr }

    private func waitUntilReady(timeout: Double) throws {
        let deadline = Deadline(seconds: timeout)
        while !deadline.hasPassed {
            guard child.isRunning else {
                throw E2EError("moodline serve exited during start-up (\(child.exit)); stderr:\n\(child.stderrTail)")
            }
            if (try? request(#"{"cmd":"stats"}"#, timeoutMilliseconds: 500)) != nil { return }
        }
        _ = child.stop(signal: SIGKILL, timeout: 5)
        throw E2EError("moodline serve did not answer stats within \(timeout) s; stderr:\n\(child.stderrTail)")
    }

    // MARK: Control

    private func controlClient(timeoutMilliseconds: Int32) throws -> ZMQSocket {
        if let controlSocket {
            try controlSocket.set(.receiveTimeout(milliseconds: timeoutMilliseconds))
            return controlSocket
        }
        let socket = try makeControlSocket(as: controlIdentity, timeoutMilliseconds: timeoutMilliseconds)
        controlSocket = socket
        return socket
    }

    private func makeControlSocket(as identity: String?, timeoutMilliseconds: Int32) throws -> ZMQSocket {
        let socket = try context.socket(.req)
        try socket.set(.linger(milliseconds: 0))
        try socket.set(.sendTimeout(milliseconds: timeoutMilliseconds))
        try socket.set(.receiveTimeout(milliseconds: timeoutMilliseconds))
        if let curve, let identity { try socket.useCurve(curve.keys(identity)) }
        try socket.connect(control)
        return socket
    }

    /// One request with another client's key (CURVE), or nil when no reply came in time: an
    /// unlisted key never gets one.
    func request(_ object: [String: Any], as identity: String, timeoutMilliseconds: Int32 = 5_000) throws -> [String: Any]? {
        let socket = try makeControlSocket(as: identity, timeoutMilliseconds: timeoutMilliseconds)
        defer { socket.close() }
        guard try socket.send(Array(try JSONSerialization.data(withJSONObject: object))) else { return nil }
        return try socket.receiveBytes().flatMap(E2E.object)
    }

    /// Sends one raw control request and returns the parsed reply. A REQ socket that missed
    /// its reply is stuck, so on a timeout it is thrown away and the next call makes a new one.
    func request(_ text: String, timeoutMilliseconds: Int32 = 10_000) throws -> [String: Any] {
        let socket = try controlClient(timeoutMilliseconds: timeoutMilliseconds)
        var reply: [UInt8]?
        if try socket.send(text) {
            reply = try socket.receiveBytes()
        }
        guard let reply else {
            socket.close()
            controlSocket = nil
            throw E2EError("no control reply to \(text) within \(timeoutMilliseconds) ms (server running: \(child.isRunning)); stderr:\n\(child.stderrTail)")
        }
        guard let object = E2E.object(reply) else {
            throw E2EError("control reply to \(text) is not a JSON object: \(String(decoding: reply, as: UTF8.self))")
        }
        return object
    }

    /// Sends a request built from a dictionary.
    func request(_ object: [String: Any]) throws -> [String: Any] {
        let data = try JSONSerialization.data(withJSONObject: object)
        return try request(String(decoding: data, as: UTF8.self))
    }

    func stats() throws -> Stats {
        let reply = try request(#"{"cmd":"stats"}"#)
        guard reply["ok"] as? Bool == true else { throw E2EError("stats failed: \(reply)") }
        return Stats(reply)
    }

    /// Ticket objects from `{"cmd":"tickets"}`.
    func tickets(status: String? = nil) throws -> [[String: Any]] {
        var request: [String: Any] = ["cmd": "tickets", "limit": 1_000]
        if let status { request["status"] = status }
        let reply = try self.request(request)
        guard reply["ok"] as? Bool == true, let tickets = reply["tickets"] as? [[String: Any]] else {
            throw E2EError("tickets failed: \(reply)")
        }
        return tickets
    }

    /// Waits until the server has received `count` messages in all (accepted or rejected).
    func waitForReceived(_ count: Int, timeout: Double = 30) throws {
        var last = -1
        let done = try E2E.waitUntil(timeout: timeout) {
            last = try stats().received
            return last >= count
        }
        guard done else {
            throw E2EError("the server received \(last) of \(count) messages within \(timeout) s; stderr:\n\(child.stderrTail)")
        }
    }

    // MARK: Stopping

    private func closeControl() {
        controlSocket?.close()
        controlSocket = nil
    }

    /// Asks the server to stop (SIGINT or SIGTERM) and waits for it; SIGKILLs after `timeout`.
    @discardableResult
    func stop(signal: Int32 = SIGINT, timeout: Double = 15) -> ChildProcess.Exit {
        closeControl()
        return child.stop(signal: signal, timeout: timeout)
    }

    /// Kills the server without a chance to clean up, as a crash or `kill -9` would.
    @discardableResult
    func crash() -> ChildProcess.Exit {
        closeControl()
        return child.stop(signal: SIGKILL, timeout: 10)
    }

    deinit {
        closeControl()
    }
}

/// The `stats` reply.
struct Stats {
    let raw: [String: Any]

    init(_ raw: [String: Any]) { self.raw = raw }

    private func int(_ key: String) -> Int { raw[key] as? Int ?? -1 }
    var received: Int { int("received") }
    var fragments: Int { int("fragments") }
    var liveSessions: Int { int("live_sessions") }
    var alertsPublished: Int { int("alerts_published") }
    var ticketsOpened: Int { int("tickets_opened") }
    var rejections: [String: Int] { raw["rejections"] as? [String: Int] ?? [:] }
    var alerts: [String: Int] { raw["alerts"] as? [String: Int] ?? [:] }
    var totalRejections: Int { rejections.values.reduce(0, +) }
}

// MARK: - Sockets on the test side

/// A PUSH socket into the server's ingest endpoint. Sends are bounded by a send timeout.
final class Pusher {
    let socket: ZMQSocket
    private(set) var sent = 0

    init(context: ZMQContext, endpoint: String, sendTimeoutMilliseconds: Int32 = 10_000, curve: CurveClientKeys? = nil) throws {
        socket = try context.socket(.push)
        try socket.set(.sendTimeout(milliseconds: sendTimeoutMilliseconds))
        if let curve { try socket.useCurve(curve) }
        try socket.connect(endpoint)
    }

    func send(_ bytes: [UInt8]) throws {
        guard try socket.send(bytes) else { throw E2EError("push of message \(sent + 1) timed out: the server is not taking messages") }
        sent += 1
    }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    /// Closes without waiting for unsent messages (the caller has checked they arrived, or
    /// wants them gone, as after a crash).
    func close() {
        try? socket.set(.linger(milliseconds: 0))
        socket.close()
    }

    deinit { close() }
}

/// A SUB socket read by a thread of its own, so messages are collected while the test pushes.
final class Subscriber: @unchecked Sendable {
    struct Message: Sendable {
        let topic: String
        let body: [UInt8]
        var json: [String: Any]? { E2E.object(body) }
    }

    private let received = Mutex<[Message]>([])
    private let failure = Mutex<String?>(nil)
    private let stopRequested = Atomic<Bool>(false)
    private let started = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private var stopped = false

    /// Connects, subscribes to `topics`, and gives the subscription `settle` seconds to reach
    /// the publisher (PUB drops what is published before a subscription arrives).
    init(context: ZMQContext, endpoint: String, topics: [String], settle: Double = 0.5, curve: CurveClientKeys? = nil) throws {
        let thread = Thread { [self] in self.run(context: context, endpoint: endpoint, topics: topics, curve: curve) }
        thread.start()
        guard started.wait(timeout: .now() + 10) == .success else { throw E2EError("the subscriber thread did not start") }
        if let failure = failure.withLock({ $0 }) { throw E2EError("subscriber: \(failure)") }
        Thread.sleep(forTimeInterval: settle)
    }

    private func run(context: ZMQContext, endpoint: String, topics: [String], curve: CurveClientKeys?) {
        var announced = false
        do {
            let socket = try context.socket(.sub)
            defer { socket.close() }
            try socket.set(.linger(milliseconds: 0))
            try socket.set(.receiveHighWaterMark(0))
            try socket.set(.receiveTimeout(milliseconds: 50))
            for topic in topics { try socket.subscribe(topic) }
            if let curve { try socket.useCurve(curve) }
            try socket.connect(endpoint)
            started.signal()
            announced = true
            while !stopRequested.load(ordering: .acquiring) {
                guard let frames = try socket.receiveMultipart() else { continue }
                guard frames.count == 2 else {
                    failure.withLock { $0 = "a published message had \(frames.count) frames, not 2 (topic, body)" }
                    continue
                }
                let message = Message(topic: String(decoding: frames[0], as: UTF8.self), body: frames[1])
                received.withLock { $0.append(message) }
            }
        } catch {
            failure.withLock { $0 = "\(error)" }
            if !announced { started.signal() }
        }
        finished.signal()
    }

    var messages: [Message] { received.withLock { $0 } }
    var error: String? { failure.withLock { $0 } }

    /// Waits until `condition` holds for the messages so far, or `timeout` seconds pass.
    @discardableResult
    func waitUntil(timeout: Double, _ condition: ([Message]) -> Bool) -> Bool {
        E2E.waitUntil(timeout: timeout) { condition(messages) }
    }

    /// Waits until no new message has arrived for `quiet` seconds (at most `timeout`).
    @discardableResult
    func waitForQuiet(_ quiet: Double = 1.0, timeout: Double = 30) -> Bool {
        let deadline = Deadline(seconds: timeout)
        var count = messages.count
        var quietUntil = Deadline(seconds: quiet)
        while !deadline.hasPassed {
            Thread.sleep(forTimeInterval: 0.05)
            let now = messages.count
            if now != count {
                count = now
                quietUntil = Deadline(seconds: quiet)
            } else if quietUntil.hasPassed {
                return true
            }
        }
        return false
    }

    /// Stops the reading thread and closes the socket (bounded).
    func stop() {
        guard !stopped else { return }
        stopped = true
        stopRequested.store(true, ordering: .releasing)
        _ = finished.wait(timeout: .now() + 5)
    }

    deinit { stop() }
}

// MARK: - Published messages

/// An alert as published on `agent/<id>` and `team/<id>`.
struct PublishedAlert: Hashable, CustomStringConvertible {
    var kind: String
    var severity: String
    var session: String
    var agent: String?
    var team: String?
    var speaker: String
    var seq: Int
    var episode: Int
    var evidenceCount: Int

    init?(_ message: Subscriber.Message) {
        guard let body = message.json, body["type"] as? String == "alert", let alert = body["alert"] as? [String: Any],
              let kind = alert["kind"] as? String, let severity = alert["severity"] as? String,
              let session = alert["session"] as? String, let speaker = alert["speaker"] as? String,
              let seq = alert["seq"] as? Int, let episode = alert["episode"] as? Int
        else { return nil }
        self.kind = kind
        self.severity = severity
        self.session = session
        self.agent = alert["agent"] as? String
        self.team = alert["team"] as? String
        self.speaker = speaker
        self.seq = seq
        self.episode = episode
        self.evidenceCount = (alert["evidence"] as? [Any])?.count ?? 0
    }

    /// The store's idempotency key: session, kind and episode.
    var key: String { "\(session)/\(kind)/\(episode)" }
    var description: String { "\(session) \(kind)#\(episode)@\(seq)" }
}

/// A ticket message as published on `ticket/<severity>` and `team/<id>`.
struct PublishedTicket {
    var action: String
    var key: String
    var status: String
    var kind: String
    var session: String
    var tier: Int
    var tierName: String
    var topic: String
    var raw: [String: Any]
    /// The event time of this action.
    var at: Double?

    init?(_ message: Subscriber.Message) {
        guard let body = message.json, body["type"] as? String == "ticket", let action = body["action"] as? String,
              let ticket = body["ticket"] as? [String: Any], let key = ticket["key"] as? String,
              let status = ticket["status"] as? String, let kind = ticket["kind"] as? String,
              let session = ticket["session"] as? String, let tier = ticket["tier"] as? Int,
              let tierName = ticket["tier_name"] as? String
        else { return nil }
        self.action = action
        self.key = key
        self.status = status
        self.kind = kind
        self.session = session
        self.tier = tier
        self.tierName = tierName
        self.topic = message.topic
        self.raw = ticket
        self.at = body["at"] as? Double
    }
}

/// A point some seconds ahead on the monotonic clock. Waits use it rather than `Date()`: the
/// wall clock of a virtual machine can be stepped by time synchronisation, and a wait measured
/// on it then ends at once (an event-stream test once failed after 1 s of a 10 s wait).
struct Deadline {
    private let end: ContinuousClock.Instant

    init(seconds: Double) {
        end = ContinuousClock.now.advanced(by: .milliseconds(Int64((seconds * 1000).rounded())))
    }

    var hasPassed: Bool { ContinuousClock.now >= end }

    var secondsLeft: Double {
        let left = ContinuousClock.now.duration(to: end).components
        return Double(left.seconds) + Double(left.attoseconds) / 1e18
    }
}
