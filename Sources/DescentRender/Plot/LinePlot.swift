import DescentBase

/// Lines on linear or log axes, one per series: matplotlib's `plot` / `semilogy` / `loglog`
/// for each series in turn (colours C0, C1, … of the tab10 cycle), with a legend (`loc="best"`)
/// and grid lines at the major ticks. `LossCurve` and the benchmark's ECDF, profile and
/// sensitivity figures are line plots.
///
/// A point that an axis cannot show (non-finite, or ≤ 0 on a log axis) is dropped and breaks
/// its line there, as matplotlib breaks a line at NaN. The view is the kept points' range
/// with matplotlib's 5 % margins (in log space on a log axis), unless `xLimits`/`yLimits`
/// fix it. With no point kept the figure still renders: empty axes over 0…1 (1…10 on a log
/// axis) with `emptyNote`.
public struct LinePlot: Sendable {
    /// One line: its legend label, its points in data coordinates, and points to mark with
    /// dots on it (a tuned value, say). Its colour is `Color.cycle(color ?? its index)` at
    /// `opacity`; a series with `inLegend` false has no legend row (a faint raw line under
    /// its smoothed one, say).
    public struct Series: Sendable {
        public var label: String
        public var points: [Point]
        public var marked: [Point]
        public var color: Int?
        public var opacity: Double
        public var inLegend: Bool

        public init(label: String, points: [Point], marked: [Point] = [], color: Int? = nil, opacity: Double = 1,
                    inLegend: Bool = true) {
            self.label = label
            self.points = points
            self.marked = marked
            self.color = color
            self.opacity = opacity
            self.inLegend = inLegend
        }
    }

    public var series: [Series]
    public var xScale = Scale.linear
    public var yScale = Scale.linear
    public var xLabel = ""
    public var yLabel = ""
    public var xLimits: ClosedRange<Double>? = nil
    public var yLimits: ClosedRange<Double>? = nil
    public var emptyNote = "nothing to plot"

    public init(series: [Series]) { self.series = series }

    /// The runs of consecutive points both axes accept.
    public func runs(_ points: [Point]) -> [[Point]] {
        var runs: [[Point]] = []
        var current: [Point] = []
        for p in points {
            if xScale.accepts(p.x) && yScale.accepts(p.y) {
                current.append(p)
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// The figure: axes, one line per series (a lone kept point between dropped ones is drawn
    /// as a dot so that it is not lost), the marked points, legend rows in series order, and
    /// the title lines.
    public func figure(width: Int, height: Int, title: [String]) throws(RenderError) -> Figure {
        let runs = series.map { self.runs($0.points) }
        let points = runs.joined().joined()
        let x = xLimits.map { ($0.lowerBound, $0.upperBound) } ?? Self.range(points.map(\.x), xScale)
        let y = yLimits.map { ($0.lowerBound, $0.upperBound) } ?? Self.range(points.map(\.y), yScale)
        var figure = try Figure(width: width, height: height, view: try ViewWindow.drawable(x: x.0...x.1, y: y.0...y.1))
        figure.xScale = xScale
        figure.yScale = yScale
        figure.xLabel = xLabel
        figure.yLabel = yLabel
        figure.title = title
        if points.isEmpty { figure.note = emptyNote }
        figure.legendLocation = .best
        let s = figure.style
        for (n, (entry, pieces)) in zip(series, runs).enumerated() {
            var line = s.seriesLine(entry.color ?? n)
            line.color = line.color.withAlpha(entry.opacity)
            for piece in pieces {
                let dot = piece.count == 1 ? Marker(.circle, size: 2 * line.width, fill: line.color, edgeWidth: 0) : nil
                figure.paths.append(PathLayer(points: piece, line: line, marker: dot))
            }
            let marked = entry.marked.filter { xScale.accepts($0.x) && yScale.accepts($0.y) }
            if !marked.isEmpty {
                figure.markers.append(MarkerLayer(points: marked, marker: Marker(.circle, size: 4 * line.width, fill: line.color, edgeWidth: 0)))
            }
            if entry.inLegend { figure.legend.append(LegendEntry(label: entry.label, line: line)) }
        }
        return figure
    }

    /// The view along one axis: the values' range with 5 % margins in the axis' space, or
    /// 0…1 (1…10 on a log axis) for none.
    /// Values near the ends of `Double` still give a drawable view: linear values are clamped
    /// to ±1e300 (so the width and its margins stay finite), and the view's ends to what the
    /// axis can show (positive normal numbers on a log axis).
    static func range(_ values: [Double], _ scale: Scale) -> (Double, Double) {
        let t = values.map { min(max(scale.transform($0), -1e300), 1e300) }
        guard let lo = t.min(), let hi = t.max() else { return scale == .linear ? (0, 1) : (1, 10) }
        let (a, b) = margined((lo, hi), singular: scale == .linear ? 0.5 : 1)
        let floor = scale == .linear ? -Double.greatestFiniteMagnitude : Double.leastNormalMagnitude
        return (min(max(scale.inverse(a), floor), Double.greatestFiniteMagnitude),
                min(max(scale.inverse(b), floor), Double.greatestFiniteMagnitude))
    }

    /// [lo, hi] grown by matplotlib's 5 % margins; a single value is first widened by
    /// `singular` either side (a decade on the log axis, as matplotlib's `LogLocator.nonsingular`).
    static func margined(_ range: (Double, Double), singular: Double) -> (Double, Double) {
        var (lo, hi) = range
        if hi - lo <= 1e-12 * max(1, abs(lo)) {
            lo -= singular
            hi += singular
        }
        let m = 0.05 * (hi - lo)
        return (lo - m, hi + m)
    }
}
