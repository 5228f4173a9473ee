import DescentBase

/// A path drawn in the axes: points in data coordinates joined by a line, with an optional
/// marker at every point (matplotlib's `plot(x, y, color=…, marker=…)`).
public struct PathLayer: Sendable {
    public var points: [Point]
    public var line: LineStyle
    public var marker: Marker?

    public init(points: [Point], line: LineStyle, marker: Marker? = nil) {
        self.points = points
        self.line = line
        self.marker = marker
    }
}

/// Markers at points in data coordinates (matplotlib's `plot(x, y, "gD")`).
public struct MarkerLayer: Sendable {
    public var points: [Point]
    public var marker: Marker

    public init(points: [Point], marker: Marker) {
        self.points = points
        self.marker = marker
    }
}

/// One row of the legend: a handle (line and/or marker) and its label.
public struct LegendEntry: Hashable, Sendable {
    public var label: String
    public var line: LineStyle?
    public var marker: Marker?

    public init(label: String, line: LineStyle? = nil, marker: Marker? = nil) {
        self.label = label
        self.line = line
        self.marker = marker
    }
}
