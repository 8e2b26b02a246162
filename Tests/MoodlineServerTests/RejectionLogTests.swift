import Logging
import MoodlineEngine
import Synchronization
import Testing
@testable import MoodlineServer

/// What reaches the log when a peer sends something bad: no customer's personal data, no
/// line of the peer's making.
@Suite struct RejectionLogTests {
    /// Keeps every log record, for the test to read.
    final class Capture: Sendable {
        let records = Mutex<[(message: String, metadata: Logger.Metadata)]>([])
        var handler: CaptureHandler { CaptureHandler(capture: self) }
    }

    struct CaptureHandler: LogHandler {
        let capture: Capture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            capture.records.withLock { $0.append((event.message.description, event.metadata ?? [:])) }
        }
    }

    static let hostile = "{\"type\":\"fragment\",\"text\":\"call me on 13812345678 or mail li.wei@example.com\n2026-12-03T09:00:00+0000 critical moodline: \u{1B}[31mforged\u{1B}[0m"

    func logged(excerpt: String?, detail: String = "bad ts") -> Logger.Metadata {
        let capture = Capture()
        let logger = Logger(label: "test") { _ in capture.handler }
        var log = RejectionLog(logger: logger, perMinute: 10)
        log.record(Rejection(.badJSON, detail), now: 0, excerpt: excerpt)
        return capture.records.withLock { $0.first?.metadata ?? [:] }
    }

    @Test func excerptsAreLeftOutUnlessAskedFor() {
        let metadata = logged(excerpt: nil)
        #expect(metadata["message"] == nil)
        #expect(metadata["reason"] == .string(RejectionReason.badJSON.rawValue))
    }

    @Test func anExcerptIsMaskedAndEscaped() throws {
        guard case .string(let message)? = logged(excerpt: Self.hostile)["message"] else {
            Issue.record("no message in the log line")
            return
        }
        #expect(!message.contains("13812345678"))
        #expect(!message.contains("li.wei@example.com"))
        #expect(message.contains("[phone]") && message.contains("[email]"))
        #expect(!message.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(message.contains("\\u{a}2026-12-03"), "the newline is written out, not obeyed: \(message)")
        #expect(message.contains("\\u{1b}[31m"))
    }

    @Test func aDetailQuotingThePeerIsEscapedToo() {
        guard case .string(let detail)? = logged(excerpt: nil, detail: "unknown speaker \"x\ny\"")["detail"] else {
            Issue.record("no detail in the log line")
            return
        }
        #expect(detail == "unknown speaker \"x\\u{a}y\"")
    }

    @Test func backslashesAreDoubledSoNoEscapeCanBeFaked() {
        #expect(LogText.escaped("a\\u{a}b") == "a\\\\u{a}b")
        #expect(LogText.escaped("plain text 你好") == "plain text 你好")
    }
}
