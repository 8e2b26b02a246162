import MoodlineCore
import MoodlineRedaction

/// Tuning of the engine. Every field has a default; `documentedDefaultsYAML` shows them all,
/// and a config file needs to name only what it changes.
public struct EngineConfig: Sendable, Equatable, Codable {
    /// How emotion is smoothed over event time.
    public var smoothing = Smoothing()
    /// The rule of each alert kind.
    public var rules = Rules()
    /// What counts as the agent talking over the customer.
    public var interruptions = Interruptions()
    /// Session bookkeeping: caps, idle timeout, snapshots.
    public var sessions = Sessions()
    /// Interim (`final: false`) recogniser results.
    public var interim = Interim()
    /// Per-speaker prosody baselines and their share in arousal.
    public var prosody = Prosody()
    /// What each alert tells the agent to do, per kind and language.
    public var guidance = GuidanceBook.standard

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case smoothing, rules, interruptions, sessions, interim, prosody, guidance
    }

    /// Exponential smoothing on event time, so a chat (30 s gaps) and a call (5 s gaps)
    /// move at the same pace per second, not per fragment.
    public struct Smoothing: Sendable, Equatable, Codable {
        /// Half-life of the smoothed valence and arousal, seconds of event time.
        public var halfLifeSeconds: Double = 20
        /// Half-life of the slow average the trend is measured against, seconds.
        public var trendHalfLifeSeconds: Double = 90
        /// Weight a fragment gets at least, however soon it follows the last one.
        public var minimumWeight: Double = 0.4
        /// Weight a fragment gets at most, however long the gap before it.
        public var maximumWeight: Double = 0.75

        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable {
            case halfLifeSeconds = "half_life_seconds"
            case trendHalfLifeSeconds = "trend_half_life_seconds"
            case minimumWeight = "minimum_weight"
            case maximumWeight = "maximum_weight"
        }
    }

    /// The rules of all ten kinds.
    public struct Rules: Sendable, Equatable, Codable {
        public var customerNegative = SustainedRule(
            severity: .info, enter: 0.2, exit: 0.05, holdFragments: 2, holdSeconds: 0, cooldownSeconds: 120,
            immediateLevel: 0.5)
        public var customerAnger = SustainedRule(
            severity: .warning, enter: 0.35, exit: 0.2, holdFragments: 2, holdSeconds: 0, cooldownSeconds: 120,
            criticalLevel: 0.65, climbingFragments: 2, immediateLevel: 0.7)
        public var agentStress = SustainedRule(
            severity: .info, enter: 0.3, exit: 0.15, holdFragments: 2, holdSeconds: 0, cooldownSeconds: 180)
        /// Levels are counts of agent overlaps inside `interruptions.window_seconds`.
        public var interruptions = SustainedRule(
            severity: .info, enter: 3, exit: 1, holdFragments: 1, holdSeconds: 0, cooldownSeconds: 120)
        public var selfHarm = OneShotRule(severity: .critical, cooldownSeconds: 300)
        public var abuse = OneShotRule(severity: .critical, cooldownSeconds: 300)
        public var escalationThreat = OneShotRule(severity: .critical, cooldownSeconds: 600)
        public var churnThreat = OneShotRule(severity: .warning, cooldownSeconds: 600)
        public var repeatContact = OneShotRule(severity: .info, cooldownSeconds: 1800)
        public var agentMisconduct = OneShotRule(severity: .warning, cooldownSeconds: 300)

        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable {
            case customerNegative = "customer_negative"
            case customerAnger = "customer_anger"
            case agentStress = "agent_stress"
            case interruptions = "interruptions"
            case selfHarm = "self_harm"
            case abuse = "abuse"
            case escalationThreat = "escalation_threat"
            case churnThreat = "churn_threat"
            case repeatContact = "repeat_contact"
            case agentMisconduct = "agent_misconduct"
        }
    }

    /// A mood that has to last: fires when its level stays at or above `enter` for the hold,
    /// and may fire again only after it fell below `exit` and the cooldown passed.
    public struct SustainedRule: Sendable, Equatable, Codable {
        public var severity: Severity
        /// Level that opens an episode (after the hold).
        public var enter: Double
        /// Level below which the episode closes (hysteresis: below `enter`).
        public var exit: Double
        /// Consecutive fragments of the speaker at or above `enter` before it fires.
        public var holdFragments: Int
        /// Seconds of event time at or above `enter` before it fires.
        public var holdSeconds: Double
        /// Seconds after an alert before the same kind may fire again in the session.
        public var cooldownSeconds: Double
        /// While an episode is open, a level at or above this that has also risen on each of
        /// the speaker's last `climbingFragments` fragments raises a critical alert (an urgent
        /// ticket) once per episode: the condition keeps getting worse. Nil never escalates.
        public var criticalLevel: Double?
        /// Consecutive fragments of the speaker on which the level rose, for `criticalLevel`.
        public var climbingFragments: Int
        /// One fragment at least this strong on its own (unsmoothed) opens the episode without
        /// waiting for the hold: one clearly unhappy line counts, one mildly negative
        /// question in a calm call does not. Nil always waits.
        public var immediateLevel: Double?

        public init(
            severity: Severity, enter: Double, exit: Double, holdFragments: Int, holdSeconds: Double, cooldownSeconds: Double,
            criticalLevel: Double? = nil, climbingFragments: Int = 2, immediateLevel: Double? = nil
        ) {
            self.severity = severity
            self.enter = enter
            self.exit = exit
            self.holdFragments = holdFragments
            self.holdSeconds = holdSeconds
            self.cooldownSeconds = cooldownSeconds
            self.criticalLevel = criticalLevel
            self.climbingFragments = climbingFragments
            self.immediateLevel = immediateLevel
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case severity = "severity"
            case enter = "enter"
            case exit = "exit"
            case holdFragments = "hold_fragments"
            case holdSeconds = "hold_seconds"
            case cooldownSeconds = "cooldown_seconds"
            case criticalLevel = "critical_level"
            case climbingFragments = "climbing_fragments"
            case immediateLevel = "immediate_level"
        }
    }

    /// A statement that fires on its own: the episode stays open while more statements of the
    /// kind follow within the cooldown, so repeating it does not open a new ticket.
    public struct OneShotRule: Sendable, Equatable, Codable {
        public var severity: Severity
        /// Seconds without a further statement that close the episode.
        public var cooldownSeconds: Double

        public init(severity: Severity, cooldownSeconds: Double) {
            self.severity = severity
            self.cooldownSeconds = cooldownSeconds
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case severity = "severity"
            case cooldownSeconds = "cooldown_seconds"
        }
    }

    /// Which overlaps count as the agent talking over the customer.
    public struct Interruptions: Sendable, Equatable, Codable {
        /// Sliding window the overlaps are counted in, seconds of event time.
        public var windowSeconds: Double = 90
        /// Shortest talk-over that counts, seconds.
        public var minimumOverlapSeconds: Double = 0.3

        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable {
            case windowSeconds = "window_seconds"
            case minimumOverlapSeconds = "minimum_overlap_seconds"
        }
    }

    /// Session bookkeeping.
    public struct Sessions: Sendable, Equatable, Codable {
        /// Live sessions kept; beyond it the least recently active one is evicted with a summary.
        public var maxLive: Int = 100_000
        /// Seconds of event time without a message after which `expireIdle` ends a session.
        public var idleTimeoutSeconds: Double = 900
        /// A session's snapshot is due at most this often, seconds of event time.
        public var snapshotIntervalSeconds: Double = 1
        /// Non-critical alerts per session; further ones are counted and dropped. Critical ones are never capped.
        public var maxNonCriticalAlerts: Int = 12
        /// Points of recent history kept per session for sparklines.
        public var historyPoints: Int = 20
        /// Final turns kept per session (both speakers) for the context a critical alert carries; 0 keeps none.
        public var transcriptTurns: Int = 6
        /// The personal data masked wherever conversation text leaves the engine (tickets,
        /// published alerts, reports): every kind by default.
        public var redact: [RedactionKind] = RedactionKind.allCases

        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable {
            case maxLive = "max_live"
            case idleTimeoutSeconds = "idle_timeout_seconds"
            case snapshotIntervalSeconds = "snapshot_interval_seconds"
            case maxNonCriticalAlerts = "max_non_critical_alerts"
            case historyPoints = "history_points"
            case transcriptTurns = "transcript_turns"
            case redact
        }
    }

    /// Interim recogniser results.
    public struct Interim: Sendable, Equatable, Codable {
        /// Whether interim text may raise the urgent kinds (self_harm, abuse) before the final text.
        public var raiseUrgent: Bool = true
        /// Interim revisions of one utterance that are scored; later ones are dropped and counted.
        public var maxPerUtterance: Int = 16

        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable {
            case raiseUrgent = "raise_urgent"
            case maxPerUtterance = "max_per_utterance"
        }
    }

    /// Prosody: the per-speaker baseline and how much it weighs in arousal.
    public struct Prosody: Sendable, Equatable, Codable {
        /// Half-life of the baseline statistics, seconds of speech.
        public var baselineHalfLifeSeconds: Double = 120
        /// Seconds of speech before prosody counts.
        public var warmUpSeconds: Double = 8
        /// Z-scores are clamped to plus or minus this.
        public var zClamp: Double = 3
        /// After warm-up the baseline learns only from readings calmer than this agitation.
        public var calmAgitation: Double = 0.8
        /// Weights of the loudness, pitch, pitch-range and rate z-scores in prosodic agitation.
        public var energyWeight: Double = 0.35
        public var pitchWeight: Double = 0.3
        public var pitchSDWeight: Double = 0.15
        public var rateWeight: Double = 0.2
        /// Share of prosody in the fused arousal of a voice fragment once the baseline is warm.
        public var share: Double = 0.6
        /// Text at or below this valence is not calm: the baseline does not learn from it.
        public var calmTextValence: Double = -0.3
        /// Text at or above this arousal is not calm either.
        public var calmTextArousal: Double = 0.5
        /// Syllables a second assumed when a fragment has no `rate_sps` (to estimate its duration).
        public var defaultRateSPS: Double = 4.5
        /// Start an agent's (or a named customer's) next call from their last warm baseline.
        public var carryBaselines = true
        /// Baselines older than this (seconds of event time) are not carried.
        public var carriedMaxAgeSeconds: Double = 30 * 86_400
        /// Speakers whose baselines are kept, in memory and in the database.
        public var carriedMaxKept = 20_000

        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable {
            case baselineHalfLifeSeconds = "baseline_half_life_seconds"
            case warmUpSeconds = "warm_up_seconds"
            case zClamp = "z_clamp"
            case calmAgitation = "calm_agitation"
            case energyWeight = "energy_weight"
            case pitchWeight = "pitch_weight"
            case pitchSDWeight = "pitch_sd_weight"
            case rateWeight = "rate_weight"
            case share = "share"
            case calmTextValence = "calm_text_valence"
            case calmTextArousal = "calm_text_arousal"
            case defaultRateSPS = "default_rate_sps"
            case carryBaselines = "carry_baselines"
            case carriedMaxAgeSeconds = "carried_max_age_seconds"
            case carriedMaxKept = "carried_max_kept"
        }

        /// The core's baseline configuration these settings describe.
        public var baseline: ProsodyBaseline.Configuration {
            var c = ProsodyBaseline.Configuration()
            c.halfLifeSeconds = baselineHalfLifeSeconds
            c.warmUpSeconds = warmUpSeconds
            c.zClamp = zClamp
            c.calmAgitation = calmAgitation
            c.energyWeight = energyWeight
            c.pitchWeight = pitchWeight
            c.pitchSDWeight = pitchSDWeight
            c.rateWeight = rateWeight
            return c
        }
    }
}

extension EngineConfig {
    /// The rule of a sustained kind; nil for one-shot kinds.
    public func sustainedRule(_ kind: AlertKind) -> SustainedRule? {
        switch kind {
        case .customerNegative: rules.customerNegative
        case .customerAnger: rules.customerAnger
        case .agentStress: rules.agentStress
        case .interruptions: rules.interruptions
        default: nil
        }
    }

    /// Replaces the rule of a sustained kind; other kinds are left alone.
    public mutating func setSustainedRule(_ kind: AlertKind, _ rule: SustainedRule) {
        switch kind {
        case .customerNegative: rules.customerNegative = rule
        case .customerAnger: rules.customerAnger = rule
        case .agentStress: rules.agentStress = rule
        case .interruptions: rules.interruptions = rule
        default: break
        }
    }

    /// The rule of a one-shot kind; nil for sustained kinds.
    public func oneShotRule(_ kind: AlertKind) -> OneShotRule? {
        switch kind {
        case .selfHarm: rules.selfHarm
        case .abuse: rules.abuse
        case .escalationThreat: rules.escalationThreat
        case .churnThreat: rules.churnThreat
        case .repeatContact: rules.repeatContact
        case .agentMisconduct: rules.agentMisconduct
        default: nil
        }
    }

    /// The severity alerts of `kind` carry.
    public func severity(of kind: AlertKind) -> Severity {
        sustainedRule(kind)?.severity ?? oneShotRule(kind)?.severity ?? .warning
    }
}
