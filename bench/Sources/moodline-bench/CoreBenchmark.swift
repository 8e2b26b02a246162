import MoodlineCore
#if canImport(Glibc)
import Glibc
#endif

/// `moodline-bench core`: scoring throughput on one thread.
struct CoreBenchmark {
    struct Options {
        var seconds = 2.0
        var compareSeconds = 2.0
        var compare = true
        var python = "python3"
        var corpusDirectory = benchDirectory() + "/corpus"
        var maxLines = Int.max

        mutating func parse(_ args: [String]) throws {
            var cursor = OptionCursor(args)
            while let option = cursor.next() {
                switch option {
                case "--seconds": seconds = Double(try cursor.value(of: option)) ?? seconds
                case "--compare-seconds": compareSeconds = Double(try cursor.value(of: option)) ?? compareSeconds
                case "--no-compare": compare = false
                case "--python": python = try cursor.value(of: option)
                case "--corpus": corpusDirectory = try cursor.value(of: option)
                case "--lines": maxLines = Int(try cursor.value(of: option)) ?? maxLines
                default: throw OptionCursor.unknown(option)
                }
            }
        }
    }

    struct Corpus {
        var name: String
        var lines: [String]
        var language: Language?
        /// Whose lines they are read as: an agent's line is read for misconduct only.
        var reading: LearnedReading = .customer
    }

    struct Result {
        var name: String
        var lines: Int
        var meanBytes: Double
        var meanUnits: Double // words (en) or characters (zh)
        var fragments: Int
        var seconds: Double
        var allocations: UInt64
        var checksum: Float
        /// The fastest single pass over the lines: on a busy machine, closest to the uncontended speed.
        var bestPassSeconds: Double
        /// CPU time the scoring thread ran during the timed loop.
        var cpuSeconds: Double
        var bestFragmentsPerSecond: Double { Double(lines) / bestPassSeconds }
        var fragmentsPerCPUSecond: Double { Double(fragments) / cpuSeconds }
        var fragmentsPerSecond: Double { Double(fragments) / seconds }
        var nanosecondsPerFragment: Double { seconds * 1e9 / Double(fragments) }
        var allocationsPerFragment: Double { Double(allocations) / Double(fragments) }
    }

    var options: Options

    static func loadLines(_ path: String, max: Int) -> [String]? {
        guard let text = readFile(path) else { return nil }
        var lines: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            lines.append(String(line))
            if lines.count >= max { break }
        }
        return lines
    }

    func corpora(scorer: inout Scorer) -> [Corpus]? {
        let dir = options.corpusDirectory
        guard let en = Self.loadLines(dir + "/en.txt", max: options.maxLines),
              let zh = Self.loadLines(dir + "/zh.txt", max: options.maxLines),
              let mixed = Self.loadLines(dir + "/mixed.txt", max: options.maxLines) else {
            print("cannot read the corpus files in \(dir) (en.txt, zh.txt, mixed.txt)")
            return nil
        }
        // Split the Chinese lines by script, as the scorer sees it (traditional characters present).
        var hans: [String] = [], hant: [String] = []
        for line in zh {
            if scorer.score(line, language: .chinese).isTraditional { hant.append(line) } else { hans.append(line) }
        }
        return [
            Corpus(name: "en", lines: en, language: .english),
            Corpus(name: "zh (all)", lines: zh, language: .chinese),
            Corpus(name: "zh-Hans", lines: hans, language: .chinese),
            Corpus(name: "zh-Hant", lines: hant, language: .chinese),
            Corpus(name: "mixed", lines: mixed, language: nil),
            Corpus(name: "en, agent", lines: en, language: .english, reading: .agent),
            Corpus(name: "zh, agent", lines: zh, language: .chinese, reading: .agent),
        ]
    }

    /// Scores the corpus over and over for at least `seconds`, after a warm-up; counts the
    /// heap allocations made during the timed loop.
    @inline(never)
    static func measure(_ corpus: Corpus, scorer: inout Scorer, seconds: Double) -> Result {
        let lines = corpus.lines
        let language = corpus.language
        let reading = corpus.reading
        var checksum: Float = 0
        // Warm-up: at least 3 passes and 0.2 s; grows the scorer's buffers to their final size.
        let warmStart = monotonicNanoseconds()
        var passes = 0
        while passes < 3 || monotonicNanoseconds() - warmStart < 200_000_000 {
            for line in lines { checksum += scorer.score(line, language: language, learned: reading).valence }
            passes += 1
        }
        let budget = UInt64(seconds * 1e9)
        var fragments = 0
        let allocationsBefore = AllocationCounter.allocations
        let cpuStart = threadCPUNanoseconds()
        let start = monotonicNanoseconds()
        var now = start
        var bestPass = UInt64.max
        repeat {
            let passStart = now
            for line in lines {
                let score = scorer.score(line, language: language, learned: reading)
                checksum += score.valence + score.arousal
            }
            fragments += lines.count
            now = monotonicNanoseconds()
            bestPass = min(bestPass, now - passStart)
        } while now - start < budget
        let cpuEnd = threadCPUNanoseconds()
        let allocationsAfter = AllocationCounter.allocations
        blackHole(checksum)

        let bytes = lines.reduce(0) { $0 + $1.utf8.count }
        let units = lines.reduce(0) { total, line in
            total + (language == .english
                ? line.split(whereSeparator: { $0 == " " }).count
                : line.unicodeScalars.filter { $0.value >= 0x3400 && $0.value <= 0x9FFF }.count)
        }
        return Result(
            name: corpus.name, lines: lines.count,
            meanBytes: Double(bytes) / Double(max(lines.count, 1)),
            meanUnits: Double(units) / Double(max(lines.count, 1)),
            fragments: fragments, seconds: Double(now - start) / 1e9,
            allocations: allocationsAfter &- allocationsBefore, checksum: checksum,
            bestPassSeconds: Double(bestPass) / 1e9, cpuSeconds: Double(cpuEnd - cpuStart) / 1e9)
    }

    func run() -> Int32 {
        print("moodline-bench core: MoodlineCore scoring, one thread, release build")
        let load = loadAverage()
        print("load average at start: \(load)\(systemIsBusy(load) ? "  (WARNING: other work is running; figures will be low and noisy)" : "")")
        let lexiconStart = monotonicNanoseconds()
        let lexicon = Lexicon.embedded
        var scorer = Scorer(lexicon: lexicon)
        _ = scorer.score("warm up", language: .english)
        let lexiconMs = Double(monotonicNanoseconds() - lexiconStart) / 1e6
        print("lexicon: \(lexicon.count) entries (embedded), built in \(lexiconMs.formatted(1)) ms")
        _ = AllocationCounter.selfCheck(verbose: true)
        guard let corpora = corpora(scorer: &scorer) else { return 1 }

        var results: [Result] = []
        for corpus in corpora where !corpus.lines.isEmpty {
            let r = Self.measure(corpus, scorer: &scorer, seconds: options.seconds)
            results.append(r)
            print("  \(pad(r.name, 9)) \(r.fragments) fragments in \(r.seconds.formatted(2)) s")
        }

        var comparison: Comparison? = nil
        if options.compare {
            print("\nrunning \(options.python) bench/compare/compare.py (VADER on en.txt, SnowNLP on zh.txt, ≥ \(options.compareSeconds.formatted(1)) s each) ...")
            fflush(nil) // flush stdout before the child writes to the shared stderr
            comparison = Comparison.run(
                python: options.python, script: benchDirectory() + "/compare/compare.py",
                en: options.corpusDirectory + "/en.txt", zh: options.corpusDirectory + "/zh.txt",
                seconds: options.compareSeconds, maxLines: options.maxLines)
        }
        report(results, comparison: comparison)
        return 0
    }

    func report(_ results: [Result], comparison: Comparison?) {
        print("")
        print("| corpus   | lines | mean size        | fragments/s | per CPU-second | ns/fragment | best pass/s | allocs/fragment | vs reference |")
        print("|----------|------:|------------------|------------:|---------------:|------------:|------------:|----------------:|--------------|")
        for r in results {
            let size = r.name.hasPrefix("en")
                ? "\(r.meanUnits.formatted(1)) words, \(r.meanBytes.formatted(0)) B"
                : r.name == "mixed" ? "\(r.meanBytes.formatted(0)) B"
                : "\(r.meanUnits.formatted(1)) chars, \(r.meanBytes.formatted(0)) B"
            var versus = ""
            if let comparison {
                if r.name == "en", let vader = comparison.vader.rate {
                    versus = "\((r.fragmentsPerSecond / vader).formatted(0))× VADER"
                } else if r.name == "zh (all)", let snow = comparison.snownlp.rate {
                    versus = "\((r.fragmentsPerSecond / snow).formatted(0))× SnowNLP"
                }
            }
            print("| \(pad(r.name, 8)) | \(pad(String(r.lines), 5, right: true)) | \(pad(size, 16)) | \(pad(r.fragmentsPerSecond.grouped, 11, right: true)) | \(pad(r.fragmentsPerCPUSecond.grouped, 14, right: true)) | \(pad(r.nanosecondsPerFragment.formatted(0), 11, right: true)) | \(pad(r.bestFragmentsPerSecond.grouped, 11, right: true)) | \(pad(r.allocationsPerFragment.formatted(r.allocations == 0 ? 0 : 4), 15, right: true)) | \(versus) |")
        }
        print("fragments/s and ns/fragment: mean over the whole timed loop (wall clock); per CPU-second: the same loop over the CPU time the thread ran (what one core does when other work shares the machine); best pass/s: the fastest single pass over the lines")
        if let comparison {
            print("")
            print("| reference                          | lines | fragments/s | µs/fragment | Moodline/reference | best: ref/s | best: Moodline/ref |")
            print("|------------------------------------|------:|------------:|------------:|-------------------:|------------:|-------------------:|")
            let en = results.first { $0.name == "en" }
            let zh = results.first { $0.name == "zh (all)" }
            for (label, ref, mine) in [("VADER polarity_scores (en.txt)", comparison.vader, en), ("SnowNLP(text).sentiments (zh.txt)", comparison.snownlp, zh)] {
                if let rate = ref.rate {
                    let ratio = mine.map { ($0.fragmentsPerSecond / rate).formatted(0) + "×" } ?? "-"
                    let best = ref.bestRate.map(\.grouped) ?? "-"
                    let bestRatio = ref.bestRate.flatMap { b in mine.map { ($0.bestFragmentsPerSecond / b).formatted(0) + "×" } } ?? "-"
                    print("| \(pad(label, 34)) | \(pad(String(ref.lines ?? 0), 5, right: true)) | \(pad(rate.grouped, 11, right: true)) | \(pad((1e6 / rate).formatted(1), 11, right: true)) | \(pad(ratio, 18, right: true)) | \(pad(best, 11, right: true)) | \(pad(bestRatio, 18, right: true)) |")
                } else {
                    print("| \(pad(label, 34)) |     - |           - |           - | unavailable: \(ref.error ?? "?") |")
                }
            }
            print("best: Moodline's fastest pass over the corpus vs the reference's fastest chunk of 20 lines")
            if let note = comparison.note { print("note: \(note)") }
        }

        // Targets.
        print("")
        let perLanguage = results.filter { ["en", "zh-Hans", "zh-Hant", "mixed"].contains($0.name) }
        let slowest = perLanguage.min { $0.fragmentsPerSecond < $1.fragmentsPerSecond }
        if let slowest {
            let ok = slowest.fragmentsPerSecond >= 1_000_000
            let slowestBest = perLanguage.map(\.bestFragmentsPerSecond).min() ?? 0
            let slowestCPU = perLanguage.map(\.fragmentsPerCPUSecond).min() ?? 0
            print("target ≥ 1,000,000 fragments/s per core per language: \(ok ? "MET" : "NOT MET") (slowest: \(slowest.name) \(slowest.fragmentsPerSecond.grouped)/s mean, slowest per CPU-second \(slowestCPU.grouped)/s, slowest best pass \(slowestBest.grouped)/s)")
        }
        let maxAllocs = results.map(\.allocationsPerFragment).max() ?? 0
        print("target 0 allocations/fragment: \(maxAllocs == 0 ? "MET" : "NOT MET (max \(maxAllocs.formatted(4)))")")
        if let comparison, let vader = comparison.vader.rate, let en = results.first(where: { $0.name == "en" }) {
            let ratio = en.fragmentsPerSecond / vader
            let best = comparison.vader.bestRate.map { " mean; \((en.bestFragmentsPerSecond / $0).formatted(0))× best vs best" } ?? ""
            print("target ≥ 40× VADER (en): \(ratio >= 40 ? "MET" : "NOT MET") (\(ratio.formatted(0))×\(best))")
        } else if options.compare {
            print("target ≥ 40× VADER: not measured (VADER unavailable)")
        }
        let loadEnd = loadAverage()
        print("load average at end: \(loadEnd)\(systemIsBusy(loadEnd) ? "  (busy machine: rerun when idle for clean figures)" : "")")
        print("checksum \(results.reduce(Float(0)) { $0 + $1.checksum })")
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var s = self
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
