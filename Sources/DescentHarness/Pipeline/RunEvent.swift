import DescentBase
import DescentCore

/// Progress of a run, for a terminal line per optimizer or JSON lines in CI.
public enum RunEvent: Sendable {
    case started(experiment: String, label: String)
    case searched(experiment: String, label: String, hyperparameters: Hyperparameters, objective: Double)
    case frames(experiment: String, label: String, done: Int, total: Int)
    case finished(experiment: String, label: String, result: OptimizerResult, seconds: Double)
    case upToDate(experiment: String, label: String)
    case failed(experiment: String, label: String, message: String)
    case experimentDone(experiment: String, directory: String)
}
