import CZeroMQ

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits on several sockets at once (`zmq_poll`).
///
/// Register sockets once, then call `poll` in the thread's loop and check `isReadable`.
/// It blocks: use it only on a dedicated thread (see `ZMQSocket`). It keeps its sockets
/// alive; do not `close()` a registered socket while the poller is in use.
public struct ZMQPoller {
    /// What to wait for on a socket.
    public struct Events: OptionSet, Sendable {
        public let rawValue: Int16
        public init(rawValue: Int16) { self.rawValue = rawValue }
        /// A frame can be received without blocking.
        public static let readable = Events(rawValue: Int16(ZMQ_POLLIN))
        /// A frame can be sent without blocking.
        public static let writable = Events(rawValue: Int16(ZMQ_POLLOUT))
    }

    // The sockets are kept so their handles stay open while they are polled.
    private var sockets: [ZMQSocket] = []
    private var items: [zmq_pollitem_t] = []

    public init() {}

    /// Adds `socket`; returns its index for `isReadable`/`isWritable`.
    @discardableResult
    public mutating func register(_ socket: ZMQSocket, for events: Events = .readable) throws(ZMQError) -> Int {
        let handle = try socket.checkedHandle("poll register")
        sockets.append(socket)
        items.append(zmq_pollitem_t(socket: handle, fd: 0, events: events.rawValue, revents: 0))
        return items.count - 1
    }

    /// Waits until a registered socket is ready or `milliseconds` pass (-1: forever).
    /// Returns how many sockets are ready: 0 on timeout or when a signal interrupted the
    /// wait. Throws `contextTerminated` after `ZMQContext.shutdown()`.
    @discardableResult
    public mutating func poll(timeoutMilliseconds milliseconds: Int) throws(ZMQError) -> Int {
        for index in items.indices { items[index].revents = 0 }
        let count = items.withUnsafeMutableBufferPointer { zmq_poll($0.baseAddress, Int32($0.count), milliseconds) }
        if count >= 0 { return Int(count) }
        let error = zmq_errno()
        if error == EINTR { return 0 }
        throw ZMQError(errno: error, operation: "poll")
    }

    /// True when the socket at `index` had a frame waiting at the last `poll`.
    public func isReadable(_ index: Int) -> Bool {
        items[index].revents & Events.readable.rawValue != 0
    }

    /// True when the socket at `index` could send at the last `poll`.
    public func isWritable(_ index: Int) -> Bool {
        items[index].revents & Events.writable.rawValue != 0
    }
}
