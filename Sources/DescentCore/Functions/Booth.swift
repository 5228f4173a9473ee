import DescentBase

/// Booth: (x+2y−7)² + (2x+y−5)².
public struct Booth: CatalogFunction {
    public init() {}
    public static let info = FunctionInfo(
        name: "booth", displayName: "Booth", formula: "(x+2y−7)² + (2x+y−5)²",
        minima: [Point(1, 3)], start: Point(-8, 8),
        view: ViewWindow(x: -10...10, y: -10...10), levels: .logSpaced(from: -1, to: 3.4, count: 20))

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        S.square(x + 2 * y - 7) + S.square(2 * x + y - 5)
    }
}
