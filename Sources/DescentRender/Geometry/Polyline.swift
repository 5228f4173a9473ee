import DescentBase

/// A connected run of points; closed polylines join their last point to the first.
public struct Polyline: Hashable, Sendable {
    public var points: [Point]
    public var isClosed: Bool

    public init(_ points: [Point], isClosed: Bool = false) {
        self.points = points
        self.isClosed = isClosed
    }
}

extension Polyline {
    /// The polyline with points dropped where they lie within `tolerance` of the line that
    /// replaces them (Douglas–Peucker). In pixels, 1/9 is matplotlib's
    /// `path.simplify_threshold`: the change cannot be seen, and Cairo strokes fewer segments.
    /// Ends (and, for closed lines, the first point) are always kept.
    public func simplified(tolerance: Double) -> Polyline {
        let n = points.count
        guard n > 2, tolerance > 0 else { return self }
        var keep = [Bool](repeating: false, count: n)
        keep[0] = true
        keep[n - 1] = true
        var stack = [(0, n - 1)]
        let t2 = tolerance * tolerance
        while let (first, last) = stack.popLast() {
            guard last > first + 1 else { continue }
            let a = points[first], b = points[last]
            let dx = b.x - a.x, dy = b.y - a.y
            let length2 = dx * dx + dy * dy
            var worst = -1.0, index = first
            for k in (first + 1)..<last {
                let p = points[k]
                let d2: Double
                if length2 == 0 {
                    d2 = (p.x - a.x) * (p.x - a.x) + (p.y - a.y) * (p.y - a.y)
                } else {
                    // Distance to the segment (not the infinite line), so back-tracking is kept.
                    let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2))
                    let ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y
                    d2 = ex * ex + ey * ey
                }
                if d2 > worst {
                    worst = d2
                    index = k
                }
            }
            if worst > t2 {
                keep[index] = true
                stack.append((first, index))
                stack.append((index, last))
            }
        }
        return Polyline(zip(points, keep).compactMap { $1 ? $0 : nil }, isClosed: isClosed)
    }
}
