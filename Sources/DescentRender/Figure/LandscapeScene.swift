import DescentBase

/// What a loss-landscape figure shows, independent of how it is drawn: the view, the
/// sampled landscape and its contours, an optimizer's path, the global minima and the
/// legend labels. It builds the still figure (the seed's content) and the animation's.
public struct LandscapeScene: Sendable {
    public var view: ViewWindow
    public var contours: ContourSet
    public var filledContours: FilledContours?
    /// The optimizer's points, start first (non-finite points are allowed and skipped).
    public var path: [Point]
    public var minima: [Point]
    public var pathLabel = "Path"
    public var startLabel = "Start"
    public var endLabel = "End"
    public var minimumLabel = "Global minimum"

    /// A scene whose contours are those of `grid` at `levels` in `colorMap`, optionally
    /// filled (with a colour bar).
    public init(view: ViewWindow, grid: ScalarGrid, levels: ContourLevels, colorMap: ColorMap = .jet,
                filled: Bool = false, path: [Point], minima: [Point]) throws(RenderError) {
        self.view = view
        contours = try ContourSet(grid: grid, rule: levels, colorMap: colorMap)
        filledContours = filled ? try FilledContours(grid: grid, rule: levels, colorMap: colorMap) : nil
        self.path = path
        self.minima = minima
    }

    /// The still figure: contours, the whole path (red line with "x" markers), start (green
    /// circle), end (red diamond), every global minimum (green diamond), legend and title.
    public func stillFigure(width: Int, height: Int, title: [String]) throws(RenderError) -> Figure {
        var figure = try baseFigure(width: width, height: height, title: title)
        let s = figure.style
        let line = s.line(.red), cross = s.marker(.cross, .red)
        let start = s.marker(.circle, .green), end = s.marker(.diamond, .red)
        figure.paths = [PathLayer(points: path, line: line, marker: cross)]
        let finite = path.filter(\.isFinite)
        figure.markers = [
            MarkerLayer(points: finite.prefix(1).map { $0 }, marker: start),
            MarkerLayer(points: finite.suffix(1).map { $0 }, marker: end),
            MarkerLayer(points: minima, marker: minimumMarker(s)),
        ]
        figure.legend = [
            LegendEntry(label: pathLabel, line: line, marker: cross),
            LegendEntry(label: startLabel, marker: start),
            LegendEntry(label: endLabel, marker: end),
            LegendEntry(label: minimumLabel, marker: minimumMarker(s)),
        ]
        return figure
    }

    /// The animation's static figure: contours, global minima and legend (path, current
    /// position, minimum); the path and title are drawn per frame.
    public func animationFigure(width: Int, height: Int) throws(RenderError) -> Figure {
        var figure = try baseFigure(width: width, height: height, title: [])
        let s = figure.style
        figure.markers = [MarkerLayer(points: minima, marker: minimumMarker(s))]
        figure.legend = [
            LegendEntry(label: pathLabel, line: s.line(.red), marker: s.marker(.cross, .red)),
            LegendEntry(label: "Current position", marker: s.marker(.diamond, .red)),
            LegendEntry(label: minimumLabel, marker: minimumMarker(s)),
        ]
        return figure
    }

    private func minimumMarker(_ s: FigureStyle) -> Marker { s.marker(.diamond, .green) }

    private func baseFigure(width: Int, height: Int, title: [String]) throws(RenderError) -> Figure {
        var figure = try Figure(width: width, height: height, view: view)
        figure.contours = contours
        figure.filledContours = filledContours
        figure.showsColorBar = filledContours != nil
        figure.title = title
        return figure
    }
}
