#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written through a buffer, so a line per alert is not a system call per alert.
///
/// A class because it owns a descriptor. The first write error is kept and thrown by
/// ``close()``, so a full disk is reported, not silently ignored.
final class OutputFile {
    let path: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var failure: String?

    init(path: String) throws(ReplayError) {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw ReplayError(path: path, "cannot create the file: \(String(cString: strerror(errno))); check that its directory exists and is writable")
        }
        buffer.reserveCapacity(1 << 16)
    }

    deinit {
        if fd >= 0 { closeDescriptor(fd) }
    }

    func write(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    func write(_ text: String) {
        write(text.utf8)
    }

    func flush() {
        guard !buffer.isEmpty, fd >= 0, failure == nil else {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { raw in writeDescriptor(fd, raw.baseAddress! + offset, raw.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                break
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes; throws the first write error, if any.
    func close() throws(ReplayError) {
        flush()
        if fd >= 0 {
            closeDescriptor(fd)
            fd = -1
        }
        if let failure { throw ReplayError(path: path, "could not write: \(failure); check the free space and permissions") }
    }
}

private func closeDescriptor(_ fd: Int32) {
    _ = close(fd)
}

private func writeDescriptor(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}
