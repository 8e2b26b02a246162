// A small driver for headless Chromium over the Chrome DevTools Protocol (CDP), for end-to-end tests.
//
// Chromium is started with `--remote-debugging-pipe`: it reads CDP messages from its file
// descriptor 3 and writes to its file descriptor 4, every message a JSON object followed by a NUL
// byte. No WebSocket, no port. Linux only (Glibc: `pipe2`, `posix_spawn`, `poll`).
//
// Everything is synchronous and blocking, with a deadline on every wait, so a hung or crashed
// browser fails the test with a message instead of hanging it. The types are not `Sendable`:
// create and use them inside one test (an `async` test is fine).

import Foundation
#if canImport(Glibc)
import Glibc
#endif

// MARK: - Errors

/// Everything ``Chromium`` and ``Page`` throw. Each description says what happened and what to do.
enum ChromiumError: Error, CustomStringConvertible {
    /// The executable does not exist or is not executable.
    case notFound(executable: String)
    /// `pipe2`/`posix_spawn` or the profile directory failed.
    case launchFailed(executable: String, reason: String)
    /// The browser closed its end of the pipe (it exited or crashed).
    case browserExited(status: String, log: String?)
    /// No answer within the deadline.
    case timedOut(waitingFor: String, seconds: Double, log: String?)
    /// The browser answered a command with a CDP error.
    case protocolError(method: String, message: String)
    /// The evaluated JavaScript threw (or its promise rejected).
    case javaScript(expression: String, message: String)
    /// ``Page/waitFor(_:timeout:)`` never saw a truthy value.
    case waitTimedOut(expression: String, seconds: Double, lastValue: String)
    /// `Page.navigate` reported an error, e.g. `net::ERR_CONNECTION_REFUSED`.
    case navigationFailed(url: String, reason: String)
    /// The browser was already closed.
    case closed
    /// Reading, writing or decoding failed.
    case io(String)

    var description: String {
        switch self {
        case .notFound(let executable):
            return "chromium not found at \(executable): install Debian's chromium package (scripts/setup does)"
        case .launchFailed(let executable, let reason):
            return "could not start \(executable): \(reason)"
        case .browserExited(let status, let log):
            return "chromium exited (\(status)) and closed the DevTools pipe; \(Self.logHint(log))"
        case .timedOut(let what, let seconds, let log):
            return "chromium did not answer \(what) within \(Self.seconds(seconds)): the browser is hung or "
                + "the machine is overloaded; \(Self.logHint(log))"
        case .protocolError(let method, let message):
            return "DevTools command \(method) failed: \(message)"
        case .javaScript(let expression, let message):
            return "JavaScript threw while evaluating `\(Self.short(expression))`: \(message)"
        case .waitTimedOut(let expression, let seconds, let lastValue):
            return "waited \(Self.seconds(seconds)) for `\(Self.short(expression))` to become truthy; "
                + "last value: \(lastValue). Check the page state (take a screenshot) or raise the timeout"
        case .navigationFailed(let url, let reason):
            return "could not load \(url): \(reason). Is the server running and the URL right?"
        case .closed:
            return "the browser is already closed: open pages before calling close()"
        case .io(let message):
            return "DevTools pipe: \(message)"
        }
    }

    private static func logHint(_ log: String?) -> String {
        if let log { return "see chromium's output in \(log)" }
        return "pass log: \"/tmp/chromium.log\" to Chromium(...) to see chromium's output"
    }

    private static func seconds(_ value: Double) -> String {
        String(format: "%.1f s", value)
    }

    private static func short(_ text: String) -> String {
        text.count <= 200 ? text : String(text.prefix(200)) + "…"
    }
}

// MARK: - Browser

/// A headless Chromium process driven over `--remote-debugging-pipe`.
///
/// ```swift
/// let browser = try Chromium(log: "/tmp/chromium.log")
/// defer { browser.close() }
/// let page = try browser.open("http://127.0.0.1:8080/")
/// _ = try page.waitFor("document.querySelector('button') !== null", timeout: 10)
/// ```
///
/// Not thread-safe and not `Sendable`: use one instance from one test. ``close()`` is also
/// called from `deinit`, so a failing test does not leave a browser behind.
final class Chromium {
    /// The executable that was started (Debian's `/usr/bin/chromium` is a shell script that
    /// `exec`s `/usr/lib/chromium/chromium`, so ``pid`` is the browser itself).
    let executable: String
    /// Process id of the browser; it also leads its own process group.
    let pid: pid_t
    /// The fresh profile directory (`--user-data-dir`), removed by ``close()``.
    let userDataDir: String
    /// Where chromium's stdout and stderr go, if the caller asked for it.
    let logPath: String?
    /// Default deadline in seconds for one DevTools command.
    let timeout: Double
    /// The viewport of every page (and so the size of screenshots), in CSS pixels.
    let windowSize: (width: Int, height: Int)
    /// The `product` field of `Browser.getVersion`, e.g. `Chrome/156.0.8078.79`.
    private(set) var version = ""

    private let toBrowser: Int32     // our write end; the child's fd 3 is the read end
    private let fromBrowser: Int32   // our read end; the child's fd 4 is the write end
    private var inbox: [UInt8] = []  // bytes read but not yet split into messages
    private var events: [[String: Any]] = []  // events not consumed yet (bounded)
    private var nextId = 0
    private var isClosed = false
    private var exitStatus: Int32?   // set once the process has been reaped

    /// Starts headless Chromium and waits until it answers on the DevTools pipe.
    ///
    /// - Parameters:
    ///   - executable: Path (or name looked up in `PATH`) of the browser.
    ///   - windowSize: `--window-size`, and the viewport of every page ``open(_:timeout:)`` makes.
    ///   - log: File that receives chromium's stdout and stderr (truncated); `nil` discards them.
    ///   - timeout: Deadline in seconds for startup and, by default, for each command.
    ///   - extraArguments: More command-line switches, appended before `about:blank`.
    /// - Throws: ``ChromiumError/notFound(executable:)`` if there is no browser,
    ///   ``ChromiumError/browserExited(status:log:)`` or ``ChromiumError/timedOut(waitingFor:seconds:log:)``
    ///   if it does not come up.
    init(
        executable: String = "/usr/bin/chromium",
        windowSize: (width: Int, height: Int) = (1366, 900),
        log: String? = nil,
        timeout: Double = 30,
        extraArguments: [String] = []
    ) throws(ChromiumError) {
        guard let resolved = Self.resolve(executable) else { throw .notFound(executable: executable) }
        if let log {
            let directory = (log as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
        }

        // A write to a pipe whose reader died raises SIGPIPE, which would kill the whole test
        // process. Ignore it so write() fails with EPIPE instead (the child gets it reset below).
        signal(SIGPIPE, SIG_IGN)

        let profile = FileManager.default.temporaryDirectory
            .appendingPathComponent("chromium-cdp-\(UUID().uuidString)").path
        do {
            try FileManager.default.createDirectory(atPath: profile, withIntermediateDirectories: true)
        } catch {
            throw .launchFailed(executable: executable, reason: "cannot create profile directory \(profile): \(error)")
        }

        guard let toChild = Self.makePipe() else {
            try? FileManager.default.removeItem(atPath: profile)
            throw .launchFailed(executable: executable, reason: "cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        guard let fromChild = Self.makePipe() else {
            Glibc.close(toChild.read); Glibc.close(toChild.write)
            try? FileManager.default.removeItem(atPath: profile)
            throw .launchFailed(executable: executable, reason: "cannot create a pipe: \(String(cString: strerror(errno)))")
        }

        let arguments = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--user-data-dir=\(profile)",
            "--remote-debugging-pipe",
            "--window-size=\(windowSize.width),\(windowSize.height)",
            "--hide-scrollbars",
        ] + extraArguments + ["about:blank"]

        let spawned: pid_t
        do {
            spawned = try Self.spawn(
                resolved, arguments: arguments, log: log,
                childReads: toChild.read, childWrites: fromChild.write)
        } catch {
            Glibc.close(toChild.read); Glibc.close(toChild.write); Glibc.close(fromChild.read); Glibc.close(fromChild.write)
            try? FileManager.default.removeItem(atPath: profile)
            throw error
        }
        // The child has its own copies now. Closing ours matters: while we hold the write end of
        // the "from browser" pipe, read() would never see end-of-file when the browser dies.
        Glibc.close(toChild.read)
        Glibc.close(fromChild.write)
        _ = fcntl(toChild.write, F_SETFL, fcntl(toChild.write, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fromChild.read, F_SETFL, fcntl(fromChild.read, F_GETFL) | O_NONBLOCK)

        self.executable = executable
        self.pid = spawned
        self.userDataDir = profile
        self.logPath = log
        self.timeout = timeout
        self.windowSize = windowSize
        self.toBrowser = toChild.write
        self.fromBrowser = fromChild.read

        do {
            let info = try send("Browser.getVersion", timeout: timeout)
            version = info["product"] as? String ?? ""
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    /// Opens a new tab with a ``windowSize`` viewport, navigates it to `url` and waits for its
    /// `load` event.
    ///
    /// Uses `Target.createTarget` + `Target.attachToTarget(flatten: true)`; the returned page
    /// sends its commands with that `sessionId`.
    /// - Throws: ``ChromiumError/navigationFailed(url:reason:)`` if the URL cannot be loaded,
    ///   ``ChromiumError/timedOut(waitingFor:seconds:log:)`` if `load` does not fire in time.
    func open(_ url: String, timeout: Double? = nil) throws(ChromiumError) -> Page {
        let seconds = timeout ?? self.timeout
        let created = try send("Target.createTarget", ["url": "about:blank"], timeout: seconds)
        guard let targetId = created["targetId"] as? String else {
            throw .io("Target.createTarget returned no targetId: \(created)")
        }
        let attached = try send("Target.attachToTarget", ["targetId": targetId, "flatten": true], timeout: seconds)
        guard let sessionId = attached["sessionId"] as? String else {
            throw .io("Target.attachToTarget returned no sessionId: \(attached)")
        }
        let page = Page(browser: self, targetId: targetId, sessionId: sessionId)
        try send("Page.enable", session: sessionId, timeout: seconds)
        try send("Page.setLifecycleEventsEnabled", ["enabled": true], session: sessionId, timeout: seconds)
        // Headless Chromium takes ~87 px of --window-size for pretend browser UI; pin the viewport
        // to the full window size so layouts and screenshots are exactly W×H.
        try send(
            "Emulation.setDeviceMetricsOverride",
            ["width": windowSize.width, "height": windowSize.height, "deviceScaleFactor": 1, "mobile": false],
            session: sessionId, timeout: seconds)

        let deadline = Deadline(seconds: seconds)
        let navigated = try send("Page.navigate", ["url": url], session: sessionId, timeout: seconds)
        if let reason = navigated["errorText"] as? String, !reason.isEmpty {
            throw .navigationFailed(url: url, reason: reason)
        }
        // Wait for "load" of exactly this navigation (its loaderId), not of the initial about:blank.
        let loaderId = navigated["loaderId"] as? String
        _ = try waitForEvent("load event of \(url)", deadline: deadline, seconds: seconds) { event in
            guard event["sessionId"] as? String == sessionId else { return false }
            let params = event["params"] as? [String: Any] ?? [:]
            switch event["method"] as? String {
            case "Page.lifecycleEvent":
                return params["name"] as? String == "load"
                    && (loaderId == nil || params["loaderId"] as? String == loaderId)
            case "Page.loadEventFired":
                return loaderId == nil
            default:
                return false
            }
        }
        return page
    }

    /// Closes the browser: `Browser.close`, then waits up to `grace` seconds for the process to
    /// exit, kills its process group (SIGKILL) if it has not, reaps it and removes the profile.
    /// Safe to call more than once; also called from `deinit`.
    func close(grace: Double = 5) {
        guard !isClosed else { return }
        isClosed = true
        if exitStatus == nil {
            // The reply may or may not arrive before the pipe closes; either is fine.
            _ = try? send("Browser.close", timeout: min(grace, 5), allowWhenClosed: true)
        }
        Glibc.close(toBrowser)

        let deadline = Deadline(seconds: grace)
        while exitStatus == nil, !deadline.hasPassed {
            reap(blocking: false)
            if exitStatus == nil { usleep(20_000) }
        }
        // Also kills helper processes (renderer, GPU, zygote) left in the browser's group.
        kill(-pid, SIGKILL)
        if exitStatus == nil {
            kill(pid, SIGKILL)
            reap(blocking: true)
        }
        Glibc.close(fromBrowser)
        try? FileManager.default.removeItem(atPath: userDataDir)
    }

    /// Sends one DevTools command and returns its `result`. Events that arrive meanwhile are kept
    /// for ``waitForEvent(_:deadline:seconds:matching:)``; replies to earlier, timed-out commands are dropped.
    ///
    /// - Parameters:
    ///   - session: The `sessionId` of an attached target; `nil` for the browser itself.
    ///   - timeout: Seconds to wait for the reply; defaults to ``timeout``.
    @discardableResult
    func send(
        _ method: String,
        _ params: [String: Any] = [:],
        session: String? = nil,
        timeout: Double? = nil,
        allowWhenClosed: Bool = false
    ) throws(ChromiumError) -> [String: Any] {
        guard !isClosed || allowWhenClosed else { throw .closed }
        let seconds = timeout ?? self.timeout
        let deadline = Deadline(seconds: seconds)
        nextId += 1
        let id = nextId
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        let data: Data
        do {
            data = try JSONSerialization.data(withJSONObject: message)
        } catch {
            throw .io("cannot encode \(method) as JSON: \(error)")
        }
        try write(Array(data) + [0], deadline: deadline, seconds: seconds, what: method)

        while true {
            let reply = try readMessage(deadline: deadline, seconds: seconds, what: "\(method) (id \(id))")
            if reply["method"] != nil && reply["id"] == nil {
                keep(reply)
                continue
            }
            guard Self.int(reply["id"]) == id else { continue }
            if let error = reply["error"] as? [String: Any] {
                var text = error["message"] as? String ?? "\(error)"
                if let details = error["data"] as? String { text += " (\(details))" }
                throw .protocolError(method: method, message: text)
            }
            return reply["result"] as? [String: Any] ?? [:]
        }
    }

    /// Returns the first event (kept or new) for which `matching` is true, consuming it.
    func waitForEvent(
        _ what: String,
        deadline: Deadline,
        seconds: Double,
        matching: ([String: Any]) -> Bool
    ) throws(ChromiumError) -> [String: Any] {
        if let index = events.firstIndex(where: matching) {
            return events.remove(at: index)
        }
        while true {
            let message = try readMessage(deadline: deadline, seconds: seconds, what: what)
            guard message["method"] != nil, message["id"] == nil else { continue }
            if matching(message) { return message }
            keep(message)
        }
    }

    // MARK: Pipe I/O

    private func keep(_ event: [String: Any]) {
        events.append(event)
        if events.count > 1000 { events.removeFirst(events.count - 1000) }
    }

    private func write(_ bytes: [UInt8], deadline: Deadline, seconds: Double, what: String) throws(ChromiumError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(toBrowser, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written > 0 {
                offset += written
                continue
            }
            let error = errno
            switch error {
            case EINTR:
                continue
            case EAGAIN:
                guard Self.waitUntilReady(toBrowser, events: Int16(POLLOUT), deadline: deadline) else {
                    throw .timedOut(waitingFor: "(writing \(what))", seconds: seconds, log: logPath)
                }
            case EPIPE:
                throw exited()
            default:
                throw .io("write failed: \(String(cString: strerror(error)))")
            }
        }
    }

    /// Returns the next complete message, reading (with poll and the deadline) as needed.
    private func readMessage(deadline: Deadline, seconds: Double, what: String) throws(ChromiumError) -> [String: Any] {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if let end = inbox.firstIndex(of: 0) {
                let bytes = Data(inbox[..<end])
                inbox.removeSubrange(...end)
                guard let object = try? JSONSerialization.jsonObject(with: bytes),
                      let message = object as? [String: Any] else {
                    throw .io("chromium sent something that is not a JSON object: "
                        + String(decoding: bytes.prefix(200), as: UTF8.self))
                }
                return message
            }
            guard Self.waitUntilReady(fromBrowser, events: Int16(POLLIN), deadline: deadline) else {
                throw .timedOut(waitingFor: what, seconds: seconds, log: logPath)
            }
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fromBrowser, $0.baseAddress!, $0.count) }
            if count > 0 {
                inbox.append(contentsOf: chunk[..<count])
            } else if count == 0 {
                throw exited()
            } else if errno != EINTR && errno != EAGAIN {
                throw .io("read failed: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// The error for "the pipe closed": waits briefly for the process to exit to report how.
    private func exited() -> ChromiumError {
        let deadline = Deadline(seconds: 2)
        while exitStatus == nil, !deadline.hasPassed {
            reap(blocking: false)
            if exitStatus == nil { usleep(10_000) }
        }
        return .browserExited(status: exitStatus.map(Self.describe(status:)) ?? "still running", log: logPath)
    }

    private func reap(blocking: Bool) {
        guard exitStatus == nil else { return }
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            if result == pid { exitStatus = status; return }
            if result == -1 && errno == EINTR { continue }
            if result == -1 { exitStatus = -1 }  // ECHILD: someone else reaped it
            return
        }
    }

    // MARK: Helpers

    private static func describe(status: Int32) -> String {
        if status == -1 { return "status unknown" }
        let signal = status & 0x7f
        return signal == 0 ? "exit code \((status >> 8) & 0xff)" : "killed by signal \(signal)"
    }

    private static func int(_ value: Any?) -> Int? {
        if let number = value as? NSNumber { return number.intValue }
        return value as? Int
    }

    /// poll() until `fd` is ready or the deadline passes. Hang-up and errors count as ready so
    /// that the following read/write reports them.
    private static func waitUntilReady(_ fd: Int32, events: Int16, deadline: Deadline) -> Bool {
        while true {
            let milliseconds = Int64((deadline.secondsLeft * 1000).rounded(.up))
            var descriptor = pollfd(fd: fd, events: events, revents: 0)
            let result = poll(&descriptor, 1, Int32(clamping: max(0, milliseconds)))
            if result > 0 { return true }
            if result < 0 && errno != EINTR { return true }
            if result == 0 && milliseconds <= 0 { return false }
        }
    }

    /// A pipe whose two ends are close-on-exec from the start (so no process spawned meanwhile by
    /// another thread inherits them; that would hide the browser's end-of-file) and numbered 10 or
    /// more (so the child's dup2 onto 3 and 4 always copies from another number: dup2(fd, fd) is a
    /// no-op that would leave close-on-exec set, and Chromium would find no pipe).
    private static func makePipe() -> (read: Int32, write: Int32)? {
        var ends: [Int32] = [-1, -1]
        // Swift's Glibc module does not export the _GNU_SOURCE-only pipe2; look it up instead.
        typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32
        if let pipe2 = glibcFunction("pipe2", as: Pipe2.self) {
            guard pipe2(&ends, O_CLOEXEC) == 0 else { return nil }
        } else {
            guard pipe(&ends) == 0 else { return nil }
            _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        }
        let read = fcntl(ends[0], F_DUPFD_CLOEXEC, 10)
        let write = fcntl(ends[1], F_DUPFD_CLOEXEC, 10)
        Glibc.close(ends[0])
        Glibc.close(ends[1])
        guard read >= 0, write >= 0 else {
            if read >= 0 { Glibc.close(read) }
            if write >= 0 { Glibc.close(write) }
            return nil
        }
        return (read, write)
    }

    /// A libc function that Swift's Glibc module hides behind _GNU_SOURCE, or nil if this libc
    /// does not have it.
    private static func glibcFunction<Function>(_ name: String, as type: Function.Type) -> Function? {
        guard let handle = dlopen(nil, RTLD_NOW) else { return nil }
        defer { dlclose(handle) }
        guard let symbol = dlsym(handle, name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }

    /// Resolves a bare name through `PATH`; returns nil unless the result is an executable file.
    private static func resolve(_ executable: String) -> String? {
        let manager = FileManager.default
        if executable.contains("/") {
            return manager.isExecutableFile(atPath: executable) ? executable : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(executable)"
            if manager.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// posix_spawn with: stdin from /dev/null, stdout+stderr to `log` (or /dev/null), fd 3 = the
    /// read end of our command pipe, fd 4 = the write end of our event pipe, every other
    /// descriptor closed, SIGPIPE back to default, no blocked signals, and a new process group.
    private static func spawn(
        _ executable: String,
        arguments: [String],
        log: String?,
        childReads: Int32,
        childWrites: Int32
    ) throws(ChromiumError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }

        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // dup2 clears close-on-exec on the new descriptor, so 3 and 4 survive the exec of the
        // wrapper script and its own exec of the real browser.
        posix_spawn_file_actions_adddup2(&actions, childReads, 3)
        posix_spawn_file_actions_adddup2(&actions, childWrites, 4)
        // Close everything else the test process may have left inheritable (glibc 2.34+).
        typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
        if let addCloseFrom = glibcFunction("posix_spawn_file_actions_addclosefrom_np", as: AddCloseFrom.self) {
            _ = addCloseFrom(&actions, 5)
        }

        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        sigaddset(&defaultSignals, SIGPIPE)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }

        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            var reason = String(cString: strerror(result))
            if let log { reason += " (is the log path \(log) writable?)" }
            throw .launchFailed(executable: executable, reason: reason)
        }
        return pid
    }
}

// MARK: - Page

/// One tab of a ``Chromium``, attached with a flat session. Keeps its browser alive.
final class Page {
    /// The browser this page belongs to.
    let browser: Chromium
    /// `targetId` from `Target.createTarget`.
    let targetId: String
    /// `sessionId` from `Target.attachToTarget`; sent with every command of this page.
    let sessionId: String

    init(browser: Chromium, targetId: String, sessionId: String) {
        self.browser = browser
        self.targetId = targetId
        self.sessionId = sessionId
    }

    /// Evaluates `expression` in the page and returns its value, converted by JSON: `String`,
    /// `NSNumber` (numbers and booleans), `[Any]`, `[String: Any]`, or `nil` for `null` and
    /// `undefined`. Promises are awaited. `NaN`, `Infinity`, `-0` and BigInts come back as strings.
    ///
    /// - Throws: ``ChromiumError/javaScript(expression:message:)`` with the exception text when
    ///   the expression throws or its promise rejects.
    func evaluate(_ expression: String, timeout: Double? = nil) throws(ChromiumError) -> Any? {
        let reply = try browser.send(
            "Runtime.evaluate",
            ["expression": expression, "returnByValue": true, "awaitPromise": true, "userGesture": true],
            session: sessionId, timeout: timeout)
        if let details = reply["exceptionDetails"] as? [String: Any] {
            throw .javaScript(expression: expression, message: Self.message(of: details))
        }
        let result = reply["result"] as? [String: Any] ?? [:]
        if let value = result["value"] {
            return value is NSNull ? nil : value
        }
        return result["unserializableValue"] as? String
    }

    /// Evaluates `expression` every `interval` seconds until its value is truthy (`true`, a non-zero
    /// number, a non-empty string or array, any object) and returns that value. Exceptions and
    /// "context destroyed" errors while the page navigates count as not yet.
    ///
    /// - Throws: ``ChromiumError/waitTimedOut(expression:seconds:lastValue:)`` with the last value
    ///   or exception seen.
    @discardableResult
    func waitFor(_ expression: String, timeout: Double = 10, interval: Double = 0.05) throws(ChromiumError) -> Any? {
        let deadline = Deadline(seconds: timeout)
        var last = "(not evaluated)"
        while true {
            let remaining = deadline.secondsLeft.rounded(.down)
            do {
                // The expression itself may await; give it the remaining time, at least 2 s.
                let value = try evaluate(expression, timeout: min(browser.timeout, max(remaining + 1, 2)))
                if Self.isTruthy(value) { return value }
                last = Self.describe(value)
            } catch {
                switch error {
                case .javaScript(_, let message):
                    last = "exception: \(message)"
                case .protocolError(_, let message):
                    last = "error: \(message)"
                default:
                    throw error
                }
            }
            if deadline.hasPassed {
                throw .waitTimedOut(expression: expression, seconds: timeout, lastValue: last)
            }
            usleep(useconds_t(interval * 1_000_000))
        }
    }

    /// Captures the viewport as PNG (`Page.captureScreenshot`) and writes it to `path`, creating
    /// the directory if needed.
    func screenshot(to path: String, timeout: Double? = nil) throws(ChromiumError) {
        let reply = try browser.send("Page.captureScreenshot", ["format": "png"], session: sessionId, timeout: timeout)
        guard let base64 = reply["data"] as? String, let png = Data(base64Encoded: base64) else {
            throw .io("Page.captureScreenshot returned no base64 data")
        }
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try png.write(to: url, options: .atomic)
        } catch {
            throw .io("cannot write screenshot to \(path): \(error)")
        }
    }

    /// Closes this tab (`Target.closeTarget`). The browser stays open.
    func close() throws(ChromiumError) {
        try browser.send("Target.closeTarget", ["targetId": targetId])
    }

    // MARK: Helpers

    private static func message(of details: [String: Any]) -> String {
        let text = details["text"] as? String ?? "Uncaught"
        guard let exception = details["exception"] as? [String: Any] else { return text }
        if let description = exception["description"] as? String { return "\(text) \(description)" }
        if let value = exception["value"] { return "\(text) \(value)" }
        return text
    }

    static func isTruthy(_ value: Any?) -> Bool {
        switch value {
        case nil: return false
        case let bool as Bool: return bool
        case let number as NSNumber: return number.doubleValue != 0 && !number.doubleValue.isNaN
        case let string as String: return !string.isEmpty
        case let array as [Any]: return !array.isEmpty
        default: return !(value is NSNull)
        }
    }

    private static func describe(_ value: Any?) -> String {
        guard let value else { return "null/undefined" }
        if let string = value as? String { return "\"\(string.prefix(300))\"" }
        if JSONSerialization.isValidJSONObject(value),
           let data = try? JSONSerialization.data(withJSONObject: value) {
            return String(decoding: data.prefix(300), as: UTF8.self)
        }
        return String(describing: value).prefix(300).description
    }
}
