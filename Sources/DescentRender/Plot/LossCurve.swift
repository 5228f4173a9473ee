import DescentBase
import Foundation

/// Loss against step on a log-scale y axis, one line per optimizer: matplotlib's
/// `semilogy(values, label=…)` for each series in turn (colours C0, C1, … of the tab10
/// cycle, the same order as `RaceScene`), with a legend (matplotlib's default `loc="best"`), x label "step", decade ticks
/// labelled 10⁻³, 10⁻², … and grid lines at the decades (seaborn "whitegrid").
///
/// Step `k` is the index of a value in its series (step 0 is the loss at the start point).
/// A value that is not finite or not positive has no place on a log axis: it is dropped and
/// breaks its line there, as matplotlib breaks a line at NaN (a diverged run's line simply
/// stops). The view is the kept values' range with matplotlib's 5 % margins (in log space for
/// y). When no series keeps a value the figure still renders: empty axes over steps 0…1 and
/// losses 1…10, with a note saying so.
public struct LossCurve: Sendable {
    /// The series as given: a label and the loss at each step.
    public let series: [(label: String, values: [Double])]

    public init(series: [(label: String, values: [Double])]) {
        self.series = series
    }

    /// The note shown when there is nothing to plot.
    public static let emptyNote = "no positive finite loss to plot"

    /// The runs of consecutive kept values of `values`, as (step, loss) points.
    public static func runs(_ values: [Double]) -> [[Point]] {
        var runs: [[Point]] = []
        var current: [Point] = []
        for (k, v) in values.enumerated() {
            if Scale.log10.accepts(v) {
                current.append(Point(Double(k), v))
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// The figure: axes, one line per series (a lone kept value between dropped ones is drawn
    /// as a dot so that it is not lost), legend rows in series order, and the title lines.
    public func figure(width: Int, height: Int, title: [String]) throws(RenderError) -> Figure {
        let runs = series.map { Self.runs($0.values) }
        let points = runs.joined().joined()
        let view: ViewWindow
        if let x = Self.extent(points.map(\.x)), let y = Self.extent(points.map { log10($0.y) }) {
            let (x0, x1) = Self.margined(x, singular: 0.5)
            let (y0, y1) = Self.margined(y, singular: 1)
            view = try ViewWindow.drawable(x: x0...x1, y: pow(10, y0)...pow(10, y1))
        } else {
            view = try ViewWindow.drawable(x: 0...1, y: 1...10)
        }
        var figure = try Figure(width: width, height: height, view: view)
        figure.yScale = .log10
        figure.xLabel = "step"
        figure.yLabel = "loss"
        figure.title = title
        if points.isEmpty { figure.note = Self.emptyNote }
        figure.legendLocation = .best
        let s = figure.style
        for (n, (entry, pieces)) in zip(series, runs).enumerated() {
            let line = s.line(.cycle(n))
            for piece in pieces {
                let dot = piece.count == 1 ? Marker(.circle, size: 2 * line.width, fill: line.color, edgeWidth: 0) : nil
                figure.paths.append(PathLayer(points: piece, line: line, marker: dot))
            }
            figure.legend.append(LegendEntry(label: entry.label, line: line))
        }
        return figure
    }

    /// The smallest and largest of `values` (nil for none).
    static func extent(_ values: [Double]) -> (Double, Double)? {
        guard let lo = values.min(), let hi = values.max() else { return nil }
        return (lo, hi)
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
