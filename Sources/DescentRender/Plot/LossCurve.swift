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
    /// Show each series as its running minimum (the best loss so far), in its colour, over the
    /// raw values drawn faint (alpha `faintOpacity`, no legend row): what reads when many
    /// noisy or oscillating curves share the axes.
    public var runningMinimum = false
    public static let faintOpacity = 0.25

    public init(series: [(label: String, values: [Double])]) {
        self.series = series
    }

    /// The smallest finite value so far at each step (NaN until the first finite value): a
    /// value that is not finite never lowers it.
    public static func runningMinimum(_ values: [Double]) -> [Double] {
        var best = Double.nan
        return values.map { v in
            if v.isFinite && !(v >= best) { best = v }
            return best
        }
    }

    /// The note shown when there is nothing to plot.
    public static let emptyNote = "no positive finite loss to plot"

    /// The runs of consecutive kept values of `values`, as (step, loss) points.
    public static func runs(_ values: [Double]) -> [[Point]] { plot([("", values)]).runs(points(values)) }

    static func points(_ values: [Double]) -> [Point] { values.enumerated().map { Point(Double($0.offset), $0.element) } }

    static func plot(_ series: [(label: String, values: [Double])]) -> LinePlot {
        var plot = LinePlot(series: series.map { LinePlot.Series(label: $0.label, points: points($0.values)) })
        plot.yScale = .log10
        plot.xLabel = "step"
        plot.yLabel = "loss"
        plot.emptyNote = emptyNote
        return plot
    }

    /// The figure: a `LinePlot` of each series against its steps on a log y axis (with
    /// `runningMinimum`, the faint raw lines first, then the running minima over them).
    public func figure(width: Int, height: Int, title: [String]) throws(RenderError) -> Figure {
        guard runningMinimum else { return try Self.plot(series).figure(width: width, height: height, title: title) }
        var plot = Self.plot([])
        plot.series = series.enumerated().map { n, s in
            LinePlot.Series(label: s.label, points: Self.points(s.values), color: n, opacity: Self.faintOpacity, inLegend: false)
        } + series.enumerated().map { n, s in
            LinePlot.Series(label: s.label, points: Self.points(Self.runningMinimum(s.values)), color: n)
        }
        return try plot.figure(width: width, height: height, title: title)
    }
}
