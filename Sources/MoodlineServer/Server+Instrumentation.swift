#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Server {
    /// A measuring hook for benchmarks (`bench/`: `moodline-bench pipeline`). Off by default:
    /// with ``Server/instrumentation`` nil the loop takes no timestamps at all.
    ///
    /// When set, the loop notes the monotonic time just before each ingest message is taken
    /// from the socket, and once the batch is committed and published (by the ``StoreWriter``)
    /// hands those times and the publish's end to `batchFlushed`, on the writer's thread. Per message,
    /// `flushedAt - receivedAt[i]` is its receive-to-publish latency.
    public final class Instrumentation: Sendable {
        /// Called once per non-empty batch, on the store writer's thread; the buffer is only valid during the call.
        public typealias BatchObserver = @Sendable (_ receivedAt: UnsafeBufferPointer<UInt64>, _ flushedAt: UInt64) -> Void

        let batchFlushed: BatchObserver

        public init(batchFlushed: @escaping BatchObserver) {
            self.batchFlushed = batchFlushed
        }

        /// The clock it uses: CLOCK_MONOTONIC in nanoseconds (comparable across threads and processes).
        public static func now() -> UInt64 {
            var ts = timespec()
            clock_gettime(CLOCK_MONOTONIC, &ts)
            return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
        }
    }
}
