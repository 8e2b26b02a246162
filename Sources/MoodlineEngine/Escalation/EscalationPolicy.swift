/// Who owns an urgent ticket, and how long each owner has to acknowledge it before it
/// moves on to the next.
///
/// The policy is a pure value: it holds no clock. Callers pass event time (`at`) when a
/// ticket is created and the injected clock (`now`) when deadlines are checked, so a
/// replay escalates exactly as the live service did.
///
/// End of the chain: a ticket left unacknowledged at the last tier stays at the last
/// tier, and every time its deadline passes it is re-published to that tier with the
/// deadline re-armed for another last-tier interval. An urgent ticket never goes quiet
/// on its own; only acknowledging or resolving it stops the paging.
///
/// Which alert kinds are critical is the engine configuration's business; the policy
/// only says which severities raise a ticket.
public struct EscalationPolicy: Sendable, Codable, Equatable {
    /// One owner in the chain.
    public struct Tier: Sendable, Codable, Equatable {
        /// A stable name consoles and metrics use, such as `team_lead`.
        public let name: String
        /// Seconds this tier has to acknowledge a ticket before it moves on.
        public let acknowledgeWithin: Double

        /// Creates a tier; the name must be non-empty and the duration finite and positive.
        public init(name: String, acknowledgeWithin: Double) throws(EscalationPolicyError) {
            if name.isEmpty {
                throw EscalationPolicyError(.invalidTier, "a tier has an empty name — give every tier a name such as \"team_lead\"")
            }
            // A zero or negative window would re-escalate at the same `now` forever,
            // breaking the idempotency `escalation(fromTier:deadline:now:)` promises.
            guard acknowledgeWithin.isFinite, acknowledgeWithin > 0 else {
                throw EscalationPolicyError(
                    .invalidTier,
                    "tier \"\(name)\" has acknowledge_within_s = \(acknowledgeWithin) — use a positive number of seconds"
                )
            }
            self.name = name
            self.acknowledgeWithin = acknowledgeWithin
        }

        /// For literals known to pass `init(name:acknowledgeWithin:)`'s checks.
        fileprivate init(checkedName name: String, acknowledgeWithin: Double) {
            self.name = name
            self.acknowledgeWithin = acknowledgeWithin
        }

        enum CodingKeys: String, CodingKey {
            case name
            case acknowledgeWithin = "acknowledge_within_s"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            try self.init(
                name: container.decode(String.self, forKey: .name),
                acknowledgeWithin: container.decode(Double.self, forKey: .acknowledgeWithin)
            )
        }
    }

    /// The chain, first owner first. Never empty.
    public let tiers: [Tier]
    /// The severities that raise a ticket.
    public let ticketSeverities: Set<Severity>

    /// Creates a policy; the chain must have at least one tier and unique tier names.
    public init(tiers: [Tier], ticketSeverities: Set<Severity> = [.critical]) throws(EscalationPolicyError) {
        if tiers.isEmpty {
            throw EscalationPolicyError(.emptyChain, "the escalation chain has no tiers — list at least one, such as team_lead")
        }
        var seen = Set<String>()
        for tier in tiers where !seen.insert(tier.name).inserted {
            throw EscalationPolicyError(.duplicateTier, "tier \"\(tier.name)\" appears twice in the escalation chain — give each tier a distinct name")
        }
        self.tiers = tiers
        self.ticketSeverities = ticketSeverities
    }

    /// `team_lead` 120 s, then `senior_support` 300 s, then `duty_manager` 600 s; critical alerts raise tickets.
    public static let standard = EscalationPolicy(
        checkedTiers: [
            Tier(checkedName: "team_lead", acknowledgeWithin: 120),
            Tier(checkedName: "senior_support", acknowledgeWithin: 300),
            Tier(checkedName: "duty_manager", acknowledgeWithin: 600),
        ],
        ticketSeverities: [.critical]
    )

    /// For literals known to pass `init(tiers:ticketSeverities:)`'s checks.
    private init(checkedTiers: [Tier], ticketSeverities: Set<Severity>) {
        self.tiers = checkedTiers
        self.ticketSeverities = ticketSeverities
    }

    /// Whether an alert of this severity raises an urgent ticket.
    public func raisesTicket(_ severity: Severity) -> Bool {
        ticketSeverities.contains(severity)
    }

    /// The first owner of a ticket raised at event time `t`, with its deadline.
    public func initialAssignment(at t: Double) -> TierAssignment {
        TierAssignment(tier: 0, name: tiers[0].name, deadline: t + tiers[0].acknowledgeWithin)
    }

    /// The owner at `tier` paged again at event time `t` (a self-harm disclosure joined an
    /// incident they hold), with that tier's full window. A stored tier beyond the chain is
    /// treated as the last tier.
    public func repage(atTier tier: Int, at t: Double) -> TierAssignment {
        let tier = min(max(tier, 0), tiers.count - 1)
        return TierAssignment(tier: tier, name: tiers[tier].name, deadline: t + tiers[tier].acknowledgeWithin)
    }

    /// What happens to an unacknowledged ticket at `tier` whose deadline is `deadline`,
    /// checked at `now`; `nil` when the deadline has not passed.
    ///
    /// The new deadline counts from `now`, not from the missed deadline: each tier gets
    /// its full window from when it was actually paged, and a service that was down for
    /// an hour moves a ticket one tier on restart rather than racing it to the end of the
    /// chain. A stored tier beyond the chain (the chain was shortened since) is treated as
    /// the last tier.
    public func escalation(fromTier tier: Int, deadline: Double, now: Double) -> EscalationStep? {
        guard deadline <= now else { return nil }
        let last = tiers.count - 1
        if tier < last {
            let next = max(tier + 1, 0)
            return EscalationStep(
                assignment: TierAssignment(tier: next, name: tiers[next].name, deadline: now + tiers[next].acknowledgeWithin),
                kind: .escalated
            )
        }
        return EscalationStep(
            assignment: TierAssignment(tier: last, name: tiers[last].name, deadline: now + tiers[last].acknowledgeWithin),
            kind: .republished
        )
    }

    enum CodingKeys: String, CodingKey {
        case tiers
        case ticketSeverities = "ticket_severities"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // Either key may be left out of a config file; the standard values fill in.
        let tiers = try container.decodeIfPresent([Tier].self, forKey: .tiers) ?? Self.standard.tiers
        let severities = try container.decodeIfPresent(Set<Severity>.self, forKey: .ticketSeverities) ?? Self.standard.ticketSeverities
        try self.init(tiers: tiers, ticketSeverities: severities)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tiers, forKey: .tiers)
        // Sorted so an encoded policy is stable from run to run.
        try container.encode(ticketSeverities.sorted(), forKey: .ticketSeverities)
    }
}

/// A ticket's owner and deadline.
public struct TierAssignment: Sendable, Codable, Equatable {
    /// The position in the chain, from 0.
    public var tier: Int
    /// The tier's name.
    public var name: String
    /// When the owner must have acknowledged, in seconds since the epoch.
    public var deadline: Double

    public init(tier: Int, name: String, deadline: Double) {
        self.tier = tier
        self.name = name
        self.deadline = deadline
    }
}

/// What a missed deadline does to a ticket.
public struct EscalationStep: Sendable, Equatable {
    /// `escalated` moved it to the next tier; `republished` kept it at the last tier.
    public enum Kind: String, Sendable, Codable {
        case escalated
        case republished
    }

    public var assignment: TierAssignment
    public var kind: Kind

    public init(assignment: TierAssignment, kind: Kind) {
        self.assignment = assignment
        self.kind = kind
    }
}

/// A policy that cannot work, with what to change.
public struct EscalationPolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case emptyChain = "empty_chain"
        case invalidTier = "invalid_tier"
        case duplicateTier = "duplicate_tier"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
