
/// The rectangle of the data plane a figure shows: closed ranges of x and y.
public struct ViewWindow: Hashable, Sendable {
    public var x: ClosedRange<Double>
    public var y: ClosedRange<Double>

    @inlinable public init(x: ClosedRange<Double>, y: ClosedRange<Double>) {
        self.x = x
        self.y = y
    }

    @inlinable public var xMin: Double { x.lowerBound }
    @inlinable public var xMax: Double { x.upperBound }
    @inlinable public var yMin: Double { y.lowerBound }
    @inlinable public var yMax: Double { y.upperBound }
    @inlinable public var width: Double { xMax - xMin }
    @inlinable public var height: Double { yMax - yMin }

    /// Whether the window can be drawn: finite bounds, positive width and height, and a finite
    /// width and height (`[-1e308, 1e308]` is finite but its width is not).
    public var isDrawable: Bool {
        xMin.isFinite && xMax.isFinite && yMin.isFinite && yMax.isFinite
            && xMax > xMin && yMax > yMin && width.isFinite && height.isFinite
    }

    /// Whether `p` lies inside or on the border.
    @inlinable public func contains(_ p: Point) -> Bool {
        p.x >= xMin && p.x <= xMax && p.y >= yMin && p.y <= yMax
    }

    /// `x [-2, 2], y [-1, 3]`, numbers as JSON writes them: how listings and errors show a view.
    /// (Not `description`, which input digests spell the view with.)
    public var text: String {
        "x [\(JSONWriter.number(xMin)), \(JSONWriter.number(xMax))], y [\(JSONWriter.number(yMin)), \(JSONWriter.number(yMax))]"
    }
}
