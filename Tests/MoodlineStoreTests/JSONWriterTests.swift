import Foundation
import MoodlineEngine
import Testing
@testable import MoodlineStore

@Suite struct JSONWriterTests {
    private func parsed(_ text: String) throws -> NSObject {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSObject)
    }

    private var awkwardAlert: Alert {
        var alert = makeAlert(agent: nil)
        alert.evidence.append(Evidence(kind: "term", label: "say \"what\"\\\n\t\u{01} 你好 🙂", value: -0.0, seq: .min, utf8Start: 0, utf8End: -3))
        alert.scores.smoothedArousal = 1e-7
        alert.ts = 1_763_790_000.25
        return alert
    }

    // Guards the hand-written encoder against the model growing a field it does not write.
    @Test func writesWhatJSONEncoderWrites() throws {
        let alert = awkwardAlert
        let foundation = String(decoding: try StoreJSON.encoder().encode(alert), as: UTF8.self)
        #expect(try parsed(JSONWriter.json(alert)) == parsed(foundation))
        let evidence = String(decoding: try StoreJSON.encoder().encode(alert.evidence), as: UTF8.self)
        #expect(try parsed(JSONWriter.json(alert.evidence)) == parsed(evidence))
    }

    @Test func readsBackThroughTheStoreDecoder() throws {
        let alert = awkwardAlert
        let decoded = try StoreJSON.decoder().decode(Alert.self, from: Data(JSONWriter.json(alert).utf8))
        #expect(decoded == alert)
    }

    @Test func nonFiniteNumbersBecomeStrings() throws {
        var alert = makeAlert()
        alert.scores.valence = .nan
        alert.scores.arousal = -.infinity
        let json = JSONWriter.json(alert)
        #expect(json.contains(#""valence":"nan""#))
        #expect(json.contains(#""arousal":"-inf""#))
        let decoded = try StoreJSON.decoder().decode(Alert.self, from: Data(json.utf8))
        #expect(decoded.scores.valence.isNaN)
        #expect(decoded.scores.arousal == -.infinity)
    }
}
