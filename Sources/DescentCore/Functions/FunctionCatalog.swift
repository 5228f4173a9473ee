import DescentBase

/// The one registry of built-in test functions. Names match case-insensitively, and `-` or
/// a space may stand for `_` (`six-hump-camel`, `Goldstein Price`); whitespace around a name is
/// ignored.
public enum FunctionCatalog {
    /// Every built-in function, in listing order, with its entry (`FunctionInfo`), which the
    /// type's `info` reads from here.
    static let catalog: [(function: any CatalogFunction, info: FunctionInfo)] = [
        (Rosenbrock(), FunctionInfo(
            name: "rosenbrock", displayName: "Rosenbrock", formula: "(1−x)² + 100(y−x²)²",
            minima: [Point(1, 1)], start: Point(-2, 2),
            view: ViewWindow(x: -2...2, y: -1...3), levels: .logSpaced(from: -0.5, to: 3.5, count: 20))),
        (Rastrigin(), FunctionInfo(
            name: "rastrigin", displayName: "Rastrigin", formula: "20 + x² − 10cos2πx + y² − 10cos2πy",
            minima: [Point(0, 0)], start: Point(-2, 3.5),
            view: ViewWindow(x: -4.5...4.5, y: -4.5...4.5), levels: .automatic(count: 20))),
        (Ackley(), FunctionInfo(
            name: "ackley", displayName: "Ackley", formula: "−20·exp(−0.2·√(0.5(x²+y²))) − exp(0.5(cos2πx + cos2πy)) + e + 20",
            minima: [Point(0, 0)], start: Point(2.3, -1.7),
            view: ViewWindow(x: -4...4, y: -4...4), levels: .automatic(count: 20))),
        (Beale(), FunctionInfo(
            name: "beale", displayName: "Beale", formula: "(1.5−x+xy)² + (2.25−x+xy²)² + (2.625−x+xy³)²",
            minima: [Point(3, 0.5)], start: Point(-1, 2),
            view: ViewWindow(x: -4.5...4.5, y: -4.5...4.5), levels: .logSpaced(from: -1, to: 5, count: 25))),
        (Booth(), FunctionInfo(
            name: "booth", displayName: "Booth", formula: "(x+2y−7)² + (2x+y−5)²",
            minima: [Point(1, 3)], start: Point(-8, 8),
            view: ViewWindow(x: -10...10, y: -10...10), levels: .logSpaced(from: -1, to: 3.4, count: 20))),
        (GoldsteinPrice(), FunctionInfo(
            name: "goldstein_price", displayName: "Goldstein–Price", formula: "[1+(x+y+1)²(19−14x+3x²−14y+6xy+3y²)]·[30+(2x−3y)²(18−32x+12x²+48y−36xy+27y²)]",
            minima: [Point(0, -1)], start: Point(-1.5, 1.5),
            view: ViewWindow(x: -2...2, y: -2...2), levels: .logSpaced(from: 0.5, to: 6, count: 25))),
        (Himmelblau(), FunctionInfo(
            name: "himmelblau", displayName: "Himmelblau", formula: "(x²+y−11)² + (x+y²−7)²",
            minima: [Point(3, 2), Point(-2.805118086952745, 3.131312518250573), Point(-3.779310253377747, -3.283185991286169), Point(3.584428340330492, -1.848126526964404)], start: Point(0.5, -0.5),
            view: ViewWindow(x: -5...5, y: -5...5), levels: .logSpaced(from: -0.5, to: 3, count: 20))),
        (Levi13(), FunctionInfo(
            name: "levi13", displayName: "Lévi N.13", formula: "sin²3πx + (x−1)²(1+sin²3πy) + (y−1)²(1+sin²2πy)",
            minima: [Point(1, 1)], start: Point(-3, 3.5),
            view: ViewWindow(x: -4...4, y: -4...4), levels: .automatic(count: 20))),
        (Matyas(), FunctionInfo(
            name: "matyas", displayName: "Matyas", formula: "0.26(x²+y²) − 0.48xy",
            minima: [Point(0, 0)], start: Point(-8, 6),
            view: ViewWindow(x: -10...10, y: -10...10), levels: .logSpaced(from: -2, to: 2, count: 20))),
        (SixHumpCamel(), FunctionInfo(
            name: "six_hump_camel", displayName: "Six-hump camel", formula: "(4−2.1x²+x⁴/3)x² + xy + (−4+4y²)y²",
            minima: [Point(0.08984201310031806, -0.7126564030207396), Point(-0.08984201310031806, 0.7126564030207396)], start: Point(-1.8, 1.2),
            view: ViewWindow(x: -2...2, y: -1.5...1.5), levels: .automatic(count: 20))),
        (StyblinskiTang(), FunctionInfo(
            name: "styblinski_tang", displayName: "Styblinski–Tang", formula: "0.5·Σ(t⁴−16t²+5t), t ∈ {x, y}",
            minima: [Point(-2.903534027771177, -2.903534027771177)], start: Point(4.5, 4.5),
            view: ViewWindow(x: -5...5, y: -5...5), levels: .automatic(count: 20))),
        (Quadratic(), FunctionInfo(
            name: "quadratic", displayName: "Quadratic", formula: "x² + 10y²",
            minima: [Point(0, 0)], start: Point(-3, 2),
            view: ViewWindow(x: -4...4, y: -3...3), levels: .logSpaced(from: -1, to: 2.2, count: 20))),
    ]

    /// Every built-in function, in listing order.
    public static let all: [any TestFunction] = catalog.map(\.function)

    /// The entry of the built-in type `type`.
    static func info(of type: any CatalogFunction.Type) -> FunctionInfo {
        guard let entry = catalog.first(where: { Swift.type(of: $0.function) == type }) else {
            preconditionFailure("\(type) has no FunctionCatalog entry")
        }
        return entry.info
    }

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
