extension EngineConfig {
    /// Checks the values make sense together; the engine itself clamps rather than traps,
    /// but an operator should hear about a config that cannot mean what it says.
    public func validate() throws(EngineConfigError) {
        func require(_ ok: Bool, _ key: String, _ problem: String) throws(EngineConfigError) {
            if !ok { throw EngineConfigError(key: key, problem: problem) }
        }
        try require(smoothing.halfLifeSeconds > 0, "smoothing.half_life_seconds", "must be positive")
        try require(smoothing.trendHalfLifeSeconds > 0, "smoothing.trend_half_life_seconds", "must be positive")
        try require((0...1).contains(smoothing.minimumWeight), "smoothing.minimum_weight", "must be in 0...1")
        try require(smoothing.maximumWeight >= smoothing.minimumWeight && smoothing.maximumWeight <= 1,
                    "smoothing.maximum_weight", "must be in minimum_weight...1")
        let sustained: [(String, SustainedRule)] = [
            ("customer_negative", rules.customerNegative), ("customer_anger", rules.customerAnger),
            ("agent_stress", rules.agentStress), ("interruptions", rules.interruptions),
        ]
        for (name, rule) in sustained {
            try require(rule.exit <= rule.enter, "rules.\(name).exit", "must not exceed enter (hysteresis)")
            try require(rule.holdFragments >= 1, "rules.\(name).hold_fragments", "must be at least 1")
            try require(rule.holdSeconds >= 0, "rules.\(name).hold_seconds", "must not be negative")
            try require(rule.cooldownSeconds >= 0, "rules.\(name).cooldown_seconds", "must not be negative")
            if let critical = rule.criticalLevel {
                try require(critical >= rule.enter, "rules.\(name).critical_level", "must be at least enter (it escalates an open episode), or off")
            }
            try require(rule.climbingFragments >= 1, "rules.\(name).climbing_fragments", "must be at least 1")
            if let immediate = rule.immediateLevel {
                try require(immediate >= 0, "rules.\(name).immediate_level", "must not be negative, or off")
            }
        }
        let oneShot: [(String, OneShotRule)] = [
            ("self_harm", rules.selfHarm), ("abuse", rules.abuse), ("escalation_threat", rules.escalationThreat),
            ("churn_threat", rules.churnThreat), ("repeat_contact", rules.repeatContact),
            ("agent_misconduct", rules.agentMisconduct),
        ]
        for (name, rule) in oneShot {
            try require(rule.cooldownSeconds >= 0, "rules.\(name).cooldown_seconds", "must not be negative")
        }
        try require(rules.selfHarm.severity == .critical, "rules.self_harm.severity", "self-harm is always critical")
        try require(interruptions.windowSeconds > 0, "interruptions.window_seconds", "must be positive")
        try require(sessions.maxLive >= 1, "sessions.max_live", "must be at least 1")
        try require(sessions.idleTimeoutSeconds > 0, "sessions.idle_timeout_seconds", "must be positive")
        try require(sessions.snapshotIntervalSeconds >= 0, "sessions.snapshot_interval_seconds", "must not be negative")
        try require(sessions.maxNonCriticalAlerts >= 0, "sessions.max_non_critical_alerts", "must not be negative")
        try require((1...256).contains(sessions.historyPoints), "sessions.history_points", "must be in 1...256")
        try require((0...50).contains(sessions.transcriptTurns), "sessions.transcript_turns", "must be in 0...50 (0 keeps none)")
        try require(interim.maxPerUtterance >= 1, "interim.max_per_utterance", "must be at least 1")
        try require(prosody.warmUpSeconds >= 0, "prosody.warm_up_seconds", "must not be negative")
        try require((0...1).contains(prosody.share), "prosody.share", "must be in 0...1")
        try require(prosody.defaultRateSPS > 0, "prosody.default_rate_sps", "must be positive")
        try require(prosody.carriedMaxAgeSeconds >= 0, "prosody.carried_max_age_seconds", "must not be negative")
        try require((0...10_000_000).contains(prosody.carriedMaxKept), "prosody.carried_max_kept", "must be 0 to 10000000")
    }
}
