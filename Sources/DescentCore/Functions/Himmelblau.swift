import DescentBase

/// Himmelblau: (x²+y−11)² + (x+y²−7)².
public struct Himmelblau: CatalogFunction {
    public init() {}
    public static let info = FunctionInfo(
        name: "himmelblau", displayName: "Himmelblau", formula: "(x²+y−11)² + (x+y²−7)²",
        minima: [Point(3, 2), Point(-2.805118086952745, 3.131312518250573), Point(-3.779310253377747, -3.283185991286169), Point(3.584428340330492, -1.848126526964404)], start: Point(0.5, -0.5),
        view: ViewWindow(x: -5...5, y: -5...5), levels: .logSpaced(from: -0.5, to: 3, count: 20))

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        S.square(S.square(x) + y - 11) + S.square(x + S.square(y) - 7)
    }
}
