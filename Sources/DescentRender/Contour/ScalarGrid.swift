import DescentBase

/// Values of a function sampled on a regular grid of the data plane: `columns` x-values by
/// `rows` y-values, both inclusive of the rectangle's edges (numpy `linspace` + `meshgrid`).
public struct ScalarGrid: Sendable {
    public let xs: [Double]
    public let ys: [Double]
    /// Row-major: `values[row * columns + column]` is f(xs[column], ys[row]).
    public let values: [Double]

    public var columns: Int { xs.count }
    public var rows: Int { ys.count }

    /// A grid from explicit coordinates and values; throws when the sizes disagree, there are
    /// fewer than 2×2 samples, or the coordinates are not finite and strictly increasing.
    public init(xs: [Double], ys: [Double], values: [Double]) throws(RenderError) {
        guard xs.count >= 2, ys.count >= 2 else {
            throw .invalidGrid("a contour grid needs at least 2×2 samples, got \(xs.count)×\(ys.count)")
        }
        guard values.count == xs.count * ys.count else {
            throw .invalidGrid("a \(xs.count)×\(ys.count) grid needs \(xs.count * ys.count) values, got \(values.count)")
        }
        for axis in [xs, ys] where !zip(axis, axis.dropFirst()).allSatisfy({ $0.isFinite && $1.isFinite && $0 < $1 }) {
            throw .invalidGrid("grid coordinates must be finite and strictly increasing")
        }
        self.xs = xs
        self.ys = ys
        self.values = values
    }

    /// Samples `f` on `columns`×`rows` points spanning `rect` (the seed samples 250×250).
    public init(sampling rect: ViewWindow, columns: Int = 250, rows: Int = 250,
                _ f: (Double, Double) -> Double) throws(RenderError) {
        guard columns >= 2, rows >= 2, columns <= 10_000, rows <= 10_000 else {
            throw .invalidGrid("grid size must be between 2 and 10000 per side, got \(columns)×\(rows)")
        }
        _ = try ViewWindow.drawable(x: rect.x, y: rect.y)
        let xs = ScalarGrid.linspace(rect.xMin, rect.xMax, columns)
        let ys = ScalarGrid.linspace(rect.yMin, rect.yMax, rows)
        var values = [Double](repeating: 0, count: columns * rows)
        for r in 0..<rows {
            for c in 0..<columns { values[r * columns + c] = f(xs[c], ys[r]) }
        }
        try self.init(xs: xs, ys: ys, values: values)
    }

    /// The value at (column, row).
    @inlinable public subscript(column: Int, row: Int) -> Double { values[row * xs.count + column] }

    /// The smallest and largest finite values (nil when none is finite).
    public var finiteRange: (min: Double, max: Double)? {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite {
            lo = min(lo, v)
            hi = max(hi, v)
        }
        return lo <= hi ? (lo, hi) : nil
    }

    /// numpy's `linspace(a, b, n)`: `a + i·step`, with the last value exactly `b`.
    static func linspace(_ a: Double, _ b: Double, _ n: Int) -> [Double] {
        let step = (b - a) / Double(n - 1)
        var v = (0..<n).map { a + Double($0) * step }
        v[n - 1] = b
        return v
    }
}
