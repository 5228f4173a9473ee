import ArgumentParser
import DescentHarness
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
              descent trace --optimizer Adam --hyperparameters '{"lr": 0.1}' \\
                --function rosenbrock --steps 100
              descent search --optimizer Adam --function rosenbrock \\
                --space '{"lr": {"loguniform": [-8, 0.5]}}'
              descent render --optimizer Adam --hyperparameters '{"lr": 0.1}' \\
                --function rosenbrock --steps 500 --png a.png --gif a.gif
              descent list
            """,
        version: ExperimentRunner.version,
        subcommands: [RunCommand.self, TraceCommand.self, SearchCommand.self, RenderCommand.self, ListCommand.self, ValidateCommand.self,
                      GalleryCommand.self, BenchCommand.self])

    /// Descent's contract (README, `.ci/run`, DescentCLITests) is one `descent: …` line on
    /// stderr and exit code 2 for a usage or config error. `ParsableCommand.main()` prints the
    /// error, a "Help:" line and the whole usage, and exits 64 (EX_USAGE), with no setting for
    /// either — the one thing this `main()` changes. Parsing, validation, help and version output
    /// are the library's.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)  // --help, --version
            }
            FileHandle.standardError.write(Data("descent: \(oneLine(error))\n".utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }

    /// The library's error message on one line. When it says only that a value is invalid or
    /// missing ("… for '--shard <i/n>'"), the option's help, which the library prints on a
    /// "Help:" line below, follows after a dash: it says what the value must be. Messages
    /// with a reason (a `transform:`'s error, the list of valid values) stand alone.
    static func oneLine(_ error: any Error) -> String {
        var message = self.message(for: error)
        // "Help:  --shard <i/n>  Run part i of n …": the text after the option's synopsis. The
        // full text is "Error: <message>\nHelp:  …\nUsage: …"; the message is skipped whole
        // (it may hold a newline of a hostile value), not split into lines.
        if message.hasSuffix(">'") {
            let head = Array("Error: \(message)\nHelp:  ".utf8), full = Array(fullMessage(for: error).utf8)
            if full.starts(with: head) {
                let help = String(decoding: full[head.count...].prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
                if let gap = help.range(of: "  ") { message += " — " + help[gap.upperBound...] }
            }
        }
        return oneLine(message)
    }

    /// `message` made safe to print as one short line: each command-line argument it echoes
    /// that is longer than `ErrorLine.valueLength` is cut to that length with "…"; then control
    /// characters, line and paragraph separators and bidirectional controls become escapes
    /// (`\n`, `\u{2028}`), and the whole is cut to `ErrorLine.lineLength`. Every error line of
    /// the tool goes through here (`printError` too), whatever put a value in it: the
    /// library's "The value '…' is invalid", a path, a config's key.
    static func oneLine(_ message: String, arguments: [String] = CommandLine.arguments) -> String {
        ErrorLine.make(message, arguments: Array(arguments.dropFirst()))
    }
}
