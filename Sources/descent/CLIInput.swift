import ArgumentParser
import DescentCore
import Foundation

/// Parsing of command-line values into Descent's types; every failure is a one-line
/// `ValidationError` naming the option.
enum CLIInput {
    static func function(_ name: String) throws -> any TestFunction {
        do { return try FunctionCatalog.named(name) } catch { throw ValidationError("--function: \(error)") }
    }

    static func optimizer(_ name: String, hyperparameters json: String) throws -> any Optimizer {
        let values = try hyperparameterValues(json, option: "--hyperparameters")
        do { return try OptimizerRegistry.make(name, values) } catch { throw ValidationError("\(error)") }
    }

    static func hyperparameterValues(_ json: String, option: String) throws -> Hyperparameters {
        do {
            return try JSONDecoder().decode(Hyperparameters.self, from: Data(json.utf8))
        } catch {
            throw ValidationError("\(option): not a JSON object of hyperparameters: \(json)")
        }
    }

    static func point(_ text: String, option: String) throws -> Point {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let x = parts[0], let y = parts[1], x.isFinite, y.isFinite else {
            throw ValidationError("\(option): expected two finite numbers X,Y, got '\(text)'")
        }
        return Point(x, y)
    }

    static func clipping(_ text: String) throws -> GradientClipping {
        if text.lowercased() == "none" { return .none }
        guard let v = Double(text), v.isFinite, v > 0 else {
            throw ValidationError("--clip-grad-norm: expected a positive number or 'none', got '\(text)'")
        }
        return GradientClipping(maxNorm: v)
    }
}
