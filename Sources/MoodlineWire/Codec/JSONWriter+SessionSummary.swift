import MoodlineEngine

extension JSONWriter {
    /// Writes a session summary with snake_case keys; absent values as `null`, and
    /// `alerts` as an object from alert kind to count, keys sorted so output is stable.
    public mutating func write(_ summary: SessionSummary) {
        beginObject()
        member("session", summary.session)
        nullableMember("agent", summary.agent)
        nullableMember("team", summary.team)
        nullableMember("channel", summary.channel?.rawValue)
        key("start_ts")
        double(summary.startTs)
        key("end_ts")
        double(summary.endTs)
        member("end_reason", summary.endReason.rawValue)
        member("fragments", Int64(summary.fragments))
        member("customer_fragments", Int64(summary.customerFragments))
        member("agent_fragments", Int64(summary.agentFragments))
        nullableMember("customer_valence_start", summary.customerValenceStart)
        nullableMember("customer_valence_end", summary.customerValenceEnd)
        nullableMember("customer_valence_min", summary.customerValenceMin)
        nullableMember("agent_valence_mean", summary.agentValenceMean)
        nullableMember("agent_arousal_max", summary.agentArousalMax)
        member("agent_interruptions", Int64(summary.agentInterruptions))
        key("alerts")
        beginObject()
        for (kind, count) in summary.alerts.sorted(by: { $0.key < $1.key }) {
            key(kind)
            int(count)
        }
        endObject()
        endObject()
    }
}
