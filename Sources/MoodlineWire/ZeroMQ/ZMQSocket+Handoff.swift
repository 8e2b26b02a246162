import Synchronization

extension ZMQSocket {
    /// Moves a socket to the thread that will use it, exactly once.
    ///
    /// libzmq allows a socket to change threads if a full memory barrier separates the
    /// two threads' use; the lock inside provides it. Typical use: create and bind on the
    /// main thread (so a bad endpoint fails at start-up), then `take()` on the worker.
    public final class Handoff: Sendable {
        private let socket: Mutex<ZMQSocket?>

        /// Wraps `socket`; the caller must not use it afterwards.
        public init(_ socket: sending ZMQSocket) {
            self.socket = Mutex(socket)
        }

        /// The socket, the first time; nil afterwards.
        public func take() -> sending ZMQSocket? {
            socket.withLock { $0.take() }
        }
    }
}
