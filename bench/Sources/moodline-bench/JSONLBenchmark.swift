import Foundation

/// `moodline score --jsonl` end to end on a file, as a QA analyst or the statement scorer runs
/// it (process start, lexicon load, reading, decoding, scoring, writing), against VADER as a
/// JSON Lines scorer on the same English lines, in the same run.
struct JSONLBenchmark {
    var lines = 1_000_000
    var vaderLines = 50_000
    var passes = 3
    var python = "python3"
    var moodline = benchDirectory() + "/../.build/release/moodline"

    mutating func parse(_ arguments: [String]) throws {
        var cursor = OptionCursor(arguments)
        while let option = cursor.next() {
            switch option {
            case "--lines": lines = Int(try cursor.value(of: option)) ?? lines
            case "--vader-lines": vaderLines = Int(try cursor.value(of: option)) ?? vaderLines
            case "--passes": passes = max(1, Int(try cursor.value(of: option)) ?? passes)
            case "--python": python = try cursor.value(of: option)
            case "--moodline": moodline = try cursor.value(of: option)
            default: throw OptionCursor.unknown(option)
            }
        }
    }

    func run() -> Int32 {
        guard FileManager.default.isExecutableFile(atPath: moodline) else {
            print("no moodline binary at \(moodline): build it first with `swift build -c release --product moodline`, or pass --moodline PATH")
            return 2
        }
        let corpus = benchDirectory() + "/corpus"
        func corpusLines(_ name: String) -> [String] {
            (readFile("\(corpus)/\(name)") ?? "").split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        }
        let en = corpusLines("en.txt"), zh = corpusLines("zh.txt")
        let directory = NSTemporaryDirectory()
        let mixedFile = directory + "moodline-bench-jsonl-mixed.jsonl", enFile = directory + "moodline-bench-jsonl-en.jsonl"
        write(lines, to: mixedFile) { i in i % 2 == 0 ? (en[i / 2 % en.count], "en") : (zh[i / 2 % zh.count], "zh") }
        write(lines, to: enFile) { i in (en[i % en.count], "en") }
        defer {
            unlink(mixedFile)
            unlink(enFile)
        }
        print("moodline score --jsonl on \(lines.grouped) lines, \(passes) passes each (process start and lexicon load included)")
        let mixed = (0..<passes).map { _ in timeMoodline(mixedFile) }
        let english = (0..<passes).map { _ in timeMoodline(enFile) }
        func report(_ label: String, _ seconds: [Double]) -> Double {
            let rates = seconds.map { Double(lines) / $0 }
            let mean = rates.reduce(0, +) / Double(rates.count)
            print("  \(label): mean \(Int(mean).grouped) lines/s, fastest \(Int(rates.max() ?? 0).grouped) (\(rates.map { Int($0).grouped }.joined(separator: " / ")))")
            return mean
        }
        _ = report("en + zh", mixed)
        let englishMean = report("en", english)
        let vaderFile = directory + "moodline-bench-jsonl-vader.jsonl"
        write(vaderLines, to: vaderFile) { i in (en[i % en.count], "en") }
        defer { unlink(vaderFile) }
        if let vader = timeVADER(vaderFile) {
            print("  VADER as a JSON Lines scorer (python3, json + vaderSentiment) on \(vaderLines.grouped) of the English lines: \(Int(vader).grouped) lines/s")
            print("  ratio, English: \((englishMean / vader).formatted(0))× VADER")
        }
        return 0
    }

    private func write(_ count: Int, to path: String, _ line: (Int) -> (String, String)) {
        var out = ""
        out.reserveCapacity(count * 120)
        for i in 0..<count {
            let (text, lang) = line(i)
            out += "{\"id\":\"r\(i)\",\"text\":\"\(text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\",\"lang\":\"\(lang)\"}\n"
        }
        FileManager.default.createFile(atPath: path, contents: Data(out.utf8))
    }

    private func timeMoodline(_ file: String) -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: moodline)
        process.arguments = ["score", "--jsonl"]
        process.standardInput = FileHandle(forReadingAtPath: file)
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        let start = monotonicNanoseconds()
        try? process.run()
        process.waitUntilExit()
        return Double(monotonicNanoseconds() - start) / 1e9
    }

    private func timeVADER(_ file: String) -> Double? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, benchDirectory() + "/compare/vader_jsonl.py", file]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch { print("  VADER: could not start \(python): \(error)"); return nil }
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0,
              let last = text.split(separator: "\n").last,
              let object = try? JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any],
              let rate = object["lines_per_s"] as? Double
        else {
            print("  VADER: not measured (\(text.split(separator: "\n").last ?? "no output")); pip install vaderSentiment")
            return nil
        }
        return rate
    }
}
