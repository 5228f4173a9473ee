import DescentBase

/// Where a path that ends outside a view window last left it: the point on the window's
/// border and the edge it crossed. A figure marks it with a triangle on that edge pointing
/// out (`Edge.outwardTip`), and results call such a path's status "left the view".
public struct ViewExit: Hashable, Sendable {
    public enum Edge: Hashable, Sendable {
        case left, right, bottom, top

        /// The marker shape whose tip, on this edge, points out of the view.
        public var outwardTip: Marker.Shape {
            switch self {
            case .left: .tipLeft
            case .right: .tipRight
            case .bottom: .tipDown
            case .top: .tipUp
            }
        }
    }

    public var point: Point
    public var edge: Edge
}

extension ViewWindow {
    /// Where `path` last left this window, when its last finite point lies outside it; `nil`
    /// when that point is inside (or on the border), or the path is never inside at all.
    /// The crossing is on the segment from the last finite point inside to the next finite
    /// point after it.
    public func exit(of path: [Point]) -> ViewExit? {
        guard let last = path.lastIndex(where: \.isFinite), !contains(path[last]),
              let inside = path[..<last].lastIndex(where: { $0.isFinite && contains($0) }),
              let outside = path[(inside + 1)...].firstIndex(where: \.isFinite)
        else { return nil }
        let a = path[inside], b = path[outside]
        let d = Point(b.x - a.x, b.y - a.y)
        // The smallest t in (0, 1] at which a + t·d meets the border it crosses.
        var best = (t: Double.infinity, edge: ViewExit.Edge.right)
        func consider(_ bound: Double, _ start: Double, _ delta: Double, _ edge: ViewExit.Edge) {
            guard delta != 0 else { return }
            let t = (bound - start) / delta
            if t >= 0 && t <= 1 && t < best.t { best = (t, edge) }
        }
        if d.x > 0 { consider(xMax, a.x, d.x, .right) } else { consider(xMin, a.x, d.x, .left) }
        if d.y > 0 { consider(yMax, a.y, d.y, .top) } else { consider(yMin, a.y, d.y, .bottom) }
        guard best.t.isFinite else { return nil }
        let p = Point(min(xMax, max(xMin, a.x + best.t * d.x)), min(yMax, max(yMin, a.y + best.t * d.y)))
        return ViewExit(point: p, edge: best.edge)
    }
}
