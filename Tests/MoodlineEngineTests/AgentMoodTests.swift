import MoodlineCore
@testable import MoodlineEngine
import Testing

/// What of an agent's line feeds the agent's mood: their own words in full, a policy read out
/// at half weight.
@Suite struct AgentMoodTests {
    @Test func firstPersonIsTheSpeakerNotTheCompany() {
        for spoken in ["I honestly don't know", "sorry, I'm swamped", "it's been a rough day for me", "Im so tired", "我真的已经尽力了", "说实话我也很着急", "My bad"] {
            #expect(FirstPerson.isSpoken(in: spoken), "\(spoken)")
        }
        for unspoken in ["Section 4 says abusing bugs leads to a suspension", "建议您到派出所报案，上传到我们的争议款专区", "我們會跟進", "我哋會處理", "Iceland is lovely", "the MIME type", ""] {
            #expect(!FirstPerson.isSpoken(in: unspoken), "\(unspoken)")
        }
    }

    /// A typed line's agitation is its topic's ("药品确实着急"): it stirs the agent only as far
    /// as the line also sounds negative. A voice's pitch and energy are the agent's own.
    @Test func aTypedLineStirsOnlyAsFarAsItSoundsNegative() {
        var neutral = Score()
        neutral.valence = 0
        #expect(Engine.mood(neutral, arousal: 0.75, speaker: .agent, text: "建议您先就近买几天的量", heard: false).arousal <= 0.2)
        #expect(Engine.mood(neutral, arousal: 0.75, speaker: .agent, text: "let me check", heard: true).arousal == 0.75)
        var strained = Score()
        strained.valence = -0.5
        #expect(Engine.mood(strained, arousal: 0.75, speaker: .agent, text: "I can't cope today", heard: false).arousal == 0.75)
        #expect(Engine.mood(neutral, arousal: 0.75, speaker: .customer, text: "WHAT", heard: false).arousal == 0.75, "a customer's agitation counts in full")
    }

    @Test func anAgentsPolicyCountsHalfAndTheirOwnWordsInFull() {
        var score = Score()
        score.valence = -0.6
        let policy = Engine.mood(score, arousal: 0.2, speaker: .agent, text: "Abusing bugs leads to a suspension.")
        #expect(policy.valence == -0.3 && policy.arousal == 0.2)
        let own = Engine.mood(score, arousal: 0.2, speaker: .agent, text: "I can't take this any more.")
        #expect(own.valence == -0.6)
        let customer = Engine.mood(score, arousal: 0.2, speaker: .customer, text: "Abusing bugs leads to a suspension.")
        #expect(customer.valence == -0.6, "a customer's words always count in full")
    }
}
