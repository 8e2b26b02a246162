import ArgumentParser
import MoodlineCore
import MoodlineServer

struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Work with lexicon files.",
        subcommands: [Check.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report duplicates, bad weights and unknown tags, with file and line.",
            discussion: "Exits 1 when any file has errors; warnings alone exit 0."
        )

        @Argument(help: "The lexicon directory (default: the embedded lexicons).")
        var directory: String?

        func run() throws {
            let sources: [LexiconSource]
            do {
                sources = try directory.map { path throws(LexiconDirectoryError) in try LexiconDirectory.sources(at: path) } ?? EmbeddedLexiconSources.all
            } catch {
                throw ValidationError("\(error)")
            }
            let issues = Lexicon.check(sources)
            for issue in issues { print(issue) }
            let errors = issues.filter(\.isError).count
            let lexicon = errors == 0 ? try? Lexicon(sources: sources) : nil
            let what = directory ?? "embedded lexicons"
            print("\(what): \(sources.count) files, \(lexicon.map { "\($0.count) entries, " } ?? "")\(errors) error(s), \(issues.count - errors) warning(s)")
            if let lexicon {
                let (english, chinese) = lexicon.conceptsInUse
                print("concepts: \(english) of \(ConceptSet.capacity) numbers for English patterns, \(chinese) for Chinese")
            }
            if errors > 0 { throw ExitCode(1) }
        }
    }
}
