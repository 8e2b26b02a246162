import MoodlineEngine

extension JSONWriter {
    /// Writes an alert as consoles and agent desktops receive it. Absent values are
    /// written as `null` so every alert has the same shape.
    public mutating func write(_ alert: Alert) {
        beginObject()
        member("kind", alert.kind.rawValue)
        member("severity", alert.severity.rawValue)
        member("session", alert.session)
        nullableMember("agent", alert.agent)
        nullableMember("team", alert.team)
        member("speaker", alert.speaker.rawValue)
        member("seq", alert.seq)
        key("ts")
        double(alert.ts)
        member("episode", Int64(alert.episode))
        key("scores")
        beginObject()
        key("valence")
        double(alert.scores.valence)
        key("arousal")
        double(alert.scores.arousal)
        key("smoothed_valence")
        double(alert.scores.smoothedValence)
        key("smoothed_arousal")
        double(alert.scores.smoothedArousal)
        endObject()
        key("evidence")
        beginArray()
        for evidence in alert.evidence {
            write(evidence)
        }
        endArray()
        if let guidance = alert.guidance {
            key("guidance")
            beginObject()
            member("cue", guidance.cue)
            member("next", guidance.next)
            member("lang", guidance.lang)
            endObject()
        }
        if let transcript = alert.transcript {
            key("transcript")
            beginArray()
            for turn in transcript { write(turn) }
            endArray()
        }
        endObject()
    }

    public mutating func write(_ evidence: Evidence) {
        beginObject()
        member("kind", evidence.kind)
        member("label", evidence.label)
        nullableMember("value", evidence.value)
        nullableMember("seq", evidence.seq)
        nullableMember("utf8_start", evidence.utf8Start.map(Int64.init))
        nullableMember("utf8_end", evidence.utf8End.map(Int64.init))
        endObject()
    }
}

extension JSONWriter {
    /// One turn of a transcript: seq, ts, speaker, text.
    public mutating func write(_ turn: TranscriptTurn) {
        beginObject()
        member("seq", turn.seq)
        key("ts")
        double(turn.ts)
        member("speaker", turn.speaker.rawValue)
        member("text", turn.text)
        endObject()
    }
}
