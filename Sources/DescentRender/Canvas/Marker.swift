/// A point marker as matplotlib draws it: its shape, size (pixels across, matplotlib's
/// `markersize` in points × dpi/72), face colour and edge.
public struct Marker: Hashable, Sendable {
    /// Marker shapes used by Descent's figures (matplotlib's `"o"`, `"D"`, `"x"`).
    public enum Shape: String, Hashable, Sendable { case circle, diamond, cross }

    public var shape: Shape
    public var size: Double
    public var fill: Color
    public var edge: Color
    public var edgeWidth: Double

    public init(_ shape: Shape, size: Double, fill: Color, edge: Color? = nil, edgeWidth: Double = 1) {
        self.shape = shape
        self.size = size
        self.fill = fill
        self.edge = edge ?? fill
        self.edgeWidth = edgeWidth
    }

    /// Half the extent of the ink around the marker's centre, for damage rectangles.
    public var inkRadius: Double {
        let half = shape == .diamond ? size * 0.7071067811865476 : size / 2
        return half + edgeWidth + 1
    }
}
