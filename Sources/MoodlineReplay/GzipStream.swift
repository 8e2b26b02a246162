import Foundation

/// The decompressed bytes of a gzip file, from a `gzip -dc` child process.
///
/// The package has no zlib binding, and gzip is on every machine Moodline runs on; a child
/// process also decompresses on the second core while the pipeline runs on this one. The
/// output is read from the pipe in chunks like any file, so nothing is held whole.
final class GzipStream {
    private let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    let path: String

    /// The descriptor to read the decompressed bytes from.
    var fileDescriptor: Int32 { output.fileHandleForReading.fileDescriptor }

    init(path: String) throws(ReplayError) {
        self.path = path
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", "--", path]
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ReplayError(path: path, "cannot start `gzip -dc` to decompress it (\(error)); install gzip or decompress the file first")
        }
    }

    /// Waits for gzip after its output ended; the failure message when it did not succeed.
    func finish() -> String? {
        process.waitUntilExit()
        guard process.terminationReason != .exit || process.terminationStatus != 0 else { return nil }
        let detail = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if process.terminationStatus == 127 { return "gzip is not installed; install it or decompress the file first" }
        return "gzip -dc failed (status \(process.terminationStatus))\(detail.isEmpty ? "" : ": " + detail); the lines before the damage were replayed"
    }

    /// Stops gzip early (the reader was closed before the end).
    func cancel() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
