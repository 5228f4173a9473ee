import DescentBase

/// Every optimizer of an experiment on one landscape: the contours, one path per optimizer in
/// the colours of matplotlib's cycle (tab10: C0 for the first path, C1 for the second, …,
/// repeating after ten), the shared start point, the global minima, and a legend naming each
/// optimizer. It builds the still figure and the race animation.
public struct RaceScene: Sendable {
    /// One optimizer's path: its label, its points (start first; non-finite points are
    /// allowed and skipped, a diverged path simply ends early) and its colour.
    public struct Entry: Sendable {
        public var label: String
        public var points: [Point]
        public var color: Color
    }

    public var view: ViewWindow
    public var contours: ContourSet
    public var entries: [Entry]
    public var minima: [Point]
    public var startLabel = "Start"
    public var minimumLabel = "Global minimum"

    /// A scene whose contours are those of `grid` at `levels` in `colorMap`; path n gets
    /// `Color.cycle(n)`.
    public init(view: ViewWindow, grid: ScalarGrid, levels: ContourLevels, colorMap: ColorMap = .jet,
                paths: [(label: String, points: [Point])], minima: [Point]) throws(RenderError) {
        self.view = view
        contours = try ContourSet(grid: grid, rule: levels, colorMap: colorMap)
        entries = paths.enumerated().map { Entry(label: $1.label, points: $1.points, color: .cycle($0)) }
        self.minima = minima
    }

    /// The start points: each path's first finite point, each distinct one once (the paths
    /// of an experiment share one).
    public var starts: [Point] {
        var seen = Set<Point>()
        return entries.compactMap { $0.points.first(where: \.isFinite) }.filter { seen.insert($0).inserted }
    }

    /// Every path whole: its line, a small diamond in its colour at its last finite point;
    /// the start as a black circle (shared), the global minima as green diamonds, the legend
    /// (one row per path, then start and minimum) and the title. The legend goes where
    /// matplotlib's `loc="best"` puts it, avoiding the paths, start and minima (the same
    /// place as in the animation).
    public func stillFigure(width: Int, height: Int, title: [String]) throws(RenderError) -> Figure {
        var figure = try baseFigure(width: width, height: height, title: title)
        let s = figure.style
        figure.paths = entries.map { PathLayer(points: $0.points, line: s.line($0.color)) }
        figure.markers = entries.map { entry in
            MarkerLayer(points: entry.points.last(where: \.isFinite).map { [$0] } ?? [], marker: RaceScene.endMarker(s, entry.color))
        } + figure.markers
        return figure
    }

    /// The animation's static figure: contours, start, global minima and legend; the paths
    /// and title are drawn per frame.
    public func animationFigure(width: Int, height: Int) throws(RenderError) -> Figure {
        try baseFigure(width: width, height: height, title: [])
    }

    /// The race animation: frame i shows each path's last `style.tail` segments solid and
    /// `style.fade` fading, and each current position (a diamond in the path's colour); a path
    /// shorter than the longest stays at its last point. The background is drawn once, the
    /// frames are streamed, and each frame's changed rectangle (the union over the paths and
    /// the title) goes to the GIF writer.
    public func frames(width: Int, height: Int, style: TailStyle,
                       title: @escaping (Int) -> [String]) throws -> RaceFrames {
        try RaceFrames(figure: animationFigure(width: width, height: height), paths: entries.map { ($0.points, $0.color) },
                       style: style, title: title)
    }

    /// The marker at the end of a path (still) or at its current position (animation):
    /// matplotlib's "D" in the path's colour, a little smaller than the minima's.
    static func endMarker(_ s: FigureStyle, _ color: Color) -> Marker {
        Marker(.diamond, size: s.px(0.8 * s.markerSize), fill: color, edge: color, edgeWidth: s.px(s.markerEdgeWidth))
    }

    private func baseFigure(width: Int, height: Int, title: [String]) throws(RenderError) -> Figure {
        var figure = try Figure(width: width, height: height, view: view)
        let s = figure.style
        figure.contours = contours
        figure.title = title
        let start = Marker(.circle, size: s.px(s.markerSize), fill: .black, edgeWidth: s.px(s.markerEdgeWidth))
        let minimum = s.marker(.diamond, .green)
        figure.markers = [MarkerLayer(points: starts, marker: start), MarkerLayer(points: minima, marker: minimum)]
        figure.legendLocation = .best
        figure.legendAvoids = entries.map(\.points)
        figure.legend = entries.map { LegendEntry(label: $0.label, line: s.line($0.color)) }
            + [LegendEntry(label: startLabel, marker: start), LegendEntry(label: minimumLabel, marker: minimum)]
        return figure
    }
}
