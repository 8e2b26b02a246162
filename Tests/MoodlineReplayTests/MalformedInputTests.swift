import Foundation
import MoodlineEngine
import MoodlineReplay
import Testing

/// Bad lines are counted by reason and skipped; the replay goes on.
struct MalformedInputTests {
    static let start = #"{"type":"session_start","session":"m-1","ts":1000,"agent":"a-1","team":"t-1","channel":"chat"}"#
    static func fragment(_ seq: Int, _ ts: Double, _ speaker: String, _ text: String) -> String {
        #"{"type":"fragment","session":"m-1","seq":\#(seq),"ts":\#(ts),"speaker":"\#(speaker)","agent":"a-1","team":"t-1","channel":"chat","text":"\#(text)"}"#
    }

    @Test func badLinesAreCountedNotFatal() throws {
        let dir = try Fixtures.temporaryDirectory()
        var data = Data()
        func line(_ s: String) { data.append(contentsOf: Array(s.utf8) + [0x0A]) }
        line(Self.start)
        line(Self.fragment(1, 1001, "customer", "Hello, my order never arrived."))
        line("{not json")                                                        // bad_json
        line(#"{"type":"fragment","session":"m-1","ts":1002,"speaker":"customer","text":"x"}"#) // missing_field (seq)
        line(#"{"type":"telegram","session":"m-1","ts":1003}"#)                  // unknown_type
        line(Self.fragment(2, 1004, "robot", "beep"))                            // unknown_speaker
        data.append(contentsOf: [0x7B, 0xFF, 0xFE, 0x7D, 0x0A])                  // invalid_utf8
        line("")                                                                 // blank: skipped, not counted
        line(#"{"type":"fragment","session":"m-1","seq":3,"ts":1005,"speaker":"customer","text":""# + String(repeating: "a", count: 70_000) + #""}"#) // oversized
        line(Self.fragment(4, 1006, "customer", "This is useless, you idiot. I want to cancel my account."))
        line(Self.fragment(4, 1007, "customer", "again"))                        // seq_not_increasing or duplicate
        data.append(contentsOf: Array(#"{"type":"session_end","session":"m-1","ts":1010}"#.utf8)) // no final newline
        try data.write(to: URL(fileURLWithPath: dir + "/m.jsonl"))

        let (statistics, _) = try Fixtures.replay([dir + "/m.jsonl"])
        let reasons = statistics.rejectionsByReason
        #expect(reasons[.badJSON] == 1)
        #expect(reasons[.missingField] == 1)
        #expect(reasons[.unknownType] == 1)
        #expect(reasons[.unknownSpeaker] == 1)
        #expect(reasons[.invalidUTF8] == 1)
        #expect(reasons[.oversized] == 1)
        #expect((reasons[.seqNotIncreasing] ?? 0) + (reasons[.duplicate] ?? 0) == 1)
        #expect(statistics.rejected == 7)
        // The good lines around the bad ones were all replayed, to the session's end.
        #expect(statistics.engine.fragments == 2)
        #expect(statistics.sessions == 1)
        #expect(statistics.engine.sessionsEnded == 1)
        #expect(statistics.alerts > 0)
    }

    @Test func aDamagedGzipRecordingIsReportedAndItsIntactLinesReplayed() throws {
        let dir = try Fixtures.temporaryDirectory()
        var lines = [Self.start]
        for seq in 1...4_000 {
            lines.append(Self.fragment(seq, 1000 + Double(seq), seq % 2 == 0 ? "agent" : "customer", "line \(seq): \(UUID().uuidString)"))
        }
        try lines.joined(separator: "\n").write(toFile: dir + "/d.jsonl", atomically: true, encoding: .utf8)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", dir + "/d.jsonl"]
        try gzip.run()
        gzip.waitUntilExit()
        let whole = try Data(contentsOf: URL(fileURLWithPath: dir + "/d.jsonl.gz"))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: dir + "/d.jsonl.gz"))

        let (statistics, _) = try Fixtures.replay([dir + "/d.jsonl.gz"])
        #expect(statistics.failures.count == 1)
        #expect(statistics.failures.first?.contains("gzip") == true)
        #expect(statistics.engine.fragments > 500)
        #expect(statistics.engine.fragments < 4_000)
    }

    @Test func aMissingRecordingIsAnErrorThatSaysWhich() throws {
        #expect(throws: ReplayError.self) { try RecordingFile.resolve(["/nonexistent/recording.jsonl"]) }
    }

    @Test func sessionsLeftOpenEndWhenTheRecordingRunsOut() throws {
        let dir = try Fixtures.temporaryDirectory()
        let text = [Self.start, Self.fragment(1, 1001, "customer", "hi"), Self.fragment(2, 1002, "agent", "hello")].joined(separator: "\n")
        try text.write(toFile: dir + "/open.jsonl", atomically: true, encoding: .utf8)
        let (statistics, recorder) = try Fixtures.replay([dir + "/open.jsonl"])
        #expect(statistics.sessions == 1)
        #expect(recorder.sessionRows.first?.endReason == .idle)
    }
}
