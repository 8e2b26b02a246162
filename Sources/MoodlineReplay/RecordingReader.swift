#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MoodlineEngine
import MoodlineWire

/// Reads one recording line by line and decodes each line with the wire decoder `serve` uses.
///
/// A class because it owns a file descriptor (and, for gzip, a child process) that must be
/// closed exactly once.
final class RecordingReader {
    /// One decoded line, or why a line was refused.
    enum Item {
        case event(WireEvent)
        case rejected(Rejection)
    }

    let file: RecordingFile
    private let decoder: WireDecoder
    private var splitter: LineSplitter
    private var fd: Int32 = -1
    private var gzip: GzipStream?
    /// Why reading stopped early, if it did (the lines before were replayed).
    private(set) var failure: String?

    init(file: RecordingFile, decoder: WireDecoder) throws(ReplayError) {
        self.file = file
        self.decoder = decoder
        // One byte over the decoder's limit is enough to know a line is oversized.
        // Chunks of up to 1 MiB, no bigger than a small file needs.
        let chunk = file.isCompressed ? 1 << 18 : min(1 << 20, max(4096, file.bytes + 1))
        splitter = LineSplitter(maxLineBytes: decoder.maxMessageBytes + 1, chunkBytes: chunk)
        if file.isCompressed {
            let stream = try GzipStream(path: file.path)
            gzip = stream
            fd = stream.fileDescriptor
        } else {
            fd = open(file.path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                throw ReplayError(path: file.path, "cannot open: \(String(cString: strerror(errno)))")
            }
        }
    }

    deinit { close(cancelling: true) }

    /// Bytes read so far (decompressed bytes for gzip).
    var bytesRead: Int { splitter.bytesRead }

    /// The next event or rejection; nil at the end of the recording. Blank lines are skipped.
    func next() -> Item? {
        var item: Item?
        _ = next(event: { item = .event($0) }, rejected: { item = .rejected($0) })
        return item
    }

    /// Reads the next line that is not blank and hands its event, or why it was refused, to
    /// one of the two closures; false at the end of the recording. The event is lent to
    /// `event` where the decoder built it: a fragment is about 220 bytes, and returning it
    /// through the layers of optionals and enums copied it at each one.
    func next(event: (WireEvent) -> Void, rejected: (Rejection) -> Void) -> Bool {
        guard fd >= 0 else { return false }
        while true {
            let item: LineSplitter.Item<Bool>?
            do throws(ReplayError) {
                item = try splitter.next(from: fd) { [decoder] (bytes: UnsafeRawBufferPointer) -> Bool in
                    if Self.isBlank(bytes) { return false }
                    do throws(Rejection) {
                        event(try decoder.decode(bytes))
                    } catch {
                        rejected(error)
                    }
                    return true
                }
            } catch {
                failure = error.message
                close(cancelling: true)
                return false
            }
            switch item {
            case nil:
                close(cancelling: false)
                return false
            case .tooLong(let bytes):
                rejected(Rejection(.oversized, "message is \(bytes) bytes, over the limit of \(decoder.maxMessageBytes)"))
                return true
            case .line(true):
                return true
            case .line(false):
                continue
            }
        }
    }

    /// Closes the file; for gzip, collects the child's exit status.
    func close(cancelling: Bool) {
        guard fd >= 0 else { return }
        if let gzip {
            if cancelling {
                gzip.cancel()
            } else if let problem = gzip.finish() {
                failure = problem
            }
            // The pipe's descriptor belongs to the Pipe object, which closes it.
            self.gzip = nil
        } else {
            closeDescriptor(fd)
        }
        fd = -1
    }

    private static func isBlank(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for b in bytes where b != 0x20 && b != 0x09 && b != 0x0D { return false }
        return true
    }
}

/// `close(2)`, out of reach of ``RecordingReader/close(cancelling:)``'s name.
private func closeDescriptor(_ fd: Int32) {
    _ = close(fd)
}
