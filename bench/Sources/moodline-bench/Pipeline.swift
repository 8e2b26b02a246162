// `moodline-bench pipeline` and `moodline-bench replay`: the live service measured end to end.
//
//   pipeline  1. throughput over tcp loopback: raw libzmq PUSH→PULL, then the same messages
//                PUSHed into a real MoodlineServer.Server (engine, SQLite store, PUB with one
//                subscriber), from a separate pushing process (this executable's `push`)
//             2. latency at 20,000 fragments/s over 10,000 sessions: receive→publish per message
//                (Server.Instrumentation), and push→SUB for self-harm probe alerts
//             3. memory per live session (MoodlineEngine.Engine, 100,000 sessions)
//             4. replay: the same JSON lines through Pipeline without sockets or store
//   replay    section 4 alone
import Foundation
import CAllocationCounter
import MoodlineCore
import MoodlineEngine
import MoodlineServer
import MoodlineWire
#if canImport(Glibc)
import Glibc
#endif

enum PipelineBenchmark {
    struct Options {
        var messages = 1_000_000
        var sessions = 10_000
        var seed: UInt64 = 42
        var rate = 20_000.0
        var latencySeconds = 10.0
        var memorySessions = 100_000
        var fragmentsPerSession = 4
        var replayPasses = 3
        var databaseDirectory = NSTemporaryDirectory()
        var highWaterMark: Int32 = 200_000
        /// `full` syncs every commit (the default); `normal` leaves the sync to checkpoints.
        var durability = ServerConfiguration.Durability.full
        var sections: Set<String> = ["throughput", "latency", "memory", "replay"]

        mutating func parse(_ args: [String]) throws {
            var cursor = OptionCursor(args)
            while let option = cursor.next() {
                switch option {
                case "--messages": messages = Int(try cursor.value(of: option)) ?? messages
                case "--sessions": sessions = Int(try cursor.value(of: option)) ?? sessions
                case "--seed": seed = UInt64(try cursor.value(of: option)) ?? seed
                case "--rate": rate = Double(try cursor.value(of: option)) ?? rate
                case "--seconds": latencySeconds = Double(try cursor.value(of: option)) ?? latencySeconds
                case "--memory-sessions": memorySessions = Int(try cursor.value(of: option)) ?? memorySessions
                case "--passes": replayPasses = Int(try cursor.value(of: option)) ?? replayPasses
                case "--db-dir": databaseDirectory = try cursor.value(of: option)
                case "--durability":
                    let raw = try cursor.value(of: option)
                    guard let d = ServerConfiguration.Durability(rawValue: raw) else {
                        throw BenchFailure(description: "--durability is full or normal, not \(raw)")
                    }
                    durability = d
                case "--only": sections = Set(try cursor.value(of: option).split(separator: ",").map(String.init))
                default: throw OptionCursor.unknown(option)
                }
            }
            if databaseDirectory.hasSuffix("/") && databaseDirectory.count > 1 { databaseDirectory.removeLast() }
        }
    }

    /// One line of the final table.
    struct Row {
        var measure: String
        var value: String
        var target: String
        var met: Bool?
    }

    static func run(section: String, arguments: [String]) -> Int32 {
        var options = Options()
        do { try options.parse(arguments) } catch {
            print("\(error)")
            return 64
        }
        if section == "replay" { options.sections = ["replay"] }
        signal(SIGPIPE, SIG_IGN)
        let loadStart = loadAverage()
        print("moodline-bench \(section): \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(loadStart)\(systemIsBusy(loadStart) ? "  (BUSY: figures depressed)" : "")")
        print("  durability: \(options.durability.rawValue)   database directory: \(options.databaseDirectory)   messages: \(options.messages.grouped)   concurrent sessions: \(options.sessions.grouped)   seed: \(options.seed)")

        var rows: [Row] = []
        var status: Int32 = 0
        let started = monotonicNanoseconds()
        var messages = MessageSet()
        if !options.sections.isDisjoint(with: ["throughput", "replay"]) {
            messages = MessageSet.generate(seed: options.seed, sessions: options.sessions, count: options.messages)
            let seconds = Double(monotonicNanoseconds() - started) / 1e9
            print("  generated \(messages.count.grouped) messages (\(messages.fragments.grouped) fragments, the rest session starts/ends), mean \(messages.meanBytes.formatted(0)) B, fragments \(messages.meanFragmentBytes.formatted(0)) B, in \(seconds.formatted(1)) s")
        }
        do {
            if options.sections.contains("throughput") {
                rows += try Throughput(options: options, messages: messages).run()
            }
            if options.sections.contains("latency") {
                rows += try LatencyRun(options: options).run()
            }
            if options.sections.contains("memory") {
                rows += MemoryRun(options: options).run()
            }
            if options.sections.contains("replay") {
                rows += ReplayRun(options: options, messages: messages).run()
            }
        } catch {
            print("FAILED: \(error)")
            status = 1
        }
        let loadEnd = loadAverage()
        printTable(rows, loadStart: loadStart, loadEnd: loadEnd)
        return status
    }

    static func printTable(_ rows: [Row], loadStart: String, loadEnd: String) {
        guard !rows.isEmpty else { return }
        let w0 = max(7, rows.map { $0.measure.count }.max() ?? 0)
        let w1 = max(5, rows.map { $0.value.count }.max() ?? 0)
        let w2 = max(6, rows.map { $0.target.count }.max() ?? 0)
        print("")
        print("\(pad("measure", w0)) | \(pad("value", w1, right: true)) | \(pad("target", w2)) | verdict")
        print(String(repeating: "-", count: w0) + "-|-" + String(repeating: "-", count: w1) + "-|-" + String(repeating: "-", count: w2) + "-|--------")
        for r in rows {
            let verdict = r.met.map { $0 ? "MET" : "NOT MET" } ?? ""
            print("\(pad(r.measure, w0)) | \(pad(r.value, w1, right: true)) | \(pad(r.target, w2)) | \(verdict)")
        }
        print("load average (1/5/15 min): start \(loadStart), end \(loadEnd)\(systemIsBusy(loadEnd) || systemIsBusy(loadStart) ? "  -- machine busy: other processes competed for the 2 cores" : "")")
    }
}

/// Percentiles of nanosecond samples, in microseconds.
struct Percentiles {
    var count: Int
    var p50: Double
    var p99: Double
    var p999: Double
    var max: Double
    var mean: Double

    init?(_ samples: [UInt64]) {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        func at(_ q: Double) -> Double {
            let index = Swift.min(sorted.count - 1, Int((q * Double(sorted.count)).rounded(.up)) - 1)
            return Double(sorted[Swift.max(0, index)]) / 1000
        }
        count = sorted.count
        p50 = at(0.50)
        p99 = at(0.99)
        p999 = at(0.999)
        max = Double(sorted[sorted.count - 1]) / 1000
        var total = 0.0
        for s in sorted { total += Double(s) }
        mean = total / Double(sorted.count) / 1000
    }

    var text: String { "p50 \(p50.formatted(1)) µs, p99 \(p99.formatted(1)) µs, p99.9 \(p999.formatted(1)) µs, max \(max.formatted(1)) µs, mean \(mean.formatted(1)) µs (n=\(count.grouped))" }
}

/// Resident set size from /proc/self/statm, in bytes.
func residentBytes() -> Int {
    guard let text = readFile("/proc/self/statm") else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

/// Bytes allocated with malloc and not yet freed (glibc mallinfo2).
func heapInUseBytes() -> Int {
    Int(moodline_bench_heap_in_use())
}

/// Sleeps until the monotonic time `due` (ns).
func sleep(until due: UInt64) {
    let now = monotonicNanoseconds()
    guard due > now else { return }
    let left = due - now
    var request = timespec(tv_sec: Int(left / 1_000_000_000), tv_nsec: Int(left % 1_000_000_000))
    var remaining = timespec()
    while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
}
