import DescentBase

/// Where a landscape is finite: the check a config validator makes before any run.
extension TestFunction {
    /// The points a finiteness check looks at: a `grid` × `grid` lattice spanning `view`
    /// corner to corner (its centre when `grid` is 1; `grid` is clamped to 1…256), then the
    /// declared minima and the start (by default the function's own).
    public func samplePoints(in view: ViewWindow, start: Point? = nil, grid: Int = 16) -> [Point] {
        let n = min(max(grid, 1), 256)
        // (1 − t)·a + t·b rather than a + t·(b − a): no overflow for a window of ±1e308.
        func at(_ i: Int, _ r: ClosedRange<Double>) -> Double {
            let t = n == 1 ? 0.5 : Double(i) / Double(n - 1)
            return (1 - t) * r.lowerBound + t * r.upperBound
        }
        var points: [Point] = []
        points.reserveCapacity(n * n + minima.count + 1)
        for j in 0..<n { for i in 0..<n { points.append(Point(at(i, view.x), at(j, view.y))) } }
        return points + minima + [start ?? defaultStart]
    }

    /// How many of `samplePoints(in:grid:)` have a finite value (evaluated as `Double`), in
    /// `view` (by default the function's own).
    ///
    /// For a config validator: an expression that parses can still be NaN or infinite
    /// everywhere — `log(-1) + x`, `10^10^10 * x`, `sqrt(-1-x^2)` — and every optimizer would
    /// then stop at step 0. Zero means no point looked at was finite; reject it. A few
    /// non-finite points are normal (`1/x` on a grid through 0). Costs `grid² + minima + 1`
    /// evaluations, about 260 with the default grid: cheap next to one run.
    public func finiteSampleCount(in view: ViewWindow? = nil, start: Point? = nil, grid: Int = 16) -> Int {
        samplePoints(in: view ?? self.view, start: start, grid: grid).reduce(0) { $0 + (self($1).isFinite ? 1 : 0) }
    }

    /// Whether any of `samplePoints(in:grid:)` has a finite value: `finiteSampleCount > 0`.
    public func hasFiniteValue(in view: ViewWindow? = nil, start: Point? = nil, grid: Int = 16) -> Bool {
        samplePoints(in: view ?? self.view, start: start, grid: grid).contains { self($0).isFinite }
    }
}
