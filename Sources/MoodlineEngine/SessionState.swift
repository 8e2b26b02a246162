import MoodlineCore

/// Everything the engine keeps about one live conversation. Compact on purpose: at 100,000
/// live sessions every byte here is 100 kB.
struct SessionState: Sendable {
    var id: String
    var agent: String?
    var team: String?
    var customerID: String?
    var channel: Channel?
    /// From `session_start`; used for fragments without `lang`.
    var language: Language?
    /// The session's tag names a traditional-script region (zh-Hant, zh-TW, zh-HK, zh-MO, yue):
    /// guidance is given in traditional characters.
    var prefersTraditional = false
    var startTs: Double
    /// Event time of the last message (for idle expiry).
    var lastTs: Double
    var lastSnapshotTs: Double = -.infinity

    // Sequence validation.
    var lastSeq: Int64 = .min
    var lastTextHash: UInt64 = 0
    var lastWasFinal = true
    /// Interim revisions seen for `lastSeq`.
    var interimsForSeq: UInt16 = 0
    /// The seq of the agent's last line that pointed the customer to an outside body (建议您到
    /// 派出所报案, "you can take it to the ombudsman"), or `.min`.
    var agentPointedOutsideSeq: Int64 = .min
    /// What the customer told of earlier in the conversation (a death, a move away, a skydive
    /// booked): what later lines about going to the dead, goodbyes or a jump mean.
    var customerTold = ToldContext()
    /// The agent's last final line (the fragment's own string, kept, not copied): what a
    /// customer's echo hands back.
    var lastAgentText = ""
    /// The agent's lines telling of their own strain, among their last few (see `noteAgentStrain`).
    var agentStrainLines: UInt8 = 0
    /// Agent lines left before those strain lines are forgotten.
    var agentStrainMemory: UInt8 = 0

    var customer: SpeakerState
    var agentState: SpeakerState
    var episodes = EpisodeTable()
    var overlaps = OverlapWindow()
    var nonCriticalAlerts: UInt16 = 0

    // Summary statistics.
    var customerValenceStartSum: Float = 0
    var customerValenceStartCount: UInt8 = 0
    var recentCustomerValence: (Float, Float, Float) = (0, 0, 0)
    var customerValenceMin: Float = .infinity
    var agentValenceSum: Float = 0
    var agentArousalMax: Float = -.infinity
    var alertsByKind: (UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

    /// What a free slot of the engine holds: no id (a live session's is never empty).
    static let vacant = SessionState(id: "", startTs: 0, baseline: EngineConfig().prosody.baseline)

    init(id: String, startTs: Double, configuration: EngineConfig) {
        self.init(id: id, startTs: startTs, baseline: configuration.prosody.baseline)
    }

    private init(id: String, startTs: Double, baseline: ProsodyBaseline.Configuration) {
        self.id = id
        self.startTs = startTs
        self.lastTs = startTs
        customer = SpeakerState(startTs: startTs, prosody: baseline)
        agentState = SpeakerState(startTs: startTs, prosody: baseline)
    }

    subscript(speaker: Speaker) -> SpeakerState {
        speaker == .customer ? customer : agentState
    }

    /// Changes one speaker's state in place (a get-and-set subscript would copy it out and
    /// back; a `_modify` one may allocate its coroutine frame).
    @inline(__always)
    mutating func change<R>(_ speaker: Speaker, _ body: (inout SpeakerState) -> R) -> R {
        speaker == .customer ? body(&customer) : body(&agentState)
    }

    var fragments: Int { Int(customer.fragments) + Int(agentState.fragments) }

    mutating func noteCustomerValence(_ v: Float) {
        if customerValenceStartCount < 3 {
            customerValenceStartSum += v
            customerValenceStartCount += 1
        }
        recentCustomerValence = (recentCustomerValence.1, recentCustomerValence.2, v)
        customerValenceMin = min(customerValenceMin, customer.valence)
    }

    mutating func noteAgent(valence v: Float, arousal a: Float) {
        agentValenceSum += v
        agentArousalMax = max(agentArousalMax, a)
    }

    /// Counts an agent line that tells of the agent's own strain; any other agent line brings
    /// forgetting nearer. Returns how many strain lines are remembered.
    mutating func noteAgentStrain(_ strained: Bool, memory: UInt8) -> UInt8 {
        if strained {
            agentStrainLines = agentStrainLines == .max ? .max : agentStrainLines + 1
            agentStrainMemory = memory
        } else if agentStrainMemory > 0 {
            agentStrainMemory -= 1
            if agentStrainMemory == 0 { agentStrainLines = 0 }
        }
        return agentStrainLines
    }

    mutating func countAlert(_ kind: AlertKind) {
        withUnsafeMutableBytes(of: &alertsByKind) { raw in
            let i = AlertKind.allCases.firstIndex(of: kind)! * 2
            raw.storeBytes(of: raw.load(fromByteOffset: i, as: UInt16.self) &+ 1, toByteOffset: i, as: UInt16.self)
        }
    }

    func alertCount(_ kind: AlertKind) -> Int {
        withUnsafeBytes(of: alertsByKind) { raw in
            Int(raw.load(fromByteOffset: AlertKind.allCases.firstIndex(of: kind)! * 2, as: UInt16.self))
        }
    }

    func summary(endTs: Double, reason: SessionSummary.EndReason) -> SessionSummary {
        let customerN = Int(customer.fragments)
        let agentN = Int(agentState.fragments)
        let recentN = min(customerN, 3)
        var recentSum: Float = 0
        if recentN >= 1 { recentSum += recentCustomerValence.2 }
        if recentN >= 2 { recentSum += recentCustomerValence.1 }
        if recentN >= 3 { recentSum += recentCustomerValence.0 }
        var alerts: [String: Int] = [:]
        for kind in AlertKind.allCases {
            let n = alertCount(kind)
            if n > 0 { alerts[kind.rawValue] = n }
        }
        return SessionSummary(
            session: id, agent: agent, team: team, channel: channel,
            startTs: startTs, endTs: endTs, endReason: reason,
            fragments: customerN + agentN, customerFragments: customerN, agentFragments: agentN,
            customerValenceStart: customerValenceStartCount > 0 ? Double(customerValenceStartSum / Float(customerValenceStartCount)) : nil,
            customerValenceEnd: recentN > 0 ? Double(recentSum / Float(recentN)) : nil,
            customerValenceMin: customerN > 0 ? Double(customerValenceMin) : nil,
            agentValenceMean: agentN > 0 ? Double(agentValenceSum / Float(agentN)) : nil,
            agentArousalMax: agentN > 0 ? Double(agentArousalMax) : nil,
            agentInterruptions: Int(overlaps.total),
            alerts: alerts, baselines: carriedBaselines(endTs: endTs))
    }

    /// The speakers' warm baselines, for their next calls.
    func carriedBaselines(endTs: Double) -> [BaselineBook.Entry] {
        var out: [BaselineBook.Entry] = []
        if let agent, let carried = agentState.baseline.carried {
            out.append(.init(key: BaselineBook.agentKey(agent), baseline: carried, ts: endTs))
        }
        if let customerID, let carried = customer.baseline.carried {
            out.append(.init(key: BaselineBook.customerKey(customerID), baseline: carried, ts: endTs))
        }
        return out
    }
}
