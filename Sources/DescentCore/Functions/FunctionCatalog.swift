/// The one registry of built-in test functions. Names match case-insensitively, and `-` or
/// a space may stand for `_` (`six-hump-camel`, `Goldstein Price`).
public enum FunctionCatalog {
    /// Every built-in function, in listing order.
    public static let all: [any TestFunction] = [
        Rosenbrock(), Rastrigin(), Ackley(), Beale(), Booth(), GoldsteinPrice(), Himmelblau(),
        Levi13(), Matyas(), SixHumpCamel(), StyblinskiTang(), Quadratic(),
    ]

    public static var names: [String] { all.map(\.name) }

    /// The built-in named `name`, or a `FunctionCatalogError.unknown` listing the valid names.
    public static func named(_ name: String) throws(FunctionCatalogError) -> any TestFunction {
        let key = normalized(name)
        guard let f = all.first(where: { normalized($0.name) == key }) else {
            throw .unknown(name: name, valid: names)
        }
        return f
    }

    static func normalized(_ name: String) -> String {
        String(name.lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
    }
}

public enum FunctionCatalogError: Error, Equatable, CustomStringConvertible {
    case unknown(name: String, valid: [String])

    public var description: String {
        switch self {
        case .unknown(let name, let valid):
            return "unknown function '\(name)'; valid: \(valid.joined(separator: ", "))"
        }
    }
}
