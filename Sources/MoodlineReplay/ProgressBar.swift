import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress bar on standard error, drawn only when standard error is a terminal:
/// piped or redirected output stays clean.
struct ProgressBar {
    let isEnabled: Bool
    /// Bytes expected, or 0 when unknown (gzip input: only decompressed bytes are seen).
    let totalBytes: Int
    private var lastDraw = 0.0
    private let started = Date().timeIntervalSince1970

    init(totalBytes: Int, enabled: Bool? = nil) {
        self.totalBytes = totalBytes
        isEnabled = enabled ?? (isatty(STDERR_FILENO) == 1)
    }

    /// Redraws at most ten times a second.
    mutating func update(bytes: Int, fragments: Int, alerts: Int) {
        guard isEnabled else { return }
        let now = Date().timeIntervalSince1970
        guard now - lastDraw >= 0.1 else { return }
        lastDraw = now
        let rate = Double(fragments) / max(now - started, 0.001)
        var line = "\r"
        if totalBytes > 0 {
            let share = min(1, Double(bytes) / Double(totalBytes))
            let width = 30
            let filled = Int(share * Double(width))
            line += "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            line += String(format: "%3.0f%%  ", share * 100)
        }
        line += "\(fragments) fragments  \(alerts) alerts  \(Int(rate))/s  "
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the bar's line.
    func finish() {
        guard isEnabled else { return }
        FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: 78) + "\r").utf8))
    }
}
