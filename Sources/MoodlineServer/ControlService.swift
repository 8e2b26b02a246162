import Foundation
import Logging
import MoodlineWire
import Synchronization

/// The control socket on a thread of its own: it answers from the store, the session board and
/// the status figures, and hands ticket changes to the server, so the pipeline never waits on
/// a query however large or frequent.
final class ControlService: Sendable {
    private let socket: ZMQSocket.Handoff
    private let inbox: SessionBoard.Inbox
    private let makeHandler: @Sendable () -> ControlHandler
    private let logger: Logger
    private let stopping = Atomic<Bool>(false)
    private let done = DispatchSemaphore(value: 0)

    /// - Parameter socket: The bound REP socket; from `start` on only the service's thread uses it.
    init(socket: sending ZMQSocket, inbox: SessionBoard.Inbox, logger: Logger, handler: @escaping @Sendable () -> ControlHandler) {
        self.socket = ZMQSocket.Handoff(socket)
        self.inbox = inbox
        self.logger = logger
        makeHandler = handler
    }

    func start() {
        let thread = Thread { [self] in
            if let socket = socket.take() {
                loop(socket)
                socket.close()
            }
            done.signal()
        }
        thread.name = "moodline.control"
        thread.start()
    }

    /// Stops answering and closes the socket; returns once the thread has ended.
    func stop() {
        stopping.store(true, ordering: .relaxed)
        done.wait()
    }

    private func loop(_ socket: ZMQSocket) {
        var handler = makeHandler()
        var board = SessionBoard()
        var poller = ZMQPoller()
        guard let index = try? poller.register(socket) else { return }
        while !stopping.load(ordering: .relaxed) && !ShutdownSignal.isRequested {
            do {
                _ = try poller.poll(timeoutMilliseconds: 100)
                // Keeps up with the writer even when nobody asks, so its inbox stays small.
                board.update(from: inbox)
                guard poller.isReadable(index) else { continue }
                guard let request = try socket.receiveBytes(flags: .dontWait) else { continue }
                let peer = socket.peerUserID
                // A request is one JSON frame; anything else gets an error reply, never a dead loop.
                var reply: [UInt8]
                if socket.hasMoreFrames {
                    while socket.hasMoreFrames { _ = try socket.receive(flags: .dontWait) { _ in () } }
                    reply = Array(#"{"ok":false,"code":"bad_json","error":"send one JSON object in a single frame"}"#.utf8)
                } else {
                    reply = handler.reply(to: request, peer: peer, board: &board, now: Self.monotonicSeconds())
                }
                _ = try socket.send(reply)
            } catch {
                if error.isContextTerminated { return }
                logger.error("could not answer a control request", metadata: ["error": .string(LogText.escaped("\(error)"))])
            }
        }
    }

    private static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }
}
