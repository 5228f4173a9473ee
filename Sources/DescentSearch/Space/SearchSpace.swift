import DescentBase

/// The hyperparameters a search assigns: searched dimensions (each with a prior
/// `Distribution`) and fixed values, over any number of keys. A key may also be a list whose
/// elements are searched separately (`betas` as two dimensions `betas[0]`, `betas[1]`).
///
/// Dimensions are ordered by name, so the order of draws — and the trials of a seed — do not
/// depend on how the JSON was written.
public struct SearchSpace: Hashable, Sendable {
    /// How one hyperparameter is given.
    public indirect enum Parameter: Hashable, Sendable {
        case fixed(HyperparameterValue)
        case distribution(Distribution)
        /// A list whose elements are each fixed, searched or lists themselves.
        case list([Parameter])
    }

    /// One searched coordinate: its name (`lr`, `betas[1]`) and prior.
    public struct Dimension: Hashable, Sendable {
        public var name: String
        public var distribution: Distribution
    }

    /// A parameter with its dimensions replaced by their indices in `dimensions`.
    indirect enum Template: Hashable, Sendable {
        case fixed(HyperparameterValue)
        case dimension(Int)
        case list([Template])
    }

    /// The searched coordinates, sorted by name.
    public let dimensions: [Dimension]
    let templates: [(key: String, template: Template)]

    /// Validates every distribution (finite bounds, low < high, q > 0, non-empty choices; see
    /// `Distribution.validate`) and that no two dimensions share a name (key `a[0]` beside an
    /// element of list key `a`), and throws the first problem, naming its key.
    public init(_ parameters: [String: Parameter]) throws(SearchSpaceError) {
        var found: [(name: String, distribution: Distribution)] = []
        for key in parameters.keys.sorted() {
            try Self.collect(parameters[key]!, name: key, into: &found)
        }
        found.sort { $0.name < $1.name }
        for (x, y) in zip(found, found.dropFirst()) where x.name == y.name {
            throw .invalid(key: x.name, reason: "two searched parameters have this name (a key and an element of a list key); rename the key")
        }
        dimensions = found.map { Dimension(name: $0.name, distribution: $0.distribution) }
        var index: [String: Int] = [:]
        for (i, d) in dimensions.enumerated() { index[d.name] = i }
        templates = parameters.keys.sorted().map { ($0, Self.template(parameters[$0]!, name: $0, index: index)) }
    }

    /// The space with `values` added as fixed hyperparameters for every key it does not
    /// already search or fix (searched values win).
    public func addingFixed(_ values: Hyperparameters) throws(SearchSpaceError) -> SearchSpace {
        var parameters = self.parameters
        for (key, value) in values where parameters[key] == nil { parameters[key] = .fixed(value) }
        return try SearchSpace(parameters)
    }

    /// The parameters this space was built from.
    public var parameters: [String: Parameter] {
        var result: [String: Parameter] = [:]
        for (key, t) in templates { result[key] = parameter(t) }
        return result
    }

    /// The hyperparameters of coordinates `x` (one per dimension, in `dimensions` order).
    public func assignment(_ x: [Double]) -> Hyperparameters {
        var result: Hyperparameters = [:]
        for (key, t) in templates { result[key] = value(t, x) }
        return result
    }

    private func value(_ t: Template, _ x: [Double]) -> HyperparameterValue {
        switch t {
        case .fixed(let v): return v
        case .dimension(let i): return dimensions[i].distribution.value(at: x[i])
        case .list(let items): return .list(items.map { value($0, x) })
        }
    }

    private func parameter(_ t: Template) -> Parameter {
        switch t {
        case .fixed(let v): return .fixed(v)
        case .dimension(let i): return .distribution(dimensions[i].distribution)
        case .list(let items): return .list(items.map(parameter))
        }
    }

    private static func collect(
        _ p: Parameter, name: String, into found: inout [(name: String, distribution: Distribution)]
    ) throws(SearchSpaceError) {
        switch p {
        case .fixed(let v):
            if case .number(let d) = v, !d.isFinite {
                throw .invalid(key: name, reason: "a fixed number must be finite, got \(d)")
            }
        case .distribution(let d):
            try d.validate(key: name)
            found.append((name, d))
        case .list(let items):
            for (i, item) in items.enumerated() { try collect(item, name: "\(name)[\(i)]", into: &found) }
        }
    }

    private static func template(_ p: Parameter, name: String, index: [String: Int]) -> Template {
        switch p {
        case .fixed(let v): return .fixed(v)
        case .distribution: return .dimension(index[name]!)
        case .list(let items):
            return .list(items.enumerated().map { template($1, name: "\(name)[\($0)]", index: index) })
        }
    }

    public static func == (a: SearchSpace, b: SearchSpace) -> Bool { a.parameters == b.parameters }
    public func hash(into h: inout Hasher) { h.combine(parameters) }
}
