import DescentBase

/// Six-hump camel: (4−2.1x²+x⁴/3)x² + xy + (−4+4y²)y².
public struct SixHumpCamel: CatalogFunction {
    public init() {}
    public static let info = FunctionInfo(
        name: "six_hump_camel", displayName: "Six-hump camel", formula: "(4−2.1x²+x⁴/3)x² + xy + (−4+4y²)y²",
        minima: [Point(0.08984201310031806, -0.7126564030207396), Point(-0.08984201310031806, 0.7126564030207396)], start: Point(-1.8, 1.2),
        view: ViewWindow(x: -2...2, y: -1.5...1.5), levels: .automatic(count: 20))

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        (4 - 2.1 * S.square(x) + S.pow(x, 4) / 3) * S.square(x) + x * y
            + (-4 + 4 * S.square(y)) * S.square(y)
    }
}
