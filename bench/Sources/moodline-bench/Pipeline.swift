// Placeholders for the pipeline and replay benchmarks.
//
// To write them:
// 1. In bench/Package.swift add the products to the moodline-bench target, e.g.
//      .product(name: "MoodlineEngine", package: "moodline"),
//    (and the Wire product once the root package exports one).
// 2. Implement `pipeline` here: decode wire-schema v1 fragments (e.g. the lines of
//    /work/shared/scenarios/sessions/*.jsonl, repeated), score them, feed the engine,
//    and report fragments/s end to end, allocations/fragment (AllocationCounter), and
//    the latency distribution per fragment.
// 3. Implement `replay`: merge the scenario sessions by ts and push them through the
//    running pipeline as fast as possible; report fragments/s and the alerts raised.
#if canImport(Glibc)
import Glibc
#endif

enum PipelineBenchmark {
    static func run(section: String, arguments: [String]) -> Int32 {
        print("moodline-bench \(section): not written yet (see bench/Sources/moodline-bench/Pipeline.swift)")
        return 0
    }
}
