import CZeroMQ

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A ZeroMQ context: owns libzmq's I/O threads and every socket made from it.
///
/// libzmq contexts are thread-safe, so a context may be shared between threads; sockets
/// are not (see `ZMQSocket`). Each socket keeps its context alive, so the context is
/// terminated only after its last socket is closed: `zmq_ctx_term` blocks until then.
///
/// To stop threads blocked in `receive`, call `shutdown()`: their calls fail with
/// `ZMQError.Code.contextTerminated`, they close their sockets, and the context can go.
public final class ZMQContext: @unchecked Sendable {
    // @unchecked: libzmq documents contexts as thread-safe, and the handle never changes.
    let handle: UnsafeMutableRawPointer

    /// Creates a context with libzmq's defaults (one I/O thread).
    public init() throws(ZMQError) {
        guard let handle = zmq_ctx_new() else { throw ZMQError.last("ctx_new") }
        self.handle = handle
    }

    /// Creates a context with `ioThreads` I/O threads; one handles about a gigabyte a second.
    public convenience init(ioThreads: Int) throws(ZMQError) {
        try self.init()
        guard zmq_ctx_set(handle, ZMQ_IO_THREADS, Int32(clamping: ioThreads)) == 0 else {
            throw ZMQError.last("ctx_set ZMQ_IO_THREADS \(ioThreads)")
        }
    }

    /// Makes every blocking call on this context's sockets, now and later, fail with
    /// `contextTerminated`. Safe from any thread (but not from a signal handler: call it
    /// from the thread or dispatch source that receives SIGINT/SIGTERM). Idempotent.
    public func shutdown() {
        _ = zmq_ctx_shutdown(handle)
    }

    /// Creates a socket of `kind` in this context.
    public func socket(_ kind: ZMQSocket.Kind) throws(ZMQError) -> ZMQSocket {
        try ZMQSocket(context: self, kind: kind)
    }

    deinit {
        // Every socket holds a strong reference to us, so all are closed by now and
        // zmq_ctx_term only waits for lingering messages.
        while zmq_ctx_term(handle) != 0, zmq_errno() == EINTR {}
    }
}
