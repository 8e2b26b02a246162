import Testing
@testable import MoodlineCore

@Test func sanity() throws {
    let lex = try Lexicon(sources: [
        LexiconSource(name: "t.map", text: "氣\t气\n"),
        LexiconSource(name: "t.tsv", text: "good\t1.9\t\nbad\t-2.5\t\nnot\t0\tnegator\nvery\t1.3\tintensifier\nbut\t0\tcontrast\nno problem\t1.5\t\n生气\t-2.5\tanger\n很\t1.5\tintensifier\n不\t0\tnegator\n好\t1.9\t\n不想活了\t-3.5\tself_harm\ncancel my subscription\t-1\tchurn\n:)\t2\t\n投诉\t-1.5\tescalation\n不是\t0\tnegator\n"),
    ])
    var s = Scorer(lexicon: lex)
    for t in ["this is good", "this is not good", "this is very good", "NOT good at all!!!", "good but bad", "no problem", "我真的很生氣！！！", "很不好", "不很好", "我不想活了", "I'm not going to cancel my subscription", "cancel my subscription now", "thanks :)", "我不是要投诉", "sooo good", "我的bill好"] {
        let r = s.score(t)
        print(t, r.valence, r.arousal, r.language, r.isTraditional, r.categories.members)
    }
}
