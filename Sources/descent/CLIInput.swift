import DescentBase
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

    /// A JSON object of hyperparameters, parsed strictly (duplicate keys, NaN are errors); a
    /// JSON object where a value is expected is an error too.
    static func hyperparameterValues(_ json: String, option: String) throws -> Hyperparameters {
        let value: JSONValue
        do { value = try JSONParser.parse(json) } catch {
            throw ValidationError("\(option): not valid JSON: \(error)")
        }
        guard case .object(let members) = value else {
            throw ValidationError("\(option): expected a JSON object of hyperparameters, got \(value.kind)")
        }
        var values: Hyperparameters = [:]
        for m in members {
            do { values[m.key] = try HyperparameterValue(json: m.value) } catch {
                throw ValidationError("\(option): '\(m.key)\(error.path)': \(error)")
            }
        }
        return values
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
