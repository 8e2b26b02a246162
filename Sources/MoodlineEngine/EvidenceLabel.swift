/// The labels of an alert's score evidence, spelled out once: building them by string
/// interpolation for every alert cost more than the rest of building the alert.
enum EvidenceLabel {
    static func valence(_ speaker: Speaker) -> String {
        speaker == .customer ? "customer_valence" : "agent_valence"
    }

    static func arousal(_ speaker: Speaker) -> String {
        speaker == .customer ? "customer_arousal" : "agent_arousal"
    }

    static func arousalTrend(_ speaker: Speaker) -> String {
        speaker == .customer ? "customer_arousal_trend" : "agent_arousal_trend"
    }

    /// The agent asked whether the customer is safe (a self-harm alert opened on the question).
    static let safetyQuestion = "agent asked about the customer's safety"

    /// Going to someone whose death the customer told earlier in the conversation.
    static let joiningTheDead = "going to someone whose death the customer told earlier"

    /// `<kind>_level`, the level a sustained kind crossed.
    static func level(_ kind: AlertKind) -> String {
        levels[kind]! // every kind has one
    }

    // Keyed by kind: `allCases` builds a new array at each use.
    private static let levels = Dictionary(uniqueKeysWithValues: AlertKind.allCases.map { ($0, "\($0.rawValue)_level") })
}
