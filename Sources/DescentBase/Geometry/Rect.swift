
/// An axis-aligned rectangle: `x ..< x + width` by `y ..< y + height`. In figure pixels the
/// origin is the top left and y grows downwards, as in Cairo and GIF. `Rect<Double>` is a box
/// of the layout (legend, axes, a path's bounds); `Rect<Int>` a block of whole image pixels
/// (a GIF frame's changed region).
public struct Rect<Coordinate: Numeric & Comparable & Hashable & Sendable>: Hashable, Sendable {
    public var x: Coordinate
    public var y: Coordinate
    public var width: Coordinate
    public var height: Coordinate

    @inlinable public init(x: Coordinate, y: Coordinate, width: Coordinate, height: Coordinate) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    @inlinable public var minX: Coordinate { x }
    @inlinable public var minY: Coordinate { y }
    @inlinable public var maxX: Coordinate { x + width }
    @inlinable public var maxY: Coordinate { y + height }

    /// True when the rectangle covers nothing (a zero or negative side).
    @inlinable public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// The smallest rectangle holding both (empty sides included: the bounds of a single point
    /// count).
    @inlinable public func union(_ other: Rect) -> Rect {
        let x0 = min(minX, other.minX), y0 = min(minY, other.minY)
        return Rect(x: x0, y: y0, width: max(maxX, other.maxX) - x0, height: max(maxY, other.maxY) - y0)
    }

    /// The part in both; an empty rectangle at the origin when they do not meet.
    @inlinable public func intersection(_ other: Rect) -> Rect {
        let left = max(minX, other.minX), top = max(minY, other.minY)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return Rect(x: 0, y: 0, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Whether the two overlap (touching edges do not).
    @inlinable public func intersects(_ other: Rect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// Whether `other` lies wholly inside this rectangle.
    @inlinable public func contains(_ other: Rect) -> Bool {
        other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
    }
}

extension Rect where Coordinate == Double {
    public var center: Point { Point(x + width / 2, y + height / 2) }

    /// The box shrunk by `d` on every side (grown for a negative `d`).
    public func insetBy(_ d: Double) -> Rect {
        Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d)
    }

    /// The box of whole pixels `rect`.
    public init(_ rect: Rect<Int>) {
        self.init(x: Double(rect.x), y: Double(rect.y), width: Double(rect.width), height: Double(rect.height))
    }

    /// The smallest box holding every point (nil for none).
    public static func bounding(_ points: some Sequence<Point>) -> Rect? {
        var x0 = Double.infinity, y0 = Double.infinity, x1 = -Double.infinity, y1 = -Double.infinity
        for p in points {
            x0 = min(x0, p.x); y0 = min(y0, p.y); x1 = max(x1, p.x); y1 = max(y1, p.y)
        }
        return x0 <= x1 ? Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0) : nil
    }

    /// The whole pixels this box touches, cut to `0..<width`×`0..<height`; nil when nothing is left.
    public func pixelRect(within width: Int, _ height: Int) -> Rect<Int>? {
        guard minX.isFinite, minY.isFinite, maxX.isFinite, maxY.isFinite else { return nil }
        // Clamped before converting, so a box far off the image cannot overflow `Int`.
        func clamped(_ v: Double, _ limit: Int) -> Int { Int(min(max(v, 0), Double(limit))) }
        let x0 = clamped(minX.rounded(.down), width), y0 = clamped(minY.rounded(.down), height)
        let x1 = clamped(maxX.rounded(.up), width), y1 = clamped(maxY.rounded(.up), height)
        guard x1 > x0, y1 > y0 else { return nil }
        return Rect<Int>(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}
