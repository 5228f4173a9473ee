/// An axis-aligned rectangle of the data plane, the view window of an axes.
public struct DataRect: Hashable, Sendable {
    public var xMin: Double
    public var xMax: Double
    public var yMin: Double
    public var yMax: Double

    /// A rectangle from two ranges; throws unless both are finite and of positive width.
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>) throws(RenderError) {
        guard x.lowerBound.isFinite, x.upperBound.isFinite, y.lowerBound.isFinite, y.upperBound.isFinite,
              x.upperBound > x.lowerBound, y.upperBound > y.lowerBound
        else { throw .invalidView("view window x \(x), y \(y) must be finite with positive width and height") }
        xMin = x.lowerBound
        xMax = x.upperBound
        yMin = y.lowerBound
        yMax = y.upperBound
    }

    public var width: Double { xMax - xMin }
    public var height: Double { yMax - yMin }

    /// Whether `p` lies inside or on the border.
    public func contains(_ p: PlotPoint) -> Bool {
        p.x >= xMin && p.x <= xMax && p.y >= yMin && p.y <= yMax
    }
}
