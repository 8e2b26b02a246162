import CZeroMQ

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A ZeroMQ socket.
///
/// Not `Sendable`: libzmq sockets must be used by one thread at a time. Create a socket
/// on the thread that uses it, or hand it to that thread once with `ZMQSocket.Handoff`.
///
/// Blocking calls (`receive`, `send` without `.dontWait`, `ZMQPoller.poll`) must run on
/// dedicated threads, never inside Swift concurrency tasks: a blocked task holds one of
/// the few cooperative-pool threads (two on a two-core machine) and starves the rest.
///
/// Received frames go into one reusable `zmq_msg_t`, so receiving allocates nothing in
/// Swift; the bytes are lent to a closure and are valid only inside it.
public final class ZMQSocket {
    /// The socket patterns Moodline uses.
    public enum Kind: Sendable, CaseIterable {
        case push, pull, pub, sub, req, rep, router, dealer, pair

        var rawValue: Int32 {
            switch self {
            case .push: ZMQ_PUSH
            case .pull: ZMQ_PULL
            case .pub: ZMQ_PUB
            case .sub: ZMQ_SUB
            case .req: ZMQ_REQ
            case .rep: ZMQ_REP
            case .router: ZMQ_ROUTER
            case .dealer: ZMQ_DEALER
            case .pair: ZMQ_PAIR
            }
        }
    }

    /// Flags for `send`.
    public struct SendFlags: OptionSet, Sendable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }
        /// More frames of the same message follow.
        public static let more = SendFlags(rawValue: ZMQ_SNDMORE)
        /// Do not block: `send` returns false when the message cannot be queued now.
        public static let dontWait = SendFlags(rawValue: ZMQ_DONTWAIT)
    }

    /// Flags for `receive`.
    public struct ReceiveFlags: OptionSet, Sendable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }
        /// Do not block: `receive` returns nil when no frame is waiting.
        public static let dontWait = ReceiveFlags(rawValue: ZMQ_DONTWAIT)
    }

    /// The linger every socket starts with, in milliseconds. libzmq's default (forever)
    /// would make a context wait forever for a peer that never comes back.
    public static let defaultLingerMilliseconds: Int32 = 1000

    /// The context this socket keeps alive.
    public let context: ZMQContext
    public let kind: Kind
    private(set) var handle: UnsafeMutableRawPointer?
    // Heap-allocated so its address is stable: small frames live inside the zmq_msg_t.
    private let message: UnsafeMutablePointer<zmq_msg_t>

    init(context: ZMQContext, kind: Kind) throws(ZMQError) {
        guard let handle = zmq_socket(context.handle, kind.rawValue) else {
            throw ZMQError.last("socket \(kind)")
        }
        self.context = context
        self.kind = kind
        self.handle = handle
        self.message = .allocate(capacity: 1)
        zmq_msg_init(message)
        var linger = Self.defaultLingerMilliseconds
        _ = zmq_setsockopt(handle, ZMQ_LINGER, &linger, MemoryLayout<Int32>.size)
    }

    deinit {
        zmq_msg_close(message)
        message.deallocate()
        if let handle { zmq_close(handle) }
    }

    /// Closes the socket now rather than on release. Idempotent; later calls fail with `socketClosed`.
    public func close() {
        if let handle {
            zmq_close(handle)
            self.handle = nil
        }
    }

    @inline(__always)
    func checkedHandle(_ operation: @autoclosure () -> String) throws(ZMQError) -> UnsafeMutableRawPointer {
        guard let handle else { throw ZMQError(errno: ENOTSOCK, operation: operation()) }
        return handle
    }

    // MARK: Endpoints

    /// Binds to `endpoint`: `tcp://127.0.0.1:5555`, `tcp://*:*` (any free port, see
    /// `lastEndpoint`), `ipc:///run/moodline/ingest.sock`, or `inproc://name`.
    public func bind(_ endpoint: String) throws(ZMQError) {
        let handle = try checkedHandle("bind \(endpoint)")
        guard zmq_bind(handle, endpoint) == 0 else { throw ZMQError.last("bind \(endpoint)") }
    }

    /// Stops listening on `endpoint` (as `lastEndpoint` reports it for wildcard binds).
    public func unbind(_ endpoint: String) throws(ZMQError) {
        let handle = try checkedHandle("unbind \(endpoint)")
        guard zmq_unbind(handle, endpoint) == 0 else { throw ZMQError.last("unbind \(endpoint)") }
    }

    /// Connects to `endpoint`. Succeeds before the peer exists: libzmq reconnects in the background.
    public func connect(_ endpoint: String) throws(ZMQError) {
        let handle = try checkedHandle("connect \(endpoint)")
        guard zmq_connect(handle, endpoint) == 0 else { throw ZMQError.last("connect \(endpoint)") }
    }

    /// Disconnects from `endpoint`.
    public func disconnect(_ endpoint: String) throws(ZMQError) {
        let handle = try checkedHandle("disconnect \(endpoint)")
        guard zmq_disconnect(handle, endpoint) == 0 else { throw ZMQError.last("disconnect \(endpoint)") }
    }

    /// The endpoint last bound or connected, with wildcards resolved (`tcp://127.0.0.1:40123`).
    public var lastEndpoint: String {
        get throws(ZMQError) {
            let handle = try checkedHandle("getsockopt ZMQ_LAST_ENDPOINT")
            return try withUnsafeTemporaryAllocation(of: CChar.self, capacity: 1024) { (buffer) throws(ZMQError) -> String in
                var size = buffer.count
                guard zmq_getsockopt(handle, ZMQ_LAST_ENDPOINT, buffer.baseAddress, &size) == 0 else {
                    throw ZMQError.last("getsockopt ZMQ_LAST_ENDPOINT")
                }
                buffer[buffer.count - 1] = 0
                return String(cString: buffer.baseAddress!)
            }
        }
    }

    // MARK: Sending

    /// Sends one frame. Returns false only with `.dontWait` when it cannot be queued now
    /// (or when a send timeout elapses); otherwise blocks until libzmq has queued a copy.
    @discardableResult
    public func send(_ bytes: UnsafeRawBufferPointer, flags: SendFlags = []) throws(ZMQError) -> Bool {
        let handle = try checkedHandle("send")
        while true {
            if zmq_send(handle, bytes.baseAddress, bytes.count, flags.rawValue) >= 0 { return true }
            let error = zmq_errno()
            if error == EINTR { continue }
            if error == EAGAIN { return false }
            throw ZMQError(errno: error, operation: "send")
        }
    }

    /// Sends `bytes` as one frame.
    @discardableResult
    public func send(_ bytes: [UInt8], flags: SendFlags = []) throws(ZMQError) -> Bool {
        // withUnsafeBytes only rethrows untyped errors, so carry the typed one out in a Result.
        try bytes.withUnsafeBytes { buffer in Result { () throws(ZMQError) in try send(buffer, flags: flags) } }.get()
    }

    /// Sends a string's UTF-8 as one frame.
    @discardableResult
    public func send(_ string: String, flags: SendFlags = []) throws(ZMQError) -> Bool {
        var string = string
        return try string.withUTF8 { utf8 in
            Result { () throws(ZMQError) in try send(UnsafeRawBufferPointer(utf8), flags: flags) }
        }.get()
    }

    /// Publishes a message as two frames, the topic then the body: SUB sockets filter on
    /// the first frame only, so the body can never accidentally match a subscription.
    /// Returns false when `.dontWait` is given and the message cannot be queued now.
    @discardableResult
    public func send(topic: UnsafeRawBufferPointer, body: UnsafeRawBufferPointer, flags: SendFlags = []) throws(ZMQError) -> Bool {
        guard try send(topic, flags: flags.union(.more)) else { return false }
        // Once the first frame is queued, libzmq queues the rest of the message atomically.
        return try send(body, flags: flags.subtracting(.more))
    }

    /// Publishes `body` under `topic` as two frames (see above).
    @discardableResult
    public func send(topic: Topic, body: [UInt8], flags: SendFlags = []) throws(ZMQError) -> Bool {
        try topic.bytes.withUnsafeBytes { topic in
            body.withUnsafeBytes { body in Result { () throws(ZMQError) in try send(topic: topic, body: body, flags: flags) } }
        }.get()
    }

    // MARK: Receiving

    /// Receives one frame and lends its bytes to `body`; the bytes are valid only inside it.
    /// Returns nil when nothing arrived: with `.dontWait` and no frame waiting, or when the
    /// receive timeout elapsed. A signal does not interrupt it; `ZMQContext.shutdown()` does
    /// (`contextTerminated`).
    public func receive<R>(flags: ReceiveFlags = [], _ body: (UnsafeRawBufferPointer) -> R) throws(ZMQError) -> R? {
        let handle = try checkedHandle("receive")
        while zmq_msg_recv(message, handle, flags.rawValue) < 0 {
            let error = zmq_errno()
            if error == EINTR { continue }
            if error == EAGAIN { return nil }
            throw ZMQError(errno: error, operation: "receive")
        }
        let bytes = UnsafeRawBufferPointer(start: zmq_msg_data(message), count: zmq_msg_size(message))
        return body(bytes)
    }

    /// The `User-Id` the ZAP handler gave the peer that sent the frame just received (for CURVE,
    /// the name its key is listed under); nil on a socket without authentication.
    public var peerUserID: String? {
        guard let value = zmq_msg_gets(message, "User-Id") else { return nil }
        let id = String(cString: value)
        return id.isEmpty ? nil : id
    }

    /// True when the frame just received has more frames of the same message after it.
    public var hasMoreFrames: Bool { zmq_msg_more(message) != 0 }

    /// Receives one frame as a new array (convenient, but allocates; prefer the closure form on hot paths).
    public func receiveBytes(flags: ReceiveFlags = []) throws(ZMQError) -> [UInt8]? {
        try receive(flags: flags) { [UInt8]($0) }
    }

    /// Receives all frames of one message (for example topic and body), or nil when nothing arrived.
    public func receiveMultipart(flags: ReceiveFlags = []) throws(ZMQError) -> [[UInt8]]? {
        guard let first = try receiveBytes(flags: flags) else { return nil }
        var frames = [first]
        // The remaining frames of a message arrive together with the first one.
        while hasMoreFrames, let next = try receiveBytes() {
            frames.append(next)
        }
        return frames
    }
}
