import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func Elementary_log(_ x: Double) -> Double { log(x) }
func Elementary_exp(_ x: Double) -> Double { exp(x) }

func pow(_ x: Double, _ n: Int) -> Double { (0..<n).reduce(1) { r, _ in r * x } }
func Elementary_atan(_ x: Double) -> Double { atan(x) }

/// Runs `body` on another thread and returns its result, or nil when it has not finished
/// within `seconds`. A hang then fails its test instead of stalling the run (the stuck thread
/// is left spinning until the process exits).
func withDeadline<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () -> T) -> T? {
    let box = DeadlineBox<T>()
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
        box.value = body()
        done.signal()
    }
    guard done.wait(timeout: .now() + seconds) == .success else { return nil }
    return box.value
}

/// The result slot of `withDeadline`; the semaphore orders its write before the read.
final class DeadlineBox<T>: @unchecked Sendable {
    var value: T?
}
