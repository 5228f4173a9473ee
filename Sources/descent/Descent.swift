import ArgumentParser
import Foundation

/// `descent`: optimizers on 2-D landscapes — trace, search, render, run experiments.
@main
struct Descent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "descent",
        abstract: "Watch neural-network optimizers descend 2-D loss landscapes.",
        discussion: """
            Examples:
              descent run configs/*.json && descent gallery output
              descent trace --optimizer Adam --hyperparameters '{"lr": 0.1}' --function rosenbrock --steps 100
              descent search --optimizer Adam --function rosenbrock --space '{"lr": {"loguniform": [-8, 0.5]}}'
              descent render --optimizer Adam --hyperparameters '{"lr": 0.1}' --function rosenbrock --steps 500 --png a.png --gif a.gif
              descent list
            """,
        subcommands: [RunCommand.self, TraceCommand.self, SearchCommand.self, RenderCommand.self, ListCommand.self, ValidateCommand.self,
                      GalleryCommand.self, BenchCommand.self])

    /// Errors are one line on stderr and a non-zero exit; help and version print as usual.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            let message = fullMessage(for: error)
                .split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? "\(error)"
            let line = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
            FileHandle.standardError.write(Data("descent: \(line)\n".utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
