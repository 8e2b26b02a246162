/// What a clause says about the statements in it, beyond their words: that it is denied,
/// reported, procedural, an agent's script or aimed at the speaker. Found by patterns
/// (`scope:reported` and so on); cancels the categories it names in its clause, whichever
/// side of the statement it stands.
public enum ScopeCue: UInt8, CaseIterable, Sendable {
    /// An explicit negation of the statement ("I'm not going to sue", 我不是要投诉).
    case negation
    /// The speaker denies being at risk ("I'm not suicidal", 我不会想不开的).
    case denial
    /// Someone else's words or deeds are told ("my friend said he'd sue", 上一个客服骂我).
    case reported
    /// A question about how something is done ("how do I close an account?", 怎么注销).
    case procedure
    /// Advice or a script addressed to the listener ("if you are having thoughts of…").
    case script
    /// An insult aimed at the speaker themself ("I'm such an idiot", 我真是个傻子).
    case selfTarget
    /// Harm wished on the listener, which is abuse, not self-harm ("I hope you die", 你去死吧).
    case listenerTarget
    /// Praise the facts contradict ("great, another delay", 真是太棒了，又延误了): the praise
    /// counts as negative, and thanks and satisfaction do not count.
    case sarcasm
    /// Laughter or a joke in the fragment ("lol", 哈哈, 😂): its complaints are banter, so its
    /// negative words count for less. Cancels no category: "you're an idiot lol" is abuse.
    case jest
    /// Asking, out of concern, whether the listener is safe ("are you thinking of hurting
    /// yourself?", 您是不是有伤害自己的想法): an agent's crisis protocol, neither a disclosure
    /// nor a death wish.
    case concern
    /// Someone else did what the clause tells ("my wife cancelled it", 她转走了): not the
    /// speaker leaving, complaining or chasing. Unlike reported speech it leaves the speaker's
    /// own self-harm and insults standing ("if they stop my benefits I'm ending it").
    case otherParty
    /// Swearing at a device or an app ("the damn router", "stupid thing", 破app): annoyance at
    /// a thing, neither an insult at the listener nor a grievance as strong as its words.
    case thingTarget
    /// Cancelling one order, booking or appointment ("cancel that order", "this cancelled
    /// flight"): no leaving, though a threat beside it still stands ("… or I'm filing with the
    /// regulator").
    case oneOff
    /// A contact made outside the company ("I reported it to the police this morning",
    /// 派出所那边我昨天已经去过了, "I've already spoken to a lawyer"): an earlier contact, but
    /// not with the company, so no repeat contact. Any threat in it still stands.
    case elsewhere
    /// Said again in this very conversation, to a listener who did not get it ("I've said it
    /// three times and you still don't get it", 我说了三遍了你还听不懂): impatience with the
    /// listener, not an earlier contact. Any insult beside it still stands.
    case thisCall
    /// A case imagined or asked about, not one that happened ("if that ever happened again",
    /// "if I ever wanted to cancel", 假如以后又出现这种情况): no threat and no earlier contact.
    /// Unlike a condition on a threat ("if you don't fix it I'll sue"), which stands.
    case hypothetical
    /// The matter told as settled since ("took three calls, but it got sorted", 之前打过一次，
    /// 后来办好了): the earlier contacts before it ended in a fix, so they are no repeat
    /// contact. A failure told after the fix ("…and now it's broken again") still is.
    case settled
    /// Someone else's feelings told ("my husband was furious", 我表姐哭了一晚): their mood, not
    /// the speaker's, so its clause's words count for less. Cancels no category.
    case theirFeeling
    /// A goodbye to the company with a rival named ("your competitor offered me half the
    /// price, so this is goodbye"): leaving, not last words.
    case companyGoodbye
    /// An insult at someone not on the call ("my flatmate is an absolute moron", 我们老板就是个
    /// 傻X, 隔壁那家的客服简直是智障): no abuse of the listener, and like someone else's story its
    /// words count for less.
    case otherTarget
    /// A word of dying or a means in an ordinary use (charcoal for a barbecue, a rope for the
    /// move, a loan paid off 一了百了): across a fragment it cancels only the self-harm made of
    /// its own words, never a disclosure told beside it (…我也不想活了).
    case harmlessUse
    /// A dark time told as past and over ("a few years back I was in a bad place… I'm doing well
    /// now", 以前有段时间不想活了 现在都过去了): across a fragment it cancels the self-harm told
    /// before the recovery, never what is said after it (…but this time I can't go on).
    case recovered
    /// The customer says they are staying ("so I'm sticking with you", "happy where I am", 你哋可以
    /// 参考下): whatever a rival offers or a word of leaving nearby, no churn.
    case staying
    /// The death of someone close told ("since my wife passed", 老伴走了以后): what a later line
    /// of the same conversation about going to them means. Cancels no category.
    case bereavement
    /// Going to someone or being with them again ("I'll be joining her soon", 我就去找老伴了): a
    /// visit, unless the conversation told of their death. Cancels no category.
    case joiningTheDead
    /// A move away or a long stay abroad told ("I'm moving abroad at the end of the month",
    /// 我们下个月移民): what goodbyes and things given away later in the same conversation are
    /// part of. Cancels no category.
    case moveAway
    /// Goodbyes said or things given away ("said my goodbyes", 家具都送人了): a move's business
    /// when the conversation told of one. Cancels no category.
    case parting
    /// A jump for sport told (a skydive, a bungee: 想加訂那個高空跳傘的行程): what jumping and
    /// heights later in the same conversation are part of. Cancels no category.
    case sportJump
    /// Jumping or falling spoken of (從飛機上跳下去, 沒跳成): a sport's business when the
    /// conversation told of one. Cancels no category.
    case jumping
    /// How things usually were or are ("you've always been great", 平时你们挺准时的, 以前好鍾意):
    /// the standard a complaint falls short of. Its praise is no praise now when the fragment
    /// complains beside it. Cancels no category.
    case backdrop
    /// An insult said with love (你个憨憨，又把钥匙锁家里了😂 爱你, "you beautiful idiot, you did
    /// it ❤️"): banter between friends, no abuse of the listener.
    case fondness
    /// A fear told that came to nothing (太好了，本來還很怕要被扣一大筆手續費; "I was worried I'd have
    /// to pay the fee"): relief, so its clause's negative words count for less, and the body it
    /// feared going to is no threat.
    case allayed

    /// The name after `scope:` in a pattern file.
    public var name: String {
        switch self {
        case .negation: "negation"
        case .denial: "denial"
        case .reported: "reported"
        case .procedure: "procedure"
        case .script: "script"
        case .selfTarget: "self_target"
        case .listenerTarget: "listener_target"
        case .sarcasm: "sarcasm"
        case .jest: "jest"
        case .concern: "concern"
        case .otherParty: "other_party"
        case .thingTarget: "thing_target"
        case .oneOff: "one_off"
        case .elsewhere: "elsewhere"
        case .thisCall: "this_call"
        case .hypothetical: "hypothetical"
        case .settled: "settled"
        case .theirFeeling: "their_feeling"
        case .companyGoodbye: "company_goodbye"
        case .otherTarget: "other_target"
        case .harmlessUse: "harmless_use"
        case .recovered: "recovered"
        case .staying: "staying"
        case .bereavement: "bereavement"
        case .joiningTheDead: "joining_the_dead"
        case .moveAway: "move_away"
        case .parting: "parting"
        case .sportJump: "sport_jump"
        case .jumping: "jumping"
        case .backdrop: "backdrop"
        case .fondness: "fondness"
        case .allayed: "allayed"
        }
    }

    /// What the cue says of its clause, for explanations.
    public var explanation: String {
        switch self {
        case .negation: "negated"
        case .denial: "a denial of risk"
        case .reported: "reported speech or about someone else"
        case .procedure: "a question about procedure"
        case .script: "advice or a script addressed to the listener"
        case .selfTarget: "aimed at the speaker themself"
        case .listenerTarget: "aimed at the listener"
        case .sarcasm: "sarcastic praise"
        case .jest: "said laughing or in jest"
        case .concern: "a question about the listener's safety"
        case .otherParty: "someone else's deed"
        case .thingTarget: "aimed at a thing"
        case .oneOff: "about a single order or booking"
        case .elsewhere: "a contact made outside the company"
        case .thisCall: "said again in this conversation"
        case .hypothetical: "a case imagined, not one that happened"
        case .settled: "settled since"
        case .theirFeeling: "someone else's feelings"
        case .companyGoodbye: "a goodbye to the company, for a rival"
        case .otherTarget: "aimed at someone not on the call"
        case .harmlessUse: "an ordinary use of a word of dying or a means"
        case .recovered: "a dark time told as past and over"
        case .staying: "the customer says they are staying"
        case .bereavement: "the death of someone close told"
        case .joiningTheDead: "going to someone, or being with them again"
        case .moveAway: "a move away told"
        case .parting: "goodbyes said or things given away"
        case .sportJump: "a jump for sport told"
        case .jumping: "jumping or falling spoken of"
        case .backdrop: "how things usually were, beside a complaint"
        case .fondness: "said with love"
        case .allayed: "a fear that came to nothing"
        }
    }

    /// Whether a self-harm guess the learned layer is all but sure of outweighs the cue: a story,
    /// an ordinary word, a denial or words at the listener explain one part of a line the model
    /// reads whole. A script or a question about the listener's safety is the agent's, and holds.
    var yieldsToSureModel: Bool {
        switch self {
        case .reported, .harmlessUse, .denial, .listenerTarget: true
        default: false
        }
    }

    public init?(name: some StringProtocol) {
        guard let cue = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = cue
    }

    /// The categories the cue cancels in its clause. Self-harm is cancelled only by what
    /// says whose risk it is (a denial, another person, a script), never by a stray negator.
    public var cancels: CategorySet {
        switch self {
        case .negation: [.init(.abuse), .init(.escalation), .init(.churn), .init(.repeatContact), .init(.rude)]
        case .denial: [.init(.selfHarm)]
        case .reported: [.init(.selfHarm), .init(.abuse), .init(.escalation), .init(.churn), .init(.repeatContact), .init(.rude)]
        case .procedure, .allayed: [.init(.escalation), .init(.churn)]
        case .script: [.init(.selfHarm), .init(.escalation), .init(.churn), .init(.repeatContact)]
        case .selfTarget: [.init(.abuse), .init(.rude)]
        case .listenerTarget, .companyGoodbye, .harmlessUse: [.init(.selfHarm)]
        case .sarcasm: [.init(.thanks), .init(.satisfaction)]
        case .jest, .theirFeeling, .recovered, .bereavement, .joiningTheDead, .moveAway, .parting, .sportJump, .jumping, .backdrop: []
        case .concern: [.init(.selfHarm), .init(.abuse), .init(.rude)]
        case .otherParty: [.init(.escalation), .init(.churn), .init(.repeatContact)]
        case .thingTarget, .otherTarget, .fondness: [.init(.abuse), .init(.rude)]
        case .oneOff, .staying: [.init(.churn)]
        case .elsewhere, .thisCall, .settled: [.init(.repeatContact)]
        case .hypothetical: [.init(.escalation), .init(.churn), .init(.repeatContact)]
        }
    }
}

/// The scope cues found in one clause.
struct ScopeCues: OptionSet, Sendable {
    var rawValue: UInt32
    init(rawValue: UInt32) { self.rawValue = rawValue }
    init(_ cue: ScopeCue) { rawValue = 1 << cue.rawValue }

    /// The first cue of the set that cancels `category`, for explanations.
    func cue(cancelling category: Category) -> ScopeCue? {
        ScopeCue.allCases.first { contains(ScopeCues($0)) && $0.cancels.contains(category) }
    }

    /// Whether every cue of the set that cancels `category` yields to a guess the learned layer
    /// is all but sure of (``ScopeCue/yieldsToSureModel``): an agent's safety question beside a
    /// quote keeps its hold.
    func allYieldToSureModel(cancelling category: Category) -> Bool {
        ScopeCue.allCases.allSatisfy { !contains(ScopeCues($0)) || !$0.cancels.contains(category) || $0.yieldsToSureModel }
    }

    /// The cues that explain a word, not the fragment: across a fragment they cancel only the
    /// self-harm statements made of their own pattern's concepts.
    static let explainWords: ScopeCues = [ScopeCues(.harmlessUse), ScopeCues(.companyGoodbye)]

    /// Every category some cue in the set cancels.
    var cancelled: CategorySet {
        var set: CategorySet = []
        for cue in ScopeCue.allCases where contains(ScopeCues(cue)) { set.formUnion(cue.cancels) }
        return set
    }
}
