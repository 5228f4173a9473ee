/// The one registry of built-in test functions. Names match case-insensitively, and `-` or
/// a space may stand for `_` (`six-hump-camel`, `Goldstein Price`); whitespace around a name is
/// ignored.
public enum FunctionCatalog {
    /// Every built-in function, in listing order.
    public static let all: [any TestFunction] = [
        Rosenbrock(), Rastrigin(), Ackley(), Beale(), Booth(), GoldsteinPrice(), Himmelblau(),
        Levi13(), Matyas(), SixHumpCamel(), StyblinskiTang(), Quadratic(),
    ]

    public static var names: [String] { all.map(\.name) }

    /// The built-in named `name`, or a `FunctionCatalogError.unknown` suggesting the nearest names.
    public static func named(_ name: String) throws(FunctionCatalogError) -> any TestFunction {
        let key = normalized(name)
        guard let f = all.first(where: { normalized($0.name) == key }) else {
            throw .unknown(name: name, valid: names)
        }
        return f
    }

    static func normalized(_ name: String) -> String {
        String(name.trimmingWhitespace.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
    }
}

public enum FunctionCatalogError: Error, Equatable, CustomStringConvertible {
    case unknown(name: String, valid: [String])

    public var description: String {
        switch self {
        case .unknown(let name, let valid):
            // The built-in names are spelt as `normalized` spells them (`six_hump_camel`).
            return unknownName("function", name, suggestions: nearest(to: FunctionCatalog.normalized(name), in: valid),
                               count: valid.count)
        }
    }
}
