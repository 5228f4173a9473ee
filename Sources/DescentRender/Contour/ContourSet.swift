import DescentBase

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
    public init(grid: ScalarGrid, rule: ContourLevels, colorMap: ColorMap) throws(RenderError) {
        let values = try rule.levels(for: grid)
        let lines = MarchingSquares(grid: grid).lines(at: values)
        levels = zip(zip(values, colorMap.colors(for: values, normalizedOver: values)), lines).map {
            Level(value: $0.0, color: $0.1, lines: $1)
        }
        self.colorMap = colorMap
    }
}
