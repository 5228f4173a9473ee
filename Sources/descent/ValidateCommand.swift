import ArgumentParser
import DescentHarness

/// `descent validate`: decode and check configs without running anything.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check configs: every problem names the file, the JSON path and what is wrong.",
        discussion: """
            Reports every problem of each file (one line each, in file order; a
            part that depends on a wrong one is not checked until that is fixed),
            and warns about what is valid but probably not meant. Exit status 0
            when every config is valid, 2 otherwise.

            Example:
              descent validate configs/*.json
            """)

    @Argument(help: "Config files (JSON).")
    var configs: [String]

    func validate() throws {
        try ConfigFiles.checkNames(configs)
    }

    func run() throws {
        var failed = false
        for path in configs {
            switch ConfigFiles.loadReporting(path) {
            case nil: failed = true
            case .experiment(let e)?:
                print("\(path): ok — \(e.name): \(e.function.name), \(e.optimizers.count) optimizer(s), \(e.steps) steps")
            case .benchmark(let b)?:
                print("\(path): ok — \(b.name): benchmark of \(b.optimizers.count) optimizer(s) × \(b.landscapes.count) landscape(s), "
                      + "\(b.steps) steps, \(BenchmarkCost(b).steps) optimizer steps in all")
            case .study(let s)?:
                print("\(path): ok — \(s.name): network study of \(s.optimizers.count) optimizer(s), \(s.network.parameterCount) parameters, "
                      + "\(s.training.count) training / \(s.validation.count) validation samples, \(s.settings.steps) steps of batch \(s.settings.batchSize)")
            }
        }
        if failed { throw ExitCode(2) }
    }
}
