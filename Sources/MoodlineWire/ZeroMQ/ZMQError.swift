import CZeroMQ

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed ZeroMQ call: the errno, libzmq's message, and what to do about it.
public struct ZMQError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of failure callers act on differently.
    public enum Code: Sendable, Equatable {
        /// The context was shut down (`ZMQContext.shutdown()`): close the socket and stop the thread.
        case contextTerminated
        /// The operation would block (non-blocking call, or a send/receive timeout elapsed).
        case wouldBlock
        /// The endpoint is already bound by this or another process.
        case addressInUse
        /// The endpoint names an interface or address this machine does not have.
        case addressNotAvailable
        /// The endpoint is malformed, or an argument is out of range.
        case invalidArgument
        /// The endpoint's transport is not supported by this libzmq.
        case protocolNotSupported
        /// The socket kind cannot do this (for example receiving on a PUB socket).
        case notSupported
        /// The socket is in the wrong state for this call (REQ/REP must alternate).
        case invalidState
        /// The socket was closed already.
        case socketClosed
        /// The process ran out of file descriptors or sockets.
        case tooManyOpenFiles
        /// A signal interrupted the call.
        case interrupted
        /// Anything else; see `errno` and `message`.
        case other
    }

    public var code: Code
    /// The errno value libzmq reported.
    public var errno: Int32
    /// libzmq's `zmq_strerror` text for `errno`.
    public var message: String
    /// The call that failed, such as `bind tcp://127.0.0.1:5555`.
    public var operation: String

    public init(errno: Int32, operation: String) {
        self.errno = errno
        self.operation = operation
        self.message = String(cString: zmq_strerror(errno))
        self.code = Self.code(for: errno)
    }

    /// The error for the calling thread's last failed libzmq call.
    static func last(_ operation: @autoclosure () -> String) -> ZMQError {
        ZMQError(errno: zmq_errno(), operation: operation())
    }

    /// True when the context was shut down: the normal way a blocked socket thread learns to stop.
    public var isContextTerminated: Bool { code == .contextTerminated }

    public var description: String { "zmq \(operation): \(message) (errno \(errno)). \(advice)" }

    /// What to do about it, for logs and operators.
    public var advice: String {
        switch code {
        case .contextTerminated: "The ZeroMQ context is shutting down: close this socket and let its thread end."
        case .wouldBlock: "Nothing could be sent or received right now: retry later, or raise the timeout or high-water mark."
        case .addressInUse: "Another socket or process already listens there: stop it or choose another port or path."
        case .addressNotAvailable: "Use an address this machine has (for example 127.0.0.1 or *), or check the interface name."
        case .invalidArgument: "Check the endpoint (tcp://host:port, ipc:///path, inproc://name) and the option value."
        case .protocolNotSupported: "Use tcp://, ipc:// or inproc://; this libzmq does not support that transport."
        case .notSupported: "This socket kind cannot do that: check the socket pattern (for example PUB only sends)."
        case .invalidState: "REQ and REP sockets must alternate send and receive: do not send twice in a row."
        case .socketClosed: "The socket is closed: create a new one."
        case .tooManyOpenFiles: "Raise the open-file limit (ulimit -n) or close unused sockets."
        case .interrupted: "A signal interrupted the call: retry it."
        case .other: "See the libzmq message above."
        }
    }

    private static func code(for errno: Int32) -> Code {
        switch errno {
        case moodline_zmq_eterm(): .contextTerminated
        case EAGAIN: .wouldBlock
        case EADDRINUSE: .addressInUse
        case EADDRNOTAVAIL, ENODEV: .addressNotAvailable
        case EINVAL: .invalidArgument
        case EPROTONOSUPPORT, moodline_zmq_enocompatproto(): .protocolNotSupported
        case ENOTSUP: .notSupported
        case moodline_zmq_efsm(): .invalidState
        case ENOTSOCK: .socketClosed
        case EMFILE, moodline_zmq_emthread(): .tooManyOpenFiles
        case EINTR: .interrupted
        default: .other
        }
    }
}
