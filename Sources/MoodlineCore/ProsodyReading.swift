/// Raw prosody readings of one voice fragment, as the gateway sends them. Every field is optional.
public struct ProsodyReading: Sendable, Equatable, Codable {
    /// Mean fundamental frequency, Hz.
    public var pitchHz: Double?
    /// Standard deviation of the fundamental frequency, Hz.
    public var pitchSDHz: Double?
    /// Loudness, dBFS (negative; 0 means clipped or missing).
    public var energyDB: Double?
    /// Speech rate, syllables per second.
    public var rateSPS: Double?
    /// Seconds this speaker started before the other finished (talk-over).
    public var overlapS: Double?
    /// Silence before this fragment, seconds.
    public var pauseBeforeS: Double?

    public init(
        pitchHz: Double? = nil, pitchSDHz: Double? = nil, energyDB: Double? = nil, rateSPS: Double? = nil,
        overlapS: Double? = nil, pauseBeforeS: Double? = nil
    ) {
        self.pitchHz = pitchHz
        self.pitchSDHz = pitchSDHz
        self.energyDB = energyDB
        self.rateSPS = rateSPS
        self.overlapS = overlapS
        self.pauseBeforeS = pauseBeforeS
    }

    enum CodingKeys: String, CodingKey {
        case pitchHz = "pitch_hz"
        case pitchSDHz = "pitch_sd_hz"
        case energyDB = "energy_db"
        case rateSPS = "rate_sps"
        case overlapS = "overlap_s"
        case pauseBeforeS = "pause_before_s"
    }
}
