/// A rectangle in figure pixels: origin at the top left, y growing downwards.
public struct PixelBox: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var minX: Double { x }
    public var minY: Double { y }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var center: PlotPoint { PlotPoint(x + width / 2, y + height / 2) }

    /// The box grown by `d` on every side.
    public func insetBy(_ d: Double) -> PixelBox {
        PixelBox(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d)
    }

    /// The box of whole pixels `rect`.
    public init(_ rect: PixelRect) {
        self.init(x: Double(rect.x), y: Double(rect.y), width: Double(rect.width), height: Double(rect.height))
    }

    /// The smallest box holding both.
    public func union(_ other: PixelBox) -> PixelBox {
        let x0 = min(minX, other.minX), y0 = min(minY, other.minY)
        return PixelBox(x: x0, y: y0, width: max(maxX, other.maxX) - x0, height: max(maxY, other.maxY) - y0)
    }

    /// Whether the two boxes overlap (touching edges do not).
    public func intersects(_ other: PixelBox) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// Whether `other` lies wholly inside this box.
    public func contains(_ other: PixelBox) -> Bool {
        other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
    }

    /// The smallest box holding every point (nil for none).
    public static func bounding(_ points: some Sequence<PlotPoint>) -> PixelBox? {
        var x0 = Double.infinity, y0 = Double.infinity, x1 = -Double.infinity, y1 = -Double.infinity
        for p in points {
            x0 = min(x0, p.x); y0 = min(y0, p.y); x1 = max(x1, p.x); y1 = max(y1, p.y)
        }
        return x0 <= x1 ? PixelBox(x: x0, y: y0, width: x1 - x0, height: y1 - y0) : nil
    }

    /// The whole pixels this box touches, cut to `0..<width`×`0..<height`; nil when nothing is left.
    public func pixelRect(within width: Int, _ height: Int) -> PixelRect? {
        guard minX.isFinite, minY.isFinite, maxX.isFinite, maxY.isFinite else { return nil }
        let x0 = max(0, Int(minX.rounded(.down))), y0 = max(0, Int(minY.rounded(.down)))
        let x1 = min(width, Int(maxX.rounded(.up))), y1 = min(height, Int(maxY.rounded(.up)))
        guard x1 > x0, y1 > y0 else { return nil }
        return PixelRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}
