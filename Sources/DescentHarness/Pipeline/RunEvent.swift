import DescentBase
import DescentCore

/// Progress of a run, for a terminal line per optimizer or JSON lines in CI.
public enum RunEvent: Sendable {
    case started(experiment: String, label: String)
    /// `trial` of `total` trials of the unit's hyperparameter search are done.
    case searching(experiment: String, label: String, trial: Int, total: Int)
    case searched(experiment: String, label: String, hyperparameters: Hyperparameters, objective: Double)
    case frames(experiment: String, label: String, done: Int, total: Int)
    case finished(experiment: String, label: String, result: OptimizerResult, seconds: Double)
    /// A unit without a single optimizer result (a benchmark's optimizer on one landscape).
    /// `done` of `total` units of this run finished, `elapsed` seconds since the run began.
    case unitFinished(experiment: String, label: String, seconds: Double, done: Int, total: Int, elapsed: Double)
    /// A network training run's progress: `step` of `total` steps done, the last mini-batch
    /// loss, `elapsed` seconds since the run began.
    case training(experiment: String, label: String, step: Int, total: Int, loss: Double, elapsed: Double)
    case upToDate(experiment: String, label: String)
    case failed(experiment: String, label: String, message: String)
    case experimentDone(experiment: String, directory: String)
}
