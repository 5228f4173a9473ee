import DescentBase
import ArgumentParser
import DescentCore

/// `descent list`: the optimizers and test functions Descent has.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List optimizers (year, paper, reference class, hyperparameters) and test functions.",
        discussion: """
            Examples:
              descent list
              descent list --markdown     (the tables of README.md)
            """)

    @Flag(help: "Print Markdown tables instead of plain text.")
    var markdown = false

    static var optimizersByYear: [any Optimizer.Type] {
        OptimizerRegistry.all.sorted { ($0.info.year, $0.info.name) < ($1.info.year, $1.info.name) }
    }

    func run() throws {
        markdown ? printMarkdown() : printText()
    }

    private func printText() {
        print("Optimizers (\(OptimizerRegistry.all.count)):")
        for type in Self.optimizersByYear {
            let info = type.info
            print("  \(info.name) (\(info.year)) — \(info.paper) [\(info.reference)]")
            print("      " + Self.defaults(type))
        }
        print("\nFunctions (\(FunctionCatalog.all.count)):")
        for f in FunctionCatalog.all {
            print("  \(f.name): \(f.formula); minima \(Self.minima(f)); start \(Self.point(f.defaultStart)); view \(f.view.text)")
        }
    }

    private func printMarkdown() {
        print("| optimizer | year | paper | reference | hyperparameters (defaults) |")
        print("|---|---|---|---|---|")
        for type in Self.optimizersByYear {
            let info = type.info
            print("| \(info.name) | \(info.year) | \(info.paper) | `\(info.reference)` | \(Self.defaults(type)) |")
        }
    }

    static func defaults(_ type: any Optimizer.Type) -> String {
        OptimizerRegistry.specs(of: type).map { "\($0.key)=\($0.defaultValue)" }.joined(separator: ", ")
    }

    static func minima(_ f: any TestFunction) -> String { f.minima.map(point).joined(separator: ", ") }

    static func point(_ p: Point) -> String { "(\(short(p.x)), \(short(p.y)))" }

    static func short(_ v: Double) -> String {
        let r = (v * 1e6).rounded() / 1e6
        return r == r.rounded() ? String(Int(r)) : "\(r)"
    }
}
