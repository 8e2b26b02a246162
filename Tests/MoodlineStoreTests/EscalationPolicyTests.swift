import Foundation
import MoodlineEngine
import Testing

// The policy lives in MoodlineEngine; its tests sit here beside the store that drives it.
@Suite struct EscalationPolicyTests {
    @Test func standardChain() {
        let policy = EscalationPolicy.standard
        #expect(policy.tiers.map(\.name) == ["team_lead", "senior_support", "duty_manager"])
        #expect(policy.tiers.map(\.acknowledgeWithin) == [120, 300, 600])
        #expect(policy.raisesTicket(.critical))
        #expect(!policy.raisesTicket(.warning))
        #expect(policy.initialAssignment(at: 50) == TierAssignment(tier: 0, name: "team_lead", deadline: 170))
    }

    @Test func stepsThroughTheChainAndStaysAtTheEnd() {
        let policy = EscalationPolicy.standard
        #expect(policy.escalation(fromTier: 0, deadline: 170, now: 169) == nil)
        #expect(policy.escalation(fromTier: 0, deadline: 170, now: 170)
            == EscalationStep(assignment: TierAssignment(tier: 1, name: "senior_support", deadline: 470), kind: .escalated))
        #expect(policy.escalation(fromTier: 1, deadline: 470, now: 480)?.assignment
            == TierAssignment(tier: 2, name: "duty_manager", deadline: 1_080))
        #expect(policy.escalation(fromTier: 2, deadline: 1_080, now: 1_080)
            == EscalationStep(assignment: TierAssignment(tier: 2, name: "duty_manager", deadline: 1_680), kind: .republished))
        #expect(policy.escalation(fromTier: 9, deadline: 0, now: 10)?.assignment.tier == 2)
    }

    @Test func invalidPoliciesAreRefused() {
        #expect(throws: EscalationPolicyError.self) { try EscalationPolicy(tiers: []) }
        #expect(throws: EscalationPolicyError.self) { try EscalationPolicy.Tier(name: "x", acknowledgeWithin: 0) }
        #expect(throws: EscalationPolicyError.self) { try EscalationPolicy.Tier(name: "x", acknowledgeWithin: .infinity) }
        #expect(throws: EscalationPolicyError.self) { try EscalationPolicy.Tier(name: "", acknowledgeWithin: 5) }
        let error = #expect(throws: EscalationPolicyError.self) {
            try EscalationPolicy(tiers: [.init(name: "a", acknowledgeWithin: 1), .init(name: "a", acknowledgeWithin: 2)])
        }
        #expect(error?.code == .duplicateTier)
    }

    @Test func decodesFromConfigJSONWithDefaultsAndChecks() throws {
        let json = #"{"tiers":[{"name":"lead","acknowledge_within_s":30},{"name":"boss","acknowledge_within_s":90}],"ticket_severities":["warning","critical"]}"#
        let policy = try JSONDecoder().decode(EscalationPolicy.self, from: Data(json.utf8))
        #expect(policy.tiers.map(\.name) == ["lead", "boss"])
        #expect(policy.ticketSeverities == [.warning, .critical])
        #expect(try JSONDecoder().decode(EscalationPolicy.self, from: JSONEncoder().encode(policy)) == policy)
        #expect(try JSONDecoder().decode(EscalationPolicy.self, from: Data("{}".utf8)) == .standard)
        #expect(throws: (any Error).self) {
            try JSONDecoder().decode(EscalationPolicy.self, from: Data(#"{"tiers":[{"name":"x","acknowledge_within_s":-1}]}"#.utf8))
        }
        #expect(throws: (any Error).self) { try JSONDecoder().decode(EscalationPolicy.self, from: Data(#"{"tiers":[]}"#.utf8)) }
    }
}
