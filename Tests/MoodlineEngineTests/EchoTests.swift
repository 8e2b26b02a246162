import MoodlineCore
@testable import MoodlineEngine
import Testing

/// The agent's words handed back: doubt said without a feeling word.
@Suite struct EchoTests {
    @Test func aShortQuestionRepeatingTheAgentIsAnEcho() {
        let echoes: [(String, String)] = [
            ("Still in Chicago? How do you people lose a bag?", "Your bag is still in Chicago, it'll come this evening."),
            ("Three to five days? I need it tomorrow.", "It takes three to five days to process."),
            ("再提交？上兩次都係咁講。", "我幫你再提交俾帳號安全組。"),
            ("四個鐘？你係咪玩嘢", "師傅最快四個鐘到"),
            ("48小时？这句话我前天听过一遍", "我们会在48小时内处理"),
            ("3-5 日？活動後日就完啦！", "處理時間一般係 3-5 日。"),
            ("  A CREDIT? For a week without internet?", "I can apply a credit for the days affected."),
        ]
        for (reply, agent) in echoes { #expect(Echo.of(reply, after: agent) == .question, "\(reply)") }
    }

    @Test func otherOpeningsAreNoEcho() {
        let none: [(String, String)] = [
            ("Tomorrow? Is that the earliest?", "The engineer can come on Monday."),  // not the agent's words
            ("Hello? Are you there?", "Hello, thanks for calling."),  // a greeting
            ("Sorry? I didn't catch that.", "Sorry for the wait."),
            ("你好？请问有人吗", "你好，请问有什么可以帮您"),
            ("Can you check whether the parcel from the Leeds depot has gone out yet today?", "The parcel from the Leeds depot has gone out yet today"),  // too long for an echo
            ("好的，三到五天？", "三到五天"),  // not the first clause
            ("Monday?", ""),  // nothing said before
        ]
        for (reply, agent) in none { #expect(Echo.of(reply, after: agent) == nil, "\(reply)") }
    }

    /// A longer question may open with the agent's words; spaces do not count ("21號" is "21 號");
    /// a question that asks for something about them is no echo.
    @Test func aQuestionOpeningWithTheAgentsWordsIsAnEcho() {
        #expect(Echo.of("In the backlog for three months? I drive for a living.", after: "It's in the backlog. Everything from September is in the backlog.") == .question)
        #expect(Echo.of("21號？我20號下午在東京要開會", after: "系統已經幫您自動改到 12 月 21 號同一時段。") == .question)
        #expect(Echo.of("緩繳專案是怎麼算的？會影響我的信用嗎？", after: "我們也有非自願離職的緩繳專案。") == nil)
        #expect(Echo.of("The backlog is how long these days?", after: "It's in the backlog.") == nil)
    }

    /// Handed back flat, with a full stop or in quotes, it is an echo too.
    @Test func aClauseHandedBackFlatIsAStatementEcho() {
        let echoes: [(String, String)] = [
            ("Pending. It's the eighteenth.", "So I can see a port request here, and it says it's pending."),
            ("原件。交材料那天你们的人说扫描件就可以。", "审核人员需要您补充住院期间费用明细清单的原件。"),
            ("“今天下班前”。昨天的“上午一定送”也是这个语气。", "我让网点今天下班前专人送上门"),
            ("\"Weren't aware of them.\" My salary was late.", "I can't refund fees just because you weren't aware of them."),
        ]
        for (reply, agent) in echoes { #expect(Echo.of(reply, after: agent) == .statement, "\(reply)") }
        #expect(Echo.of("OK. Thanks for that.", after: "OK, I've booked it.") == nil)
        // The agent's question answered with its words is a yes, not a doubt.
        #expect(Echo.of("找到了！李师傅直接送到我小区门口。", after: "天哪，那一定把您吓坏了。后来找到了吗？") == nil)
        #expect(Echo.of("It arrived. Thanks.", after: "Has it arrived yet? Sometimes the courier runs late.") == nil)
        #expect(Echo.of("3-5 business days. Fantastic.", after: "It takes 3-5 business days, is there anything else?") == .statement)
        #expect(Echo.of("没问题。谢谢", after: "没问题的话我就提交了") == nil)
    }

    /// The echo lowers the customer's valence by a negative word's worth, unless the line is glad.
    @Test func anEchoLowersTheCustomersMoodUnlessTheLineIsGlad() {
        var neutral = Score()
        neutral.valence = 0
        #expect(Engine.mood(neutral, arousal: 0.2, speaker: .customer, text: "", echo: .question).valence < -0.2)
        #expect(Engine.mood(neutral, arousal: 0.2, speaker: .customer, text: "", echo: nil).valence == 0)
        var glad = Score()
        glad.valence = 0.6
        #expect(Engine.mood(glad, arousal: 0.2, speaker: .customer, text: "", echo: .question).valence == 0.6)
        // The agent's own lines are never echoes.
        #expect(Engine.mood(neutral, arousal: 0.2, speaker: .agent, text: "", echo: .question).valence == 0)
    }

    /// In a conversation: flat customer lines that hand the agent's offers back as questions
    /// open customer_negative; the same lines without the echo do not.
    @Test func echoQuestionsInAConversationOpenCustomerNegative() {
        func run(_ replies: [String]) -> [Alert] {
            var h = Harness { $0.rules.customerNegative.holdFragments = 2 }
            let offers = ["I can offer you a voucher for the delay.", "The engineer can come in ten days.", "You could pick it up at the depot."]
            var seq: Int64 = 0
            for (offer, reply) in zip(offers, replies) {
                seq += 1
                h.send(fragment(seq, at: Double(seq) * 10, .agent, text: offer), score(0))
                seq += 1
                h.send(fragment(seq, at: Double(seq) * 10, .customer, text: reply), score(-0.05))
            }
            return h.kinds(.customerNegative)
        }
        #expect(run(["A voucher? I paid for next-day delivery.", "Ten days? I work from home.", "The depot? It's forty miles."]).count == 1)
        #expect(run(["Right, I paid for next-day delivery.", "Hmm, I work from home.", "Oh, it's forty miles."]).isEmpty)
    }

    /// A one-word comment, then the agent's words: the echo is in the second clause.
    @Test func anEchoAfterAOneWordCommentIsFound() {
        #expect(Echo.of("Wonderful. A trace. I'm sure it'll go well.", after: "I'll open a trace with the carrier.", afterOneWord: true) == .statement)
        #expect(Echo.of("好极了。三个工作日。", after: "处理需要三个工作日。", afterOneWord: true) == .statement)
        #expect(Echo.of("Wonderful. See you then.", after: "I'll open a trace with the carrier.", afterOneWord: true) == nil)
        #expect(Echo.of("That is wonderful. A trace.", after: "I'll open a trace.", afterOneWord: true) == nil)  // not one word first
        #expect(Echo.of("Wonderful.", after: "Wonderful news.", afterOneWord: true) == nil)  // nothing after it
    }

    /// Praise after the agent's words handed back flat, from a customer already unhappy, is
    /// sarcasm ("3–5 business days. Fantastic.", 三至五個工作天。好快喎); from a content
    /// customer, or after an incredulous question (免費？好嘢！), it is gladness.
    @Test func praiseAfterAFlatEchoFromAnUnhappyCustomerIsSarcasm() {
        var glad = Score()
        glad.valence = 0.8
        #expect(Engine.mood(glad, arousal: 0.3, speaker: .customer, text: "", echo: .statement, priorValence: -0.4).valence < 0)
        #expect(Engine.mood(glad, arousal: 0.3, speaker: .customer, text: "", echo: .statement, priorValence: 0).valence == 0.8)
        #expect(Engine.mood(glad, arousal: 0.3, speaker: .customer, text: "", echo: .question, priorValence: -0.4).valence == 0.8)
        #expect(Engine.mood(glad, arousal: 0.3, speaker: .customer, text: "", echo: nil, priorValence: -0.4).valence == 0.8)
        #expect(Engine.mood(glad, arousal: 0.3, speaker: .customer, text: "", echo: nil, priorValence: -0.4, laterEcho: .statement).valence < 0)
    }
}
