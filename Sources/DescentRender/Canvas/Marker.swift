/// A point marker as matplotlib draws it: its shape, size (pixels across, matplotlib's
/// `markersize` in points × dpi/72), face colour and edge.
public struct Marker: Hashable, Sendable {
    /// Marker shapes used by Descent's figures: matplotlib's `"o"`, `"D"`, `"x"`, `"*"`, and
    /// triangles whose tip is at the point (a path leaving the view: the tip on the edge, the
    /// triangle inside, pointing out), `size` long and `size` wide.
    public enum Shape: String, Hashable, Sendable { case circle, diamond, cross, star, tipUp, tipDown, tipLeft, tipRight }

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
        let half: Double
        switch shape {
        case .diamond: half = size * 0.7071067811865476
        case .tipUp, .tipDown, .tipLeft, .tipRight: half = size * 1.118033988749895  // √(1 + ¼)
        default: half = size / 2
        }
        return half + edgeWidth + 1
    }
}
