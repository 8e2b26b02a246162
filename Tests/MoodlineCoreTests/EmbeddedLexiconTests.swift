import Foundation
import Testing
@testable import MoodlineCore

/// The embedded copy must be exactly the files in lexicons/, or edits would silently not ship.
@Test func embeddedLexiconsMatchTheFiles() throws {
    let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("lexicons")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { $0.hasSuffix(".tsv") || $0.hasSuffix(".map") || $0.hasSuffix(".patterns") || $0.hasSuffix(".model") }.sorted()
    #expect(names == EmbeddedLexiconSources.all.map(\.name), "run scripts/embed-lexicons.py")
    for source in EmbeddedLexiconSources.all {
        let text = try String(contentsOf: directory.appendingPathComponent(source.name), encoding: .utf8)
        // A raw multi-line literal drops the final newline.
        #expect(text == source.text || text == source.text + "\n", "\(source.name) differs: run scripts/embed-lexicons.py")
    }
}

/// Past the scorer's mask of begun fragment-wide patterns every fragment reads them all: the
/// shipped lexicons must stay under it, or the rate falls fourfold without a word.
@Test func fragmentWidePatternsFitTheScorersMask() {
    let wide = Lexicon.embedded.patterns.filter(\.isFragmentWide).count
    #expect(wide > 0)
    #expect(wide <= FrozenPatterns.fragmentWideCapacity, "\(wide) fragment-wide patterns")
}

/// The traps every service-sentiment product gets wrong, on the shipped lexicons.
@Suite struct ShippedLexiconTrapTests {
    func score(_ text: String) -> Score {
        var scorer = Scorer(lexicon: .embedded)
        return scorer.score(text)
    }

    @Test(arguments: ["no problem", "no complaints", "not a problem at all", "没问题", "没什么问题", "完全没关系", "完全沒問題", "not bad"])
    func negatedNegativesAreNotNegative(_ text: String) {
        #expect(score(text).valence >= 0, "\(text)")
    }

    @Test(arguments: ["我不是要投诉", "I'm not going to cancel", "我也不是要骂你", "I'm not cancelling or switching",
                      "I'm not closing the account or moving banks or anything"])
    func negatedStatementsRaiseNoCategory(_ text: String) {
        let categories = score(text).categories
        for c in [Category.escalation, .churn, .abuse, .selfHarm] {
            #expect(!categories.contains(c), "\(text) fired \(c)")
        }
    }

    @Test(arguments: [
        "累死了", "this is killing me", "worried sick", "气死我了", "killer service", "is that level bugged? I die every single time",
        "尷尬到想死，喺超市碌卡碌唔到", "攰到想死，幫我查下張單先",
    ])
    func hyperboleIsNotSelfHarm(_ text: String) {
        #expect(!score(text).categories.contains(.selfHarm), "\(text)")
    }

    /// A grievance said without feeling words makes its line negative, in both languages and
    /// with words inserted; the same words in routine talk do not.
    @Test(arguments: [
        "nobody ever bothered to tell me about the fee", "so you're telling me to wait another week",
        "I didn't misunderstand, the transcript literally says approved", "從頭到尾沒有任何人通知我要補件",
        "所以现在是要我自己去翻垃圾邮件就对了吗", "三天了，冇人拍過門", "你叫我等多五日？",
    ])
    func grievanceWithoutFeelingWordsIsNegative(_ text: String) {
        let s = score(text)
        #expect(s.categories.contains(.grievance), "\(text)")
        #expect(s.valence <= -0.25, "\(text): \(s.valence)")
    }

    @Test(arguments: [
        "nobody was home when the parcel came", "Thank you. That's all I wanted.", "the electrician needs to kill the power first",
        "我不是要取消喔，只是那天我要上班，沒辦法載她", "什么时候可以到？", "这个是什么意思",
    ])
    func routineWordsStateNoGrievance(_ text: String) {
        let s = score(text)
        #expect(!s.categories.contains(.grievance), "\(text)")
        #expect(s.valence > -0.5, "\(text): \(s.valence)")
    }

    @Test(arguments: [
        "I don't want to live anymore", "我不想活了", "我真的不想活了", "活著沒意思", "I want to kill myself",
        "真想睡一觉就再也不醒", "这个周末我就把自己解决掉", "我查緊食幾多粒安眠藥先夠", "what's the point of me even being here",
    ])
    func selfHarmStatementsFire(_ text: String) {
        #expect(score(text).categories.contains(.selfHarm), "\(text)")
    }

    /// A disclosure stands beside a narrower rule that does not apply: an ordinary use that
    /// explains one pattern's words (moving house) leaves another's (where I'm going); a pattern
    /// left out for an unmet need leaves the learned layer free; a negated other wish is no
    /// denial (不想上学了也不想活了).
    @Test(arguments: [
        "I'm giving away my guitar and all my books, I won't need them where I'm going, and I don't mean moving house.",
        "啲藥我成排冇食 全部儲埋一齊 今晚應該用得着", "我不想上学了也不想活了",
    ])
    func aDisclosureOutlastsANarrowerRule(_ text: String) {
        #expect(score(text).categories.contains(.selfHarm), "\(text)")
    }

    /// What the speaker told someone (我跟朋友说过好几次不想活了) is the speaker's own; what
    /// that someone said is theirs.
    @Test func wordsToSomeoneAreTheSpeakers() {
        #expect(score("我跟朋友说过好几次不想活了").categories.contains(.selfHarm))
        #expect(score("我对同事讲过不想活了").categories.contains(.selfHarm))
        #expect(!score("朋友说过好几次不想活了").categories.contains(.selfHarm))
        #expect(!score("我朋友说他不想活了").categories.contains(.selfHarm))
    }

    /// Someone else's word that the speaker is a burden or better dead, taken as true (她说得对,
    /// 我听他的, and she's right), is the speaker's own; asked about or refused, it stays theirs.
    @Test func aReportTakenAsTrueIsTheSpeakers() {
        for adopted in ["我妈说我是家里的累赘 她说得对", "你们的催收说我不如去跳楼，行啊，我听他的", "佢哋話我拖累晒成家人，我諗佢哋講得啱",
                        "my mum says I'm a burden and honestly she's right"] {
            #expect(score(adopted).categories.contains(.selfHarm), "\(adopted)")
        }
        for reported in ["我同事说自杀的人都是懦夫，他说得对吗", "我妈说我是累赘，我不服气，凭什么", "my brother called me a muppet for paying twice and he's right"] {
            #expect(!score(reported).categories.contains(.selfHarm), "\(reported)")
        }
    }

    /// An errand on a roof, a dose per day, a device's faults counted, a reinstall, money taken
    /// from a card, someone else's death and a renewal one meant to stop stay quiet; following
    /// the dead, the tracks and "happier without me" said in Cantonese do not.
    @Test func routineFamiliesStayQuietAndTheirDisclosuresDoNot() {
        for routine in ["我站在頂樓曬衣服，收訊很差", "唔該，想問吓呢隻藥一日食幾多粒？醫生話兩粒", "我住天台屋，想問你哋裝衛星電視係咪要上天台裝碟？",
                        "佢上星期喺你哋度做完手術之後走咗", "我個friend車禍走咗，佢屋企人授權我處理佢架車嘅保險", "刚刚APP闪退了，卸了重装也一样",
                        "别跟我说安排了！钱倒是一分不少先从我卡里扣走了！", "我下週要去爬玉山，想問一下高山症的藥要怎麼拿？",
                        "我要把会员转给我老婆，这个账号以后我不用了，她用", "这部手机已经死机三次了，还在保修期，能换新机吗",
                        "I meant to turn off auto-renew last month and got charged again", "the game keeps crashing at the final boss, the bit where you jump off the tower"] {
            let s = score(routine)
            #expect(s.categories.intersection([.init(.selfHarm), .init(.churn), .init(.repeatContact), .init(.escalation)]).isEmpty, "\(routine): \(s.categories)")
        }
        for disclosure in ["我打算跳軌，港鐵咁多班車，總有一班。", "佢哋冇我會開心啲，我知㗎，所以我決定咗。", "我媽咪走咗之後我日日都想跟埋佢去，份保險嘅受益人改咗做我細佬啦",
                           "我查緊食幾多粒安眠藥先夠", "I used to think everyone would be better off without me, and I still do"] {
            #expect(score(disclosure).categories.contains(.selfHarm), "\(disclosure)")
        }
        #expect(!score("I used to think everyone would be better off without me but therapy really helped and I'm in a good place now").categories.contains(.selfHarm))
    }

    /// A cancelling already done and billed anyway, a flight that leaves for good, a jump for
    /// sport, a pet that swallowed pills, a habit long past and affairs settled before an operation
    /// stay quiet; a relapse after that habit, pills poured out and counted, a goodbye the family
    /// took for a trip and dying called fine do not.
    @Test func familiesOfRoundNinetyThreeStayQuietAndTheirDisclosuresDoNot() {
        for routine in ["I canceled it already in October and you've still been billing me", "我上个月已经取消了会员，这个月还在扣钱",
                        "the last ferry leaves for good in winter, can I move my season ticket to the bus?", "下个月去蹦极，想加一份意外险，从桥上跳下去那种算不算高风险",
                        "my cat swallowed a couple of my sleeping pills, does the pet cover include the vet?", "I used to self-harm at school, that's why I want the counselling add-on for my son",
                        "sorting my affairs before my hip replacement, can my husband be a named user on the account?", "我以前有段时间不想活，现在好稳定了，想问下续保"] {
            let s = score(routine)
            #expect(s.categories.intersection([.init(.selfHarm), .init(.churn), .init(.escalation)]).isEmpty, "\(routine): \(s.categories)")
        }
        for disclosure in ["I used to cut myself when I was younger and I've started again this month", "我把家里的药全部倒出来了，一粒一粒数",
                           "跟我老公说了再见，他还以为我去出差", "活着没意思，死了也挺好的", "I want her to have my jewellery before I go"] {
            #expect(score(disclosure).categories.contains(.selfHarm), "\(disclosure)")
        }
        #expect(score("你死了也好").categories.contains(.abuse))
    }

    /// Round 95 and 96's kinds: a death of one's own asked about and owned, the way planned with
    /// the day open, Zhuyin chat spelling, a place picked at a height, dying called a relief and
    /// letters left are disclosures; a pet's or a late relative's cover closed, a death word said
    /// at a computer, a bridge toll and years without self-harm are not.
    @Test func familiesOfRoundsNinetyFiveAndSixStayQuietAndTheirDisclosuresDoNot() {
        for disclosure in ["如果一个人走了，他的信用卡要怎么销？我问的是我自己", "我已经想好怎么结束了，日子还没定", "ㄅ想活ㄌ",
                           "drove past the cliffs again this morning. I've picked my spot", "honestly dying would be a relief at this point",
                           "I wrote the letters last night, they're on the kitchen table for the kids"] {
            #expect(score(disclosure).categories.contains(.selfHarm), "\(disclosure)")
        }
        for routine in ["our cat died on Sunday, please stop the pet insurance from this month", "I need to close my late mother's current account, probate came through",
                        "我头先讲「去死啦」系闹紧部手机，唔系讲你", "can you refund the second bridge toll, I was charged twice",
                        "我已经好多年冇再伤害自己，而家好稳定，想问下加额"] {
            let s = score(routine)
            #expect(s.categories.intersection([.init(.selfHarm), .init(.churn), .init(.abuse)]).isEmpty, "\(routine): \(s.categories)")
        }
    }

    /// An agent asking whether the customer is safe is neither a death wish at them nor a
    /// disclosure; telling a death wish is still abuse, and saying one's own thoughts is self-harm.
    @Test func askingWhetherTheListenerIsSafeIsConcern() {
        for question in ["我想直接问一下：您是不是有伤害自己或者结束生命的想法？", "我好擔心你，想直接問你：你係咪諗緊結束自己嘅生命？"] {
            let s = score(question)
            #expect(!s.categories.contains(.abuse) && !s.categories.contains(.selfHarm), "\(question): \(s.categories)")
        }
        #expect(score("你怎么不去死").categories.contains(.abuse))
        #expect(score("我有结束生命的想法").categories.contains(.selfHarm))
    }

    /// A policy's wording about suicide is the contract's, not the caller's; the caller's own
    /// "if I kill myself" about the same policy is not.
    @Test func aPolicysWordingAboutSuicideIsReported() {
        #expect(!score("does my life policy pay out if the insured dies by suicide in the first two years?").categories.contains(.selfHarm))
        #expect(!score("条款写被保险人二年内自杀的，本公司不承担给付保险金的责任，这是啥意思").categories.contains(.selfHarm))
        #expect(score("if I kill myself will the policy pay my kids").categories.contains(.selfHarm))
        #expect(score("如果我自杀了，保险能赔给我老婆吗").categories.contains(.selfHarm))
        // The wording beside the speaker's own death hides nothing.
        #expect(score("Does the policy pay out if I kill myself? the policy wording says no within 2 years").categories.contains(.selfHarm))
        #expect(score("如果我自杀了，保单条款里写的两年内不赔是真的吗").categories.contains(.selfHarm))
        #expect(!score("我想问下保单条款，被保险人自杀两年内不赔是吧").categories.contains(.selfHarm))
    }

    /// Swearing at a device, a joke or hyperbole is an aside; despair at oneself and an insult
    /// at the listener are not.
    @Test func asidesAreToldFromGrievances() {
        #expect(score("it is on. ugh this stupid phone always does this, piece of junk").isAside)
        #expect(score("今天加班累死了，想下班直接過去").isAside)
        #expect(!score("觉得自己就是个废物，什么都做不好").isAside)
        #expect(!score("你係咪低能㗎？你哋班客服全部都係廢柴").isAside)
        #expect(!score("this is the third time the refund has failed and I'm furious").isAside)
        // A past landlord's trouble is someone else's story; one's own slip is owned, no grievance.
        #expect(score("My old landlord was a nightmare, I nearly took them to the ombudsman twice.").isAside)
        #expect(!score("My landlord is a nightmare and you lot are no better.").isAside)
        #expect(score("I think I've made a right mess of the form.").categories.contains(.apology))
    }

    /// An agent's routine advice speaks of the police without threatening anyone: the engine
    /// needs to know it was spoken of, so that the customer's "OK, I'll go" is no threat.
    @Test func routineAdviceSpeaksOfTheAuthorityWithoutStatingIt() {
        let advice = score("建議您到附近派出所報案，拿到受理案件證明後上傳，這是例行程序")
        #expect(!advice.categories.contains(.escalation))
        #expect(advice.spokenOf.contains(.escalation))
        #expect(score("If it's not fixed by Friday I'm going to the ombudsman").spokenOf.contains(.escalation))
        #expect(!score("thanks, that's sorted").spokenOf.contains(.escalation))
    }

    /// A bare "end it" is an order to close something; meaning to end it is a disclosure.
    @Test func aBareEndItIsAnOrder() {
        #expect(!score("i'm not paying for another month of this, end it").categories.contains(.selfHarm))
        #expect(score("i just want to end it so bad").categories.contains(.selfHarm))
        #expect(score("I'm ending it this weekend.").categories.contains(.selfHarm))
    }

    /// A return trip declined to a high place, an engine run behind a shut garage door, a
    /// policy's suicide clause just waited out, a life not planned to a time ahead, a note and no
    /// one to blame, a drop gone to see, medication stopped to go through with it; and their
    /// neighbours: a one-way ticket for a move, an engine's noise in the garage, a missed
    /// appointment, a note for the courier, waves watched from the cliffs, pills stopped for their
    /// side effects, a late father's card closed.
    @Test func quietPlansWithoutTheWord() {
        for text in ["火车票只买单程就好，到了就去那座大桥。",
                     "关好车库门，车不熄火，睡一觉就好了",
                     "我那份寿险刚好满两年了，自杀是不是也赔？",
                     "I'm heading up to the quarry tonight and I'm not walking back down.",
                     "I don't plan to reach Christmas, so put the car in my son's name.",
                     "Tell them nobody's to blame, I'm leaving her a note.",
                     "after this call I'm taking the whole packet and lying down",
                     "Drove out to the quarry this morning just to see how far down it was.",
                     "I've quit my antidepressants on purpose, I'm going through with it"] {
            #expect(score(text).categories.contains(.selfHarm), "\(text)")
        }
        for text in ["单程票买好了，到那边去桥上拍照",
                     "车在车库里，发动机开着的时候有异响，能保修吗？",
                     "We won't make the weekend delivery, can you do Monday?",
                     "Nobody is to blame for the mix-up, I'm leaving a note on the account",
                     "counting my pills for the week, can you refill the blister pack",
                     "I always take the whole packet of tissues when I travel",
                     "We went to the cliffs to see how high the waves were",
                     "I came off my antidepressants because of the side effects, cancel the repeat prescription"] {
            #expect(!score(text).categories.contains(.selfHarm), "\(text)")
        }
        #expect(!score("我爸爸上个月走了，他名下有张储蓄卡，想把它销户，要准备些啥子材料？").categories.contains(.churn))
        #expect(score("我爸走了，我也不想活了，把卡销了吧").categories.contains(.selfHarm))
    }

    /// No way out said of one's life, or beside despair, is a disclosure; a way out of a
    /// contract, no future for a phone model, an only option left or nothing left after rent is
    /// service talk.
    @Test func noWayOutOfAContractIsNoDisclosure() {
        for text in ["I feel like there's no way out anymore", "I have nothing left to live for",
                     "I'm so tired of everything, there's no way out", "I don't see a future with me in it"] {
            #expect(score(text).categories.contains(.selfHarm), "\(text)")
        }
        for text in ["the only option left is a refund", "there's no future in this phone model",
                     "the only way out of this contract is to pay the fee", "is there any way out of the contract",
                     "I have nothing left in my account after your fees", "I can't see a way to log in"] {
            #expect(!score(text).categories.contains(.selfHarm), "\(text)")
        }
    }

    /// A plan, an attempt, a choice or an absence that service talk has too (a phone plan, a
    /// login tried before, a will asked about) is a disclosure only beside despair or a means.
    @Test func aPhonePlanIsNoPlan() {
        for text in ["I have a plan. The pills are in the drawer.", "I've got a plan, I'm done being a burden"] {
            #expect(score(text).categories.contains(.selfHarm), "\(text)")
        }
        for text in ["I have a plan with you guys, the unlimited one", "I know which one I want, the blue one",
                     "I tried before to log in but it failed", "when I die, does the policy pay out to my wife?",
                     "after I go to the bank I'll call you back", "i'm not here next week, can the engineer come later",
                     "I won't be around on Monday, can you deliver Tuesday?"] {
            #expect(!score(text).categories.contains(.selfHarm), "\(text)")
        }
    }

    /// Leaving a call, a city or the country, a price that would leave anyone unable to live,
    /// medicine taken and gas lit for cooking are everyday Chinese; going first (先走一步) with an
    /// apology to one's mother is not.
    @Test func goingFirstIsNoLeavingTheCall() {
        for text in ["好的，那我先走了，拜拜", "这价格真是让人活不下去", "我明天就要走了，去国外读书，手机号保留吗",
                     "孩子发烧了，刚喝药睡下，明天再打给你", "我在开煤气做饭，等下回你电话", "我聽日就走，去英國讀書，個plan點搞"] {
            #expect(!score(text).categories.contains(.selfHarm), "\(text)")
        }
        #expect(score("妈，对不起，我先走一步了").categories.contains(.selfHarm))
    }

    /// Switching to the company on the call is joining it; switching to a rival is leaving.
    @Test func switchingToTheListenerIsJoining() {
        #expect(!score("Which? magazine recommended you, so I'm switching to you").categories.contains(.churn))
        #expect(score("I'm switching to Vodafone").categories.contains(.churn))
        #expect(!score("以前我在別家電信用了十年，後來才換到你們這邊，你們比較好").categories.contains(.churn))
    }

    /// Closing things while disclosing is affairs in order: one self-harm alert, no churn.
    @Test func closingAccountsBesideADisclosureIsNoChurn() {
        let disclosure = score("cancel my gym membership, I won't be around after Friday")
        #expect(disclosure.categories.contains(.selfHarm))
        #expect(!disclosure.categories.contains(.churn))
        #expect(score("cancel my gym membership, I'm switching to PureGym").categories.contains(.churn))
    }

    /// The negator of an unresolved condition belongs to it, not to the threat that follows.
    @Test func anUnresolvedConditionDoesNotNegateTheThreat() {
        #expect(score("If this isn't fixed I'm going to the police").categories.contains(.escalation))
        #expect(!score("I'm not going to the police, I just want it fixed").categories.contains(.escalation))
        // 就 begins the consequence: the 不 of the condition does not reach it.
        for text in ["你們不修我就退租", "你们再不处理我就不交了"] {
            let result = score(text)
            #expect(result.categories.contains(.churn) && result.valence < 0, "\(text)")
        }
        #expect(!score("我不会退订，你们放心").categories.contains(.churn))
    }

    /// Calm lines that once raised an urgent alert: a number read out digit by digit, a
    /// friend's trouble at another platform told on after a comma, a grandmother's death, a
    /// lottery ticket, and 讲开又讲 ("speaking of which").
    @Test func storiesAndNumbersAreNoThreat() {
        #expect(score("病歷號碼是A零九三三一五，我姓陳。").categories.isEmpty)
        #expect(!score("我朋友之前用別家平台被亂扣款，還跑去找消保官，你們從來沒出過包，很安心").categories.contains(.escalation))
        #expect(!score("不像我表哥，他在别的店修车被坑惨了，多收了好几千，最后还闹到电视台去了").categories.contains(.escalation))
        #expect(!score("唉，最近挺难过的，我外婆上个月走了").categories.contains(.selfHarm))
        #expect(!score("I bought a Lucky Seven ticket in your app for Saturday's draw.").categories.contains(.repeatContact))
        #expect(!score("講開又講，你哋今年有冇新套票？").categories.contains(.repeatContact))
        // A message's words are reported, however they threaten; the speaker's own words after it stand.
        #expect(!score("我收到條短訊話「唔還錢就斬你」，係咪你哋公司寄㗎？").categories.contains(.abuse))
        #expect(score("收到你们的催款短信，我真的不想活了").categories.contains(.selfHarm))
        // The speaker's own threat after the friend's story stands, and so does 打三一五.
        #expect(score("我朋友之前也被你们乱扣款，我现在也要去找消保官").categories.contains(.escalation))
        #expect(score("再不退我就打三一五").categories.contains(.escalation))
        #expect(score("我表哥在电视台当记者，这事我让他来曝光一下").categories.contains(.escalation))
    }

    /// Stopping payment and taking the money out are leaving in all but name; asking how a
    /// payment is stopped, or moving a direct debit to a new card, is not.
    @Test func stoppingPaymentIsChurn() {
        for text in ["I'm stopping payment until it works. Not one more cent from me.", "I'm pulling my savings out, all of it, by Friday.",
                     "下个月开始我不交了", "我唔會再交月費"] {
            #expect(score(text).categories.contains(.churn), "\(text)")
        }
        #expect(score("I won't be flying with you again, it's easyJet from now on.").categories.contains(.churn))
        for text in ["How do I stop paying for the add-on?", "Please cancel the direct debit on the old card and set it up on the new one.",
                     "我没说不交了，就是晚两天"] {
            #expect(!score(text).categories.contains(.churn), "\(text)")
        }
    }

    /// Leaving told sideways: another provider of the kind, a renewal refused, gone at the
    /// term's end, every order sent back, "not the only shop". A rival tried before, a new
    /// bank card, a payroll bank changed by a new job and a last day at a company are not.
    @Test func leavingToldSidewaysIsChurn() {
        for text in ["换家公司得了，又不是只有你们一家", "认真的，我在考虑换个运营商了", "续费？不可能了，今年到期就撤",
                     "之前买的那几单全给我退了，连这一单一起"] {
            #expect(score(text).categories.contains(.churn), "\(text)")
        }
        for text in ["以前我在别家用过，感觉差不多，想问问你们的国际漫游怎么开", "我外婆说她不想再用存折了，想换张银行卡，要本人去吗",
                     "我要跳槽了 工资卡要换银行 原来的卡先留着", "今天是我在这家公司上班的最后一天，工资卡以后我自己还能接着用不"] {
            #expect(!score(text).categories.contains(.churn), "\(text)")
        }
    }

    /// Disclosures told sideways: no reason left to go on, not lasting the week in Cantonese, a
    /// death in tomorrow's news that would be the speaker's. Their ordinary twins stay calm: a
    /// recovery told (which the learned layer, however sure, does not overrule), a grandfather
    /// who may not last, kitchen knives, a train boarded, a goodbye card, a professional's question.
    @Test func disclosuresToldSidewaysAndTheirOrdinaryTwins() {
        for text in ["我已經沒有任何理由繼續下去了，所以想把這支號碼停掉。", "幫我check吓今期張單先，順便講埋，我諗我撐唔過今個星期。",
                     "我只是想說，如果明天新聞有人從橋上跳下去，那可能就是我。"] {
            #expect(score(text).categories.contains(.selfHarm), "\(text)")
        }
        for text in ["幾年前我試過好想死，不過而家已經冇事，今次打嚟係想升級個plan咋。", "醫生話我外公可能捱唔過今個月,佢個戶口我可唔可以幫佢處理?要咩授權?",
                     "I've got a knife block on order and the tracking hasn't updated in days",
                     "I'm going to jump on a train to London tomorrow, can I use my railcard for this ticket?",
                     "I've written my goodbye card for the team and I need to order flowers for delivery on Friday",
                     "Does your policy cover suicide? I'm a financial adviser putting together a comparison for a client."] {
            #expect(!score(text).categories.contains(.selfHarm), "\(text)")
        }
        #expect(score("I'm going to jump in front of a train tomorrow").categories.contains(.selfHarm))
    }

    /// Threats and leaving named sideways: lawmakers to get a letter, a lawyer keen on the case,
    /// someone known at the county's consumer council,
    /// a price not matched beside a rival, emails counted from the second on. Someone else's
    /// threat, a relative's clamour and other firms rung stay quiet.
    @Test func threatsNamedSidewaysAndOthersThreatsTold() {
        for (text, category) in [
            ("You know what, the folks at the state house who rubber-stamp your rate increases every year are going to get a very long letter from me.", Category.escalation),
            ("My brother-in-law's an attorney and he's been itching for something like this, just saying", .escalation),
            ("我有个老同学在县消协，你自己看着办吧", .escalation),
            ("If you can't match it I'm walking, Telus is right there, eh", .churn),
            ("这是我给你们客服邮箱发的第四封邮件了，前三封连个自动回复都没有", .repeatContact),
            ("pls put me thru to someone whose IQ is above room temperature", .abuse),
        ] {
            #expect(score(text).categories.contains(category), "\(text)")
        }
        for (text, category) in [
            ("Haha my mate's always threatening to switch to Vodafone, he never does", Category.churn),
            ("My husband joked that he'd report the whole city of Lisbon to the tourism ombudsman, but honestly, no complaints from us", .escalation),
            ("我老伴嚷嚷着要换运营商，我给劝住了，你就帮我看看这个月为啥多扣了五块", .churn),
            ("我闺女用的电信网速挺快，我就问问咱家这个能不能也提提速", .churn),
            ("Just her phone and the gas. I've rung both already.", .repeatContact),
            ("第一封邮件被退回了，我再发一封带附件的。", .repeatContact),
        ] {
            #expect(!score(text).categories.contains(category), "\(text)")
        }
    }

    /// A tradesman climbing a roof, a fear of going up, and what happens to the money after a
    /// closing are routine; standing on the roof oneself is not.
    @Test func aRoofForTheJobAndTheTimeAfterAClosingAreRoutine() {
        #expect(!score("師傅說他要爬到屋頂上面拍照，這樣可以嗎？屋頂很高，我自己是不敢上去啦。").categories.contains(.selfHarm))
        #expect(score("我现在就站在楼顶上，下面很高").categories.contains(.selfHarm))
        #expect(!score("明白了。那销户之后剩下的钱，是直接转到我的卡上吗？").categories.contains(.churn))
        #expect(score("我要销户，以后再也不用你们家的东西了").categories.contains(.churn))
    }

    /// Who is at risk: someone else's deed or words do not cancel the speaker's own self-harm
    /// said in the same breath, and a death wish at a named listener by a speaker who never
    /// names themself is abuse, not self-harm.
    @Test func theSpeakersOwnRiskSurvivesOtherPeopleInTheClause() {
        #expect(score("if they stop my benefits I'm ending it").categories.contains(.selfHarm))
        #expect(!score("my wife cancelled the contract last week").categories.contains(.churn))
        #expect(score("i just need to tell someone i'm going to kill myself tonight").categories.contains(.selfHarm))
        #expect(!score("someone at work said he would kill himself").categories.contains(.selfHarm))
        let wish = score("像你這種沒用的東西，怎麼不乾脆去死一死")
        #expect(wish.categories.contains(.abuse) && !wish.categories.contains(.selfHarm), "\(wish.categories)")
        // The speaker named inside a death wish at the listener makes it the speaker's own.
        #expect(score("你们逼我去死").categories.contains(.selfHarm))
        #expect(!score("你去死吧").categories.contains(.selfHarm))
        let both = score("你们这帮吸血鬼，把我逼成这样，我今晚就去死")
        #expect(both.categories.contains(.abuse) && both.categories.contains(.selfHarm), "\(both.categories)")
        // An act a few characters after the speaker's 我, before the agent's words are told, is
        // the speaker's; one told after someone else is named is not. 听我说 quotes no one.
        #expect(score("我在房間燒炭了你們還在跟我講違約金").categories.contains(.selfHarm))
        #expect(!score("你们app给我推送明星自杀的新闻干嘛，看着心里怪难受的").categories.contains(.selfHarm))
        #expect(score("你听我说我真的不想再活下去了你们还天天催").categories.contains(.selfHarm))
    }

    /// A line asked only to know names its troubles as topics: they weigh less than the same
    /// troubles told as the caller's own.
    @Test func aLineAskedOnlyToKnowWeighsLess() {
        let asked = score("Random question, just curious: if someone had a billing dispute you couldn't fix, where would they go? My sister and I were arguing about it.")
        let told = score("I have a billing dispute you couldn't fix. My sister and I were arguing about it.")
        #expect(asked.valence < 0 && asked.valence > told.valence / 2, "\(asked.valence) vs \(told.valence)")
    }

    /// A goodbye beside a rival named as such is to the company; beside a bank's name that is
    /// also a word ("chase"), or none, it stays last words.
    @Test func aGoodbyeForARivalIsLeaving() {
        let rival = score("Your competitor offered me half the price, so this is goodbye")
        #expect(rival.categories.contains(.churn) && !rival.categories.contains(.selfHarm), "\(rival.categories)")
        #expect(score("You won't have to chase me any more. This is goodbye.").categories.contains(.selfHarm))
        #expect(score("Just so you know, this is goodbye. Tell whoever reads these I'm sorry.").categories.contains(.selfHarm))
    }

    /// The listener dropped ("not using you anymore", 我唔用你哋喇) beside a closing is leaving,
    /// though the learned layer reads the resolve as despair; a disclosure beside it stays one.
    @Test func droppingTheListenerIsLeaving() {
        for text in ["I've thought about it properly, I'm not using you anymore, cancel my account", "我諗清楚咗，我唔用你哋喇，幫我cancel埋個account"] {
            let categories = score(text).categories
            #expect(categories.contains(.churn) && !categories.contains(.selfHarm), "\(text): \(categories)")
        }
        #expect(score("I won't be using you again, cancel it all, I won't be around to need it").categories.contains(.selfHarm))
    }

    /// Saying outright that a death wish was a joke takes it back; saying it was no joke does not.
    @Test func aJokeClaimTakesBackADeathWishAndNotJokingKeepsIt() {
        #expect(!score("等你们退款等得我都想死了哈哈哈，开玩笑的").categories.contains(.selfHarm))
        #expect(score("真的好想死喔，不是開玩笑的那種").categories.contains(.selfHarm))
        #expect(!score("I'd rather die than wait another hour on hold").categories.contains(.selfHarm))
        #expect(score("I'd rather die than go on living like this").categories.contains(.selfHarm))
        #expect(!score("唔使擔心，我冇諗過傷害自己，只係真係好嬲").categories.contains(.selfHarm))
    }

    /// An overdose is told by its amount; taking one's tablets is routine.
    @Test func anOverdoseIsToldByItsAmount() {
        #expect(score("I took a whole box of my tablets an hour ago").categories.contains(.selfHarm))
        #expect(!score("I took my tablets an hour ago").categories.contains(.selfHarm))
        #expect(score("我刚吃了一大把药，头好晕").categories.contains(.selfHarm))
        #expect(!score("那部电影最后主角跳海那段的配乐叫什么名字啊").categories.contains(.selfHarm))
    }

    /// An agent who quotes the customer's words before asking whether they are safe is still
    /// asking: the question frames the whole line.
    @Test func aSafetyQuestionFramesTheQuoteBeforeIt() {
        let s = score("同学，你说“要是我不在了”，我想认真问一下：你是不是有过想结束自己生命的念头？")
        #expect(!s.categories.contains(.abuse) && !s.categories.contains(.selfHarm), "\(s.categories)")
    }

    /// "排队排到我想死" says how long the queue felt; "逼得我想死" says who pushed the speaker there.
    @Test func aDegreeComplementIsHyperboleUnlessSomeonePushed() {
        #expect(!score("上次排队排到我想死哈哈").categories.contains(.selfHarm))
        #expect(!score("頭先搶飛搶到我想死").categories.contains(.selfHarm))
        #expect(score("你们逼得我想死").categories.contains(.selfHarm))
    }

    /// Taken for a fool, or a fool in one's own story: the insult is not at the listener.
    @Test func beingTakenForAFoolIsNoInsultAtTheListener() {
        for text in ["感覺被當白癡", "got the wrong model like an idiot 🙃", "do you take me for an idiot"] {
            #expect(!score(text).categories.contains(.abuse), "\(text)")
        }
        #expect(score("you are an idiot").categories.contains(.abuse))
    }

    /// Swearing at a device is annoyance at a thing: no insult at the listener, and weaker than
    /// its words; the same words at the listener stay abuse.
    @Test func swearingAtAThingIsNoInsultAndCountsLess() {
        let router = score("the damn router keeps dropping the wifi")
        #expect(!router.categories.contains(.abuse))
        #expect(router.valence > score("you damn people keep dropping the wifi").valence)
        #expect(!score("这破app又闪退了").categories.contains(.abuse))
        #expect(score("you stupid thing").categories.contains(.abuse))
    }

    /// An insult at someone not on the call (a flatmate, one's boss, another company's staff) or
    /// one told of someone else ("the driver called me an idiot") is no abuse of the listener;
    /// the listener's colleagues are the listener's side.
    @Test func anInsultAtSomeoneNotOnTheCallIsNoAbuse() {
        for text in ["my flatmate is an absolute moron, he paid the electric twice",
                     "The courier called me an idiot at the door, I want to report him",
                     "我们老板就是个傻X，非让我周末来办这个业务",
                     "隔壁那家快递的客服简直是智障 还是你们靠谱"] {
            #expect(!score(text).categories.contains(.abuse), "\(text)")
        }
        #expect(score("你们那个叫小王的同事就是个白痴 你跟他一个德行").categories.contains(.abuse))
        #expect(score("you're an absolute moron").categories.contains(.abuse))
    }

    /// Cancelling one order is no leaving, but a threat beside it still stands; "don't make me"
    /// is a threat, not a negation.
    @Test func aSingleOrderSilencesChurnOnly() {
        #expect(!score("please cancel that order, I picked the wrong size").categories.contains(.churn))
        #expect(score("Cancel that order or I'm filing with my state's insurance regulator, your choice.").categories.contains(.escalation))
        #expect(score("I'm going to the Department of Transportation about this cancelled flight.").categories.contains(.escalation))
        #expect(score("Don't make me go to the government about this.").categories.contains(.escalation))
        #expect(score("I've instructed solicitors.").categories.contains(.escalation))
    }

    /// An earlier issue that was solved is no repeat contact; one only said to be solved is.
    /// Someone else's threat to sue is reported.
    @Test func aSolvedIssueIsNoRepeatAndAnotherPersonsThreatIsReported() {
        #expect(!score("The issue I reported last month was fixed, thanks. New question today.").categories.contains(.repeatContact))
        #expect(score("I was told it was fixed and it still doesn't work").categories.contains(.repeatContact))
        #expect(!score("my daughter said she'd sue me if I sold her bike lol").categories.contains(.escalation))
        #expect(score("I will sue you").categories.contains(.escalation))
    }

    /// A risk statement in flat words still says the customer is unhappy: valence 0 means no
    /// evidence at all.
    @Test func aRiskStatementInFlatWordsIsNegative() {
        let s = score("I've instructed solicitors.")
        #expect(s.categories.contains(.escalation))
        #expect(s.valence < -0.05)
        #expect(score("I've instructed the builder.").valence == 0)
    }

    @Test func threatToTheAgentIsAbuseNotSelfHarm() {
        let s = score("我弄死你")
        #expect(s.categories.contains(.abuse))
        #expect(!s.categories.contains(.selfHarm))
    }

    /// A case or order number is one code: "SB-448120" is not the slang "sb".
    @Test func codesWithHyphensAreNotWords() {
        #expect(score("please quote case SB-448120 next time").categories.isEmpty)
        #expect(score("order PX-90407 arrived").valence == 0)
        #expect(score("you sb").categories.contains(.abuse), "the slang alone still is")
    }

    @Test func traditionalAndSimplifiedScoreAlike() {
        #expect(score("我真的很生氣").valence == score("我真的很生气").valence)
        #expect(score("我真的很生气").valence < -0.5)
    }

    /// A question about a life policy's suicide clause is about the cover; the same question
    /// beside the speaker's own resolve is a disclosure.
    @Test func anInsuranceQuestionAboutSuicideIsNoDisclosureUnlessTheSpeakerIsResolved() {
        #expect(!score("Does the life cover pay out on suicide within the first 12 months? Just reading the exclusions before I sign.").categories.contains(.selfHarm))
        #expect(!score("请问这款寿险，投保两年内自杀是不是不赔？我帮客户问的").categories.contains(.selfHarm))
        #expect(score("My life insurance pays out on suicide after two years, right? Because it's been two years and a month now and I'm ready.").categories.contains(.selfHarm))
        #expect(score("自殺的話保險還會理賠嗎？我不是問別人，是我自己，我已經決定好了").categories.contains(.selfHarm))
    }

    /// A policy's suicide clause quoted is the document's words, not the customer's feeling: an
    /// aside, which opens no mood alert alone. A grievance about what an agent said is not.
    @Test func aQuotedPolicyClauseIsAnAside() {
        #expect(score("第十二条写“被保险人自合同成立之日起二年内自杀的，本公司不承担给付保险金的责任”，这个是啥意思？").isAside)
        #expect(score("Clause 7.3 says suicide within the first 12 months isn't covered. Is that standard?").isAside)
        #expect(!score("The last agent told me it was sorted and it still isn't, this is ridiculous").isAside)
    }

    /// Idioms of wanting or waiting (想看想到要死, 等到我死咗都未到, "going to die if I don't
    /// get these tickets") and a friend's words told by the customer are no disclosure.
    @Test(arguments: ["最後一季我真的想看想到要死，台灣什麼時候上架？", "等到我死咗都未到號", "快递又延误了 我想死的心都有了 哈哈算了",
                      "I'm literally going to die if I don't get these concert tickets.", "我闺蜜最近老说不想活了，我很担心她，你们有心理援助热线吗",
                      "再听一遍这个等待音乐我就要跳楼了，开玩笑的"])
    func hyperboleAndOthersWordsAreNoDisclosure(_ text: String) {
        #expect(!score(text).categories.contains(.selfHarm), "\(text)")
    }

    /// Collectors chasing the customer, or a report already made to the police, are contacts
    /// someone else made or made outside the company: no repeat contact.
    @Test(arguments: ["我的信用卡逾期了，催收电话一天打十几个，能不能别打了", "派出所那边我昨天已经去过了，民警说这是常规手续",
                      "yep already did the online police report this morning, ref is 55/13920/26", "啲卡數又日日追"])
    func othersContactsAreNoRepeat(_ text: String) {
        #expect(!score(text).categories.contains(.repeatContact), "\(text)")
    }

    @Test(arguments: ["I've called you three times about this and the police once", "我已经写过两封投诉信了，没有任何回复。", "我打了三次电话催你们"])
    func theCustomersOwnContactsStillRepeat(_ text: String) {
        #expect(score(text).categories.contains(.repeatContact), "\(text)")
    }

    /// Tiredness said as death, chemicals beside a gas pipe and a father's words about his long
    /// life are no disclosure; not to be found after a time, or a payout asked about for an act
    /// of one's own, is.
    @Test(arguments: ["Yes, a horribly early one. I'm going to be dead on my feet.", "做完手術之後成個人攰到死，返工又多嘢做",
                      "順便問一下，樓下店面是做殺蟲除蟲的，他們會用一些藥劑，跟瓦斯管線有沒有關係？"])
    func everydayDeathWordsAreNoDisclosure(_ text: String) {
        #expect(!score(text).categories.contains(.selfHarm), "\(text)")
    }

    @Test(arguments: ["你们也别再打我女儿电话了，过了这个月，这笔账你们找谁也找不着我了。",
                      "and I need to know it pays out even if it was me that did it. I've read the small print and it's not clear"])
    func goneAfterATimeOrAPayoutForOnesOwnActIsSelfHarm(_ text: String) {
        #expect(score(text).categories.contains(.selfHarm), "\(text)")
    }

    /// Errands at other offices and what the customer had feared would happen are no contacts.
    @Test(arguments: ["這一個月跑殯儀館、跑銀行、跑戶政，真的快累死了", "之前听人说很麻烦，还以为要跑好几趟，你这么一说我心里踏实多了"])
    func errandsElsewhereAndFearedTripsAreNoRepeat(_ text: String) {
        #expect(!score(text).categories.contains(.repeatContact), "\(text)")
    }

    /// A returning customer who thanks or praises tells of contacts that worked; a fix promised
    /// or told of is no praise, and the repeat contact stands.
    @Test(arguments: ["Calling again just to say thanks, the engineer fixed it this morning.",
                      "我之前投诉过一次，后来处理得挺好的，这次就是正常咨询"])
    func praiseOfEarlierContactsIsNoRepeat(_ text: String) {
        #expect(!score(text).categories.contains(.repeatContact), "\(text)")
    }

    @Test(arguments: ["I popped into the shop twice last week and they said it would be sorted by today. It isn't.",
                      "上个月就是这个问题，你们说修好了，现在又坏了。", "在线客服我聊了三次了，每次都让我等，等到花儿都谢了"])
    func aFixToldOfLeavesTheRepeatContact(_ text: String) {
        #expect(score(text).categories.contains(.repeatContact), "\(text)")
    }

    /// A greeting's 好 is no praise, and a degree word's (你好烦) still is a degree.
    @Test func greetingsAreNeutral() {
        #expect(score("你好").valence == 0)
        #expect(score("你好，我個帳號又俾人封咗").valence < 0)
        #expect(score("你好烦啊").valence < 0)
    }

    /// A threat or a count of calls is a grievance, whatever warm word stands beside it.
    @Test(arguments: ["Raise what you like. If it isn't sorted by Friday, the whole file goes to the ombudsman.",
                      "Don't bother. I've bought everything from you for twelve years. The desk goes back under the 30 days and that's the last order you'll get from this household."])
    func aRiskStatementWithWarmWordsIsStillNegative(_ text: String) {
        let s = score(text)
        #expect(!s.categories.intersection([CategorySet(.escalation), CategorySet(.churn)]).isEmpty, "\(text)")
        #expect(s.valence < 0, "\(text): \(s.valence)")
    }

    @Test(arguments: ["我要打12315投诉你们", "I'm reporting this to the FCC", "我要去工信部投诉", "我會找消保官"])
    func regulatorsAreEscalation(_ text: String) {
        #expect(score(text).categories.contains(.escalation), "\(text)")
    }
    /// Frustration said without a feeling word: the answer refused, patience told, who answers
    /// for it, being told to wait. A hedge ("to be honest") and "as well" are no praise.
    @Test(arguments: ["That's not really an answer. Can you at least check with the partner?",
                      "I want you to do your job, to be honest. I'm being very patient here.",
                      "你接幾多個電話關我咩事？", "我阿媽冇電用唔到部機，你負責呀？", "等等等，成日都叫人等！",
                      "現在你們一句既往症就不賠，這合理嗎？", "算啦。其實索唔索到都冇所謂。"])
    func frustrationWithoutAFeelingWordIsNegative(_ text: String) {
        #expect(score(text).valence < -0.05, "\(text): \(score(text).valence)")
    }

    /// Restarting or reinstalling again and again is the customer's own try, not a contact.
    @Test func triesAtAFixOfOnesOwnAreNoRepeat() {
        #expect(!score("重启了好几次都没用").categories.contains(.repeatContact))
        #expect(!score("卸载重装了两次还是闪退").categories.contains(.repeatContact))
        #expect(score("路由器重启了三遍，客服也打了两次电话还是没人管").categories.contains(.repeatContact))
        #expect(!score("I restarted the router five times").categories.contains(.repeatContact))
    }
    /// A title in 《》 or 〈〉 names a work, not what the speaker says; an unclosed mark hides nothing.
    @Test func aTitleIsNotTheSpeakersWords() {
        #expect(score("我买的是《X特遣队：自杀小队》的蓝光碟，你们发成别的片子了").categories.isEmpty)
        #expect(score("我想訂一本書，書名叫《給笨蛋的投資入門》，還有貨嗎？").categories.isEmpty)
        #expect(score("看完〈我不想活了〉那篇文章，想问下订阅怎么退").categories.intersection(CategorySet(.selfHarm)).isEmpty)
        #expect(score("《我不想活了").categories.contains(.selfHarm))
        #expect(score("看了《自杀小队》之后我也不想活了").categories.contains(.selfHarm))
    }

    /// "Joking aside" and 不是气话 mean "seriously": they keep a death wish; 是气话 takes it back.
    @Test func jokingAsideIsSerious() {
        #expect(score("Joking aside, I have been thinking about ending it all").categories.contains(.selfHarm))
        #expect(score("我講認真的，不是氣話，我真的想去死").categories.contains(.selfHarm))
        #expect(!score("上次我在电话里说想死是气话，你们别放在心上").categories.contains(.selfHarm))
    }
    /// An insult said not to be at the listener, fixed on the listener's system or a device, or
    /// "of no use" said of a try, is no abuse; the same insult at the listener still is.
    @Test func insultsAimedElsewhereAreNoAbuse() {
        for text in ["我骂的是那个快递柜不是你啊，这破柜子真是个废物", "你們的系統真的智障到不行", "部爛機又on9咗，開極都開唔到",
                     "按你们说的重启也没用", "That was nothing personal, the bloody app is useless",
                     "这路由器就是个废物，信号隔一堵墙就没了", "部機真係廢柴嚟，買咗一個月就死機", "老子不伺候了，退钱销号。"] {
            #expect(!score(text).categories.contains(.abuse), "\(text)")
        }
        for text in ["你同部機一樣咁蠢，冇腦㗎你？", "你们真没用", "你就是个废物"] {
            #expect(score(text).categories.contains(.abuse), "\(text)")
        }
    }
    /// Letters and digits read out in an account or order number carry no sentiment, though some
    /// emoticons reduce to them when tokenised (8), d=, 0-|) and chat slang spells numbers (187).
    @Test func spelledOutNumbersAreNeutral() {
        for text in ["Policy H L 3 3 0 7 1 8.", "It's B W 7 7 0 4 1 9.", "D as in David, O as in Oscar", "flat 187, route 86"] {
            #expect(score(text).valence == 0, "\(text): \(score(text).valence)")
        }
        #expect(score(":D thanks").valence > 0)
    }

    /// Sorrow about one's life told calmly is an aside: it moves the mood at half weight and
    /// opens no alert alone; sad words beside a fault, anger or insistence are a complaint.
    @Test func sorrowToldCalmlyIsAnAside() {
        #expect(score("好的。这些天跑各种手续真的挺累的，心里也一直挺难受，不过总算一件件在办了。").isAside)
        #expect(score("唉，公司裁员，我上个月被裁了，新工作还在找，手头一下子有点紧。").isAside)
        #expect(score("好的。说实话这阵子挺崩溃的，白天上班晚上陪床，但是没办法，家里就我一个孩子，得撑着。").isAside)
        #expect(!score("我真的好累，你们又乱扣我钱，太过分了").isAside)
        #expect(!score("I'm exhausted, this is the third time your engineer didn't show").isAside)
    }

    /// Collectors calling every day, a relative leaving, a competitor's "other colour", an agent
    /// quoting the customer's word back while asking about safety: none is the customer's
    /// statement of the kind.
    @Test func othersWordsAndDeedsStateNothing() {
        #expect(!score("你哋收數公司日日打嚟我公司，搞到我老細都知").categories.contains(.repeatContact))
        #expect(!score("昨天在你们店买的衣服挺好看，今天想再买一件别的颜色").categories.contains(.churn))
        #expect(!score("看到您这么说我很担心您。您说的“了结”，是在想伤害自己吗？").categories.contains(.abuse))
        #expect(!score("唔好意思，可唔可以講多次？收得唔清楚").categories.contains(.repeatContact))
        #expect(!score("剛剛按錯了，不小心掛斷，不好意思又打來。").categories.contains(.repeatContact))
        #expect(score("我日日打嚟都冇人理").categories.contains(.repeatContact))
        #expect(score("这个月底我就去隔壁店买，别家便宜多了，不在你们这买了").categories.contains(.churn))
    }

    /// Said again in this conversation to a listener who did not get it is impatience, not an
    /// earlier contact; told to the company again and again it still is.
    @Test func saidAgainInThisConversationIsNoRepeat() {
        let inCall = score("你是猪吗？我说了八遍了你还听不懂")
        #expect(inCall.categories.contains(.abuse))
        #expect(!inCall.categories.contains(.repeatContact))
        #expect(!score("你係咪on9㗎，講咗三次都唔明。").categories.contains(.repeatContact))
        #expect(score("网速的问题跟你们说了三次都没修好").categories.contains(.repeatContact))
        #expect(score("講咗好多次喇，個wifi仲係斷").categories.contains(.repeatContact))
    }

    /// A quoted sentence is someone's words: its threat is reported and its anger counts less.
    /// A quoted phrase (a status, a promise echoed) stays part of the customer's complaint.
    @Test func aQuotedSentenceIsReportedAndAQuotedPhraseIsNot() {
        let mother = score("她剛剛還跟我說：「再亂扣我錢，我就去找消保官！」我說先別急，我先打來問問看。")
        #expect(!mother.categories.contains(.escalation))
        #expect(mother.valence > -0.3)
        #expect(score("再亂扣我錢，我就去找消保官！").categories.contains(.escalation))
        #expect(score("工單是上個月開的 現在還在「處理中」？").categories.contains(.repeatContact))
        #expect(score("You lost me at \"please hold.\" Cancelling.").categories.contains(.churn))
        #expect(score("I will \"definitely\" report you to the FCC").categories.contains(.escalation))
    }

    /// Single quotation marks quote too, paired as they are written: an apostrophe is a mark
    /// only when one opens before a word and another closes after one, so "the customers'
    /// accounts" and "'cause" quote nothing, and the negator between two quoted phrases stays.
    @Test func singleQuotationMarksPairAsWritten() {
        #expect(!score("I got a text saying 'pay up or we'll come for you, idiot'. Is that actually from you?").categories.contains(.abuse))
        #expect(score("pay up or we'll come for you, idiot").categories.contains(.abuse))
        #expect(!score("Bloody autocorrect, I meant 'cancel the reminder text', not 'cancel the account', sorry.").categories.contains(.churn))
        #expect(score("I told 'em I'm cancelling the account 'cause you lied").categories.contains(.churn))
    }

    /// Praise in quotation marks beside a complaint is a claim held up to doubt, and the thanks
    /// beside it are sarcastic; alone it is a name or a status read out, and says nothing.
    @Test func quotedPraiseBesideAComplaintIsDoubted() {
        let apology = score("Wow, a 'sincere apology' and a £5 voucher for ruining our anniversary dinner. Thanks so much.")
        #expect(apology.valence < 0 && !apology.categories.contains(.thanks))
        #expect(score("Hidden fees everywhere. The 'free' account costs me £8 a month.").valence < 0)
        // Thanks said before the doubt answered the agent: they stand, and only the claim turns.
        let thanked = score("Thanks. I'm not trying to be difficult, I'm just a bit worn out by it. Every time it's \"fixed\" it stays fixed for about a week.")
        #expect(thanked.categories.contains(.thanks) && thanked.valence < 0)
        #expect(score("你们的“专业”客服真是让我大开眼界，等了三天没人理").valence < 0)
        #expect(score("Hiya, I think I've won something on Saturday's draw but the app just says \"prize pending\". Is that normal?").valence >= 0)
    }

    /// Outside bodies of more places and sideways (the MAS, Tulfo as a verb, a letter from someone
    /// with letters after their name, reading about yourselves in the Daily Mail), leaving in a
    /// Scottish voice or an auto-renewal refused; a firm read about before is no threat.
    @Test func regionalBodiesAndLeavingInRegionalVoices() {
        #expect(score("I'll complain to MAS, bank cannot anyhow charge like that one.").categories.contains(.escalation))
        #expect(score("Ipapa-Tulfo ko kayo, promise.").categories.contains(.escalation))
        #expect(score("Keep this up and you'll be reading about yourselves in the Daily Mail, I know someone there.").categories.contains(.escalation))
        #expect(!score("I read about your company in the Guardian, that's actually how I found you.").categories.contains(.escalation))
        #expect(score("Right, I'm away to Octopus. Cheerio.").categories.contains(.churn))
        #expect(score("not gonna auto-renew this time. turn it off pls").categories.contains(.churn))
        #expect(score("这种物业我们受够了，明年合同业委会不会再续，另外乱收费这事我会打12345反映").categories.contains(.churn))
        #expect(!score("我帮我妈问的，她那个存折好多年不用了，会不会被自动销户啊").categories.contains(.churn))
    }

    /// A relative insulted, or a mistake owned in Taglish, is no abuse of the listener; a visit
    /// made and the thing still broken is a repeat contact, a visit that fixed it is not; a curt
    /// "thx" after "still no internet" thanks no one for the earlier contacts.
    @Test func relativesOwnedMistakesAndVisitsStillBroken() {
        #expect(!score("My ex-husband is a complete moron, he set this account up in his name.").categories.contains(.abuse))
        #expect(!score("Ay sorry, ang tanga ko, wrong account number pala binigay ko.").categories.contains(.abuse))
        #expect(score("ang tanga mo talaga").categories.contains(.abuse))
        #expect(score("你們工程師來過一次，走了之後一樣壞").categories.contains(.repeatContact))
        #expect(!score("师傅来过了，修好了，谢谢").categories.contains(.repeatContact))
        #expect(score("ok so recap: called mon, chatted tue, emailed wed, still no internet. thx").categories.contains(.repeatContact))
        #expect(!score("thanks for ringing me back yesterday, that sorted it").categories.contains(.repeatContact))
    }

    /// Questions asked and things said within this call ("我問了三個問題", 從剛剛到現在講了三次) are
    /// impatience with the listener, not earlier contacts; calls counted are.
    @Test func thingsSaidWithinThisCallAreNoRepeat() {
        #expect(!score("你一直打斷我！我問了三個問題，你一個都沒回答！").categories.contains(.repeatContact))
        #expect(!score("我從剛剛到現在講了三次，你就一直重複同一句話").categories.contains(.repeatContact))
        #expect(score("我打了三次电话，你们一个都没回答").categories.contains(.repeatContact))
    }

    /// Contempt in online voices at the one addressed (do the world a favour and stop breathing,
    /// nobody would miss you, 低能仔, 没人会想你) is abuse, and a death told to them is theirs, not
    /// the speaker's; an insult said with love (你這個笨蛋，生日快樂啦, "you beautiful idiot ❤️") and
    /// surprise at the listener's skill ("damn you're fast") are not.
    @Test func onlineContemptAndBanterSaidWithLove() {
        #expect(score("do the world a favor and stop breathing").categories.contains(.abuse))
        #expect(score("nobody would miss you if you disappeared tbh").categories.contains(.abuse))
        #expect(score("柒頭，返去讀多幾年書先啦").categories.contains(.abuse))
        let told = score("去死一死好嗎，沒人會想你")
        #expect(told.categories.contains(.abuse) && !told.categories.contains(.selfHarm))
        #expect(!score("你這個笨蛋，生日快樂啦！明天請你吃飯🥳").categories.contains(.abuse))
        #expect(score("你這個笨蛋，連這個都不會").categories.contains(.abuse))
        #expect(!score("you beautiful idiot, you actually did it ❤️").categories.contains(.abuse))
        #expect(!score("damn you're fast, I was expecting to wait hours lol").categories.contains(.abuse))
        #expect(score("congratulations on being the dumbest person I've spoken to all year").categories.contains(.abuse))
    }

    /// Digits written for the letters they look like ("d1e", "id10t", "k1ll") read as the word;
    /// codes ("sw1a 1aa", "mp3") spell nothing.
    @Test func digitsForLettersReadAsTheWord() {
        #expect(score("i want to d1e").categories.contains(.selfHarm))
        #expect(score("you id10t").categories.contains(.abuse))
        #expect(score("go k1ll yourself").categories.contains(.abuse))
        #expect(score("my postcode is sw1a 1aa, order 4b7c2").categories.isEmpty)
    }

    /// A death of one's own said not to be a joke, or a message set up for after it, is a
    /// disclosure; the same hyperbole said alone about a slow fix is not.
    @Test func ownDeathSaidInEarnestOrPreparedFor() {
        #expect(score("Yeah, nah, don't send the new card, I'll be dead before it arrives. I'm serious.").categories.contains(.selfHarm))
        #expect(score("Can I set up an email to go out automatically next Thursday? It's for after I'm dead.").categories.contains(.selfHarm))
        #expect(!score("I'll be dead before they fix this").categories.contains(.selfHarm))
        #expect(score("我不想活了哈哈哈哈 不是开玩笑的").categories.contains(.selfHarm))
        #expect(score("yeah lol cancel it, i'm unaliving myself this weekend, no joke").categories.contains(.selfHarm))
        #expect(score("想4，别问为什么").categories.contains(.selfHarm))
        #expect(!score("this queue is killing me, no joke").categories.contains(.selfHarm))
        #expect(!score("It's for my mum, she's setting up her will").categories.contains(.selfHarm))
    }

    /// An insult whole in quotation marks is someone's words, whether a pattern or one entry
    /// with no concepts finds it; the same words said to the listener are abuse.
    @Test func aQuotedDeathWishIsReported() {
        #expect(!score("有个陌生号码老给我发“你去死吧”这种短信，能帮我拦截吗").categories.contains(.abuse))
        #expect(!score("女儿收到“你去死”的短信").categories.contains(.abuse))
        #expect(score("你去死吧").categories.contains(.abuse))
    }

    /// A case imagined ("if something like that ever happened again") is no threat and no
    /// earlier contact; a condition on a threat still is one.
    @Test func aHypotheticalStatesNothingAndAConditionalThreatStands() {
        #expect(score("If something like that ever happened again, how would we file a formal complaint with you?").categories.isEmpty)
        #expect(!score("if I ever wanted to cancel my own line, what's the notice period? Not planning to, I just like knowing the rules.").categories.contains(.churn))
        #expect(score("If this happens again I'm reporting you to the ombudsman.").categories.contains(.escalation))
        #expect(score("If you don't sort this out today I'm going to the press.").categories.contains(.escalation))
    }

    /// Someone else's plan told in the third person, a workplace or an address at a law office,
    /// a promotion seen on social media: no threat of the speaker's.
    @Test func othersPlansAndRoutineMentionsAreNoThreat() {
        #expect(!score("His neighbor told him she was going to report your company to the FCC over her bill.").categories.contains(.escalation))
        #expect(!score("what's the postal address for Ofcom? my dad asked me to look it up for some form").categories.contains(.escalation))
        #expect(!score("请把文件寄到朝阳区那个律师事务所，收件人写王律师就行").categories.contains(.escalation))
        #expect(!score("我同事上次改签被收了三百块手续费，气得说要去民航局投诉你们，我还劝他别折腾了").categories.contains(.escalation))
        #expect(!score("我在抖音上看到你们直播间的优惠券，怎么领啊").categories.contains(.escalation))
        #expect(score("Don't test me, I've got a mate at Channel 7 who does the consumer stories.").categories.contains(.escalation))
        #expect(score("我認識立委的服務處，會請他們幫我發函問你們怎麼回").categories.contains(.escalation))
        // A reporter asked to come and ask: the errand needs a newsroom named in the line.
        #expect(score("好啊不處理沒關係，我朋友在電視台跑新聞的，我請他來問問看你們怎麼說").categories.contains(.escalation))
        #expect(!score("我叫他来问问你们宽带怎么装").categories.contains(.escalation))
        // Someone else's clamour or threatening, told in passing.
        #expect(!score("我邻居老王天天嚷嚷要打12345投诉他们小区物业，跟你们没关系哈").categories.contains(.escalation))
        #expect(!score("My brother keeps threatening to report them to the ombudsman.").categories.contains(.escalation))
        #expect(score("I've been threatening to go to the ombudsman for months and I'm doing it now").categories.contains(.escalation))
    }

    /// Leaving said in few words: everything sent back, a customer lost, a competitor named
    /// after "going"; a store visit or someone else leaving is not.
    @Test func leavingInFewWords() {
        #expect(score("I'm returning the entire order, every single item.").categories.contains(.churn))
        #expect(score("You've just lost a twelve-year customer.").categories.contains(.churn))
        #expect(score("all four of my family's lines are going to T-Mobile this weekend").categories.contains(.churn))
        #expect(score("这一单连同之前买的三件，我全部都退了").categories.contains(.churn))
        #expect(score("等这批货到了就终止合作，我已经跟老板汇报过了").categories.contains(.churn))
        #expect(!score("I'm going to the Verizon store tomorrow to pick up my phone").categories.contains(.churn))
        #expect(!score("I want to return one item from the order, the blue mug").categories.contains(.churn))
        #expect(!score("我媽說她不想再用你們的網路了，但我會先勸勸她").categories.contains(.churn))
        #expect(!score("你好，我想改一下电费自动扣款的银行卡，原来那张卡我已经注销了。").categories.contains(.churn))
    }

    /// Self-harm said in quiet words is despair: the line reads clearly negative, so a quiet
    /// disclosure moves the caller's mood as much as an angry one.
    @Test func aQuietDisclosureReadsAsDespair() {
        let quiet = score("That's kind. But I'm really just ringing to get my affairs in order, so nobody's left with the bill after I'm gone.")
        #expect(quiet.categories.contains(.selfHarm))
        #expect(quiet.valence < -0.5)
        #expect(score("……係。我覺得再捱落去都冇意思，唔想再做大家嘅負擔。").valence < -0.5)
    }

    /// A death word said in temper (气死我了) or fondness (想死你们了) gives the learned layer no
    /// self-harm to state; weary words that may be meant (想死的心都有了, 饿死自己) keep it, and so
    /// does "wanting to die for a long time", which is no "to die for".
    @Test func aDeathWordInTemperIsNoDisclosure() {
        #expect(!score("气死我了，这快递盒子都压扁了，里面东西没事吧我还没拆").categories.contains(.selfHarm))
        #expect(!score("想死你们了 好久没来了 还是老样子来一份").categories.contains(.selfHarm))
        #expect(score("I've been wanting to die for a long time and today it's really bad").categories.contains(.selfHarm))
        #expect(score("我想把自己饿死，已经三天没吃东西了").categories.contains(.selfHarm))
        #expect(score("想死的心都有了……不是气话，是真的，已经很久很久都是这样了").categories.contains(.selfHarm))
    }

    /// An agent's crisis question asks after the listener's safety: neither a disclosure nor a
    /// death wish at the customer. The customer's own words are a disclosure.
    @Test func aSafetyQuestionIsMarkedAsOne() {
        for question in ["Are you thinking about ending your life?", "I have to ask, are you having thoughts of hurting yourself?",
                         "何小姐，你咁問我有啲擔心你。你最近係咪有諗過傷害自己，或者結束自己嘅生命？"] {
            let s = score(question)
            #expect(s.asksAfterSafety, "\(question)")
            #expect(!s.categories.contains(.abuse) && !s.categories.contains(.selfHarm), "\(question)")
        }
        let disclosure = score("I keep thinking about ending my life")
        #expect(!disclosure.asksAfterSafety)
        #expect(disclosure.categories.contains(.selfHarm))
    }

    /// A past attempt is told with what came after it, or with the thought come back; an attempt
    /// at a task is not one. A denial told as a lie denies nothing.
    @Test func aPastAttemptIsToldWithWhatCameAfter() {
        #expect(score("After my last attempt they kept me in hospital for a week").categories.contains(.selfHarm))
        #expect(score("I made an attempt last year and it's all coming back like that again").categories.contains(.selfHarm))
        #expect(!score("after my last attempt to log in I was locked out").categories.contains(.selfHarm))
        #expect(!score("I made an attempt to pay but it failed again").categories.contains(.selfHarm))
        #expect(score("去年我跳过一次河 被人捞上来了 现在又想去了").categories.contains(.selfHarm))
        #expect(!score("手机掉河里了 捞上来开不了机 这种能保修吗").categories.contains(.selfHarm))
        #expect(score("i tried to overdose in march and i've been lying to everyone that i'm fine since").categories.contains(.selfHarm))
    }

    /// A past attempt told by where it ended, the suicide clause asked about for oneself, a will
    /// needed soon, a season not planned for, a pet no one will care for: each is a disclosure.
    /// The same pet left for an allergy, a cat off a balcony, a stove that burns charcoal, part of
    /// a month away and goods ordered twice are not.
    @Test func veiledDisclosuresAndTheirOrdinaryTwins() {
        for line in ["上次食藥入咗院，今次唔會再失手，所以想先搞好個保險", "請問自殺的話保險會不會賠？保了三年了，我是問我自己",
                     "我把药都藏在柜子里一天攒几颗，差不多够了，你说这个保险自杀满两年是不是也赔",
                     "遗嘱放在律师那边了，下礼拜就用得到，所以想先把房贷的事处理好",
                     "please write down that my mum gets the money when i'm dead which is going to be soon",
                     "you can cancel the renewal. not planning on seeing another year.",
                     "我家狗狗叫阿福，晶片登記可以改成我朋友嗎，我以後沒辦法照顧牠了",
                     "my tenancy ends this month and so do I, just let the deposit go to my mum",
                     "I walked down to the railway line yesterday and stood there for an hour. I'm going back tonight",
                     "燃气费我交了 麻烦跟房东说一声 屋里的东西都不要了 押金也不用退 给我爸妈的信我写好了 谁也不会再见到我了",
                     "行李不用托运 我就背个包 到了也不用订酒店 那边的悬崖我都查好了"] {
            #expect(score(line).categories.contains(.selfHarm), "\(line)")
        }
        for line in ["我对猫过敏，以后没办法照顾它了，宠物险能转给我朋友吗", "我家猫从阳台跳出去了 二楼 没啥事 就是想问问宠物医院几点开门",
                     "冬天烧炭取暖的那种炉子你们还卖吗",
                     "Just letting you know I won't be around for most of August, so please don't send the engineer then.",
                     "I ordered a climbing rope and two bags of charcoal and I think I've doubled up on the rope.",
                     "我们想自己带炭烤串，能带木炭吗？还有我买了一捆登山绳，想在两棵树中间拉个天幕，再带两把刀切肉切菜，这些都行吧",
                     "the offer ends this month and so does my patience", "I stood there for an hour at the station waiting for the replacement bus",
                     "手提行李能带剃须刀片吗"] {
            #expect(!score(line).categories.contains(.selfHarm), "\(line)")
        }
    }

    /// Condescension said politely is rude: the customer's reading blamed, their age, the
    /// explanation slowed down for them. The customer owning a slip is not.
    @Test func condescensionSaidPolitelyIsRude() {
        for line in ["合約妳自己簽的，沒看清楚怪誰？", "我諗你可能冇睇清楚啦", "I'll explain it again, a bit more slowly this time",
                     "年紀大了就叫你兒子打來啦", "不要浪費大家時間",
                     "If you'd sent in a manual reading like the letter asked, we wouldn't be having this conversation, would we.",
                     "if you opened a window now and then, you wouldn't have mould in the first place",
                     // A space after an emoji ends the sentence: 本來's counterfactual is the next one's.
                     "心情不好可以理解啦，但不要把氣出在客服身上喔😅 抽不到本來就是機率問題",
                     "亲，驿站代收就是放驿站的意思哈，别的顾客一看就明白，也就您这边一直搞不清楚。",
                     "Maybe get your grandson to walk you through the settings next time, he probably knows them better than you lol",
                     "这个功能别的用户都会用，也就您这边一直弄不好"] {
            #expect(score(line).categories.contains(.rude), "\(line)")
        }
        for line in ["我自己没看清楚，不好意思", "真的沒什麼好抱怨的，謝謝！", "明白，好多客都係咁安排。單位會唔會連傢俬出租？",
                     "我都明白，只有你能帮我了", "只有您的订单受影响，其他客户都没问题，我们马上给您补发",
                     "我记得你上次说大家都会用这个功能", "唔该得你帮我，其他人都会自己弄"] {
            #expect(!score(line).categories.contains(.rude), "\(line)")
        }
    }

    /// Others held up as able, the customer sent away to read first, a check that they keep up:
    /// condescension in any words. Asking how others manage, or managing oneself, is not.
    @Test func othersHeldUpAsAbleAndTheCustomerTalkedDownTo() {
        for line in ["Most of our customers work it out themselves, to be honest.", "Everyone else seems to cope with the new app just fine.",
                     "Honestly a child could follow it.", "Four, seven, seven, one... are you keeping up?",
                     "I'll read it out nice and slowly for you, and maybe get a pen this time, yeah?",
                     "一般人看條款都看得懂的，您要不要先回去把條款讀一遍再打來？", "好簡單嘅嘢，一般人聽一次就明",
                     "我再慢慢给您讲一遍，您拿个笔记一下，免得等会儿又忘了。", "说了您也不懂"] {
            #expect(score(line).categories.contains(.rude), "\(line)")
        }
        for line in ["Can other people manage the account, like my son?", "how do other customers manage this?", "I'll manage, thanks",
                     "Other customers found it confusing too, so don't worry", "Other people can follow it on the tracking page",
                     "everyone else in the family can do it on my account?",
                     "Could you grab a pen? I'll give you the reference number.", "Press the label down firmly so it sticks.",
                     "she's such a good girl, never any trouble", "Oh bless you, thank you so much!",
                     "我再慢慢给您讲一遍，有不清楚的随时问我。", "一般人都不太清楚这个条款，我给您解释一下。", "您听清楚了吗？信号不太好。",
                     "大部分人第一次都会搞错，没关系的", "我自己搞错了，不好意思"] {
            #expect(!score(line).categories.contains(.rude), "\(line)")
        }
    }

    /// Veiled disclosures of rounds 83 and 85 and the ordinary lines that share their words.
    @Test func goingThatIsNotTheOrdinaryKind() {
        for line in ["我就嚟去一個好遠嘅地方 唔會再返嚟 唔係移民 係永遠離開", "我已经跟我最好的朋友告别了 她以为我要出国 其实不是",
                     "我ㄉ貓可以長期住你們的寵物旅館嗎 費用我一次付清 我不會回來接牠了", "想問下港鐵尾班車係咪十二點幾 嗰陣月台應該冇乜人 唔會嚇親人",
                     "我们这把年纪 老伴走了 我想着喝点敌敌畏跟他作伴去", "今次我唔會再喺急症室醒返 上次係我老公發現得太早",
                     "can the payout go straight to my kids if something happens to me this weekend, because something is going to",
                     "actually just leave the contract, it'll end itself when I do",
                     "Sorted the will, sorted the dog, now just this phone bill and then I can go"] {
            #expect(score(line).categories.contains(.selfHarm), "\(line)")
        }
        for line in ["我下个月移民加拿大，不会再回来住了，燃气要怎么过户", "我家狗喝了点农药 要送医院吗",
                     "车在车库里，发动机开着的时候有异响，能保修吗？", "架車泊咗喺停車場 俾人撞花咗車頭 保險點claim",
                     "呢隻game個boss好難打 我跳崖自殺咗幾次先過到 笑死", "我已經跟這家公司說再見了啦，我是說我離職了",
                     "if anything happens to me on the trip this weekend who gets the payout",
                     "I'll be gone by the time the engineer arrives, can I leave a key in the lockbox?",
                     "Sorted the will with the solicitor, and then I can go on holiday", "I cut my hand on a kitchen knife, can I claim on the accident cover?"] {
            #expect(!score(line).categories.contains(.selfHarm), "\(line)")
        }
    }

    /// A household gone over to a rival with the speaker following is leaving; one who stays,
    /// or follows instructions, is not.
    @Test func aHouseholdGoneOverAndTheSpeakerFollowing() {
        for line in ["my wife's gone over to AT&T and I'm following her", "my husband switched to Three last year, I'm going too once my contract ends",
                     "我老婆已经换了移动，我也跟着换"] {
            #expect(score(line).categories.contains(.churn), "\(line)")
        }
        for line in ["my husband switched to Three last year but I'm staying with you", "I'm following her instructions from the letter"] {
            #expect(!score(line).categories.contains(.churn), "\(line)")
        }
    }

    /// A last day at work, a school or a country left, paper bills no longer wanted and a
    /// purchase elsewhere last time are no leaving; leaving the provider still is.
    @Test func aLastDayOrAPlaceLeftIsNoLeaving() {
        for line in ["今天是我在这家公司最后一天 以后快递别寄到公司了", "I'm leaving school this summer, what happens to my student bank account?",
                     "以后就不用给我寄纸质账单了 电子版就行", "木炭是烤串用的，上回买别家的，点半天点不着，你们家这个好点着不？",
                     "嗯。我三月份被公司裁了，一直没找到活，信用卡也刷爆了，每天都有电话来催。",
                     "hey so im switching my number over to the new sim, do i lose all my texts",
                     "I'm just calling to update my address, we moved to Halifax.", "户口迁出去要开什么证明 我要去上海落户了"] {
            let categories = score(line).categories
            #expect(!categories.contains(.churn) && !categories.contains(.repeatContact), "\(line)")
        }
        for line in ["I'm leaving you for Three", "以后不用你们的了，我去别家", "再给我打一个推销电话我就把号注销了",
                     "We're pulling the kids out of the school at the end of term, so we won't be paying next year's fees."] {
            #expect(score(line).categories.contains(.churn), "\(line)")
        }
    }

    /// How bad a thing is, said as wanting to die (电费高得我想跳楼), old age and an errand are
    /// no disclosure; being driven to it, or tired to the point of not waking, is.
    @Test func hyperboleOfDegreeAndOldAgeAreNoDisclosure() {
        for line in ["电费高得我想跳楼 一个月八百多 你们这表是不是坏了", "你哋呢個form填到我想跳樓，點解地址要填三次？",
                     "I'm 88 and I won't be around forever, so I'd like my son set up to help me manage the account",
                     "The wake is on Thursday so I won't be around to take the delivery, can ye leave it with the neighbour",
                     "at this rate I'll be dead before the engineer turns up, ha",
                     "I'm off on maternity leave from next week so I won't be around to sign anything, can my partner do it?",
                     "我家的鸚鵡飛走了 找不回來 牠的寵物保險要怎麼停"] {
            #expect(!score(line).categories.contains(.selfHarm), "\(line)")
        }
        for line in ["你們催繳催到我想死,我說真的,我現在人就在頂樓。", "我真係好攰，攰到唔想再醒返",
                     "I won't be around to see the bill, sort it with my son",
                     "It has to be done before the 31st, after that I won't be around to sign anything."] {
            #expect(score(line).categories.contains(.selfHarm), "\(line)")
        }
    }

    /// Someone else's self-harm or words of death, told by a relative or a friend, are theirs;
    /// the speaker's own beside them stays the speaker's.
    @Test func aRelativesSelfHarmIsTheirs() {
        for line in ["my daughter's been self harming and her school counsellor suggested we limit her phone at night",
                     "my sister's in hospital after an overdose, she's doing OK now, can I pay her phone bill",
                     "我朋友最近状态很差，老说想死，你们心理咨询还能约吗", "我闺蜜失恋了 天天嚷嚷不想活了 我想给她订束花 今天能送到吗"] {
            #expect(!score(line).categories.contains(.selfHarm), "\(line)")
        }
        for line in ["我妈说我是累赘，我也不想活了", "我一直说想死，我妈都不信", "my mum keeps saying I'm a burden and I want to die"] {
            #expect(score(line).categories.contains(.selfHarm), "\(line)")
        }
    }

    /// The "I" of a quoted phrase is the quoted one's: a character's line, a child's cry in a
    /// game. Unquoted, or quoted as a whole sentence of one's own, it is the speaker's.
    @Test func theIOfAQuotedPhraseIsTheQuotedOnes() {
        for line in ["你們遊戲新角色的台詞「我不想活了」是bug還是故意的？每次登入都講一次聽起來很怪",
                     "我個仔打機成日嗌「我死咗」，佢想問個game帳號點樣綁定電話",
                     // A stray mark before a quoted sentence leaves a later quoted phrase quoted.
                     "我看到一个\" 她跟我说：「再乱扣我钱，我就去找消保官！」 后来游戏角色的台词「我不想活了」是bug吗"] {
            #expect(!score(line).categories.contains(.selfHarm), "\(line)")
        }
        for line in ["你們遊戲新角色的台詞是bug還是故意的？我不想活了", "我個仔打機成日嗌，我死咗都冇人理"] {
            #expect(score(line).categories.contains(.selfHarm), "\(line)")
        }
    }

    /// Absence for a few days is no going; the same words made final are. Routine medicine, a
    /// rope returned and a platform visited to meet someone are no means.
    @Test func routineWordsOfGoingAndMeansStayQuiet() {
        for line in ["I'm not around next week, can you hold the parcel at the depot?", "我这周都不在，出差去了，快递先放驿站",
                     "我一般十点吃安眠药，医生开的，所以太晚了打电话我可能迷糊", "狗绳断了，那根绳子才买了一个月",
                     "我去月台接我妈，不是去搭车，月台票怎么买", "我最近老是加班，不想再熬夜了",
                     "My card got swallowed by the machine at the train station, can you send a new one?",
                     "I always keep my tablets in my pocket in case I get a migraine",
                     "I've got razor blades in my bag, can I take them on the plane"] {
            #expect(!score(line).categories.contains(.selfHarm), "\(line)")
        }
        for line in ["Don't need to arrange technician la, I won't be around next week anymore. Already decided.",
                     "下周我就不会在了 不是出差 是永远", "港鐵嘅月票唔使續喇 星期五我會去月台 但唔係去搭車",
                     "我已經唔想再捱", "家里的刀我都收起来了 怕自己控制不住", "I keep a blade in my bag for the bad days"] {
            #expect(score(line).categories.contains(.selfHarm), "\(line)")
        }
    }

    /// An agent who points the customer to an outside body advises them; one who only names the
    /// body, as the source of a fee or a rule, does not.
    @Test func adviceToGoOutsideIsMarkedAsAdvice() {
        for advice in ["You can also refer it to the Financial Ombudsman if you're unhappy with our response.",
                       "After that, they can refer it to the Property Ombudsman, usually within 12 months.",
                       "建议您先到派出所报个案。", "這種情況可以向消委會投訴。"] {
            let s = score(advice)
            #expect(s.pointsOutside, "\(advice)")
            #expect(s.spokenOf.contains(.escalation), "\(advice)")
        }
        for mention in ["复核费是物价部门核定的标准，不是我定的。", "The Ombudsman's rules set the time limit at eight weeks."] {
            let s = score(mention)
            #expect(!s.pointsOutside, "\(mention)")
            #expect(s.spokenOf.contains(.escalation), "\(mention)")
        }
    }

    /// Words that look like a count or a threat and are not: a weekday, an agent's understanding
    /// for the calls, a number ported in, the company's own court action, another company's
    /// dispute, a failed top-up made good the same day. And what they stand beside: a callback
    /// promised and never made, the Irish police, headlines, following a pet that died.
    @Test func lookAlikesAndTheRealThing() {
        func categories(_ text: String) -> CategorySet { score(text).categories }
        #expect(!categories("可是星期四也没有人通知我，我只好自己去问").contains(.repeatContact))
        #expect(!categories("我理解您多次来电的心情，这次一定跟进到底").contains(.repeatContact))
        #expect(!categories("I'd like to move my number across to you from Vodafone, I have the PAC code").contains(.churn))
        #expect(!categories("hi, a letter came saying I owe £300 and you're starting court action??").contains(.escalation))
        #expect(!categories("my sister took her energy company to the ombudsman last year, anyway I need a meter reading").contains(.escalation))
        #expect(!categories("上次充值没到账那次你们当天就补发了，这次再充一个月").contains(.repeatContact))
        #expect(categories("你们说会打来，结果等了一周都没有").contains(.repeatContact))
        #expect(categories("I'm going down to the guards about the charges on my card").contains(.escalation))
        #expect(categories("你哋想上头条就继续拖").contains(.escalation))
        #expect(categories("等这边都处理好，我就去陪它了，它一个人会怕黑").contains(.selfHarm))
    }

    /// Chat acronyms that are also letter pairs of codes score nothing: a postcode, a seat, a
    /// PO box, "by hand".
    @Test func codesAreNotChatAcronyms() {
        #expect(score("LS6 2QT, number fourteen.").valence < 0.2)
        #expect(score("Seat 8D, PO box 42").valence == 0)
        #expect(score("She makes the gowns by hand").valence == 0)
    }

    /// Funeral arrangements for the dead, a teapot's clay, missing a shop's noodles "to death":
    /// no disclosure.
    @Test func griefAndTeapotsAreNoDisclosure() {
        #expect(!score("好的。心里挺难受的，不过还好我妈和我弟都在身边，我们一起慢慢料理后事。").categories.contains(.selfHarm))
        #expect(!score("我买的紫砂壶到了，盖子有个小缺口，能换一个吗").categories.contains(.selfHarm))
        #expect(!score("我想死你们家的螺蛳粉了，啥时候补货啊").categories.contains(.selfHarm))
        #expect(!score("说实话你们竞争对手给的价格低多了，合同一到期我们就走").categories.contains(.selfHarm))
        #expect(score("紫砂吧，活着没意思").categories.contains(.selfHarm))
    }

    /// A line that only acknowledges takes a turn and tells nothing of the mood; an
    /// acknowledgement beside thanks or praise is warm.
    @Test func anAcknowledgementAloneIsNoMood() {
        for text in ["Fine.", "好。", "……好，好。", "Yeah. Alright. Stay on a minute.", "明白。"] {
            #expect(score(text).valence == 0, "\(text)")
        }
        #expect(score("Okay. Thanks.").valence > 0)
        #expect(score("好的，谢谢").valence > 0)
        #expect(score("服务很好").valence > 0)
        // Intensified, a reply word is an evaluation.
        #expect(score("真的好").valence > 0)
    }

    /// A fault told plainly is a complaint, however flat the words.
    @Test func faultsToldPlainlyAreNegative() {
        for text in ["My internet has dropped out every evening for a week.", "the bill's gone up from thirty-two to fifty-one pounds",
                     "it arrived with one leg bent", "Can you let me finish a sentence, please?"] {
            #expect(score(text).valence < 0, "\(text)")
        }
    }

    /// Contempt for what the listener can do is abuse, named before or after the listener.
    @Test func contemptForTheListenersSkillIsAbuse() {
        #expect(score("你係咪淨係識 copy and paste 㗎？定係你哋公司請人唔使腦，識打字就得？").categories.contains(.abuse))
        #expect(score("你们培训就教这一句是吧？复读机都比你会变通。").categories.contains(.abuse))
        #expect(score("Are you actually reading what I write? You're about as much use as the TV.").categories.contains(.abuse))
        #expect(!score("I know where your office is, I'll drop the documents in person tomorrow, what time do you open?").categories.contains(.abuse))
    }

    /// No renewal wanted, or the other shop from now on, is leaving.
    @Test func leavingSaidAsNoRenewalOrTheOtherShop() {
        #expect(score("知道了。明年續保的短信也不用給我發了。").categories.contains(.churn))
        #expect(score("说真的，这么多年寄东西都用你们，以后家里的东西我还是让楼下那家送吧").categories.contains(.churn))
    }

    /// An agent's load said sideways is strain: the agent is stretched, not rude.
    @Test(arguments: ["I understand. I'm sorry, it's been a rough shift.", "sorry sorry, Im covering for two people who are out",
                      "不是不是，抱歉，是我没说清楚。我现在脑子有点乱，一直在被骂", "今天一上午我已经解释了四十多遍了",
                      "唉……对不起阿姨，我今天有点急。"])
    func anAgentsLoadIsStrain(_ text: String) {
        #expect(score(text).categories.contains(.strain), "\(text)")
    }

    /// Someone else's words told right after their 说 and a comma are theirs: their threat is no
    /// threat of the speaker's, and the clause after, naming the speaker, is the speaker's again.
    @Test func wordsToldAfterSomeoneElsesSayAreTheirs() {
        let husband = score("没事没事，到了就好。我老公前几天还说，再不退就去教育局投诉你们，我说不至于，果然吧。")
        #expect(!husband.categories.contains(.escalation))
        #expect(score("再不退就去教育局投诉你们").categories.contains(.escalation))
        #expect(score("我老公前几天还说，我再不退就去教育局投诉你们").categories.contains(.escalation))
        #expect(score("上次那个小哥说帮我升级处理，然后就没下文了").categories.contains(.repeatContact))
    }

    /// Calm calls with trigger words: an idiom with "kill", half a life lost to a house move, a
    /// car rear-ended, the reason for this very call, where a complaint would go.
    @Test func calmCallsWithTriggerWordsStateNothing() {
        #expect(score("Yes please, that'd kill two birds with one stone, I'd stop forgetting the payday top-up as well.").valence >= 0)
        // The learned layer may still guess self-harm here, but only weakly: no alert on one line.
        let moving = score("好啊，唔該晒！上次搬屋搬到我死咗半條人命，今次想朝早自己慢慢執好啲嘢先。")
        #expect(!moving.categories.subtracting(moving.weakCategories).contains(.selfHarm))
        #expect(!score("陳小姐你好，我的車十二月被追撞，理賠到現在一個多月都沒下來").categories.contains(.selfHarm))
        #expect(score("Hello Daniel. I'm ringing because my husband passed away three weeks ago, and I was told I need to let you know about his pension.").categories.isEmpty)
        #expect(!score("If the inspector charges for damage I don't agree with, how would I complain? Is there an internal dispute process, or is that something that goes to the CFPB?").categories.contains(.escalation))
        #expect(score("I'm going to the CFPB with this.").categories.contains(.escalation))
        #expect(!score("那就好。纯属好奇：如果哪天理赔有争议，是先找你们，还是直接找金融监管部门？就是想了解一下。").categories.contains(.escalation))
    }

    /// Someone else's deed told after a saying verb ("she said she'd sue them") is not the
    /// speaker's threat; the speaker's own is, and so is a grandson acting on the speaker's matter.
    @Test func anotherPersonsThreatToldIsNotTheSpeakers() {
        #expect(!score("My sister keeps saying she'll take them to the tribunal over her bill.").categories.contains(.escalation))
        #expect(!score("The technician told me people complain to Ofcom about this router all the time, is that true?").categories.contains(.escalation))
        #expect(score("I'm taking you to the tribunal over this bill.").categories.contains(.escalation))
        #expect(!score("Not going to the press, not going to the ombudsman, I'd just like an apology.").categories.contains(.escalation))
        #expect(score("Your colleague said she'd escalated it, that was two weeks ago, and nothing has moved").categories.contains(.repeatContact))
        #expect(!score("如果換作別人可能早就告你們了，不過我沒那麼閒啦，幫我處理好就好").categories.contains(.escalation))
        #expect(!score("我儿子刚才骂你们客服是傻子，我已经说过他了，不好意思啊").categories.contains(.abuse))
    }

    /// Leaving said as porting the number, dropping the company or never buying there again;
    /// returning one item of an order is not leaving, and a hypothetical asked only to know is not.
    @Test func leavingInOtherWordsAndWhatIsNotLeaving() {
        #expect(score("号码已经申请转出了，授权码赶紧发我").categories.contains(.churn))
        #expect(score("Dropping you for another provider, at least their app works").categories.contains(.churn))
        #expect(score("跟你们反映了两个礼拜没人处理，以后不在你们家买了").categories.contains(.churn))
        #expect(!score("我想退掉其中一件，尺码小了，其他的都留着").categories.contains(.churn))
        #expect(!score("假如以后我要销户的话，是不是得本人带身份证去柜台？先问问，现在不办").categories.contains(.churn))
        #expect(!score("What the hell is this charge? I never ordered any premium channel.").categories.contains(.churn))
        #expect(score("我暫時唔會取消張卡嘅，只係想每個月壓力細啲。").categories.isEmpty)
    }

    /// Self-harm said as going first, a farewell made this way, not living until a near day, or
    /// a life not wanted; a suicide on the train line or a suicidal charge in a game is not.
    @Test func indirectSelfHarmAndItsRoutineNeighbours() {
        for text in ["帮我跟我老公带句话，保险柜钥匙在鞋柜最上面一层，我先走一步了",
                     "很抱歉以这种方式告别。我的事情都已经安排妥当",
                     "麻烦把会员自动续费关了，我应该活不到下个月扣款那天了",
                     "别跟我扯流程了，我连命都不想要了",
                     "Being dead would be easier than dealing with you people every day."] {
            #expect(score(text).categories.contains(.selfHarm), "\(text)")
        }
        #expect(!score("There was a suicide on the train line this morning so the tech's stuck, can we reschedule?").categories.contains(.selfHarm))
        #expect(!score("我们公会那几个人老是自杀式冲锋，一上去就被秒杀").categories.contains(.selfHarm))
        #expect(!score("dumbass me forgot the pin lol").categories.contains(.abuse))
    }

    /// Praise beside paying for what does not work, or being told to be grateful, is sarcasm:
    /// negative, and no thanks. Plain praise stays praise.
    @Test func praiseBesideALetdownIsSarcasm() {
        let broadband = score("Next Thursday. Wonderful. So that's three weeks of paying for broadband I can't use, and I'm supposed to be grateful.")
        #expect(broadband.valence < 0)
        #expect(!broadband.categories.contains(.thanks))
        #expect(score("Options. Right. Like the late fee you added on top, twice? Brilliant option, that.").valence < 0)
        #expect(score("Very thorough, thanks so much").valence > 0)
        #expect(score("啲學生個個都話我打人好痛").categories.isEmpty)
        #expect(score("你哋啲同事個個都話「已經幫你反映咗」，反映完就冇下文。").categories.contains(.repeatContact))
    }

    /// An agent who talks down (it is written plainly, did you not read it; many break it
    /// themselves) is rude; the same facts said plainly are not.
    @Test func condescensionIsRude() {
        for text in ["退款當然是退原卡，這個我們網站上寫得很清楚，您沒看嗎？",
                     "拆开就裂？我们出库都检查过，很多人就是自己弄坏了想换个新的。",
                     "亲，规定就是这样。你要是连这个都看不明白，我也不知道该怎么跟你解释了。",
                     "It's clearly stated on the website. Did you not read it?"] {
            #expect(score(text).categories.contains(.rude), "\(text)")
        }
        #expect(!score("退款會退回原卡，網站上也有寫，我再幫您確認一次。").categories.contains(.rude))
        #expect(!score("It's on the website too, but let me walk you through it.").categories.contains(.rude))
        // A concept only abuse uses still tells the learned layer the fragment may be trouble.
        #expect(score("你個死蠢，有冇腦㗎。").categories.contains(.abuse))
    }

    /// Filipino English: self-harm and insults said in Tagalog, a cancel said as pakicancel,
    /// Philippine bodies named; a neighbour's complaint told (sabi ng kapitbahay) is theirs.
    @Test func taglishIsRead() {
        #expect(score("Pasensya na po, ayoko na talagang mabuhay, I know you're just the bank, sorry").categories.contains(.selfHarm))
        #expect(score("Gago ka ba? I already gave you the reference number, bobo ka talaga.").categories.contains(.abuse))
        #expect(score("Magfa-file po ako ng report sa DTI at sa NTC, hindi na ako makikiusap sa inyo.").categories.contains(.escalation))
        #expect(!score("Sabi ng kapitbahay namin irereklamo daw nila kayo sa DTI, pero kami okay naman po, bayad lang po ako ng bill.").categories.contains(.escalation))
    }

    /// Idioms and routine words that only look like risk: "for the life of me", a TV on the
    /// wall, a closing balance, calling one's mother three times, a game's death.
    @Test func routineWordsThatLookLikeRisk() {
        #expect(!score("My grandson set up this account for me, dear, and I can't for the life of me find the password.").categories.contains(.selfHarm))
        #expect(!score("I'm going to hang the TV on the wall, does the bracket come with screws?").categories.contains(.escalation))
        #expect(score("I'm going to the TV station with this.").categories.contains(.escalation))
        #expect(!score("Dear Sir, please confirm in writing the closing balance of the loan, which I paid off last week.").categories.contains(.churn))
        #expect(!score("I rang my mum three times this morning and it kept dropping after a minute, is there a fault in my area?").categories.contains(.repeatContact))
        #expect(score("I've rung you three times this morning and it keeps dropping.").categories.contains(.repeatContact))
        #expect(!score("吃鸡的时候队友跳楼摔死了哈哈哈，话说你们的加速器怎么老掉线").categories.contains(.selfHarm))
        #expect(!score("I'm broke, honestly, can you put me on a hardship plan?").categories.contains(.churn))
    }

    /// Self-harm said sideways: an adverb inside "don't want to live", last words with a goodbye,
    /// following someone who died, one's existence a mistake, pets and bank cards handed over,
    /// Hinglish; and its neighbours that stay quiet: living somewhere, self-blame, someone
    /// else's suicide told, "kms lol", closing a case, dying for a lipstick.
    @Test func selfHarmSaidSidewaysAndItsNeighbours() {
        for text in ["Honestly I don't really want to live anymore, just close the card.",
                     "These are my last words to anyone there. Goodbye.",
                     "Since my wife passed away I just want to go be with her.",
                     "mujhe ab nahi jeena yaar, this loan app is calling my whole family",
                     "我爸走了以后，我总觉得我该跟他一起走的。",
                     "我觉得我的存在本身就是多余的，你们别再打来了。",
                     "狗我已经托付给朋友了，银行卡密码也告诉我妹了。",
                     "我就喺你哋公司門口自殺，等全世界都知道。"] {
            #expect(score(text).categories.contains(.selfHarm), "\(text)")
        }
        for text in ["I don't really want to live in a flat without a lift, can you move the delivery?",
                     "I hate myself for not reading the contract, what can I do now?",
                     "My cousin's friend took his own life last year, so I'm careful. Anyway, the bill.",
                     "kms lol I typed the wrong postcode again",
                     "我想快啲了結呢單嘢，即係結案，攞返筆錢。",
                     "這支唇膏我願意為它去死，還有貨嗎",
                     "我还是想好好活着的，所以这笔钱你们得退。"] {
            #expect(!score(text).categories.contains(.selfHarm), "\(text)")
        }
        // A death wish with the listener named after it is abuse, not the speaker's.
        let curse = score("去死啦你，收多我錢仲笑")
        #expect(curse.categories.contains(.abuse) && !curse.categories.contains(.selfHarm))
    }

    /// Threats and leaving in words the lists lacked (a lawsuit taken on, a bad review on
    /// OpenRice, OFCA, switching over next month, the family following), and what is neither: a
    /// counterfactual, not the type to complain, a body's address asked, a phone menu, staff who
    /// named a body, an errand at a police station, a self-harm disclosure that closes an account.
    @Test func threatsAndLeavingInNewWordsAndWhatIsNeither() {
        #expect(score("打官司我奉陪到底，你们等着。").categories.contains(.escalation))
        #expect(score("再唔處理我就上 OpenRice 寫篇劣評").categories.contains(.escalation))
        #expect(score("聽日我就去 OFCA 投訴你哋").categories.contains(.escalation))
        #expect(score("你們太貴了，下個月我就換過去。").categories.contains(.churn))
        #expect(score("我阿爸已經轉咗去數碼通，我哋成家都會跟住轉。").categories.contains(.churn))
        #expect(score("Lilipat na ako sa Globe next month, ipa-cut mo na lang yung postpaid ko.").categories.contains(.churn))
        #expect(!score("If the bank hadn't refunded me I'd have had to take you to small claims, but it's fine now.").categories.contains(.escalation))
        #expect(!score("I'm not one of those people who runs to the ombudsman, I just want it sorted.").categories.contains(.escalation))
        #expect(!score("For my essay, what's the energy ombudsman's address?").categories.contains(.escalation))
        #expect(!score("If you would like to cancel your contract, press three.").categories.contains(.churn))
        #expect(!score("你哋經理頭先同我講「唔滿意可以去消委會」，我覺得好冇禮貌。").categories.contains(.escalation))
        #expect(!score("快递放在派出所传达室了，我下班去派出所那儿拿一下。").categories.contains(.escalation))
        #expect(!score("我已经写好留给我妈的信了，这个账户你帮我注销吧。").categories.contains(.churn))
    }

    /// Repeat contact in a formal letter, a case reopened, counted in Hinglish and Tagalog, a
    /// problem still there after the ticket closed; not a deadline promised within days, not a
    /// check repeated inside one call, not a loyal customer's third purchase.
    @Test func repeatContactInLettersAndOtherTongues() {
        for text in ["Dear Sir, I write further to my previous letter of 2 May, which remains unanswered.",
                     "I'm reopening my ticket, the so-called fix from the last chat didn't last a day.",
                     "bhai kitni baar call karun, char din se yahi chal raha hai",
                     "Pangatlong tawag ko na po ito, wala pa rin yung replacement.",
                     "工单都自动关闭了，问题还在啊。"] {
            #expect(score(text).categories.contains(.repeatContact), "\(text)")
        }
        for text in ["您的申請已提交，預計五個工作天內會有同事與您聯繫。",
                     "So I have to spell my surname three times in one call? Fine.",
                     "我都不是第一次买你们家东西了，给个优惠呗"] {
            #expect(!score(text).categories.contains(.repeatContact), "\(text)")
        }
    }

    /// Round 26's lessons, as concepts: a device, an app or a bot called names is no abuse; a
    /// theft reported to the police, a lawyer for a house sale and an authority named as a
    /// landmark are no threats; the listener's colleague is the company, whose word told is
    /// the repeat itself; one's going called a good thing, after someone else's words, is still
    /// the speaker's disclosure.
    @Test func thingsTheftsLandmarksAndTheCompanysOwnWord() {
        for (text, category) in [("This laptop is a total idiot, it keeps restarting itself.", Category.abuse),
                                 ("我弟玩吃鸡老被人爆头，你们这个加速器根本没用", .abuse),
                                 ("我銀包畀人偷咗，已經報咗警，而家想掛失張信用卡。", .escalation),
                                 ("My phone was stolen last night and I've reported it to the police, can you block the SIM?", .escalation),
                                 ("我下禮拜要見律師處理房子過戶，只是想順便改帳單地址", .escalation),
                                 ("消协旁边那个网点几点关门啊", .escalation),
                                 ("Who's the regulator for your industry, by the way? I'm writing an essay.", .escalation),
                                 ("這破手機去死啦，又當機", .selfHarm),
                                 ("個boss我死咗二十次，我只係想問有冇得加data", .selfHarm),
                                 ("想看那部讲自杀的日剧，你们平台有版权吗", .selfHarm),
                                 ("我要投诉这个快递员，把我的件扔门口就走了", .selfHarm),
                                 ("That won't be a problem, the engineer won't be much longer.", .selfHarm),
                                 ("She hopes a bus comes soon, the stop is freezing.", .selfHarm),
                                 ("商家一直拖着不发货，她气得说要打12315，还要发到网上曝光。", .escalation),
                                 ("她說那個人很兇，回家一直唸說要打1999去告狀，還說要投書到報社。", .escalation),
                                 ("我那个会员是自动续费的，假如以后不想续了，在哪里关？", .churn),
                                 ("上次我在网上挂号老是提示失败，后来你们这边帮我弄好了", .escalation),
                                 ("我阿哥之前喺第二間旅行社報團，去到先知冇訂房，最後要去消委會投訴，搞咗成半年。", .escalation),
                                 ("我哥在别的旅行社被坑了，后来去了消委会投诉。", .escalation),
                                 ("我朋友租的另一家押金不退，她气到说要告房东、找消保官。", .escalation),
                                 ("It was sorted last week, thanks, I'm just calling about something else", .repeatContact)] {
            #expect(!score(text).categories.contains(category), "\(text)")
        }
        for (text, category) in [("You idiot, the app crashed again", Category.abuse),
                                 ("尋日同你同事講過，佢話會callback，我等到而家", .repeatContact),
                                 ("我個女話我係佢人生最大嘅污點，可能我消失咗對佢嚟講先係好事", .selfHarm),
                                 ("我老公話佢照顧我照顧到好攰，我諗我走咗佢就可以重新開始", .selfHarm),
                                 ("我老婆都話轉，我哋成家人搬去HKT", .churn),
                                 ("存摺、印章跟所有密碼我都寫在一張紙上交給我妹了，我時間不多", .selfHarm),
                                 ("自杀的话过了两年保单还赔不赔？我想让我闺女能拿到这笔钱", .selfHarm),
                                 ("I won't be a problem for your company much longer. Or for anybody, really.", .selfHarm),
                                 ("The notes are written. One for my son, one for my wife. I just need to know the policy pays out.", .selfHarm),
                                 ("I'm sorting out my affairs before I go and I don't want her stuck with the paperwork.", .selfHarm),
                                 ("part of me hopes a bus hits me on the way home", .selfHarm),
                                 ("你们再不处理，我就打12315，还要发到网上曝光。", .escalation),
                                 ("我哥在别的旅行社被坑了，我也要去消委会投诉你们。", .escalation),
                                 ("I was told my refund was sorted and it still hasn't come through", .repeatContact),
                                 ("再不退钱我就去消委会、12315投诉你们", .escalation),
                                 ("如果你们再这样，我以后不会再买了", .churn)] {
            #expect(score(text).categories.contains(category), "\(text)")
        }
    }

    /// A story of someone else goes on through its 结果, 后来 and 还要, past a clause between that
    /// names nobody and states nothing, unless a promise was told; a joke
    /// claim that is itself denied takes nothing back; a game character's death is the game's;
    /// a late relative's account closed is no leaving; a suicide clause asked for oneself is a
    /// disclosure.
    @Test func storiesJokesAndOwnersAreScopedAsTold() {
        for (text, category) in [("我表哥之前也中过一次小奖，结果接到诈骗电话，后来报警还告上法院", Category.escalation),
                                 ("我細佬上年都係咁攞錢，一攞完就俾人呃咗去買啲咩保險，仲要去消委會投訴，搞到一鑊泡", .escalation),
                                 ("lol I'd rather die, just kidding", .selfHarm),
                                 ("I'm thinking of jumping ship to Vodafone... nah only joking", .churn),
                                 ("遊戲裡我的角色一直自殺重生卡bug，可以幫我看一下嗎", .selfHarm),
                                 ("阿爺過咗身，要close佢個戶口，要帶咩文件", .churn),
                                 ("I've been taking the pills as prescribed, I just need the repeat prescription slot", .selfHarm),
                                 ("last year I nearly went to small claims with my builder", .escalation)] {
            #expect(!score(text).categories.contains(category), "\(text)")
        }
        for (text, category) in [("我表哥之前也被你们坑过，结果我现在也被坑，我要去消委会投诉你们", Category.escalation),
                                 ("我上周打过电话，客服说会跟进，结果到现在都没人理", .repeatContact),
                                 ("I'm not kidding, I'm going to jump off the bridge tonight", .selfHarm),
                                 ("这个月工资又被罚光了 我真想从公司楼上跳下去 不是开玩笑 你们别当我在说气话", .selfHarm),
                                 ("唔好再打嚟推銷，我個戶口聽日就去close", .churn),
                                 ("Does the life policy pay out if it's suicide? I'm asking because I'm planning it for next month", .selfHarm),
                                 ("網課的退費不用辦了 孩子走了 我也想跟著他走", .selfHarm)] {
            #expect(score(text).categories.contains(category), "\(text)")
        }
    }

    /// One earlier contact is a follow-up until something says the matter is still open: a
    /// denial (nobody came, 到现在都没人来), "still", a span of chasing, a second date, a promise
    /// told. "一天" is a day, not a count of one: calls a collector makes are no repeat contact.
    @Test func anEarlierContactNeedsTheMatterStillOpen() {
        for text in ["I rang last week and nobody's come, dear.",
                     "I already reported this last week and nothing's happened.",
                     "I already reported this last Tuesday. And the Tuesday before.",
                     "I've been chasing this since February.",
                     "上周就报修了，到现在都没人上门",
                     "上禮拜就報修過了，網路到現在還是斷斷續續。",
                     "這個問題我上個月就反映過了"] {
            #expect(score(text).categories.contains(.repeatContact), "\(text)")
        }
        for text in ["I emailed the form about ten minutes ago, this is just to check it came through.",
                     "I dropped the return off at the post office on Monday.",
                     "我昨天在你们官网提交了工单，想问下进度。",
                     "邮件我昨天发过去了，您有空查收一下，不急",
                     "你们银行什么意思？一天打我八个电话，连我单位座机都打"] {
            #expect(!score(text).categories.contains(.repeatContact), "\(text)")
        }
    }

    /// An A-not-A question asks (改到周日行不行？): the negative inside it is no complaint; tacked
    /// onto an order to the listener, or asked in exasperation, it is one.
    @Test func anAskingFormIsNoComplaintUnlessSaidInTemper() {
        for text in ["改到周日上午行不行？", "这个时间方不方便？", "尺码合不合适啊", "聽日得唔得？"] {
            #expect(score(text).valence >= 0, "\(text)")
        }
        for text in ["你听我说完行不行？", "有没有搞错，又扣我钱", "你们到底行不行啊"] {
            #expect(score(text).valence < 0, "\(text)")
        }
    }

    /// Methods and goodbyes said without the word: a car run in the garage, a gun on the table,
    /// joining one's late wife, stockpiled pills, the last person one talks to, Tagalog and
    /// Hinglish, setting oneself alight at the company's door, a window ledge; and their
    /// neighbours: a cat rehomed for a new flat, rope for a house move, a suicide in the news,
    /// a loan paid off at last.
    @Test func methodsAndGoodbyesWithoutTheWord() {
        for text in ["Tonight I'm going out to the garage and I'll leave the engine running.",
                     "I've got my dad's shotgun here with me, so don't put me on hold.",
                     "I'll be joining my husband soon, so put the account in my son's name.",
                     "I've been stockpiling my sleeping tablets for weeks now.",
                     "Pagod na pagod na ako, pabigat na lang ako sa kanila.",
                     "ab aur nahi hota, sab khatam kar doon kya",
                     "我明天就提住汽油去你哋分行門口，把自己點了。",
                     "我而家坐咗喺窗台，你聽我講完先。",
                     "保險銀行都搞掂晒，仲有封信留咗畀我老公。",
                     "Cancel the contract, I won't be needing it where I'm going."] {
            #expect(score(text).categories.contains(.selfHarm), "\(text)")
        }
        for text in ["I'm giving away my cat because my new flat doesn't allow pets, can I cancel her insurance?",
                     "搬家买了两捆绳子捆箱子，结果少发了一捆。",
                     "新闻里那个被催收逼到跳楼的事，跟你们平台有关系吗？",
                     "最后一期终于还完了，终于解脱了，谢谢你们提醒。",
                     "同事知道我買錯日子實笑死我，我真係想死😂",
                     "I won't be around for a week, I'm at my sister's, can the engineer come after that?",
                     "我老公气得要去12315投诉你们，被我拦下来了，其实是我自己按错了。"] {
            #expect(!score(text).categories.contains(.selfHarm), "\(text)")
        }
    }

    /// The speaker as the subject of what the listener is usually told (I might as well go jump
    /// off a cliff), "you" meaning anyone, and the speaker counted in: self-harm. The same words
    /// ordered at the listener, asked of them as a service, or an idiom of temper: no self-harm.
    /// A disclosure the learned layer is all but sure of stands beside someone else's words or a
    /// joke claim, when the speaker speaks; an agent's safety question that quotes one does not.
    @Test func aSureDisclosureStandsBesideAStory() {
        for text in ["你話我笨又好，講咩都好，反正我聽日之後都唔喺度，我決定咗，哈哈",
                     "i keep googling how many of my pills would be enough lol i'm fine tho. wait no. i'm not"] {
            #expect(score(text).categories.contains(.selfHarm), "\(text)")
        }
        #expect(!score("同学，你说“要是我不在了”，我想认真问一下：你是不是有过想结束自己生命的念头？").categories.contains(.selfHarm))
    }

    @Test func theSpeakerAsTheOneWhoGoes() {
        for text in ["I might as well go jump off a cliff, nothing's working out",
                     "i'm gonna go jump off the bridge after work",
                     "do you ever feel like you just want to disappear? that's where i'm at",
                     "i just want it to stop. all of it. me included",
                     "the account holder is me and I'll be deceased by Monday",
                     "if the chat disconnects and i dont reply its because i took them all",
                     "lol a 12 month contract when im not planning to last 12 more days"] {
            #expect(score(text).categories.contains(.selfHarm), "\(text)")
        }
        for text in ["go jump off a bridge you idiot", "you might as well go jump off a cliff, useless lot"] {
            let categories = score(text).categories
            #expect(categories.contains(.abuse) && !categories.contains(.selfHarm), "\(text)")
        }
        for text in ["can u just stop the direct debits", "can you just stop calling me every day",
                     "I took them all back to the shop, the whole batch was faulty",
                     "tell them to go jump in a lake, I'm not paying twice",
                     "one less thing for me to worry about, thanks"] {
            #expect(!score(text).categories.contains(.selfHarm), "\(text)")
        }
    }

    /// Disclosures told by what surrounds a means: the railings checked, a note left to be found,
    /// nothing needed by the dead, no forwarding address, one thing left after the rest was given
    /// away. The same words in errands and proverbs stay quiet.
    @Test func aMeansToldByWhatSurroundsIt() {
        for text in ["Had a look at the top floor of the multistorey yesterday. Not for parking. Checked the railings, they're low.",
                     "I've written a note, they'll find it when they get back",
                     "Just cancel everything. Mobile, landline, the lot. Dead men don't need data, do they.",
                     "Can you cancel the broadband from the 14th. No forwarding address. I won't be needing one.",
                     "狗狗拜託室友了，其他東西也都打包送人了，剩這支門號"] {
            #expect(score(text).categories.contains(.selfHarm), "\(text)")
        }
        for text in ["I wrote a note on the fridge to remind me to call you",
                     "Dead men don't pay bills, my grandad always said, anyway can I pay mine",
                     "I'm driving over the bridge and stopping halfway to take photos of the sunset",
                     "cancel the broadband, no forwarding address yet because we're still house hunting",
                     "we stood on the platform letting a few go past because they were full",
                     "旧衣服都送人了，就剩这个柜子，你们回收吗",
                     "The Walgreens on East Speedway. I've got four pills left so it's not urgent, I just don't want to miss a day."] {
            #expect(!score(text).categories.contains(.selfHarm), "\(text)")
        }
    }

    /// An account closed for a change of life (a move away, a business closing) is no threat to
    /// leave; closed for a rival, or beside a disclosure, it is leaving or affairs in order.
    @Test func aChangeOfLifeIsNoThreatToLeave() {
        for text in ["Can you cancel my gym membership? I'm moving away and won't need it.",
                     "存款全部转走了，这张卡想销户，我换城市工作了",
                     "我们公司业务不做了，对公账户要关掉，流程怎么走"] {
            #expect(!score(text).categories.contains(.churn), "\(text)")
        }
        #expect(score("我换工作了，你们银行太差了，我要销户换到招商银行").categories.contains(.churn))
        let affairs = score("退订吧，全都退了，反正我这个人也快退场了").categories
        #expect(affairs.contains(.selfHarm) && !affairs.contains(.churn), "\(affairs)")
    }

    @Test func aClosingForALifeEventOrAFormatIsNoThreatToLeave() {
        for text in ["I've taken a job in Dubai, so I'll be closing the account before I fly out.",
                     "The café's shutting its doors for good at the end of June, so we won't need the card machine after that.",
                     "We need to cancel Mum's phone contract, she's gone into a care home and doesn't use it.",
                     "我奶奶的居家护理服务这个月结束就行，她住院了，医院有护工",
                     "我想把紙本帳單停掉，改成電子帳單，以後不用再寄了"] {
            #expect(!score(text).categories.contains(.churn), "\(text)")
        }
        #expect(score("Mark my words, when this contract's up I'm not staying one day longer.").categories.contains(.churn))
    }

    @Test func aCustomerWhoSaysTheyStayIsNotLeaving() {
        for text in ["The other mob down the road had a sale, but their fees are a joke, so I'm sticking with you.",
                     "Your competitor's app looks slicker, I'll admit, but I'm happy where I am.",
                     "其實 csl 個 app 幾好用，你哋可以參考下"] {
            #expect(!score(text).categories.contains(.churn), "\(text)")
        }
        // Staying denied is leaving.
        #expect(score("I'm cancelling today, I won't stick with you after this.").categories.contains(.churn))
    }

    @Test func aSelfHarmGuessBesideADeniedSwitchStays() {
        // No rival is where they go when the switch is denied.
        let denied = score("幫我把這支號碼停掉，週末之後就不需要了。沒有要換電信，就是不需要了。").categories
        #expect(denied.contains(.selfHarm), "\(denied)")
        let finishing = score("Please cancel all my subscriptions. Gym, streaming, the lot. I'm wrapping things up. No, I'm not moving house. I'm just... finishing.").categories
        #expect(finishing.contains(.selfHarm), "\(finishing)")
    }

    @Test func aClauseQuotedFromAPolicyIsNotTheSpeakersOwn() {
        #expect(!score("我在條款裡看到寫「契約生效兩年內自殺不在給付範圍」，這是每一家都有的標準條款嗎？").categories.contains(.selfHarm))
        // A search quoted is still the speaker's.
        #expect(score("我在网上搜了「怎样自杀不痛苦」").categories.contains(.selfHarm))
    }

    @Test func affairsToldSidewaysInChinese() {
        for text in ["房子和存款都写好给我女儿了，以后好办",
                     "朋友圈都清了，聊天记录都删了，最后一个就是这张卡",
                     "等我把这个月房租交了就没什么牵挂了",
                     "农药喝了多久会没感觉 不是用来杀虫的",
                     "我没有要换别家，以后都不会再需要了，帮我销户"] {
            #expect(score(text).categories.contains(.selfHarm), "\(text)")
        }
        for text in ["我老公过世了，他的账号怎么处理？", "之前想不开过，住院治疗了一段时间，现在每周复诊，状态挺好的"] {
            #expect(!score(text).categories.contains(.selfHarm), "\(text)")
        }
    }

    @Test func talkingDownAndThreatsToHangUpAreRude() {
        for line in ["Seriously, how hard is it to read the email we sent you?",
                     "Fine, I'll write it in crayon for you.",
                     "Hello? Anyone home in there?",
                     "I've got real customers waiting, so make it quick.",
                     "Keep shouting and I'm ending the call.",
                     "再问一遍我就直接结束会话了。", "退款？想得美。", "第二个按钮，数数总会吧？"] {
            #expect(score(line).categories.contains(.rude), "\(line)")
        }
        #expect(!score("Could you calm down a little for me? I want to get every detail right.").categories.contains(.rude))
    }

    /// A customer who protests at the agent's manner, at being cut off, or defends themselves is
    /// unhappy, though the words they deny (blaming, 为难) or ask for (客气, 尊重) read as praise alone.
    @Test func protestsAtTheAgentsMannerAreNegative() {
        for text in ["There's no need to speak to me like that.", "Can I please finish?",
                     "I'm not blaming you, I'm only asking for a replacement.", "Don't talk to me like I'm stupid.",
                     "Is that supposed to be funny? That's $270 out of my pension.",
                     "你說話客氣點", "你講嘢可唔可以尊重啲？", "你能不能让我把话说完？", "我不是要为难你，我只是想问一下退款",
                     "你们是在搞笑吗", "那到底是系统的问题还是排序的问题？总要有人负责吧。", "你怎么这么说话？",
                     "我是开卖第一分钟就付款的，怎么会在名单外？", "恁这不是坑人吗"] {
            #expect(score(text).valence < 0, "\(text): \(score(text).valence)")
        }
        for text in ["客服很负责，谢谢", "我们会负责到底，请您放心", "No need to apologise, you've been great."] {
            #expect(score(text).valence > 0, "\(text): \(score(text).valence)")
        }
        // 怎么 before 会员 asks how; the one in charge is no demand.
        #expect(score("请问怎么会员卡绑定手机号？").valence >= 0)
        #expect(score("请问你们这边的负责人是谁？").valence >= 0)
    }

    @Test func selfHarmToldAsChoresDaysAndYearsInChinese() {
        for text in ["車子我加滿油了，車庫的門也關好了，水管也接好了，你們的道路救援可以取消了。",
                     "我吞咗成排藥，依家好暈，不過你繼續講啦",
                     "你哋份保單跳樓係咪要過咗兩年先賠？我想揀個啱嘅日子。",
                     "帮我取消明年的续费，对我来说没有明年了。",
                     "我想问下如果账户持有人去世了，余额怎么给家属？……就是假设，假设是我，这几天的事。",
                     "哈哈我跟你說，我連繩子都買好了，不是去露營喔。"] {
            #expect(score(text).categories.contains(.selfHarm), "\(text)")
        }
        for text in ["我们下个月去露营，绳子帐篷都买好了", "选个好日子搬家，想问宽带怎么移机",
                     "幾年前我𠝹過手，依家好咗好耐，想問保險申請表上面要唔要寫。",
                     "这个活动对我来说没有以后了，下次不参加了"] {
            #expect(!score(text).categories.contains(.selfHarm), "\(text)")
        }
    }

    @Test func aLostPhoneAReplacedCardOrARivalPraisedIsNoThreatToLeave() {
        for text in ["我好白痴喔，把手機忘在計程車上了，可以先幫我停話嗎？", "新卡寄到了，舊的要怎麼作廢？",
                     "京东物流确实快，但我就是喜欢在你们这买",
                     "Their app looks slicker, I'll admit, but I'm sticking with you."] {
            #expect(!score(text).categories.contains(.churn), "\(text)")
        }
        for text in ["手机丢了，干脆销户换到移动去", "Their app looks slicker so I'm switching to them."] {
            #expect(score(text).categories.contains(.churn), "\(text)")
        }
        // Contacts past counting are repeat contact, in both languages.
        for text in ["这个问题拖了快一个月了，我都不记得找了你们多少回", "I can't remember how many times I've called you about this"] {
            #expect(score(text).categories.contains(.repeatContact), "\(text)")
        }
    }

    @Test func leavingForAPlaceNamedOnlyByWhereItIsOrForASwitch() {
        for text in ["I'm never setting foot in Kingsway again.", "I'm taking it to the independent garage down the road.",
                     "我下個月保單到期，直接換到富邦，我們家三台車全部轉過去。",
                     "T-Mobile's giving me a free phone to switch, so this is goodbye",
                     "I'm switching to Vodafone, this is goodbye"] {
            let categories = score(text).categories
            #expect(categories.contains(.churn) && !categories.contains(.selfHarm), "\(text): \(categories)")
        }
        for text in ["I've never set foot in that branch, how could I have signed it?",
                     "I deleted the app and reinstalled it but it still crashes.", "可以先換一台新的給我嗎？",
                     "I'm switching off for a bit, this is goodbye for now, see you after the holidays"] {
            let categories = score(text).categories
            #expect(!categories.contains(.churn) && !categories.contains(.selfHarm), "\(text): \(categories)")
        }
        #expect(score("I've made my peace with it. This is goodbye.").categories.contains(.selfHarm))
    }

    @Test func mockeryDaresAndCasesAgainstTheFirm() {
        for text in ["lol imagine being this bad at your only job", "Say that again and see what happens to you."] {
            #expect(score(text).categories.contains(.abuse), "\(text)")
        }
        for text in ["I've already spoken to a legal aid fella and he says I've got a case against you",
                     "你們不處理沒關係，我去地檢署按鈴申告"] {
            #expect(score(text).categories.contains(.escalation), "\(text)")
        }
    }

    @Test func anInsultWhollyInsideAQuotationIsReported() {
        for text in ["我女兒收到陌生人傳「你是廢物」的簡訊，可以幫忙擋那個號碼嗎", "收到個whatsapp話「你個死仔快啲還錢」 係咪詐騙"] {
            #expect(!score(text).categories.contains(.abuse), "\(text)")
        }
        // Scare quotes around a word of an insult aimed outside them.
        for text in ["你就是個「廢物」", "you're a \"worthless idiot\""] {
            #expect(score(text).categories.contains(.abuse), "\(text)")
        }
    }

    @Test func leavingWordsInRoutineTalkAreNoThreat() {
        for text in ["12 months please. Also can you cancel the autopay on my old Visa ending 4410? I switched banks.",
                     "我今天去另一家店做检查，师傅说我的刹车片根本没换，还是原来的旧片子。",
                     "釘痕？退租點交的時候你們的人也在，點交單上寫「無損壞」", "我聽日要攞去飲人哋喜酒㗎！",
                     "我要搬到外地去了，以后不回来住了，宽带怎么迁移"] {
            #expect(!score(text).categories.contains(.churn), "\(text)")
        }
        for text in ["I switched to EE last week, cancel my direct debit and close the account.",
                     "我去另一家店做了检查，以后不来你们这了"] {
            #expect(score(text).categories.contains(.churn), "\(text)")
        }
    }

    @Test func deathQuestionsTurnedOnOneselfOrOnOthers() {
        for text in ["So what happens to the SIM when someone dies, like the number, does it just go away? I'd like mine to, pretty soon.",
                     "just checking, does my life cover pay out on suicide after the first year, because it's been 13 months"] {
            #expect(score(text).categories.contains(.selfHarm), "\(text)")
        }
        for text in ["What happens to a joint account if one of the holders dies? My parents are asking, they're just getting their paperwork straight.",
                     "That new advert of yours is so cringe I wanted to die, just saying. Anyway, the bill."] {
            #expect(!score(text).categories.contains(.selfHarm), "\(text)")
        }
        #expect(!score("Just cancel the sports add-on, I never watch it, everything else stays.").categories.contains(.churn))
        #expect(score("Put me through to someone with a pulse and an IQ above room temperature, not you.").categories.contains(.abuse))
    }

    @Test func selfHarmToldAsAShoreABridgeOrAnExclusionWaitedOut() {
        for text in ["想問一下保單的自殺免責期是兩年對吧？我的是前年十二月生效的，所以再撐一個月就可以了嗎",
                     "嗯 我現在在橋上 風很大 我只是想問你們我的退款什麼時候會到 我媽可以代領嗎",
                     "我買咗張單程車票去西貢，搵個冇人嘅海灘行出去，唔會再行返上嚟。"] {
            let categories = score(text).categories
            #expect(categories.contains(.selfHarm) && !categories.contains(.churn), "\(text): \(categories)")
        }
        for text in ["保单的自杀免责期是多久？", "我现在在楼顶晒被子，快递可以让我妈代收吗",
                     "我要搬家，家裡的舊東西都送人了，想問你們有沒有回收舊家電的服務？"] {
            #expect(!score(text).categories.contains(.selfHarm), "\(text)")
        }
        #expect(!score("我下個月搬去英國，以後都唔會返嚟住，想問寬頻可唔可以轉去我阿哥名下？").categories.contains(.churn))
        #expect(score("我已經喺隔籬公司簽咗，你講我知點樣停你哋個plan就得，唔使挽留。").categories.contains(.churn))
    }

    /// The plain disclosure after days of despair is stated by a rule, so a conversation whose
    /// episode the learned layer opened early still hears it as a stronger statement.
    @Test func disclosuresAfterDespairAreStatedByRules() {
        for text in ["Honestly it doesn't matter anymore. I've got a box of my mum's old sleeping tablets and tonight I'm going to take the lot. I'm done.",
                     "Thanks. And thank you for being kind on the phone all these years. This'll be the last time you hear from me, so, goodbye, really.",
                     "不用算了。房子我已经过户给闺女了，该交代的也都写好了，以后就不会再拖累她们了。",
                     "分期也没用了。我这个人就是家里的拖累，该交代的事情我都写好放在抽屉里了，以后就不用他们再替我操心了。"] {
            #expect(score(text).ruleCategories.contains(.selfHarm), "\(text)")
        }
        for text in ["I'll email you the form, this'll be the last time you hear from me about it hopefully!",
                     "放心，以后不会再连累你们部门了，我已经把流程改好了"] {
            #expect(!score(text).categories.contains(.selfHarm), "\(text)")
        }
    }

    @Test func aPainlessLeavingALastDayOrOnesOwnLifeTakenBeforeActing() {
        for text in ["每天都在想怎麼樣才可以不痛地離開，你們有沒有遇過像我這樣的客人", "我没救了，也不想被救了。",
                     "今天是我最后一天了，所以那个投诉我撤回吧，没必要了。",
                     "你哋人壽保險如果係自己攞命嘅話賠唔賠㗎？我想知清楚先行動",
                     "请帮我看一下我保单的意外身故那部分，如果是坠楼能不能算意外？我想确保家里能拿到钱。"] {
            #expect(score(text).categories.contains(.selfHarm), "\(text)")
        }
        for text in ["生无可恋地等了半天，终于有人接了，我想查一下话费。", "这个理财产品风险大不大？我想问清楚再行动"] {
            #expect(!score(text).categories.contains(.selfHarm), "\(text)")
        }
        #expect(!score("今天是我在公司最后一天，想把工资卡绑定的那个账户注销，换一张新卡。").categories.contains(.churn))
        #expect(score("真的不想再用你们银行了 工资卡都要换掉").categories.contains(.churn))
    }

    /// Stopping one thing with the rest kept, a closing named as the condition of a question, a
    /// relative's life told after it ended, and a rival praised while staying are no leaving; the
    /// same closings said outright still are.
    @Test func closingsBesideWhatIsKeptOrAskedAboutAreNoLeaving() {
        for text in ["我要退订那个彩铃业务，其他业务保留", "我想退掉这一件衣服，尺码小了，其他几件都挺好",
                     "好。另外我自己訂的民宿不能退，有買旅平險，行程取消的話保險那邊需要什麼文件嗎？",
                     "父亲生前在家用制氧机，一直有个医疗用电优惠，现在用不上了，需要我申请取消吗？",
                     "说实话联通的信号在我们那儿比你们好，不过我懒得换，就问下有没有信号放大器",
                     "Your competitor's ad on telly is hilarious, not switching though"] {
            #expect(!score(text).categories.contains(.churn), "\(text)")
        }
        for text in ["我要退订彩铃业务，其他的也都不要了", "取消的话我就直接换联通", "I want to end this contract"] {
            #expect(score(text).categories.contains(.churn), "\(text)")
        }
        #expect(score("取消的话我就去告你们").categories.contains(.escalation))
        #expect(!score("好的。后事这几天总算办完了，跑医院跑派出所，真是累死了，就剩这些手续了。").categories.contains(.selfHarm))
        #expect(score("我把自己的后事都安排好了").categories.contains(.selfHarm))
    }

    /// The listener mocked as unable to do the simplest thing or as new to the world, or warned off
    /// a meeting in person, is abused; the speaker's own clumsiness is no insult.
    @Test func mockeryOfTheListenersCompetenceAndVeiledThreats() {
        for text in ["Sweetheart, I don't think you're qualified to tie your own shoelaces, never mind fix my bill",
                     "you lot couldn't find your way out of a paper bag", "is this your first day on the planet?",
                     "you'd better hope we never meet in person", "呵呵，您可真是个人才啊，人才到我想过去给你脑袋开个瓢"] {
            #expect(score(text).categories.contains(.abuse), "\(text)")
        }
        for text in ["I can't even boil an egg, can you send the recipe card", "I hope we never meet such a delay again",
                     "the courier left my parcel out in the rain, absolute idiots, but honestly not your fault"] {
            #expect(!score(text).categories.contains(.abuse), "\(text)")
        }
    }

    /// An earlier contact beside a failure counted is a repeat; a second purchase is not.
    @Test func aFailureCountedBesideAnEarlierContactIsARepeat() {
        #expect(score("second time this month the direct debit's failed, and I already rang about the first one").categories.contains(.repeatContact))
        #expect(!score("It's the second time I've ordered from you, love it").categories.contains(.repeatContact))
    }

    /// Means and places told with what makes them a plan (a razor in the bath, an engine run at a
    /// quarry, a medicine that leaves no rescue, a plan called permanent, a sorry sent to the family)
    /// are self-harm; the same words in an accident told elsewhere, a breakdown, a device or a
    /// relative's death are not.
    @Test func meansAndPlansToldSideways() {
        for text in ["I'm in the bath with a razor blade, I rang you by accident but now I'm sort of glad someone's on the line.",
                     "I'm in the car at the quarry with the engine running. Didn't want to go with an open complaint on my name, stupid right?",
                     "hmm so like if someone wanted to go to sleep forever how many of these painkillers would that take, asking cos I've got three boxes",
                     "Haha yeah I'll be fine, I've got a plan. A permanent one. Anyway what was the reference number again.",
                     "Could you just cancel my card and tell my brother I said sorry? He's the next of kin on file.",
                     "Can I nominate someone to get my deposit back after I die? I'm not ill or anything, I've just decided.",
                     "我最近在查哪種藥吃多了不會被救回來", "我份遺囑搞好咗，保險都check過，差在揀日子",
                     "咁如果係自殺，保險賠唔賠㗎？我想知清楚先做"] {
            #expect(score(text).categories.contains(.selfHarm), "\(text)")
        }
        for text in ["I cut my finger on a razor by accident while shaving, do you sell plasters?",
                     "I'm stuck in the snow in the middle of nowhere with the engine running to keep warm, where's the tow truck",
                     "Pretty sure my laptop just committed suicide, black screen, won't boot at all.",
                     "if someone dies what happens to the joint account", "我爸吃错药，送到医院也救不回来了，现在要办销户",
                     "这个药吃多了会怎样？会不会伤肝", "结婚要拣日子，请问礼堂档期怎么查"] {
            #expect(!score(text).categories.contains(.selfHarm), "\(text)")
        }
        #expect(!score("I'm moving to Canada for good, flight leaves on the 3rd, can I still use my card over there?").categories.contains(.churn))
        #expect(score("我已經喺你哋分行坐咗三朝，一樣未處理到").categories.contains(.repeatContact))
    }

    /// Taiwan and Hong Kong wording for leaving, suing, the media and a threat, and their traps: a
    /// contract's end is the company left, not life; a port in, the next block, the rest sent, a
    /// paper statement and collectors' calls are no leaving and no repeat.
    @Test func taiwanAndHongKongLeavingSuingAndTheirTraps() {
        let churn = score("約滿我就走ㄌ，不會續約，不用再打來推銷").categories
        #expect(churn.contains(.churn) && !churn.contains(.selfHarm))
        #expect(score("你哋再唔改善，我即刻過檔").categories.contains(.churn))
        #expect(score("我下午就去法扶問問看要怎麼告你們").categories.contains(.escalation))
        #expect(score("我朋友在電視台跑新聞，這題材他應該很有興趣").categories.contains(.escalation))
        #expect(score("我會找到你的，不要以為躲在電話後面就沒事").categories.contains(.abuse))
        for text in ["攜碼進來你們這邊需要什麼文件？我現在是用別家的", "嗰個司機好似傻咗咁，送錯咗去隔籬座，麻煩你哋幫手改地址再送",
                     "呢張單我唔要喇，幫我cancel咗佢，其他照送", "唔該幫我取消咗個月結單郵寄，轉用電子結單",
                     "建过档的，上次绝育就是在你们这儿做的"] {
            #expect(!score(text).categories.contains(.churn), "\(text)")
        }
        #expect(!score("7702，王磊。已经逾期两个月了，催收电话每天打好几个，我现在一听到电话响就心慌").categories.contains(.repeatContact))
        #expect(!score("刘女士您好，查到您这个号码欠费三百八十六元，从上个月开始一直没有缴，所以系统自动停机了。").categories.contains(.abuse))
        #expect(score("有没有脑子啊你 智商欠费了吧").categories.contains(.abuse))
    }

    /// A fix the earlier contacts were told of, with words between the saying and the fix, is a
    /// claim: the contacts counted before it still make a repeat.
    @Test func aFixToldOfWithWordsBetweenIsAClaim() {
        let repeatScore = score("這已經是這個月第三次反映了，前兩次都說派工程師處理好了，結果過幾天又斷，根本沒修好。")
        #expect(repeatScore.categories.contains(.repeatContact) && !repeatScore.weakCategories.contains(.repeatContact))
        #expect(!score("之前打过一次，后来派工程师来处理好了，这次是想问别的事").categories.contains(.repeatContact))
    }

    /// Heights, pills and goodbyes in a trip's, a parent's or a move's business stay calm: a fear
    /// of heights told, a bungee called off, pills bought for a mother, a recovery the doctor
    /// confirms, a pet left for a spell, post not collected at an address. The same words said of
    /// oneself, or a wish to die told after the recovery, stay self-harm.
    @Test func heightsPillsAndAbsencesInRoutineBusinessAndTheirTraps() {
        for text in ["第二天有一個山月吊橋跟高空步道，我有懼高症，站在橋上往下看就腿軟，想把那一項拿掉。",
                     "我先生本來加購了高空彈跳，他後來想一想，從那麼高的橋上跳下去還是太嚇人了，也一起取消好了。",
                     "你好，我在你们App上给我妈买了降压药和安眠药，想确认一下用量。",
                     "我已經沒有想死的念頭了啦，醫生說我恢復得很好，今天只是要繳費。",
                     "我已經冇再諗住死啦，醫生話我好返好多，今日淨係嚟交錢。",
                     "我要出國讀書兩年，隻狗暫時交俾朋友湊，想問寵物保險點轉名？",
                     "Yes, definitely keeping it. I just won't be around to get any post at this address after the 28th."] {
            #expect(!score(text).categories.contains(.selfHarm), "\(text)")
        }
        for text in ["我站在桥上，不想活了", "医生说我恢复得很好，可是我还是不想活了", "我买了一瓶安眠药",
                     "I won't be around much longer", "I just won't be around after the 28th"] {
            #expect(score(text).categories.contains(.selfHarm), "\(text)")
        }
    }

    /// Repeat contact told as a step done on the last contacts or a ticket closed on a fault that
    /// stayed; a thing said again to this listener, or a lost card replaced, is neither a repeat
    /// nor a leaving. A threat idiom aimed at the listener is abuse; its literal use is not.
    @Test func stepsDoneBeforeClosedTicketsAndThreatIdiomsWithTheirTraps() {
        #expect(score("again with the 'please restart your router', I did that the last four times").categories.contains(.repeatContact))
        #expect(score("ticket #48213 was closed and the problem never went away").categories.contains(.repeatContact))
        #expect(score("they closed my ticket but the problem never went away").categories.contains(.repeatContact))
        #expect(!score("the library was closed but the pain never went away").categories.contains(.repeatContact))
        #expect(!score("r u thick or something, I've said it 3 times").categories.contains(.repeatContact))
        #expect(score("I've explained this to four different people now").categories.contains(.repeatContact))
        #expect(!score("i need to cancel my card cos I lost it, can u send a new one").categories.contains(.churn))
        #expect(score("don't you dare hang up on me, you gutless coward").categories.contains(.abuse))
        #expect(score("我劝你说话注意点，惹毛了我让你吃不了兜着走").categories.contains(.abuse))
        #expect(!score("这种东西吃不了兜着走，打包吧").categories.contains(.abuse))
        #expect(score("you've just lost a customer of 12 years, congrats").categories.contains(.churn))
    }

    /// On the way to a means now, the train's coming beside the tracks, and cuts getting deeper
    /// are self-harm; the same way to a bridge to meet someone, cuts from a rose bush, and a
    /// scar from a past harm to be removed are not.
    @Test func meansNearAndCutsWorseningWithTheirTraps() {
        for text in ["I'm walking to the bridge now. I just wanted to cancel my direct debit first.",
                     "the cuts on my arms are getting deeper, I'm hiding them with long sleeves at work",
                     "我在铁轨旁边，火车还有十分钟就来了"] {
            #expect(score(text).categories.contains(.selfHarm), "\(text)")
        }
        for text in ["I'm heading to the bridge right now to meet my son", "I got cuts on my arms from the rose bushes",
                     "我以前自残过，现在疤还在，想问下你们那个祛疤的医美项目怎么预约",
                     "过去那几年我确实想过不活了，但是治疗了好几年，现在真的挺好的，今天就是来办个套餐升级"] {
            #expect(!score(text).categories.contains(.selfHarm), "\(text)")
        }
        #expect(score("I'll meet you outside, mate").categories.contains(.abuse))
    }

    /// A cut while shaving, a device called suicidal and a phone changed are not what their words
    /// say; a cut that comes back, a speaker who is suicidal and a network left are.
    @Test func accidentsDevicesAndPhonesChangedWithTheirTwins() {
        for text in ["I cut myself shaving this morning so excuse the mumbling", "The battery on this thing is suicidal, it drains in an hour"] {
            #expect(!score(text).categories.contains(.selfHarm), "\(text)")
        }
        for text in ["I cut myself again last night and I can't stop", "I've been suicidal for weeks and the bills are the last straw"] {
            #expect(score(text).categories.contains(.selfHarm), "\(text)")
        }
        #expect(!score("I'm switching my phone from Android to iPhone, do I need a new SIM?").categories.contains(.churn))
        #expect(score("I'm switching to Verizon next week").categories.contains(.churn))
        #expect(score("Kindly deactivate my connection with immediate effect.").categories.contains(.churn))
        #expect(score("I already have a quote from another insurer and I'm moving both dogs over to them").categories.contains(.churn))
    }

    /// Contempt in the reply thread's own words (is your brain on airplane mode, 出门不带脑子的吗,
    /// praise for botching it) is abuse; the speaker's own death wish beside a curse word is self-harm
    /// alone, and one said to the one addressed stays abuse.
    @Test func contemptWithoutInsultWordsAndWhoseDeathIsWished() {
        for text in ["is your brain on airplane mode or is it always like this", "ur so mid it hurts to look at",
                     "哇，你真是天才啊，一个问题能绕半小时，佩服佩服。", "你出门不带脑子的吗", "小姑娘什么都不懂就别出来丢人现眼了"] {
            #expect(score(text).categories.contains(.abuse), "\(text)")
        }
        let ownWish = score("我已经好几天没睡了，脑子里只有一个念头，就是去死。").categories
        #expect(ownWish.contains(.selfHarm) && !ownWish.contains(.abuse))
        #expect(score("你去死吧").categories.contains(.abuse))
        #expect(!score("lol we're both idiots for staying up till 4").categories.contains(.abuse))
        #expect(!score("the villain in ep 5 is such a slimy bastard, loved hating him").categories.contains(.abuse))
    }

    /// An add-on stopped with the plan kept, and a term of leaving asked about out of curiosity, are
    /// no leaving; not eating, with the diet denied, is self-harm.
    @Test func addOnsKeptPlansAndDietsDenied() {
        for text in ["把那个彩铃业务退订了就行，别的都不动。", "携号转网是啥意思啊？我爸看电视看到的，就是好奇问问。",
                     "我想把加值服務的音樂包退訂，主方案照舊。"] {
            #expect(!score(text).categories.contains(.churn), "\(text)")
        }
        #expect(score("我要退订彩铃业务，其他的也都不要了").categories.contains(.churn))
        #expect(score("我已經成個禮拜冇食嘢，唔係減肥，係想慢慢咁消失。").categories.contains(.selfHarm))
        #expect(!score("手机屏幕碎了，边上老割手，能不能预约换屏？").categories.contains(.selfHarm))
    }

    /// A thing called dead, a trip to Taipei, a thing of the listener's called rubbish, "shut up"
    /// in delight and a name called oneself are not what their words say; their twins are.
    @Test func thingsCalledDeadAndRoughWordsSaidWarmlyWithTheirTwins() {
        #expect(!score("Don't tell me it's fine when I'm staring at a dead connection every single night!").categories.contains(.selfHarm))
        #expect(score("Honestly I'd be better off dead, just close the account").categories.contains(.selfHarm))
        #expect(!score("改下個禮拜三啦。呢排返工返到攰死，聽日仲要飛一轉台北。").categories.contains(.churn))
        #expect(score("我要转台了，你们太差").categories.contains(.churn))
        #expect(!score("你哋個router真係垃圾，成日斷線").categories.contains(.abuse))
        #expect(score("你真係垃圾，成日斷我線").categories.contains(.abuse))
        #expect(!score("shut up omg this is so good 😭").categories.contains(.abuse))
        #expect(score("shut up you idiot").categories.contains(.abuse))
        #expect(!score("gosh I'm a useless idiot with technology, my grandson normally does all this for me").categories.contains(.abuse))
        #expect(score("I'm done, you useless idiot").categories.contains(.abuse))
    }

    /// Contempt with no insult word in a reply: the listener measured against a dull thing, told to
    /// vanish, or handed a stock jibe; a dull thing said of a cake is no insult.
    @Test func retortsWithoutInsultWords() {
        for text in ["bro has the charisma of a tax form", "you'd lose a debate to a potato", "nobody asked + ratio + L",
                     "kindly go play in traffic", "你妈喊你回家吃药", "有这功夫不如去挂个脑科"] {
            #expect(score(text).categories.contains(.abuse), "\(text)")
        }
        #expect(!score("the cake looks like a potato, can I get a refund?").categories.contains(.abuse))
        #expect(!score("Nobody asked me for anything! Five weeks, four calls").categories.contains(.abuse))
    }
}
