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

    /// The figure: a `LinePlot` of each series against its steps on a log y axis.
    public func figure(width: Int, height: Int, title: [String]) throws(RenderError) -> Figure {
        try Self.plot(series).figure(width: width, height: height, title: title)
    }
}
