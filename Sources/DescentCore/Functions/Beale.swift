import DescentBase

/// Beale: (1.5−x+xy)² + (2.25−x+xy²)² + (2.625−x+xy³)².
public struct Beale: CatalogFunction {
    public init() {}
    public static let info = FunctionInfo(
        name: "beale", displayName: "Beale", formula: "(1.5−x+xy)² + (2.25−x+xy²)² + (2.625−x+xy³)²",
        minima: [Point(3, 0.5)], start: Point(-1, 2),
        view: ViewWindow(x: -4.5...4.5, y: -4.5...4.5), levels: .logSpaced(from: -1, to: 5, count: 25))

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        S.square(1.5 - x + x * y) + S.square(2.25 - x + x * S.square(y))
            + S.square(2.625 - x + x * S.pow(y, 3))
    }
}
