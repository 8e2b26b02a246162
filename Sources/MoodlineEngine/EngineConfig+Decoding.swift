import MoodlineCore

// Decoding fills in every key a config file leaves out from the defaults, and refuses keys it
// does not know, so a typo in an operator's file is an error rather than a silent default.

struct ConfigKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Decoder {
    /// The keyed container, after checking it holds only keys of `Keys`.
    func strictContainer<Keys: CodingKey & CaseIterable>(keyedBy: Keys.Type) throws -> KeyedDecodingContainer<Keys> {
        let raw = try container(keyedBy: ConfigKey.self)
        let known = Set(Keys.allCases.map(\.stringValue))
        for key in raw.allKeys where !known.contains(key.stringValue) {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: raw,
                debugDescription: "unknown key '\(key.stringValue)'; known: \(known.sorted().joined(separator: ", "))")
        }
        return try container(keyedBy: Keys.self)
    }
}

extension KeyedDecodingContainer {
    /// Overwrites `value` with the decoded one when the key is present.
    func update<T: Decodable>(_ value: inout T, _ key: Key) throws {
        if let decoded = try decodeIfPresent(T.self, forKey: key) { value = decoded }
    }
}

extension EngineConfig {
    public init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        try c.update(&smoothing, .smoothing)
        try c.update(&interruptions, .interruptions)
        try c.update(&sessions, .sessions)
        try c.update(&interim, .interim)
        try c.update(&prosody, .prosody)
        try c.update(&guidance, .guidance)
        // Rules patch the per-kind defaults, so `rules.abuse.cooldown_seconds` alone keeps abuse critical.
        if c.contains(.rules) {
            let nested = try c.superDecoder(forKey: .rules)
            rules = try Rules(patching: Rules(), from: nested)
        }
    }
}

extension EngineConfig.Smoothing {
    public init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        try c.update(&halfLifeSeconds, .halfLifeSeconds)
        try c.update(&trendHalfLifeSeconds, .trendHalfLifeSeconds)
        try c.update(&minimumWeight, .minimumWeight)
        try c.update(&maximumWeight, .maximumWeight)
    }
}

extension EngineConfig.Rules {
    public init(from decoder: any Decoder) throws {
        try self.init(patching: Self(), from: decoder)
    }

    init(patching base: Self, from decoder: any Decoder) throws {
        self = base
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        func sustained(_ rule: inout EngineConfig.SustainedRule, _ key: CodingKeys) throws {
            if c.contains(key) { rule = try EngineConfig.SustainedRule(patching: rule, from: c.superDecoder(forKey: key)) }
        }
        func oneShot(_ rule: inout EngineConfig.OneShotRule, _ key: CodingKeys) throws {
            if c.contains(key) { rule = try EngineConfig.OneShotRule(patching: rule, from: c.superDecoder(forKey: key)) }
        }
        try sustained(&customerNegative, .customerNegative)
        try sustained(&customerAnger, .customerAnger)
        try sustained(&agentStress, .agentStress)
        try sustained(&interruptions, .interruptions)
        try oneShot(&selfHarm, .selfHarm)
        try oneShot(&abuse, .abuse)
        try oneShot(&escalationThreat, .escalationThreat)
        try oneShot(&churnThreat, .churnThreat)
        try oneShot(&repeatContact, .repeatContact)
        try oneShot(&agentMisconduct, .agentMisconduct)
    }
}

extension EngineConfig.SustainedRule {
    public init(from decoder: any Decoder) throws {
        try self.init(patching: Self(severity: .warning, enter: 1, exit: 0, holdFragments: 1, holdSeconds: 0, cooldownSeconds: 0), from: decoder)
    }

    init(patching base: Self, from decoder: any Decoder) throws {
        self = base
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        try c.update(&severity, .severity)
        try c.update(&enter, .enter)
        try c.update(&exit, .exit)
        try c.update(&holdFragments, .holdFragments)
        try c.update(&holdSeconds, .holdSeconds)
        try c.update(&cooldownSeconds, .cooldownSeconds)
        // `critical_level: null` turns the escalation off.
        if c.contains(.criticalLevel) {
            criticalLevel = try c.decodeNil(forKey: .criticalLevel) ? nil : c.decode(Double.self, forKey: .criticalLevel)
        }
        try c.update(&climbingFragments, .climbingFragments)
        // `immediate_level: null` always waits for the hold.
        if c.contains(.immediateLevel) {
            immediateLevel = try c.decodeNil(forKey: .immediateLevel) ? nil : c.decode(Double.self, forKey: .immediateLevel)
        }
    }

    /// The escalation keys appear only on a rule that escalates, as in the documented defaults.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(severity, forKey: .severity)
        try c.encode(enter, forKey: .enter)
        try c.encode(exit, forKey: .exit)
        try c.encode(holdFragments, forKey: .holdFragments)
        try c.encode(holdSeconds, forKey: .holdSeconds)
        try c.encode(cooldownSeconds, forKey: .cooldownSeconds)
        if let criticalLevel {
            try c.encode(criticalLevel, forKey: .criticalLevel)
            try c.encode(climbingFragments, forKey: .climbingFragments)
        }
        if let immediateLevel { try c.encode(immediateLevel, forKey: .immediateLevel) }
    }
}

extension EngineConfig.OneShotRule {
    public init(from decoder: any Decoder) throws {
        try self.init(patching: Self(severity: .warning, cooldownSeconds: 0), from: decoder)
    }

    init(patching base: Self, from decoder: any Decoder) throws {
        self = base
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        try c.update(&severity, .severity)
        try c.update(&cooldownSeconds, .cooldownSeconds)
    }
}

extension EngineConfig.Interruptions {
    public init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        try c.update(&windowSeconds, .windowSeconds)
        try c.update(&minimumOverlapSeconds, .minimumOverlapSeconds)
    }
}

extension EngineConfig.Sessions {
    public init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        try c.update(&maxLive, .maxLive)
        try c.update(&idleTimeoutSeconds, .idleTimeoutSeconds)
        try c.update(&snapshotIntervalSeconds, .snapshotIntervalSeconds)
        try c.update(&maxNonCriticalAlerts, .maxNonCriticalAlerts)
        try c.update(&historyPoints, .historyPoints)
        try c.update(&transcriptTurns, .transcriptTurns)
        try c.update(&redact, .redact)
    }
}

extension EngineConfig.Interim {
    public init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        try c.update(&raiseUrgent, .raiseUrgent)
        try c.update(&maxPerUtterance, .maxPerUtterance)
    }
}

extension EngineConfig.Prosody {
    public init(from decoder: any Decoder) throws {
        self.init()
        let c = try decoder.strictContainer(keyedBy: CodingKeys.self)
        try c.update(&baselineHalfLifeSeconds, .baselineHalfLifeSeconds)
        try c.update(&warmUpSeconds, .warmUpSeconds)
        try c.update(&zClamp, .zClamp)
        try c.update(&calmAgitation, .calmAgitation)
        try c.update(&energyWeight, .energyWeight)
        try c.update(&pitchWeight, .pitchWeight)
        try c.update(&pitchSDWeight, .pitchSDWeight)
        try c.update(&rateWeight, .rateWeight)
        try c.update(&share, .share)
        try c.update(&calmTextValence, .calmTextValence)
        try c.update(&calmTextArousal, .calmTextArousal)
        try c.update(&defaultRateSPS, .defaultRateSPS)
        try c.update(&carryBaselines, .carryBaselines)
        try c.update(&carriedMaxAgeSeconds, .carriedMaxAgeSeconds)
        try c.update(&carriedMaxKept, .carriedMaxKept)
    }
}
