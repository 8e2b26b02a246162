import MoodlineCore
import MoodlineEngine
import Testing
@testable import MoodlineWire

@Suite struct ScoreRequestDecoderTests {
    struct Decoded: Equatable {
        var id: String
        var text: String
        var language: Language?
    }

    func decode(_ line: String, maxTextBytes: Int = 1024) -> Result<Decoded, Rejection> {
        var decoder = ScoreRequestDecoder(maxTextBytes: maxTextBytes)
        let bytes = Array(line.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            do throws(Rejection) {
                return .success(try decoder.decode(buffer) { request in
                    Decoded(id: String(decoding: request.id, as: UTF8.self), text: String(decoding: request.text, as: UTF8.self), language: request.language)
                })
            } catch {
                return .failure(error)
            }
        }
    }

    func reason(_ line: String) -> RejectionReason? {
        if case .failure(let rejection) = decode(line) { return rejection.reason }
        return nil
    }

    @Test func idIsEchoedAsSentTextIsUnescaped() throws {
        #expect(try decode(#"{"id":"a-1","text":"I will \"sue\"\nyou","lang":"en"}"#).get()
            == Decoded(id: #""a-1""#, text: "I will \"sue\"\nyou", language: .english))
        #expect(try decode(#"{"text":"\u6211\u8981","id":17}"#).get() == Decoded(id: "17", text: "我要", language: nil))
        #expect(try decode(#" {"id":null,"text":"hi","lang":"zh-Hant","extra":[1,{"a":2}]} "#).get()
            == Decoded(id: "", text: "hi", language: .chinese))
    }

    @Test func theUsualShapeReadsAsTheGeneralScanReadsIt() throws {
        // Each pair: a line in the shape the fast path reads, and the same request the general
        // scan must read (reordered, spaced, with an extra field).
        let pairs: [(String, String)] = [
            (#"{"id":"r1","text":"I will \"sue\"","lang":"en"}"#, #"{ "lang" : "en", "text" : "I will \"sue\"", "id" : "r1" }"#),
            (#"{"id":17,"text":"\u6211\u8981"}"#, #"{"text":"\u6211\u8981","x":[1],"id":17}"#),
            (#"{"id":null,"text":"服務很好","lang":"zh-Hant"}"#, #"{"lang":"zh-Hant","id":null,"text":"服務很好"}"#),
            (#"{"id":{"a":[1]},"text":"","lang":"mixed"}"#, #"{"text":"","lang":"mixed","id":{"a":[1]}}"#),
        ]
        for (usual, general) in pairs {
            #expect(try decode(usual).get() == decode(general).get(), "\(usual)")
        }
        // Near misses of the shape fall back to the general scan, which decides.
        #expect(reason(#"{"id":"a","text":"b","lang":"en"} x"#) == .badJSON)
        #expect(reason(#"{"id":"a","text":"b","lang":"en","text":"c"}"#) == .badJSON)
        #expect(reason(#"{"id":"a","text":5,"lang":"en"}"#) == .wrongType)
        #expect(reason(#"{"id":"a","text":"b","lang":"xx"}"#) == .wrongType)
        #expect(try decode(#"{"id":"a","text":"b","lang":"en","n":1}"#).get() == Decoded(id: #""a""#, text: "b", language: .english))
    }

    @Test func aSpeakerIsReadWhereGivenAndCheckedAsTheWireChecksIt() throws {
        func speaker(_ line: String) -> Result<Speaker?, Rejection> {
            var decoder = ScoreRequestDecoder()
            return Array(line.utf8).withUnsafeBufferPointer { buffer in
                do throws(Rejection) {
                    return .success(try decoder.decode(buffer) { $0.speaker })
                } catch {
                    return .failure(error)
                }
            }
        }
        #expect(try speaker(#"{"id":1,"text":"hi","lang":"en","speaker":"agent"}"#).get() == .agent)
        #expect(try speaker(#"{"id":1,"text":"hi","speaker":"customer"}"#).get() == .customer)
        #expect(try speaker(#"{ "speaker" : "agent", "text" : "hi" }"#).get() == .agent)
        #expect(try speaker(#"{"id":1,"text":"hi"}"#).get() == nil)
        for bad in [#"{"id":1,"text":"hi","speaker":"bot"}"#, #"{"id":1,"text":"hi","speaker":7}"#, #"{"text":"hi","speaker":"Agent"}"#] {
            guard case .failure(let rejection) = speaker(bad) else {
                Issue.record("\(bad) should be refused")
                continue
            }
            #expect(rejection.reason == .unknownSpeaker, "\(bad)")
        }
    }

    @Test func faultsAreRejectedWithTheirReason() {
        #expect(reason("not json") == .badJSON)
        #expect(reason(#"{"id":1,"text":"a"} x"#) == .badJSON)
        #expect(reason(#"{"text":"a","text":"b"}"#) == .badJSON)
        #expect(reason(#"{"id":1}"#) == .missingField)
        #expect(reason(#"{"text":5}"#) == .wrongType)
        #expect(reason(#"{"text":"a","lang":"klingon"}"#) == .wrongType)
        #expect(reason(#"{"text":"a","lang":7}"#) == .wrongType)
        #expect(reason("") == .badJSON)
        if case .failure(let r) = decode(#"{"text":"0123456789"}"#, maxTextBytes: 4) { #expect(r.reason == .oversized) } else { Issue.record("not rejected") }
    }

    @Test func invalidUTF8IsTheVerdictWhereverItIs() {
        var bytes = Array(#"{"text":"ab"}"#.utf8)
        bytes.insert(0xFF, at: 9)
        var decoder = ScoreRequestDecoder()
        let verdict: RejectionReason? = bytes.withUnsafeBufferPointer { buffer in
            do throws(Rejection) { _ = try decoder.decode(buffer) { _ in 0 }; return nil } catch { return error.reason }
        }
        #expect(verdict == .invalidUTF8)
    }

    @Test func theIdIsKnownForAnErrorAfterIt() {
        var decoder = ScoreRequestDecoder()
        var seen = ""
        let bytes = Array(#"{"id":"q7","text":42}"#.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            do throws(Rejection) {
                _ = try decoder.decode(buffer, idOnError: { seen = String(decoding: $0, as: UTF8.self) }) { _ in 0 }
            } catch {}
        }
        #expect(seen == #""q7""#)
    }
}
