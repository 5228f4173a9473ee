import Foundation
import Synchronization

/// Runs `count` independent pieces of work on up to `jobs` threads, each thread taking the next
/// index in order; `body` is called once per index. The one parallel loop of the runners.
enum ParallelWork {
    static func run(_ count: Int, jobs: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let next = Atomic(0)
        let work = { @Sendable () in
            while true {
                let i = next.add(1, ordering: .relaxed).oldValue
                guard i < count else { return }
                body(i)
            }
        }
        let threads = max(1, min(jobs, count))
        if threads == 1 {
            work()
        } else {
            DispatchQueue.concurrentPerform(iterations: threads) { _ in work() }
        }
    }
}
