import DescentBase
import ArgumentParser
import DescentCore
import DescentHarness
import DescentRender
import DescentSearch
import Foundation

// Descent's types as command-line values. Closed sets list their values in `--help` and in the
// error for a wrong one; the others are parsed here once, so no command holds an option as text.

extension SearchAlgorithm: ExpressibleByArgument {
    /// `tpe`, `random` or `optuna-tpe`, any case.
    public init?(argument: String) { self.init(name: argument) }
    public var defaultValueDescription: String { name }
    public static var allValueStrings: [String] { names }
}

extension TrajectoryObjective: ExpressibleByArgument {
    /// `distance`, `loss` or `composite`, any case.
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension OutputFormat: ExpressibleByArgument {
    /// `png`, `svg`, `pdf` or `gif`, any case, spaces around ignored.
    public init?(argument: String) { self.init(rawValue: argument.trimmingCharacters(in: .whitespaces).lowercased()) }
}

/// `--format png,svg`: figure formats as a comma list.
struct FormatList: ExpressibleByArgument {
    var formats: Set<OutputFormat>

    init?(argument: String) {
        var formats = Set<OutputFormat>()
        for part in argument.split(separator: ",") {
            guard let f = OutputFormat(argument: String(part)) else { return nil }
            formats.insert(f)
        }
        // "" or ",": a run that writes no figure is a mistake, not a request.
        guard !formats.isEmpty else { return nil }
        self.formats = formats
    }

    var defaultValueDescription: String {
        OutputFormat.allCases.filter(formats.contains).map(\.rawValue).joined(separator: ",")
    }
    // No `allValueStrings`: they would read as "one of png, svg, pdf or gif" in the error for
    // a list; the option's help names them instead.
}

extension Point: ExpressibleByArgument {
    /// `x,y`: two finite numbers.
    public init?(argument: String) {
        let parts = argument.split(separator: ",", omittingEmptySubsequences: false)
            .map { decimal($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let x = parts[0], let y = parts[1], x.isFinite, y.isFinite else { return nil }
        self.init(x, y)
    }
    public var defaultValueDescription: String { "\(x),\(y)" }
}

extension Shard: ExpressibleByArgument {
    /// `i/n` with 1 ≤ i ≤ n.
    public init?(argument: String) { self.init(argument) }
    public var defaultValueDescription: String { description }
}

extension GradientClipping: ExpressibleByArgument {
    /// A bound in `Limits.clipGradNorm`, or `none` (any case).
    public init?(argument: String) {
        if argument.lowercased() == "none" {
            self = .none
            return
        }
        guard let bound = decimal(argument), Limits.clipGradNorm.contains(bound) else { return nil }
        self.init(maxNorm: bound)
    }
    public var defaultValueDescription: String { maxNorm.map { "\($0)" } ?? "none" }
}

/// Values whose errors need more than "invalid": the reason (a JSON error's line and column, a
/// name's did-you-mean or valid list) reaches the error line through `@Option(transform:)`.
enum ArgumentTransform {
    /// A built-in function's name, or a config's function object
    /// (`{"expression": "…", "minima": [[x, y]], "view": {"x": [a, b], "y": [c, d]}}`).
    static func function(_ text: String) throws -> any TestFunction {
        do { return try ExperimentDecoder.function(text, source: "--function") } catch {
            // The option is named by the parser already: keep the path and the message.
            throw ValidationError(error.path.isEmpty ? error.message : "\(error.path): \(error.message)")
        }
    }

    /// A finite decimal number (`decimal(_:)`).
    static func number(_ text: String) throws -> Double {
        guard let value = decimal(text) else { throw ValidationError("not a finite decimal number") }
        return value
    }

    static func optimizer(_ name: String) throws -> any Optimizer.Type { try OptimizerRegistry.type(named: name) }

    /// One of `ColorMap.names`, any case; the error lists them all on one line.
    static func colorMap(_ name: String) throws -> ColorMap { try ColorMap.named(name) }

    /// A JSON object of hyperparameters, read strictly (`JSONParser`: duplicate keys are errors
    /// with line and column; an object where a value belongs is an error, not null).
    static func hyperparameters(_ text: String) throws -> Hyperparameters { try Hyperparameters(jsonText: text) }

    /// A search space: the text read strictly by `JSONParser`, then by `SearchSpace`'s vocabulary.
    static func space(_ text: String) throws -> SearchSpace {
        try SearchSpace(json: try JSONParser.parse(text))
    }
}

extension ClosedRange<Int> {
    /// `1…100`.
    var text: String { "\(lowerBound)…\(upperBound)" }
}

extension ClosedRange<Double> {
    /// `0…3600`, numbers as people write them.
    var text: String { "\(String(format: "%g", lowerBound))…\(String(format: "%g", upperBound))" }
}

/// Throws unless `range` (one of `Limits`) contains `value`. A count below its least value says
/// what kind of number it must be: "--steps must be positive (1…100000), got -5".
func check(_ option: String, _ value: Int, in range: ClosedRange<Int>) throws(ValidationError) {
    guard range.contains(value) else {
        if value < range.lowerBound, range.lowerBound == 1 {
            throw ValidationError("\(option) must be positive (\(range.text)), got \(value)")
        }
        if value < range.lowerBound, range.lowerBound == 0 {
            throw ValidationError("\(option) must not be negative (\(range.text)), got \(value)")
        }
        throw ValidationError("\(option) must be in \(range.text), got \(value)")
    }
}

/// Throws unless `range` contains `value` (never NaN or an infinity); a negative value for a
/// range from 0 says so, as for counts.
func check(_ option: String, _ value: Double, in range: ClosedRange<Double>) throws(ValidationError) {
    guard range.contains(value) else {
        if value < 0, range.lowerBound == 0 {
            throw ValidationError("\(option) must not be negative (\(range.text)), got \(value)")
        }
        throw ValidationError("\(option) must be in \(range.text), got \(value)")
    }
}

/// A finite number written in decimal: `-1.5`, `2e-3`, `.5`, `+3.` — not `0x1p3`, `inf`, `nan`
/// or `1e999`, which `Double(_:)` takes (C's `strtod`) but no one means on a command line.
func decimal(_ text: some StringProtocol) -> Double? {
    var rest = Substring(text)
    if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
    let mantissa = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
    guard mantissa.filter({ $0 == "." }).count <= 1, mantissa.contains(where: \.isNumber) else { return nil }
    rest = rest.dropFirst(mantissa.count)
    if let e = rest.first, e == "e" || e == "E" {
        rest = rest.dropFirst()
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        rest = ""
    }
    guard rest.isEmpty, let value = Double(String(text)), value.isFinite else { return nil }
    return value
}
