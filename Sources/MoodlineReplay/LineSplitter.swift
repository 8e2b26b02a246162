#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a byte stream into lines, reading it in chunks, so a recording of any size costs
/// only one chunk plus its longest accepted line of memory.
///
/// A line longer than `maxLineBytes` is skipped to its end and reported as too long, rather
/// than growing the buffer: one runaway line must not take the replay's memory with it.
struct LineSplitter {
    /// One line, or the length of a line that was too long to keep.
    enum Item<Result> {
        case line(Result)
        case tooLong(bytes: Int)
    }

    let maxLineBytes: Int
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    /// Where the search for the next newline resumes (bytes before it hold none).
    private var scanFrom = 0
    private var atEOF = false
    /// Bytes of an over-long line skipped so far, or nil when not skipping.
    private var skipped: Int?
    /// Bytes read from the stream so far.
    private(set) var bytesRead = 0

    init(maxLineBytes: Int, chunkBytes: Int = 1 << 20) {
        self.maxLineBytes = maxLineBytes
        // Room for a whole line that is still acceptable plus one chunk, so a read always has space.
        // Uninitialised: every byte is written by read(2) before it is looked at, and zeroing a
        // megabyte per file would dominate a directory of many short calls.
        let size = maxLineBytes + max(chunkBytes, 4096)
        buffer = [UInt8](unsafeUninitializedCapacity: size) { _, count in count = size }
    }

    /// The next line without its newline, handed to `body` (the bytes live only for the call),
    /// or nil at the end of the stream.
    mutating func next<Result>(
        from fd: Int32, _ body: (UnsafeRawBufferPointer) -> Result
    ) throws(ReplayError) -> Item<Result>? {
        while true {
            if let newline = findNewline() {
                let lineStart = start
                start = newline + 1
                scanFrom = start
                if let count = skipped {
                    skipped = nil
                    return .tooLong(bytes: count + newline - lineStart)
                }
                return .line(buffer.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[lineStart..<newline])) })
            }
            scanFrom = end
            if atEOF {
                guard start < end || skipped != nil else { return nil }
                let lineStart = start
                start = end
                scanFrom = end
                if let count = skipped {
                    skipped = nil
                    return .tooLong(bytes: count + end - lineStart)
                }
                return .line(buffer.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[lineStart..<end])) })
            }
            if let count = skipped {
                skipped = count + end - start
                start = 0; end = 0; scanFrom = 0
            } else if end - start > maxLineBytes {
                skipped = end - start
                start = 0; end = 0; scanFrom = 0
            }
            compact()
            try fill(from: fd)
        }
    }

    private func findNewline() -> Int? {
        guard scanFrom < end else { return nil }
        return buffer.withUnsafeBytes { raw -> Int? in
            let base = raw.baseAddress!
            guard let hit = memchr(base + scanFrom, 0x0A, end - scanFrom) else { return nil }
            return base.distance(to: UnsafeRawPointer(hit))
        }
    }

    /// Moves the unfinished line to the front of the buffer.
    private mutating func compact() {
        guard start > 0 else { return }
        let count = end - start
        if count > 0 {
            buffer.withUnsafeMutableBytes { raw in
                let base = raw.baseAddress!
                _ = memmove(base, base + start, count)
            }
        }
        scanFrom -= start
        end = count
        start = 0
    }

    private mutating func fill(from fd: Int32) throws(ReplayError) {
        while true {
            let capacity = buffer.count - end
            let n = buffer.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress! + end, capacity) }
            if n > 0 {
                end += n
                bytesRead += n
                return
            }
            if n == 0 {
                atEOF = true
                return
            }
            let code = errno
            if code == EINTR { continue }
            throw ReplayError("read failed: \(String(cString: strerror(code))); check that the file is readable and not truncated")
        }
    }
}
