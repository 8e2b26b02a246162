// moodline-bench: Moodline's benchmarks.
//
//   swift run -c release --package-path bench moodline-bench core [--seconds 2] [--no-compare]
//
// Sections:
//   core      scoring throughput on one thread, allocations per fragment, vs VADER / SnowNLP
//   pipeline  end to end over tcp loopback vs raw libzmq, latency, memory, replay (Pipeline.swift)
//   replay    generated JSON lines through Pipeline, no sockets, no store (Replay.swift)
//   jsonl     `moodline score --jsonl` on a file, end to end, vs VADER (JSONLBenchmark.swift)
//   fuzz      hostile frames through the ingest path: frames/s, rejections per reason (Fuzz.swift)
//   push      (internal) the pushing process `pipeline` spawns
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
  pipeline   the live service end to end, in one run:
             [1] fragments/s over tcp loopback from a pushing process: raw libzmq PUSH->PULL,
                 then the same messages into MoodlineServer.Server (SQLite, PUB + 1 SUB),
                 then again with CURVE on all three sockets
             [2] receive->publish latency at a fixed rate (20,000 fragments/s, 10,000 sessions)
             [3] memory per live session (Engine, 100,000 sessions)  [4] replay (below)
             options: --messages N (1,000,000)  --sessions N (10,000)  --seed N  --rate R
                      --seconds S (latency, 10)  --memory-sessions N  --passes N (replay, 3)
                      --db-dir DIR (database and message file; default $TMPDIR or /tmp)
                      --only throughput,latency,memory,replay
  replay     the generated messages as JSON lines through Pipeline (decode, score, engine,
             rules; no sockets, no store): fragments/s.  options as for pipeline
  jsonl      `moodline score --jsonl` end to end on files of N lines (en + zh, and en), then
             VADER as a JSON Lines scorer on English lines (bench/compare/vader_jsonl.py);
             needs the release binary: swift build -c release --product moodline
             options: --lines N (1,000,000)  --vader-lines N (50,000)  --passes N (3)
                      --python PATH  --moodline PATH
  fuzz       hostile frames (FrameFuzzer) through Pipeline in process, then with --zmq into a
             real server over tcp: frames/s, rejections per reason, what each mutation came to,
             and a check that every frame was taken or refused once
             options: --seconds S (60)  --zmq  --zmq-frames N (200,000)  --seed N (1)
                      --sessions N (32)  --live-cap N (1,000)  --db-dir DIR
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
case "jsonl":
    var benchmark = JSONLBenchmark()
    do { try benchmark.parse(rest) } catch {
        print("\(error)\n\n\(usage)")
        exit(64)
    }
    exit(benchmark.run())
case "fuzz":
    exit(FuzzBenchmark.run(arguments: rest))
case "push":
    exit(PushCommand.run(rest))
case "selfcheck":
    exit(AllocationCounter.selfCheck(verbose: true) ? 0 : 1)
case "-h", "--help", "help":
    print(usage)
default:
    print("unknown section '\(section)'\n\n\(usage)")
    exit(64)
}
