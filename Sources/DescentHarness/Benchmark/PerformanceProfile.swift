/// A performance profile (Dolan & Moré, "Benchmarking optimization software with performance
/// profiles", Math. Program. 2002): for each solver s, ρₛ(τ) = the fraction of problems p on
/// which s is within a factor τ of the best solver,
///
///     r(p, s) = t(p, s) / min over s' of t(p, s'),      ρₛ(τ) = |{p : r(p, s) ≤ τ}| / |P|,
///
/// with t the ERT of s on p (here a problem is a landscape × target) and r = ∞ when s never
/// solved p (also when no solver did). ρₛ(1) is the share of problems s wins (ties count for
/// each), ρₛ(∞) the share it solves at all.
public struct PerformanceProfile: Hashable, Sendable {
    /// The solvers, in the order given.
    public var solvers: [String]
    /// For each solver, its ratios r(p, s) over every problem, ascending (∞ last).
    public var ratios: [[Double]]

    /// `costs[p][s]`: the cost (ERT) of solver s on problem p, `.infinity` when unsolved.
    public init(solvers: [String], costs: [[Double]]) {
        self.solvers = solvers
        var ratios = [[Double]](repeating: [], count: solvers.count)
        for row in costs {
            precondition(row.count == solvers.count, "one cost per solver")
            let best = row.min() ?? .infinity
            for (s, t) in row.enumerated() {
                ratios[s].append(best.isFinite && t.isFinite ? t / best : .infinity)
            }
        }
        self.ratios = ratios.map { $0.sorted() }
    }

    /// ρₛ(τ) for solver index `s`.
    public func fraction(solver s: Int, within tau: Double) -> Double {
        let r = ratios[s]
        guard !r.isEmpty else { return 0 }
        return Double(r.count { $0 <= tau }) / Double(r.count)
    }
}
