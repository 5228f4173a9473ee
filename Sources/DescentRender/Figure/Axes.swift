/// The axes of a figure: a data window shown in a pixel box, with y up. All data → pixel
/// conversions go through here.
public struct Axes: Hashable, Sendable {
    public let view: DataRect
    public let box: PixelBox

    public init(view: DataRect, box: PixelBox) {
        self.view = view
        self.box = box
    }

    /// The pixel position of a data point (may lie outside the box, or be non-finite).
    @inlinable public func pixel(_ p: PlotPoint) -> PlotPoint {
        PlotPoint(box.x + (p.x - view.xMin) / view.width * box.width,
                  box.maxY - (p.y - view.yMin) / view.height * box.height)
    }

    /// The data point at a pixel position.
    public func data(_ p: PlotPoint) -> PlotPoint {
        PlotPoint(view.xMin + (p.x - box.x) / box.width * view.width,
                  view.yMin + (box.maxY - p.y) / box.height * view.height)
    }

    /// Pixel positions of `points`, cut to the finite pieces inside a guard box `margin`
    /// pixels around the axes (see `SegmentClipper`), ready for the canvas.
    public func pixelRuns(_ points: [PlotPoint], margin: Double) -> [Polyline] {
        SegmentClipper(bounds: box.insetBy(-margin)).clip(points.map(pixel))
    }
}
