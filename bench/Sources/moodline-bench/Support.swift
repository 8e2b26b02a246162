import CAllocationCounter
#if canImport(Glibc)
import Glibc
#endif

/// Monotonic nanoseconds (clock_gettime: no allocation, vDSO fast path).
@inline(__always)
func monotonicNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
}

/// CPU time this thread has run, in nanoseconds: on a shared machine, what "per core" means
/// (time the scheduler gave to other processes is not counted).
@inline(__always)
func threadCPUNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
}

enum AllocationCounter {
    static var isActive: Bool { moodline_allocation_counter_active() != 0 }
    @inline(__always) static var allocations: UInt64 { moodline_allocation_count() }

    nonisolated(unsafe) static var sink: [Int] = []

    /// Makes a deliberate heap allocation (an Array whose size the optimiser cannot know and
    /// that escapes into a global) and checks the counter saw at least one allocation.
    @inline(never)
    static func selfCheck(verbose: Bool) -> Bool {
        guard isActive else {
            if verbose { print("allocation counter: not active on this platform (needs Linux/glibc)") }
            return false
        }
        let size = 64 + CommandLine.arguments.count
        let before = allocations
        sink = Array(repeating: size, count: size)
        let after = allocations
        let seen = after &- before
        if verbose {
            print("allocation counter: a deliberate [Int](count: \(size)) counted \(seen) allocation(s) -> \(seen >= 1 ? "OK" : "FAILED")")
        }
        sink = []
        return seen >= 1
    }
}

/// Keeps a value alive so the optimiser cannot drop the work that produced it.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

extension Double {
    func formatted(_ decimals: Int) -> String {
        var p = 1.0
        for _ in 0..<decimals { p *= 10 }
        let r = (self * p).rounded() / p
        var s = String(r)
        if decimals == 0 { if s.hasSuffix(".0") { s.removeLast(2) }; return s }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        var frac = parts.count > 1 ? String(parts[1]) : ""
        if frac.contains("e") { return s }
        while frac.count < decimals { frac += "0" }
        return "\(parts[0]).\(frac)"
    }

    /// 1234567 -> "1,234,567"
    var grouped: String {
        let n = Int(self.rounded())
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}

func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
    let n = s.count
    guard n < width else { return s }
    let fill = String(repeating: " ", count: width - n)
    return right ? fill + s : s + fill
}

/// The bench/ directory, found from this source file's path (works in release builds too).
func benchDirectory() -> String {
    var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3) // Support.swift, moodline-bench, Sources
    return parts.joined(separator: "/")
}

func readFile(_ path: String) -> String? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buffer, 1, buffer.count, f)
        if n <= 0 { break }
        bytes.append(contentsOf: buffer[0..<n])
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// The 1-minute load average from /proc/loadavg ("?" when unavailable).
func loadAverage() -> String {
    guard let text = readFile("/proc/loadavg") else { return "?" }
    return text.split(separator: " ").prefix(3).joined(separator: " ")
}

/// A 1-minute load over 1.5 means something else competes for the cores.
func systemIsBusy(_ load: String) -> Bool {
    guard let first = load.split(separator: " ").first, let value = Double(first) else { return false }
    return value > 1.5
}
