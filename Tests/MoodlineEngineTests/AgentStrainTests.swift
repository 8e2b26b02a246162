import MoodlineCore
@testable import MoodlineEngine
import Testing

/// An agent's strain: told (a long queue, a slow system), or heard in stumbling words.
@Suite struct AgentStrainTests {
    @Test func aStumbleIsHeard() {
        for text in ["F220134568，陳……陳玉蘭阿姨對不對？", "我……我明白好急", "I... I can see it now", "Sorry, sorry, let me look.",
                     "Okay. Okay. Booking it now.", "我这边，我这边看一下"] {
            #expect(Stammer.isHeard(in: text), "\(text)")
        }
        for text in ["grey 9.5 is... checking stock", "Okay, so I can see the order.", "I... It was sent yesterday",
                     "您好，请问有什么可以帮您？", "Thanks. Thanks for waiting, here it is", "", "……"] {
            #expect(!Stammer.isHeard(in: text), "\(text)")
        }
    }

    /// A strained agent's apology still counts as strain; a plain apology does not.
    @Test func strainOutweighsTheApologyClamp() {
        var apology = Score()
        apology.valence = -0.3
        apology.categories = CategorySet(.apology)
        let plain = Engine.mood(apology, arousal: 0.1, speaker: .agent, text: "sorry for the wait")
        #expect(plain.valence >= 0)
        let strained = Engine.mood(apology, arousal: 0.1, speaker: .agent, text: "sorry, nine chats open", strained: true)
        #expect(strained.valence <= -Engine.strained && strained.arousal >= Engine.strained)
    }

    /// Strain told twice within a few agent lines opens agent_stress on the second telling,
    /// though the lines between are calm; told once, or twice far apart, it does not.
    @Test func strainToldAgainIsStress() {
        func run(_ strainAt: Set<Int>, lines: Int = 8) -> [Alert] {
            var h = Harness()
            for k in 1...lines {
                let seq = Int64(k)
                var s = score(0)
                if strainAt.contains(k) { s = score(-0.2, .strain) }
                h.send(fragment(seq, at: Double(k) * 15, .agent, text: "line \(k)"), s)
            }
            return h.kinds(.agentStress)
        }
        #expect(run([2, 4]).map(\.seq) == [4])
        #expect(run([2]).isEmpty)
        #expect(run([1, 8]).isEmpty)
    }

    /// An agent who keeps cutting the customer off (as often as opens interruptions) is rushed:
    /// agent_stress opens with the interruptions, though every word is calm. Overlaps too few or
    /// too far apart do not.
    @Test func anAgentWhoKeepsCuttingInIsRushed() {
        func run(_ times: [Double]) -> (stress: [Int64], interruptions: [Int64]) {
            var h = Harness()
            for (k, t) in times.enumerated() {
                h.send(fragment(Int64(k + 1), at: t, .agent, overlap: 1.0, channel: .voice), score(0))
            }
            return (h.kinds(.agentStress).map(\.seq), h.kinds(.interruptions).map(\.seq))
        }
        let rushed = run([10, 20, 30])
        #expect(rushed.stress == [3])
        #expect(rushed.interruptions == [3])
        #expect(run([10, 20]).stress.isEmpty)
        #expect(run([0, 100, 200]).stress.isEmpty)
    }

    /// Flat words in a raised voice lower the customer's mood; in a calm voice, or with words
    /// that already say something, they do not.
    @Test func flatWordsInARaisedVoiceAreNegative() {
        var flat = Score()
        flat.valence = 0
        #expect(Engine.mood(flat, arousal: 0.5, speaker: .customer, text: "", voiceAgitation: 0.7).valence < -0.3)
        #expect(Engine.mood(flat, arousal: 0.2, speaker: .customer, text: "", voiceAgitation: 0.2).valence == 0)
        var glad = Score()
        glad.valence = 0.6
        #expect(Engine.mood(glad, arousal: 0.5, speaker: .customer, text: "", voiceAgitation: 0.8).valence == 0.6)
        // The learned layer's lean (a sign, not a strength) is still flat words; an agent's is no mood.
        let lean = Score(valence: 0.2, isLean: true)
        #expect(Engine.mood(lean, arousal: 0.5, speaker: .customer, text: "", voiceAgitation: 0.7).valence < -0.3)
        #expect(Engine.mood(lean, arousal: 0.1, speaker: .agent, text: "").valence == 0)
    }
}
