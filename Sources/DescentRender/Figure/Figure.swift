import DescentBase

/// Everything a figure shows, as values: its pixel size and style, the title lines, the
/// data window of its one axes, contours, paths, markers and legend rows. `FigureLayout`
/// turns it into pixel rectangles; `FigureRenderer` draws it.
public struct Figure: Sendable {
    public let width: Int
    public let height: Int
    public var style: FigureStyle
    /// Title lines, centred above the axes.
    public var title: [String] = []
    public var view: ViewWindow
    /// How each axis maps data to pixels (a log axis needs a positive view along it).
    public var xScale = Scale.linear
    public var yScale = Scale.linear
    /// Axis labels (matplotlib's `xlabel`, `ylabel`); empty for none.
    public var xLabel = ""
    public var yLabel = ""
    /// A line of text centred in the axes, e.g. why they are empty.
    public var note: String?
    public var contours: ContourSet?
    public var filledContours: FilledContours?
    /// Draw a colour bar for the filled contours (or the contour lines when there are none).
    public var showsColorBar = false
    public var paths: [PathLayer] = []
    public var markers: [MarkerLayer] = []
    public var legend: [LegendEntry] = []
    /// Texts beside data points (a race's end points named after their optimizers), placed
    /// by the layout so that they overlap neither each other nor the legend, drawn over a
    /// white halo above the markers.
    public var pointLabels: [PointLabel] = []
    /// Where the legend goes: upper right (the default), or matplotlib's "best".
    public var legendLocation = LegendLocation.upperRight
    /// Lines (data coordinates) a "best" legend avoids besides the paths and markers, e.g. an
    /// animation's paths, which are drawn per frame and are not among the figure's paths.
    public var legendAvoids: [[Point]] = []

    /// A blank figure; throws unless the size is 64…8192 pixels per side and the view drawable.
    public init(width: Int, height: Int, view: ViewWindow) throws(RenderError) {
        guard (64...8192).contains(width), (64...8192).contains(height) else {
            throw .invalidSize("figure size must be 64…8192 pixels per side, got \(width)×\(height)")
        }
        _ = try ViewWindow.drawable(x: view.x, y: view.y)
        self.width = width
        self.height = height
        self.view = view
        style = FigureStyle(pixels: min(width, height))
    }
}

/// Where a figure's legend goes inside its axes.
public enum LegendLocation: Hashable, Sendable {
    /// matplotlib's `loc="upper right"`.
    case upperRight
    /// matplotlib's `loc="best"` (its default): of the nine standard places (and the centre),
    /// the first that covers the fewest path vertices and segments and markers.
    case best
}

/// A text beside a point in data coordinates, in a colour.
public struct PointLabel: Hashable, Sendable {
    public var text: String
    public var point: Point
    public var color: Color

    public init(_ text: String, at point: Point, color: Color) {
        self.text = text
        self.point = point
        self.color = color
    }
}
