import DescentBase

/// Cuts polylines to a rectangle (Liang–Barsky per segment), so that paths running far out
/// of the view, or diverging, reach the canvas as short finite pieces with their true
/// directions. Non-finite points split the line and are dropped.
public struct SegmentClipper: Sendable {
    public let bounds: Rect<Double>

    public init(bounds: Rect<Double>) { self.bounds = bounds }

    /// The visible runs of the polyline through `points`.
    public func clip(_ points: [Point]) -> [Polyline] {
        var runs: [Polyline] = []
        var current: [Point] = []
        func flush() {
            if current.count >= 2 { runs.append(Polyline(current)) }
            current = []
        }
        if points.count == 1, let p = points.first, p.isFinite, contains(p) { return [Polyline([p])] }
        for (a, b) in zip(points, points.dropFirst()) {
            guard a.isFinite, b.isFinite, let (p, q) = clip(a, b) else {
                flush()
                continue
            }
            if let last = current.last, last == p {
                current.append(q)
            } else {
                flush()
                current = [p, q]
            }
            if q != b { flush() }
        }
        flush()
        return runs
    }

    /// The part of segment a→b inside the bounds, or nil.
    public func clip(_ a: Point, _ b: Point) -> (Point, Point)? {
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        let tests = [(-dx, a.x - bounds.minX), (dx, bounds.maxX - a.x), (-dy, a.y - bounds.minY), (dy, bounds.maxY - a.y)]
        for (p, q) in tests {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 {
                    if r > t1 { return nil }
                    t0 = max(t0, r)
                } else {
                    if r < t0 { return nil }
                    t1 = min(t1, r)
                }
            }
        }
        guard t0.isFinite, t1.isFinite else { return nil }
        let p = t0 == 0 ? a : Point(a.x + t0 * dx, a.y + t0 * dy)
        let q = t1 == 1 ? b : Point(a.x + t1 * dx, a.y + t1 * dy)
        return (p, q)
    }

    /// Whether `p` lies inside the bounds.
    public func contains(_ p: Point) -> Bool {
        p.x >= bounds.minX && p.x <= bounds.maxX && p.y >= bounds.minY && p.y <= bounds.maxY
    }
}
