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
    public var pathLabel = "Optimizer Path"
    public var startLabel = "Start"
    public var endLabel = "End"
    public var minimumLabel = "Global Minimum"
    public var currentLabel = "Current Position"

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

    /// The still figure, the seed's: contours, the whole path (a line in seaborn's deep red
    /// `#C44E52` with "x" markers), start (circle in deep green `#55A868`), end (diamond in the
    /// path's red, drawn above the path), every global minimum (diamond in deep green), the
    /// markers at matplotlib's `markersize=10`, the legend at `loc="best"` and the title. When
    /// the path ends outside the view, a triangle on the view's edge points where it went.
    public func stillFigure(width: Int, height: Int, title: [String]) throws(RenderError) -> Figure {
        var figure = try baseFigure(width: width, height: height, title: title)
        let s = figure.style
        let line = s.line(.deepRed), cross = s.marker(.cross, .deepRed)
        let start = s.pointMarker(.circle, .deepGreen), end = s.pointMarker(.diamond, .deepRed)
        figure.paths = [PathLayer(points: path, line: line, marker: cross)]
        let finite = path.filter(\.isFinite)
        figure.markers = [
            MarkerLayer(points: finite.prefix(1).map { $0 }, marker: start),
            MarkerLayer(points: finite.suffix(1).map { $0 }, marker: end),
            MarkerLayer(points: minima, marker: minimumMarker(s)),
        ]
        if let exit = view.exit(of: path) {
            figure.markers.append(MarkerLayer(points: [exit.point], marker: s.pointMarker(exit.edge.outwardTip, .deepRed)))
        }
        figure.legend = [
            LegendEntry(label: pathLabel, line: line, marker: cross),
            LegendEntry(label: startLabel, marker: start),
            LegendEntry(label: endLabel, marker: end),
            LegendEntry(label: minimumLabel, marker: minimumMarker(s)),
        ]
        return figure
    }

    /// The animation's static figure: contours, global minima and legend (path, current
    /// position, minimum) at `loc="best"` away from the whole path, as the still's; the path
    /// and title are drawn per frame.
    public func animationFigure(width: Int, height: Int) throws(RenderError) -> Figure {
        var figure = try baseFigure(width: width, height: height, title: [])
        let s = figure.style
        figure.markers = [MarkerLayer(points: minima, marker: minimumMarker(s))]
        // What the still's legend avoids (the path, its start and end markers), so that both
        // legends go to the same place.
        let finite = path.filter(\.isFinite)
        figure.legendAvoids = [path] + [finite.first, finite.last].compactMap { $0.map { [$0] } }
        figure.legend = [
            LegendEntry(label: pathLabel, line: s.line(.deepRed), marker: s.marker(.cross, .deepRed)),
            LegendEntry(label: currentLabel, marker: s.pointMarker(.diamond, .deepRed)),
            LegendEntry(label: minimumLabel, marker: minimumMarker(s)),
        ]
        return figure
    }

    private func minimumMarker(_ s: FigureStyle) -> Marker { s.pointMarker(.diamond, .deepGreen) }

    private func baseFigure(width: Int, height: Int, title: [String]) throws(RenderError) -> Figure {
        var figure = try Figure(width: width, height: height, view: view)
        figure.contours = contours
        figure.filledContours = filledContours
        figure.showsColorBar = filledContours != nil
        figure.title = title
        figure.legendLocation = .best
        return figure
    }
}
