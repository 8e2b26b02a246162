import Foundation
import Testing
import MoodlineCore
@testable import MoodlineEngine

@Suite struct EngineConfigTests {
    private func decode(_ yaml: String) throws -> EngineConfig {
        let tree = try MiniYAML.parse(yaml).tree
        let data = try JSONSerialization.data(withJSONObject: tree)
        return try JSONDecoder().decode(EngineConfig.self, from: data)
    }

    @Test func documentedDefaultsEqualTheDefaults() throws {
        #expect(try decode(EngineConfig.documentedDefaultsYAML) == EngineConfig())
    }

    @Test func documentedDefaultsNameAndCommentEveryKey() throws {
        let keys = try MiniYAML.parse(EngineConfig.documentedDefaultsYAML).keys
        // Every key the encoder writes appears in the YAML, and nothing else does.
        let encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(EngineConfig())) as! [String: Any]
        func paths(_ d: [String: Any], _ prefix: String) -> Set<String> {
            var out: Set<String> = []
            for (k, v) in d {
                let p = prefix.isEmpty ? k : "\(prefix).\(k)"
                out.insert(p)
                if let child = v as? [String: Any] { out.formUnion(paths(child, p)) }
            }
            return out
        }
        let documented = Set(keys.map(\.path))
        #expect(documented == paths(encoded, ""))
        // Section headers of the top level may be explained by the comment block above them;
        // the guidance texts are prose that explains itself, under a comment block of its own.
        let uncommented = keys.filter { !$0.hasComment && $0.path.contains(".") && !$0.path.hasPrefix("rules.") && !$0.path.hasPrefix("guidance.") }
            + keys.filter { !$0.hasComment && $0.path.hasPrefix("rules.") }
        #expect(uncommented.map(\.path) == [])
    }

    @Test func partialConfigKeepsTheOtherDefaults() throws {
        let config = try decode("""
        rules:
          abuse:
            cooldown_seconds: 60
        sessions:
          max_live: 10
        """)
        var expected = EngineConfig()
        expected.rules.abuse.cooldownSeconds = 60
        expected.sessions.maxLive = 10
        #expect(config == expected)
        #expect(config.rules.abuse.severity == .critical)
    }

    @Test func unknownKeysAreRefused() {
        #expect(throws: DecodingError.self) { try decode("sessions:\n  max_lives: 10\n") }
        #expect(throws: DecodingError.self) { try decode("rules:\n  customer_angry:\n    enter: 1\n") }
    }

    @Test func validationNamesTheKey() {
        var config = EngineConfig()
        #expect(throws: Never.self) { try config.validate() }
        config.rules.customerAnger.exit = 0.9
        #expect(throws: EngineConfigError(key: "rules.customer_anger.exit", problem: "must not exceed enter (hysteresis)")) {
            try config.validate()
        }
        config = EngineConfig()
        config.rules.selfHarm.severity = .warning
        #expect(throws: EngineConfigError.self) { try config.validate() }
    }
}

@Suite struct ClimbingConfigTests {
    private func decode(_ json: String) throws -> EngineConfig {
        try JSONDecoder().decode(EngineConfig.self, from: Data(json.utf8))
    }

    @Test func criticalLevelLoadsAndNullTurnsItOff() throws {
        #expect(EngineConfig().rules.customerAnger.criticalLevel == 0.65)
        #expect(EngineConfig().rules.customerNegative.criticalLevel == nil, "only anger escalates by default")
        let off = try decode(#"{"rules":{"customer_anger":{"critical_level":null}}}"#)
        #expect(off.rules.customerAnger.criticalLevel == nil)
        #expect(off.rules.customerAnger.enter == 0.35, "the rest of the rule keeps its defaults")
        let tuned = try decode(#"{"rules":{"customer_anger":{"critical_level":0.8,"climbing_fragments":3}}}"#)
        #expect(tuned.rules.customerAnger.criticalLevel == 0.8)
        #expect(tuned.rules.customerAnger.climbingFragments == 3)
    }

    @Test func aCriticalLevelBelowEnterIsRefused() {
        var config = EngineConfig()
        config.rules.customerAnger.criticalLevel = 0.3
        #expect(throws: EngineConfigError.self) { try config.validate() }
        config.rules.customerAnger.criticalLevel = 0.7
        config.rules.customerAnger.climbingFragments = 0
        #expect(throws: EngineConfigError.self) { try config.validate() }
    }
}

@Suite struct GuidanceTests {
    @Test func everyKindHasGuidanceInEveryLanguage() {
        for kind in AlertKind.allCases {
            for language in GuidanceLanguage.allCases {
                let text = GuidanceBook.standard.texts[kind]?[language]
                #expect(text.map { !$0.cue.isEmpty && !$0.next.isEmpty } == true, "\(kind) \(language)")
            }
        }
    }

    @Test func alertsCarryGuidanceInTheConversationsLanguage() {
        var english = Harness()
        let en = english.send(fragment(1, at: 0, .customer), score(-0.8, .abuse)).first
        #expect(en?.guidance?.lang == "en")
        #expect(en?.guidance?.cue == GuidanceBook.standard.texts[.abuse]?[.en]?.cue)

        // A session tagged for Taiwan or Hong Kong reads traditional characters; a mainland one simplified.
        for (tag, expected) in [("zh-TW", "zh-Hant"), ("zh-Hant-HK", "zh-Hant"), ("yue", "zh-Hant"), ("zh-CN", "zh-Hans")] {
            var h = Harness()
            h.send(.sessionStart(SessionStart(session: "s-1", seq: 0, ts: 0, agent: "a-1", team: "t-1", channel: .chat, customer: nil, lang: tag)))
            let alert = h.send(fragment(1, at: 1, .customer), Score(valence: -0.8, arousal: 0, language: .chinese, categories: CategorySet(.selfHarm))).first
            #expect(alert?.guidance?.lang == expected, "\(tag)")
        }
        // Traditional characters in the text are enough, whatever the tag.
        var h = Harness()
        let traditional = Score(valence: -0.8, arousal: 0, language: .chinese, isTraditional: true, categories: CategorySet(.abuse))
        #expect(h.send(fragment(1, at: 0, .customer), traditional).first?.guidance?.lang == "zh-Hant")
    }

    @Test func aCentreSetsItsOwnCrisisLine() throws {
        let yaml = """
        guidance:
          self_harm:
            en:
              next: "Call Lifeline 13 11 14."
        """
        let tree = try MiniYAML.parse(yaml).tree
        let config = try JSONDecoder().decode(EngineConfig.self, from: JSONSerialization.data(withJSONObject: tree))
        #expect(config.guidance.texts[.selfHarm]?[.en]?.next == "Call Lifeline 13 11 14.")
        #expect(config.guidance.texts[.selfHarm]?[.en]?.cue == GuidanceBook.standard.texts[.selfHarm]?[.en]?.cue)
        #expect(config.guidance.texts[.abuse] == GuidanceBook.standard.texts[.abuse])
        let typo = try MiniYAML.parse("guidance:\n  self_harm:\n    en:\n      nxt: \"x\"").tree
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(EngineConfig.self, from: JSONSerialization.data(withJSONObject: typo))
        }
    }
}
