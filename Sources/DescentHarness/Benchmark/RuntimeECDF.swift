#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A runtime ECDF in COCO's sense: over a set of (landscape, run, target) triples, the
/// fraction solved by step k — a run solves a triple at the first step its noise-free gap is
/// ≤ the target — drawn against log k (Hansen et al., "COCO: Performance Assessment", 2016).
///
/// Its area, the leaderboard's aggregate, is taken against log(1 + k) over 0…T and normalised
/// to [0, 1]: a triple solved at step s contributes 1 − log(1 + s)/log(1 + T), an unsolved one
/// 0; the area is their mean. 1 means every triple solved at the start, 0 none solved.
public struct RuntimeECDF: Hashable, Sendable {
    /// Steps at which triples were solved, ascending (unsolved ones are absent).
    public var solvedAt: [Int]
    /// Triples in all, solved or not.
    public var triples: Int
    /// The step budget T.
    public var budget: Int

    /// The ECDF of `outcomes` over every target index in `targets`.
    public init(_ outcomes: [RunOutcome], targets: Range<Int>, budget: Int) {
        var solved: [Int] = []
        for o in outcomes { for t in targets { if let k = o.stepsToTarget[t] { solved.append(k) } } }
        solvedAt = solved.sorted()
        triples = outcomes.count * targets.count
        self.budget = budget
    }

    /// The fraction of triples solved by step `k` (at or before it).
    public func fraction(atStep k: Int) -> Double {
        guard triples > 0 else { return 0 }
        // The number of solved steps ≤ k, by binary search.
        var lo = 0, hi = solvedAt.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if solvedAt[mid] <= k { lo = mid + 1 } else { hi = mid }
        }
        return Double(lo) / Double(triples)
    }

    /// The normalised area under the ECDF against log(1 + k), k ∈ [0, T] (see the type).
    public var area: Double {
        guard triples > 0, budget > 0 else { return 0 }
        let full = log(1 + Double(budget))
        var sum = 0.0
        for s in solvedAt { sum += 1 - log(1 + Double(min(s, budget))) / full }
        return sum / Double(triples)
    }
}
