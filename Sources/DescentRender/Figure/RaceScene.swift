import DescentBase

/// Every optimizer of an experiment on one landscape: the contours, one path per optimizer in
/// the colours of matplotlib's cycle (tab10: C0 for the first path, C1 for the second, …,
/// repeating after ten, dashed in the still figure from the eleventh on), the shared start point, the global minima, and a legend naming each
/// optimizer. It builds the still figure and the race animation.
public struct RaceScene: Sendable {
    /// One optimizer's path: its label, its points (start first; non-finite points are
    /// allowed and skipped, a diverged path simply ends early) and its colour.
    public struct Entry: Sendable {
        public var label: String
        public var points: [Point]
        public var color: Color
        /// Its place among the paths: the still figure dashes the paths beyond the first ten
        /// (`FigureStyle.seriesDashes`), whose colours repeat.
        public var series = 0
    }

    public var view: ViewWindow
    public var contours: ContourSet
    public var filledContours: FilledContours?
    public var entries: [Entry]
    public var minima: [Point]
    public var startLabel = "Start"
    public var minimumLabel = "Global Minimum"

    /// A scene whose contours are those of `grid` at `levels` in `colorMap`, optionally filled
    /// (with a colour bar); path n gets `Color.cycle(n)`.
    public init(view: ViewWindow, grid: ScalarGrid, levels: ContourLevels, colorMap: ColorMap = .jet, filled: Bool = false,
                paths: [(label: String, points: [Point])], minima: [Point]) throws(RenderError) {
        self.view = view
        contours = try ContourSet(grid: grid, rule: levels, colorMap: colorMap)
        filledContours = filled ? try FilledContours(grid: grid, rule: levels, colorMap: colorMap) : nil
        entries = paths.enumerated().map { Entry(label: $1.label, points: $1.points, color: .cycle($0), series: $0) }
        self.minima = minima
    }

    /// The start points: each path's first finite point, each distinct one once (the paths
    /// of an experiment share one).
    public var starts: [Point] {
        var seen = Set<Point>()
        return entries.compactMap { $0.points.first(where: \.isFinite) }.filter { seen.insert($0).inserted }
    }

    /// Every path whole: its line over a white halo (readable where it crosses contours of its
    /// own colour), a small diamond in its colour at its last finite point, labelled with the
    /// optimizer's name; the start as a black circle (shared), the global minima as white
    /// stars edged in black (no path has their colour), the legend (one row per path, then
    /// start and minimum) and the title. The legend goes where matplotlib's `loc="best"` puts
    /// it, avoiding the paths, start and minima (the same place as in the animation).
    public func stillFigure(width: Int, height: Int, title: [String]) throws(RenderError) -> Figure {
        var figure = try baseFigure(width: width, height: height, title: title)
        let s = figure.style
        func line(_ entry: Entry) -> LineStyle {
            var line = RaceScene.line(s, entry.color)
            line.dashes = s.seriesDashes(entry.series)
            return line
        }
        figure.paths = entries.map { PathLayer(points: $0.points, line: line($0)) }
        for (i, entry) in entries.enumerated() where i < figure.legend.count { figure.legend[i].line = line(entry) }
        let ends = entries.map { entry in (entry, entry.points.last(where: \.isFinite)) }
        figure.markers = ends.map { entry, end in
            MarkerLayer(points: end.map { [$0] } ?? [], marker: RaceScene.endMarker(s, entry.color))
        } + figure.markers
        figure.pointLabels = ends.compactMap { entry, end in end.map { PointLabel(entry.label, at: $0, color: entry.color) } }
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

    /// A path's line: its colour over a white halo (matplotlib's
    /// `path_effects=[withStroke(linewidth=lw + 2.5, foreground="w")]`).
    static func line(_ s: FigureStyle, _ color: Color) -> LineStyle {
        var line = s.line(color)
        line.halo = LineStyle.Halo(width: s.px(s.lineWidth + 2.5))
        return line
    }

    /// The global minima: matplotlib's `"*"`, white edged in black, at `markersize=15`.
    static func minimumMarker(_ s: FigureStyle) -> Marker {
        Marker(.star, size: s.px(15), fill: .white, edge: .black, edgeWidth: s.px(s.markerEdgeWidth))
    }

    /// The marker at the end of a path (still) or at its current position (animation):
    /// matplotlib's "D" in the path's colour, a little smaller than the start's.
    static func endMarker(_ s: FigureStyle, _ color: Color) -> Marker {
        Marker(.diamond, size: s.px(0.8 * s.markerSize), fill: color, edge: color, edgeWidth: s.px(s.markerEdgeWidth))
    }

    private func baseFigure(width: Int, height: Int, title: [String]) throws(RenderError) -> Figure {
        var figure = try Figure(width: width, height: height, view: view)
        let s = figure.style
        figure.contours = contours
        figure.filledContours = filledContours
        figure.showsColorBar = filledContours != nil
        figure.title = title
        let start = Marker(.circle, size: s.px(s.markerSize), fill: .black, edgeWidth: s.px(s.markerEdgeWidth))
        let minimum = RaceScene.minimumMarker(s)
        figure.markers = [MarkerLayer(points: starts, marker: start), MarkerLayer(points: minima, marker: minimum)]
        figure.legendLocation = .best
        figure.legendAvoids = entries.map(\.points)
        figure.legend = entries.map { LegendEntry(label: $0.label, line: RaceScene.line(s, $0.color)) }
            + [LegendEntry(label: startLabel, marker: start), LegendEntry(label: minimumLabel, marker: minimum)]
        return figure
    }
}
