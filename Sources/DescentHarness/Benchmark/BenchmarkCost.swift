/// What a benchmark will cost, from its config alone (as `ExperimentCost` for experiments):
///
///     optimizer steps = optimizers × landscapes × T × (B · tuning starts          (tuning)
///                                                     + evaluation starts · seeds  (evaluation)
///                                                     + sensitivity points · tuning starts)
public struct BenchmarkCost: Hashable, Sendable {
    public var steps: Int

    public init(_ b: Benchmark) {
        let perUnit = b.tuning.evaluations * b.tuning.starts + b.evaluation.starts * b.evaluation.seeds
            + b.sensitivity.points * b.tuning.starts
        let (units, o1) = b.optimizers.count.multipliedReportingOverflow(by: b.landscapes.count)
        let (runs, o2) = units.multipliedReportingOverflow(by: perUnit)
        let (steps, o3) = runs.multipliedReportingOverflow(by: b.steps)
        self.steps = o1 || o2 || o3 ? .max : steps
    }

    /// The bound the benchmark exceeds, as (JSON path, message saying what to lower).
    public var excess: (path: String, message: String)? {
        guard steps > Limits.benchmarkSteps else { return nil }
        return ("benchmark", "the benchmark would take \(steps) optimizer steps (optimizers × landscapes × steps × "
            + "(tuning.evaluations × tuning.starts + evaluation.starts × evaluation.seeds + sensitivity.points × tuning.starts)), "
            + "more than \(Limits.benchmarkSteps): lower one of them, or split the optimizers over configs")
    }
}
