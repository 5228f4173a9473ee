import DescentBase

/// The axes of a figure: a data window shown in a pixel box, with y up, each axis linear or
/// logarithmic. All data → pixel conversions go through here.
public struct Axes: Hashable, Sendable {
    public let view: ViewWindow
    public let box: Rect<Double>
    public let xScale: Scale
    public let yScale: Scale

    /// Axes over `view` (positive along a log axis) drawn in `box`.
    public init(view: ViewWindow, box: Rect<Double>, xScale: Scale = .linear, yScale: Scale = .linear) {
        self.view = view
        self.box = box
        self.xScale = xScale
        self.yScale = yScale
    }

    /// The pixel position of a data point (may lie outside the box, or be non-finite: a
    /// value ≤ 0 on a log axis has none).
    @inlinable public func pixel(_ p: Point) -> Point {
        Point(box.x + Axes.fraction(p.x, view.xMin, view.xMax, xScale) * box.width,
                  box.maxY - Axes.fraction(p.y, view.yMin, view.yMax, yScale) * box.height)
    }

    /// The data point at a pixel position.
    public func data(_ p: Point) -> Point {
        Point(Axes.value(atFraction: (p.x - box.x) / box.width, view.xMin, view.xMax, xScale),
                  Axes.value(atFraction: (box.maxY - p.y) / box.height, view.yMin, view.yMax, yScale))
    }

    /// Pixel positions of `points`, cut to the finite pieces inside a guard box `margin`
    /// pixels around the axes (see `SegmentClipper`), ready for the canvas.
    public func pixelRuns(_ points: [Point], margin: Double) -> [Polyline] {
        SegmentClipper(bounds: box.insetBy(-margin)).clip(points.map(pixel))
    }

    /// Where `v` lies between `lo` (0) and `hi` (1) in the scale's linear space. The linear
    /// case is written as before scales existed, so linear figures stay bit-identical.
    @inlinable static func fraction(_ v: Double, _ lo: Double, _ hi: Double, _ scale: Scale) -> Double {
        switch scale {
        case .linear: return (v - lo) / (hi - lo)
        case .log10:
            let a = scale.transform(lo)
            return (scale.transform(v) - a) / (scale.transform(hi) - a)
        }
    }

    static func value(atFraction f: Double, _ lo: Double, _ hi: Double, _ scale: Scale) -> Double {
        switch scale {
        case .linear: return lo + f * (hi - lo)
        case .log10:
            let a = scale.transform(lo)
            return scale.inverse(a + f * (scale.transform(hi) - a))
        }
    }
}
