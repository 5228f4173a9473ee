import DescentBase

/// The JSON vocabulary of search spaces — hyperopt's, plus spellings with real-valued bounds:
///
///     {"lr": {"loguniform": [-8, 0.5]},            ln lr ~ U[-8, 0.5)  (exponents, as hyperopt)
///      "lr": {"loguniform_values": [1e-4, 1.0]},   the same with lr bounds: ln lr ~ U[ln 1e-4, ln 1)
///      "momentum": {"quniform": [0, 0.99, 0.01]},  q·round(U[0, 0.99)/q)
///      "eps": {"qloguniform": [-20, -5, 1e-9]},    q·round(exp(U[-20, -5))/q)
///      "eps": {"qloguniform_values": [1e-9, 1e-2, 1e-9]},
///      "alpha": {"uniform": [0.1, 0.9]},
///      "amsgrad": {"choice": [false, true]},       any JSON values, lists included
///      "betas": [0.9, {"uniform": [0.9, 0.9999]}], per element: dimensions betas[0], betas[1]
///      "nesterov": true}                           a plain JSON value is fixed
///
/// A JSON object is always a distribution: exactly one key naming it, with its arguments.
extension SearchSpace {
    /// The names a distribution object may use.
    public static let distributionNames = [
        "uniform", "loguniform", "loguniform_values", "quniform", "qloguniform", "qloguniform_values", "choice",
    ]

    /// Parses (strictly: duplicate keys, NaN and deep nesting are errors with a line and column)
    /// and validates a space written as JSON text.
    public init(json text: String) throws(SearchSpaceError) {
        let value: JSONValue
        do { value = try JSONParser.parse(text) } catch {
            throw .notAnObject("got text that is not valid JSON (\(error))")
        }
        try self.init(json: value)
    }

    /// Validates a space already parsed (a config's `search.space`).
    public init(json value: JSONValue) throws(SearchSpaceError) {
        guard case .object(let members) = value else {
            throw .notAnObject("got \(value.kind)")
        }
        var parameters: [String: Parameter] = [:]
        for member in members.sorted(by: { $0.key < $1.key }) {
            parameters[member.key] = try Self.parameter(member.value, key: member.key)
        }
        try self.init(parameters)
    }

    private static func parameter(_ tree: JSONValue, key: String) throws(SearchSpaceError) -> Parameter {
        switch tree {
        case .object(let members):
            guard members.count == 1, let (name, arguments) = members.first else {
                throw .invalid(
                    key: key,
                    reason: "a distribution is an object with exactly one key (one of \(distributionNames.joined(separator: ", "))), got \(members.count) keys")
            }
            return .distribution(try distribution(name, arguments, key: key))
        case .array(let items):
            if let value = try? HyperparameterValue(json: tree, key: key) { return .fixed(value) }
            var result: [Parameter] = []
            for (i, item) in items.enumerated() { result.append(try parameter(item, key: "\(key)[\(i)]")) }
            return .list(result)
        case .number(let d): return .fixed(.number(d))
        case .bool(let b): return .fixed(.bool(b))
        case .string(let s): return .fixed(.string(s))
        case .null: return .fixed(.null)
        }
    }

    private static func distribution(_ name: String, _ arguments: JSONValue, key: String) throws(SearchSpaceError) -> Distribution {
        func numbers(_ count: Int, _ form: String) throws(SearchSpaceError) -> [Double] {
            guard case .array(let items) = arguments, items.count == count else {
                throw .invalid(key: key, reason: "\(name) expects \(form)")
            }
            var values: [Double] = []
            for item in items {
                guard case .number(let d) = item else { throw .invalid(key: key, reason: "\(name) expects \(form)") }
                guard d.isFinite else { throw .invalid(key: key, reason: "\(name) arguments must be finite numbers") }
                values.append(d)
            }
            return values
        }
        func positiveBounds(_ v: [Double]) throws(SearchSpaceError) -> (Double, Double) {
            guard v[0] > 0, v[1] > 0 else {
                throw .invalid(key: key, reason: "\(name) bounds are values and must be > 0, got [\(v[0]), \(v[1])]")
            }
            guard v[0] < v[1] else {
                let what = v[0] == v[1] ? "an empty" : "an inverted"
                throw .invalid(key: key, reason: "\(name) has \(what) range: low must be < high, got [\(v[0]), \(v[1])]")
            }
            let (a, b) = (LibM.log(v[0]), LibM.log(v[1]))
            guard a < b else {
                throw .invalid(key: key, reason: "\(name) range [\(v[0]), \(v[1])] is too narrow: ln low and ln high are the same double")
            }
            return (a, b)
        }
        switch name {
        case "uniform":
            let v = try numbers(2, "[low, high]")
            return .uniform(low: v[0], high: v[1])
        case "loguniform":
            let v = try numbers(2, "[low, high] as natural-log exponents")
            return .logUniform(low: v[0], high: v[1])
        case "loguniform_values":
            let (a, b) = try positiveBounds(try numbers(2, "[low, high] as positive values"))
            return .logUniform(low: a, high: b)
        case "quniform":
            let v = try numbers(3, "[low, high, q]")
            return .quantizedUniform(low: v[0], high: v[1], q: v[2])
        case "qloguniform":
            let v = try numbers(3, "[low, high, q] with natural-log exponent bounds")
            return .quantizedLogUniform(low: v[0], high: v[1], q: v[2])
        case "qloguniform_values":
            let v = try numbers(3, "[low, high, q] with positive value bounds")
            let (a, b) = try positiveBounds(v)
            return .quantizedLogUniform(low: a, high: b, q: v[2])
        case "choice":
            guard case .array(let items) = arguments else {
                throw .invalid(key: key, reason: "choice expects a list of options")
            }
            var options: [HyperparameterValue] = []
            for item in items {
                guard let v = try? HyperparameterValue(json: item, key: key) else {
                    throw .invalid(key: key, reason: "choice options are plain JSON values; nested distributions are not supported")
                }
                options.append(v)
            }
            return .choice(options)
        default:
            throw .unknownDistribution(key: key, name: name, valid: distributionNames)
        }
    }
}
