import ArgumentParser
import DescentCore

/// `descent list`: the optimizers and test functions Descent has.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List optimizers (year, paper, hyperparameters) and test functions.")

    func run() throws {
        print("Optimizers:")
        for type in OptimizerRegistry.all.sorted(by: { ($0.info.year, $0.info.name) < ($1.info.year, $1.info.name) }) {
            let info = type.info
            print("  \(info.name) (\(info.year)) — \(info.paper) [\(info.reference)]")
            let specs = OptimizerRegistry.specs(of: type)
            print("      " + specs.map { "\($0.key)=\($0.defaultValue)" }.joined(separator: ", "))
        }
        print("\nFunctions:")
        for f in FunctionCatalog.all {
            let minima = f.minima.map { "(\(fmt($0.x)), \(fmt($0.y)))" }.joined(separator: ", ")
            print("  \(f.name): \(f.formula); minima \(minima); start (\(fmt(f.defaultStart.x)), \(fmt(f.defaultStart.y)))")
        }
    }

    private func fmt(_ v: Double) -> String {
        let r = (v * 1e6).rounded() / 1e6
        return r == r.rounded() ? String(Int(r)) : "\(r)"
    }
}
