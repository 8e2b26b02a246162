import Foundation
import MoodlineEngine
import MoodlineWire

/// A short chat in which the customer discloses thoughts of suicide (seq 4): the one alert
/// Moodline must never miss. Written for these tests, so they do not need the scenario set.
enum Conversation {
    static let agent = "a-e2e"
    static let team = "t-e2e"
    /// The seq of the disclosure.
    static let disclosureSeq: Int64 = 4

    static func start(_ session: String, ts: Double, team: String = team, agent: String = agent) -> WireEvent {
        .sessionStart(SessionStart(session: session, seq: 0, ts: ts, agent: agent, team: team, channel: .chat, customer: "c-e2e", lang: "en"))
    }

    /// The fragments, seq 1…6, a few seconds apart from `ts`.
    static func fragments(_ session: String, ts: Double, team: String = team, agent: String = agent) -> [WireEvent] {
        let turns: [(Speaker, String)] = [
            (.agent, "Hello, thanks for contacting support, how can I help you today?"),
            (.customer, "My phone died and I lost every photo of my late mother."),
            (.agent, "I'm so sorry. Let me check whether the old storage board was kept."),
            (.customer, "It doesn't really matter anymore. Honestly I don't see the point of any of it. Some nights I think about just ending it."),
            (.agent, "I'm really glad you told me that. Are you safe right now?"),
            (.customer, "I think so. Thank you for asking."),
        ]
        return turns.enumerated().map { index, turn in
            .fragment(Fragment(
                session: session, seq: Int64(index + 1), ts: ts + 4 * Double(index + 1), speaker: turn.0, text: turn.1,
                agent: agent, team: team, channel: .chat, lang: "en"
            ))
        }
    }

    static func end(_ session: String, ts: Double) -> WireEvent {
        .sessionEnd(SessionEnd(session: session, seq: 7, ts: ts + 30))
    }

    static func bytes(_ event: WireEvent) -> [UInt8] { WireEncoder.encode(event) }
}
