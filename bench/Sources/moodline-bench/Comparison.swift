import Foundation

/// Figures from bench/compare/compare.py (VADER and SnowNLP timed on the same lines).
struct Comparison {
    struct Reference {
        var rate: Double?
        /// Rate over the fastest chunk of 20 lines (closest to the uncontended speed).
        var bestRate: Double? = nil
        var lines: Int?
        var error: String?
    }
    var vader = Reference(error: "not run")
    var snownlp = Reference(error: "not run")
    var note: String?

    static func run(python: String, script: String, en: String, zh: String, seconds: Double, maxLines: Int) -> Comparison {
        var result = Comparison()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var args = [python, script, "--en", en, "--zh", zh, "--seconds", String(seconds)]
        if maxLines != Int.max { args += ["--lines", String(maxLines)] }
        process.arguments = args
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.standardError
        do {
            try process.run()
        } catch {
            let message = "cannot start \(python): \(error)"
            result.vader.error = message
            result.snownlp.error = message
            result.note = "python3 is missing: only Moodline's own figures are shown"
            return result
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 || !data.isEmpty,
              let lastLine = String(decoding: data, as: UTF8.self).split(separator: "\n").last,
              let json = try? JSONSerialization.jsonObject(with: Data(lastLine.utf8)) as? [String: Any] else {
            let message = "compare.py failed (exit \(process.terminationStatus))"
            result.vader.error = message
            result.snownlp.error = message
            result.note = "python3 or its packages are missing: only Moodline's own figures are shown"
            return result
        }
        func reference(_ key: String) -> Reference {
            guard let entry = json[key] as? [String: Any] else { return Reference(error: "no result") }
            if let error = entry["error"] as? String { return Reference(error: error) }
            return Reference(rate: entry["fragments_per_s"] as? Double, bestRate: entry["best_fragments_per_s"] as? Double,
                             lines: entry["lines"] as? Int, error: nil)
        }
        result.vader = reference("vader")
        result.snownlp = reference("snownlp")
        result.note = json["note"] as? String
        return result
    }
}
