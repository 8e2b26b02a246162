#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// SIGINT and SIGTERM ask the server to stop; the loop notices within one poll interval.
public enum ShutdownSignal {
    private static let requested = Atomic<Bool>(false)

    /// Routes SIGINT and SIGTERM to ``isRequested``, and ignores SIGPIPE.
    public static func install() {
        signal(SIGINT) { _ in ShutdownSignal.requested.store(true, ordering: .relaxed) }
        signal(SIGTERM) { _ in ShutdownSignal.requested.store(true, ordering: .relaxed) }
        signal(SIGPIPE, SIG_IGN)
        // The signal mask is inherited across exec: a parent that spawns us from a thread with
        // signals blocked (Foundation's Process run from a Dispatch or Swift-concurrency thread
        // does) would leave SIGINT and SIGTERM pending forever. Unblock them on this thread,
        // before any worker thread is created, so the handlers above can run.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigaddset(&unblock, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    public static var isRequested: Bool { requested.load(ordering: .relaxed) }

    /// Asks for a stop from inside the process (tests, the simulator's end).
    public static func request() { requested.store(true, ordering: .relaxed) }
}
