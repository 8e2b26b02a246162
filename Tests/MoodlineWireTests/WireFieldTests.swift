@testable import MoodlineWire
import Testing

/// The key tables are packed words written by hand: check every name maps to its index,
/// wherever it sits in the message (near the end, only the key's own bytes are read).
@Suite struct WireFieldTests {
    @Test func messageKeys() {
        for (index, name) in WireField.names.enumerated() {
            var padded = Array(name.utf8) + Array(#"":1}"#.utf8)
            #expect(padded.withUnsafeBufferPointer { WireField.index(of: $0.baseAddress!, length: name.utf8.count, readable: $0.count) } == index, "\(name)")
            padded = Array(name.utf8)
            #expect(padded.withUnsafeBufferPointer { WireField.index(of: $0.baseAddress!, length: name.utf8.count, readable: $0.count) } == index, "\(name) at the end")
        }
    }

    @Test func prosodyKeys() {
        for (index, name) in ProsodyField.names.enumerated() {
            let bytes = Array(name.utf8) + Array(#"":1}"#.utf8)
            #expect(bytes.withUnsafeBufferPointer { ProsodyField.index(of: $0.baseAddress!, length: name.utf8.count, readable: $0.count) } == index, "\(name)")
        }
    }

    @Test func nearMissesAreUnknown() {
        for name in ["Session", "sessio", "sessions", "t", "seqq", "pitch_hz2", "pitch_sd_hZ", "energy_dB"] {
            let bytes = Array(name.utf8) + Array(#"":1}"#.utf8)
            let top = bytes.withUnsafeBufferPointer { WireField.index(of: $0.baseAddress!, length: name.utf8.count, readable: $0.count) }
            let prosody = bytes.withUnsafeBufferPointer { ProsodyField.index(of: $0.baseAddress!, length: name.utf8.count, readable: $0.count) }
            #expect(top == -1 && prosody == -1, "\(name)")
        }
    }
}
