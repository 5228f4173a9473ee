import DescentBase

/// Filled contours (matplotlib's `contourf`): the region between each pair of consecutive
/// levels, as polygons in data coordinates, coloured as matplotlib colours the layers:
/// `cmap(norm(midpoint))` with the norm spanning the first to the last level.
///
/// Each grid cell is clipped to `lower < z ≤ upper` (Sutherland–Hodgman on the cell's
/// square, linear along its edges, so band borders meet the contour lines of
/// `MarchingSquares` on every grid edge). Runs of cells wholly inside a band become one
/// rectangle. Cells with a non-finite corner are left empty.
public struct FilledContours: Sendable {
    /// One band between two levels.
    public struct Band: Sendable {
        public var lower: Double
        public var upper: Double
        public var color: Color
        /// Polygons (implicitly closed) that together cover the band.
        public var polygons: [[Point]]
    }

    public let levels: [Double]
    public let bands: [Band]
    public let colorMap: ColorMap

    /// The bands of `grid` for the levels of `rule` (at least two levels are needed).
    public init(grid: ScalarGrid, rule: ContourLevels, colorMap: ColorMap) throws(RenderError) {
        let levels = try rule.levels(for: grid)
        guard levels.count >= 2 else { throw .invalidLevels("filled contours need at least two levels, got \(levels)") }
        let pairs = Array(zip(levels, levels.dropFirst()))
        let colors = colorMap.colors(for: pairs.map { ($0 + $1) / 2 }, normalizedOver: levels)
        bands = zip(pairs, colors).map { pair, color in
            Band(lower: pair.0, upper: pair.1, color: color,
                 polygons: FilledContours.polygons(grid, lower: pair.0, upper: pair.1))
        }
        self.levels = levels
        self.colorMap = colorMap
    }

    /// The polygons of `lower < z ≤ upper`.
    static func polygons(_ grid: ScalarGrid, lower: Double, upper: Double) -> [[Point]] {
        var result: [[Point]] = []
        let nx = grid.columns
        for r in 0..<(grid.rows - 1) {
            var runStart: Int? = nil
            func closeRun(_ end: Int) {
                if let s = runStart {
                    let x0 = grid.xs[s], x1 = grid.xs[end], y0 = grid.ys[r], y1 = grid.ys[r + 1]
                    result.append([Point(x0, y0), Point(x1, y0), Point(x1, y1), Point(x0, y1)])
                }
                runStart = nil
            }
            for c in 0..<(nx - 1) {
                let corners = [
                    (Point(grid.xs[c], grid.ys[r]), grid[c, r]),
                    (Point(grid.xs[c + 1], grid.ys[r]), grid[c + 1, r]),
                    (Point(grid.xs[c + 1], grid.ys[r + 1]), grid[c + 1, r + 1]),
                    (Point(grid.xs[c], grid.ys[r + 1]), grid[c, r + 1]),
                ]
                let zs = corners.map(\.1)
                if zs.allSatisfy({ $0.isFinite && $0 > lower && $0 <= upper }) {
                    if runStart == nil { runStart = c }
                    continue
                }
                closeRun(c)
                guard zs.allSatisfy(\.isFinite), zs.contains(where: { $0 > lower }),
                      zs.contains(where: { $0 <= upper }) else { continue }
                let clipped = clip(clip(corners, keepAbove: lower), keepAtMost: upper)
                if clipped.count >= 3 { result.append(clipped.map(\.0)) }
            }
            closeRun(nx - 1)
        }
        return result
    }

    private typealias Vertex = (Point, Double)

    private static func clip(_ polygon: [Vertex], keepAbove level: Double) -> [Vertex] {
        clip(polygon, level) { $0 > level }
    }

    private static func clip(_ polygon: [Vertex], keepAtMost level: Double) -> [Vertex] {
        clip(polygon, level) { $0 <= level }
    }

    /// Sutherland–Hodgman against one level, interpolating positions linearly in z.
    private static func clip(_ polygon: [Vertex], _ level: Double, inside: (Double) -> Bool) -> [Vertex] {
        guard let last = polygon.last else { return [] }
        var out: [Vertex] = []
        var previous = last
        for current in polygon {
            let pin = inside(previous.1), cin = inside(current.1)
            if pin != cin {
                let t = (level - previous.1) / (current.1 - previous.1)
                let p = Point(previous.0.x + t * (current.0.x - previous.0.x),
                                  previous.0.y + t * (current.0.y - previous.0.y))
                out.append((p, level))
            }
            if cin { out.append(current) }
            previous = current
        }
        return out
    }
}
