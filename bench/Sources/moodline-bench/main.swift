// moodline-bench: Moodline's benchmarks.
//
//   swift run -c release --package-path bench moodline-bench core [--seconds 2] [--no-compare]
//
// Sections:
//   core      scoring throughput on one thread, allocations per fragment, vs VADER / SnowNLP
//   pipeline  (placeholder) wire decode -> engine -> alerts, see Pipeline.swift
//   replay    (placeholder) scenario sessions replayed at full speed, see Pipeline.swift
//   selfcheck checks that the allocation counter sees allocations

#if canImport(Glibc)
import Glibc
#endif

let arguments = Array(CommandLine.arguments.dropFirst())
let section = arguments.first ?? "core"
let rest = Array(arguments.dropFirst())

let usage = """
usage: moodline-bench <section> [options]
sections:
  core       scoring: fragments/s on one thread, ns/fragment, heap allocations/fragment,
             then the same lines through VADER and SnowNLP (python3 bench/compare/compare.py)
             options: --seconds S (per language, default 2)  --compare-seconds S (default 2)
                      --no-compare  --python PATH  --corpus DIR  --lines N (cap per file)
  pipeline   not yet written (wire decode -> engine -> alerts)
  replay     not yet written (scenario sessions at full speed)
  selfcheck  checks that the allocation counter counts
"""

switch section {
case "core":
    guard AllocationCounter.selfCheck(verbose: false) else {
        print("allocation counter self-check FAILED: a deliberate Array allocation was not counted")
        exit(2)
    }
    var options = CoreBenchmark.Options()
    do { try options.parse(rest) } catch {
        print("\(error)\n\n\(usage)")
        exit(64)
    }
    exit(CoreBenchmark(options: options).run())
case "pipeline", "replay":
    exit(PipelineBenchmark.run(section: section, arguments: rest))
case "selfcheck":
    exit(AllocationCounter.selfCheck(verbose: true) ? 0 : 1)
case "-h", "--help", "help":
    print(usage)
default:
    print("unknown section '\(section)'\n\n\(usage)")
    exit(64)
}
