import DescentBase
import ArgumentParser
import DescentCore

/// `descent list`: the optimizers and test functions Descent has.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List optimizers (year, family, paper and its link, reference class, hyperparameters) and test functions.",
        discussion: """
            Examples:
              descent list
              descent list --markdown     (the optimizer table of README.md)
            """)

    @Flag(help: "Print Markdown tables instead of plain text.")
    var markdown = false

    static var optimizersByYear: [any Optimizer.Type] {
        OptimizerRegistry.all.sorted { ($0.info.year, $0.info.name) < ($1.info.year, $1.info.name) }
    }

    func run() throws {
        print(markdown ? Self.markdownTable() : Self.text(), terminator: "")
    }

    /// The plain listing: each optimizer with its year, family, paper, reference class, the
    /// paper's link and its hyperparameters; then each test function.
    static func text() -> String {
        var lines = ["Optimizers (\(OptimizerRegistry.all.count)):"]
        for type in optimizersByYear {
            let info = type.info
            lines.append("  \(info.name) (\(info.year), \(info.family.displayName)) — \(info.paper) [\(info.reference)]")
            lines.append("      " + info.url)
            lines.append("      " + defaults(type))
        }
        lines.append("\nFunctions (\(FunctionCatalog.all.count)):")
        for f in FunctionCatalog.all {
            lines.append("  \(f.name): \(f.formula); minima \(minima(f)); start \(point(f.defaultStart)); view \(f.view.text)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The optimizer table of README.md, one row per optimizer by year, its paper a Markdown link.
    /// Paper strings hold no Markdown syntax (a registry test checks), so they go in as they are.
    static func markdownTable() -> String {
        var lines = ["| optimizer | year | family | paper | reference | hyperparameters (defaults) |",
                     "|---|---|---|---|---|---|"]
        for type in optimizersByYear {
            let info = type.info
            lines.append("| \(info.name) | \(info.year) | \(info.family.displayName) | [\(info.paper)](\(info.url)) "
                         + "| `\(info.reference)` | \(defaults(type)) |")
        }
        return lines.joined(separator: "\n") + "\n"
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
