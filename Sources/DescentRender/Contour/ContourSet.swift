/// Contour lines of a grid at chosen levels, each with its colour, as matplotlib's
/// `contour(X, Y, Z, levels, cmap=…)` would draw them.
public struct ContourSet: Sendable {
    /// One level: its value, colour and lines (data coordinates).
    public struct Level: Sendable {
        public var value: Double
        public var color: Color
        public var lines: [Polyline]
    }

    /// Every level, ascending (levels without lines included: they set the colour range).
    public let levels: [Level]
    public let colorMap: ColorMap

    /// Contours of `grid` at the levels `rule` gives for the grid's finite range. Colours are
    /// matplotlib's: `cmap((level − first) / (last − first))` over the level list.
    public init(grid: ScalarGrid, rule: LevelRule, colorMap: ColorMap) throws(RenderError) {
        let range = grid.finiteRange
        let values = try rule.levels(zmin: range?.min ?? .nan, zmax: range?.max ?? .nan)
        let lines = MarchingSquares(grid: grid).lines(at: values)
        levels = zip(zip(values, ContourSet.colors(for: values, colorMap)), lines).map {
            Level(value: $0.0, color: $0.1, lines: $1)
        }
        self.colorMap = colorMap
    }

    /// `cmap(norm(v))` for each v, with the norm spanning the first to the last value.
    public static func colors(for values: [Double], _ colorMap: ColorMap) -> [Color] {
        guard let lo = values.min(), let hi = values.max() else { return [] }
        return values.map { colorMap(hi > lo ? ($0 - lo) / (hi - lo) : 0) }
    }
}
