#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A speaker's running prosody baseline: turns raw readings into z-scores against the
/// speaker's own calm speech, and those into an arousal contribution.
///
/// Handsets and gain control make absolute values meaningless, so every reading is
/// compared with the same speaker's earlier calm speech. The baseline forms during a
/// warm-up, then moves only on calm speech, so a long angry stretch does not become the
/// new normal.
public struct ProsodyBaseline: Sendable, Equatable {
    /// Tuning of the baseline.
    public struct Configuration: Sendable, Equatable, Codable {
        /// Half-life of the running statistics, in seconds of speech.
        public var halfLifeSeconds: Double = 120
        /// Seconds of speech before z-scores are trusted.
        public var warmUpSeconds: Double = 8
        /// Z-scores are clamped to ±this.
        public var zClamp: Double = 3
        /// After warm-up the baseline learns only from readings whose agitation stays below this.
        public var calmAgitation: Double = 0.8
        /// Weights of the loudness, pitch, pitch-range and rate z-scores in the agitation sum.
        public var energyWeight: Double = 0.35
        public var pitchWeight: Double = 0.3
        public var pitchSDWeight: Double = 0.15
        public var rateWeight: Double = 0.2

        public init() {}
    }

    /// A mean with its spread, learnt with exponential forgetting.
    struct RunningStat: Sendable, Equatable, Codable {
        var mean = 0.0
        var variance = 0.0
        var weight = 0.0

        mutating func add(_ x: Double, alpha: Double) {
            if weight == 0 {
                mean = x
                variance = 0
            } else {
                let delta = x - mean
                mean += alpha * delta
                variance = (1 - alpha) * (variance + alpha * delta * delta)
            }
            weight += 1
        }
    }

    public var configuration: Configuration
    var pitch = RunningStat()
    var pitchSD = RunningStat()
    var energy = RunningStat()
    var rate = RunningStat()
    /// Seconds of speech seen so far.
    public private(set) var speechSeconds = 0.0

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Whether enough speech has been heard for the z-scores to mean something.
    public var isWarm: Bool { speechSeconds >= configuration.warmUpSeconds }

    /// What a speaker's baseline keeps between calls: the learnt statistics, without the tuning.
    public struct Carried: Sendable, Equatable, Codable {
        var pitch: RunningStat
        var pitchSD: RunningStat
        var energy: RunningStat
        var rate: RunningStat
        /// Seconds of speech it was learnt from.
        public var speechSeconds: Double
    }

    /// This baseline's statistics, to carry into the speaker's next call; nil before warm-up.
    public var carried: Carried? {
        isWarm ? Carried(pitch: pitch, pitchSD: pitchSD, energy: energy, rate: rate, speechSeconds: speechSeconds) : nil
    }

    /// A baseline that starts warm from an earlier call's statistics: the next call is judged
    /// against how the speaker sounded before, from its first fragment, and keeps learning
    /// with the configured half-life, so a new handset or a cold soon outweighs the old call.
    public init(configuration: Configuration = Configuration(), carrying earlier: Carried) {
        self.configuration = configuration
        pitch = earlier.pitch
        pitchSD = earlier.pitchSD
        energy = earlier.energy
        rate = earlier.rate
        speechSeconds = max(earlier.speechSeconds, configuration.warmUpSeconds)
    }

    /// Scores a reading against the baseline, then learns from it if it was calm.
    ///
    /// - Parameters:
    ///   - reading: the raw readings; absurd values (negative or NaN pitch, 0 dB) are ignored.
    ///   - speechSeconds: how long the fragment lasted; it sets how much the baseline moves.
    ///   - textIsCalm: false when the words were clearly negative or agitated, so the
    ///     baseline does not learn from them.
    public mutating func assess(_ reading: ProsodyReading, speechSeconds duration: Double, textIsCalm: Bool = true) -> ProsodyAssessment {
        let clean = ProsodyReading.validated(reading)
        let seconds = duration.isFinite ? min(max(duration, 0.2), 30) : 1
        var assessment = ProsodyAssessment(overlapS: clean.overlapS, pauseBeforeS: clean.pauseBeforeS)

        if isWarm {
            assessment.pitchZ = z(clean.pitchHz, pitch, floor: 0.08 * pitch.mean)
            assessment.pitchSDZ = z(clean.pitchSDHz, pitchSD, floor: 0.2 * pitchSD.mean)
            assessment.energyZ = z(clean.energyDB, energy, floor: 2.5)
            assessment.rateZ = z(clean.rateSPS, rate, floor: 0.1 * rate.mean)
            assessment.arousal = agitation(of: assessment)
            assessment.isWarm = true
        }

        let calm = Double(assessment.arousal ?? 0) < configuration.calmAgitation && textIsCalm
        if !isWarm || calm {
            learn(clean, seconds: seconds)
        }
        return assessment
    }

    private func z(_ value: Double?, _ stat: RunningStat, floor: Double) -> Double? {
        guard let value, stat.weight > 0 else { return nil }
        let spread = max(stat.variance.squareRoot(), floor, 1e-6)
        let raw = (value - stat.mean) / spread
        return min(max(raw, -configuration.zClamp), configuration.zClamp)
    }

    /// Arousal in [0, 1]: 0 at or below the speaker's calm level.
    private func agitation(of a: ProsodyAssessment) -> Float? {
        var sum = 0.0
        var weights = 0.0
        func add(_ value: Double?, _ weight: Double) {
            guard let value else { return }
            sum += weight * value
            weights += weight
        }
        add(a.energyZ, configuration.energyWeight)
        add(a.pitchZ, configuration.pitchWeight)
        add(a.pitchSDZ, configuration.pitchSDWeight)
        add(a.rateZ, configuration.rateWeight)
        guard weights > 0 else { return nil }
        let normalised = sum / weights
        return Float(max(0, tanh(normalised / 2)))
    }

    private mutating func learn(_ r: ProsodyReading, seconds: Double) {
        let total = speechSeconds + seconds
        // During warm-up every second counts equally; after it, older speech fades.
        let alpha = isWarm
            ? 1 - exp2(-seconds / configuration.halfLifeSeconds)
            : seconds / max(total, 1e-9)
        if let v = r.pitchHz { pitch.add(v, alpha: alpha) }
        if let v = r.pitchSDHz { pitchSD.add(v, alpha: alpha) }
        if let v = r.energyDB { energy.add(v, alpha: alpha) }
        if let v = r.rateSPS { rate.add(v, alpha: alpha) }
        speechSeconds = total
    }
}

/// A reading measured against the speaker's baseline.
public struct ProsodyAssessment: Sendable, Equatable {
    public var pitchZ: Double?
    public var pitchSDZ: Double?
    public var energyZ: Double?
    public var rateZ: Double?
    /// Prosodic arousal in [0, 1]; nil during warm-up or without usable readings.
    public var arousal: Float?
    /// Talk-over, seconds (for interruption rules).
    public var overlapS: Double?
    /// Silence before the fragment, seconds.
    public var pauseBeforeS: Double?
    /// Whether the baseline was warm.
    public var isWarm = false

    public init(overlapS: Double? = nil, pauseBeforeS: Double? = nil) {
        self.overlapS = overlapS
        self.pauseBeforeS = pauseBeforeS
    }
}

extension ProsodyReading {
    /// The reading with absurd values removed: non-finite numbers, pitch outside 40–1000 Hz,
    /// loudness of 0 dB or above (clipped or missing) or below −120 dB, rates outside 0.3–20/s.
    public static func validated(_ r: ProsodyReading) -> ProsodyReading {
        func keep(_ v: Double?, _ range: ClosedRange<Double>) -> Double? {
            guard let v, v.isFinite, range.contains(v) else { return nil }
            return v
        }
        return ProsodyReading(
            pitchHz: keep(r.pitchHz, 40...1000),
            pitchSDHz: keep(r.pitchSDHz, 0...500),
            energyDB: keep(r.energyDB, -120 ... -0.001),
            rateSPS: keep(r.rateSPS, 0.3...20),
            overlapS: keep(r.overlapS, 0...30),
            pauseBeforeS: keep(r.pauseBeforeS, 0...600)
        )
    }
}

/// Fuses text and prosodic arousal: mostly prosodic on voice once the baseline is warm,
/// text alone otherwise.
public func fusedArousal(text: Float, prosody: ProsodyAssessment?, prosodyShare: Float = 0.6) -> Float {
    guard let prosodic = prosody?.arousal else { return text }
    return min(1, max(0, prosodyShare * prosodic + (1 - prosodyShare) * text))
}
