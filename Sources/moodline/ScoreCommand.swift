import ArgumentParser
import Foundation
import MoodlineCore
import MoodlineServer

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score text and explain the result, or score JSON lines from standard input.",
        discussion: """
        With text: prints valence (-1 to 1), arousal (0 to 1), language, categories, the lexicon \
        entries that matched and the rules that changed them.

        With --jsonl: reads lines of {"id":…,"text":…,"lang"?:…,"speaker"?:…} from standard input \
        ("speaker":"agent" reads the line as an agent's, for misconduct) and writes \
        {"id":…,"valence":…,"arousal":…,"lang":…,"categories":[…]} per line. A bad line yields \
        {"id":…,"error":…} for that line and the run goes on; blank lines are skipped.
        """
    )

    @Argument(help: "The text to score.")
    var text: [String] = []

    @Flag(help: "Read JSON lines from standard input and write one result per line.")
    var jsonl = false

    @Option(help: "Language tag (en, zh, zh-Hant, …); detected when absent.")
    var lang: String?

    @Flag(help: "Read the text as an agent's line: the learned layer then looks for misconduct (rude) only.")
    var agent = false

    @Option(help: "Load lexicons from this directory instead of the embedded ones.")
    var lexicons: String?

    func validate() throws {
        if jsonl && !text.isEmpty { throw ValidationError("give either text or --jsonl, not both") }
        if jsonl && agent { throw ValidationError("--agent reads the text given on the command line; in JSON lines give \"speaker\":\"agent\"") }
        if !jsonl && text.isEmpty { throw ValidationError("give the text to score, or --jsonl to read JSON lines from standard input") }
        if let lang, Language(bcp47: lang) == nil {
            throw ValidationError("unknown language tag '\(lang)'; use en, zh, zh-Hans, zh-Hant, zh-TW, zh-HK or mixed")
        }
    }

    func run() throws {
        let lexicon = try loadLexicon(lexicons)
        if jsonl {
            JSONLScoring(lexicon: lexicon).run()
            return
        }
        var scorer = Scorer(lexicon: lexicon)
        var recorder = StepRecorder()
        let line = text.joined(separator: " ")
        let score = scorer.score(line, language: lang.flatMap { Language(bcp47: $0) }, learned: agent ? .agent : .customer, tracer: &recorder)
        print(ScoreExplanation(text: line, score: score, steps: recorder.steps, lexicon: lexicon).rendered)
    }
}

/// Loads the lexicon named on the command line, turning load errors into a readable exit.
func loadLexicon(_ path: String?) throws -> Lexicon {
    do {
        return try LexiconDirectory.load(path)
    } catch {
        throw ValidationError("\(error)")
    }
}
