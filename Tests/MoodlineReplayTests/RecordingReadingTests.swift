import Foundation
import MoodlineReplay
import Testing

/// Reading recordings in chunks: lines across chunk boundaries, a last line without newline.
struct RecordingReadingTests {
    @Test func manyLinesAcrossChunkBoundariesAllArrive() throws {
        let dir = try Fixtures.temporaryDirectory()
        var text = #"{"type":"session_start","session":"r","ts":1,"agent":"a","team":"t"}"# + "\n"
        // Enough lines to span several 1 MiB chunks.
        for seq in 1...20_000 {
            let speaker = seq % 2 == 0 ? "agent" : "customer"
            text += #"{"session":"r","seq":\#(seq),"ts":\#(1 + Double(seq) * 0.5),"speaker":"\#(speaker)","text":"line \#(seq) of a long recording, padded to be a little longer than usual"}"# + "\n"
        }
        text += #"{"type":"session_end","session":"r","ts":20000}"#
        try text.write(toFile: dir + "/long.jsonl", atomically: true, encoding: .utf8)
        let (statistics, _) = try Fixtures.replay([dir + "/long.jsonl"])
        #expect(statistics.events == 20_002)
        #expect(statistics.engine.fragments == 20_000)
        #expect(statistics.rejected == 0)
        #expect(statistics.engine.sessionsEnded == 1)
    }
}
