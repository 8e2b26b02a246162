import Foundation
import MoodlineServer
import MoodlineWire
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `moodline-bench push --file F --endpoint E [--hwm N] [--server-key K --secret-key S]` (hidden): the pushing process of
/// `pipeline`'s throughput runs. Reads the JSON lines, connects a PUSH socket, sends every
/// line as one message as fast as ZeroMQ takes them, waits until they are delivered, exits.
enum PushCommand {
    static func run(_ args: [String]) -> Int32 {
        var file = "", endpoint = "", hwm: Int32 = 200_000, serverKey = "", secretKey = ""
        var i = 0
        while i + 1 < args.count {
            switch args[i] {
            case "--file": file = args[i + 1]
            case "--endpoint": endpoint = args[i + 1]
            case "--hwm": hwm = Int32(args[i + 1]) ?? hwm
            case "--server-key": serverKey = args[i + 1]
            case "--secret-key": secretKey = args[i + 1]
            default: break
            }
            i += 2
        }
        guard let messages = MessageSet.read(from: file), !endpoint.isEmpty else {
            print("push: cannot read \(file) or no --endpoint")
            return 2
        }
        do {
            let context = try ZMQContext()
            let socket = try context.socket(.push)
            try socket.set(.sendHighWaterMark(hwm))
            try socket.set(.linger(milliseconds: -1)) // close waits until everything is delivered
            if !serverKey.isEmpty, let keys = CurveKeyPair(secretKey: secretKey) {
                try socket.useCurve(CurveClientKeys(keys: keys, serverPublicKey: serverKey))
            }
            try socket.connect(endpoint)
            let start = monotonicNanoseconds()
            let ok = try sendAll(messages, socket)
            let sent = monotonicNanoseconds()
            socket.close()
            let seconds = Double(sent - start) / 1e9
            print("  push: queued \(messages.count.grouped) messages in \(seconds.formatted(3)) s (\((Double(messages.count) / seconds).grouped)/s)\(ok ? "" : " FAILED")")
            return ok ? 0 : 1
        } catch {
            print("push: \(error)")
            return 1
        }
    }

    private static func sendAll(_ messages: MessageSet, _ socket: ZMQSocket) throws(ZMQError) -> Bool {
        for index in 0..<messages.count {
            let ok = try messages.withMessage(index) { bytes in
                Result { () throws(ZMQError) -> Bool in try socket.send(bytes) }
            }.get()
            if !ok { return false }
        }
        return true
    }

    /// Starts `moodline-bench push` (this same executable) for `file` towards `endpoint`.
    static func spawn(file: String, endpoint: String, hwm: Int32, curve: BenchCurve? = nil) throws -> Process {
        fflush(nil) // our lines first, then the child's
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = ["push", "--file", file, "--endpoint", endpoint, "--hwm", String(hwm)] + (curve?.pushArguments ?? [])
        try process.run()
        return process
    }
}

extension Int {
    var grouped: String { Double(self).grouped }
}

/// Runs `body` on a new thread; `join()` waits for it.
final class Worker: Sendable {
    private let done = DispatchSemaphore(value: 0)

    init(_ name: String, _ body: @escaping @Sendable () -> Void) {
        let done = self.done
        let thread = Thread {
            body()
            done.signal()
        }
        thread.name = name
        thread.start()
    }

    func join() {
        done.wait()
        done.signal()
    }
}
