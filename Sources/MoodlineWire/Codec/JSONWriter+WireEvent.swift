import MoodlineCore
import MoodlineEngine

extension JSONWriter {
    /// Writes a wire schema v1 message; absent optional fields are left out.
    public mutating func write(_ event: WireEvent) {
        switch event {
        case .fragment(let fragment): write(fragment)
        case .sessionStart(let start): write(start)
        case .sessionEnd(let end): write(end)
        }
    }

    public mutating func write(_ fragment: Fragment) {
        beginObject()
        key("type")
        string("fragment")
        member("session", fragment.session)
        member("seq", fragment.seq)
        member("ts", fragment.ts)
        member("speaker", fragment.speaker.rawValue)
        member("agent", fragment.agent)
        member("team", fragment.team)
        member("channel", fragment.channel?.rawValue)
        member("lang", fragment.lang)
        member("text", fragment.text)
        key("final")
        bool(fragment.isFinal)
        if let prosody = fragment.prosody {
            key("prosody")
            write(prosody)
        }
        endObject()
    }

    public mutating func write(_ start: SessionStart) {
        beginObject()
        key("type")
        string("session_start")
        member("session", start.session)
        member("seq", start.seq)
        member("ts", start.ts)
        member("agent", start.agent)
        member("team", start.team)
        member("channel", start.channel?.rawValue)
        member("customer", start.customer)
        member("lang", start.lang)
        endObject()
    }

    public mutating func write(_ end: SessionEnd) {
        beginObject()
        key("type")
        string("session_end")
        member("session", end.session)
        member("seq", end.seq)
        member("ts", end.ts)
        endObject()
    }

    /// Writes prosody readings with the schema's snake_case keys.
    public mutating func write(_ prosody: ProsodyReading) {
        beginObject()
        member("pitch_hz", prosody.pitchHz)
        member("pitch_sd_hz", prosody.pitchSDHz)
        member("energy_db", prosody.energyDB)
        member("rate_sps", prosody.rateSPS)
        member("overlap_s", prosody.overlapS)
        member("pause_before_s", prosody.pauseBeforeS)
        endObject()
    }
}
