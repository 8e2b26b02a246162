import Foundation
import Logging
import MoodlineWire
import Synchronization

/// Decides which CURVE clients may connect: libzmq asks it (the ZAP protocol, RFC 27) on every
/// handshake of a CURVE socket in the same context, naming the socket by its ZAP domain.
/// A listed key allowed on that socket is admitted under its client's name (the peer's
/// `User-Id`); anything else is refused before a single message is read.
///
/// Start it before binding the CURVE sockets: with no handler bound, libzmq admits every key.
final class ZAPHandler: Sendable {
    /// Where libzmq sends ZAP requests.
    static let endpoint = "inproc://zeromq.zap.01"

    private let curve: CurveConfiguration
    private let logger: Logger
    private let stopping = Atomic<Bool>(false)
    private let done = DispatchSemaphore(value: 0)
    private let refusals = Atomic<Int>(0)

    init(curve: CurveConfiguration, logger: Logger) {
        self.curve = curve
        self.logger = logger
    }

    /// Handshakes refused so far.
    var refused: Int { refusals.load(ordering: .relaxed) }

    /// Binds the handler's socket on this thread, then answers on a thread of its own.
    func start(in context: ZMQContext) throws(ZMQError) {
        let socket = try context.socket(.rep)
        try socket.set(.linger(milliseconds: 0))
        try socket.bind(Self.endpoint)
        let handoff = ZMQSocket.Handoff(socket)
        let thread = Thread { [self] in
            if let socket = handoff.take() {
                loop(socket)
                socket.close()
            }
            done.signal()
        }
        thread.name = "moodline.zap"
        thread.start()
    }

    /// Stops the thread and closes its socket; returns once it has.
    func stop() {
        stopping.store(true, ordering: .relaxed)
        done.wait()
    }

    private func loop(_ socket: ZMQSocket) {
        var poller = ZMQPoller()
        guard let index = try? poller.register(socket) else { return }
        while !stopping.load(ordering: .relaxed) {
            do {
                _ = try poller.poll(timeoutMilliseconds: 100)
                guard poller.isReadable(index), let request = try socket.receiveMultipart(flags: .dontWait) else { continue }
                try reply(to: request, on: socket)
            } catch {
                if error.isContextTerminated { return }
                logger.error("ZAP handler", metadata: ["error": .string(LogText.escaped("\(error)"))])
            }
        }
    }

    /// Answers one request: version, request id, domain, address, routing id, mechanism, key.
    private func reply(to request: [[UInt8]], on socket: ZMQSocket) throws(ZMQError) {
        let requestID = request.count > 1 ? request[1] : []
        let verdict = decide(request)
        if verdict.userID == nil {
            refusals.add(1, ordering: .relaxed)
            let address = request.count > 3 ? String(decoding: request[3], as: UTF8.self) : "?"
            logger.warning("refused a connection", metadata: [
                "socket": .string(LogText.escaped(request.count > 2 ? String(decoding: request[2], as: UTF8.self) : "?")),
                "address": .string(LogText.escaped(address)), "reason": .string(verdict.reason),
            ])
        }
        let frames: [[UInt8]] = [
            Array("1.0".utf8), requestID, Array((verdict.userID == nil ? "400" : "200").utf8),
            Array(verdict.reason.utf8), Array((verdict.userID ?? "").utf8), [],
        ]
        for (i, frame) in frames.enumerated() {
            _ = try socket.send(frame, flags: i < frames.count - 1 ? .more : [])
        }
    }

    private func decide(_ request: [[UInt8]]) -> (userID: String?, reason: String) {
        guard request.count >= 7, request[0] == Array("1.0".utf8) else { return (nil, "malformed ZAP request") }
        guard let endpoint = CurveConfiguration.Endpoint(rawValue: String(decoding: request[2], as: UTF8.self)) else {
            return (nil, "unknown socket")
        }
        guard request[5] == Array("CURVE".utf8) else { return (nil, "CURVE required") }
        guard let client = curve.admitted(key: request[6], to: endpoint) else {
            return (nil, "key not listed for \(endpoint.rawValue)")
        }
        return (client.name, "OK")
    }
}
