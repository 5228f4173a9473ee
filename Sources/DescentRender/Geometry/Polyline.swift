/// A connected run of points; closed polylines join their last point to the first.
public struct Polyline: Hashable, Sendable {
    public var points: [PlotPoint]
    public var isClosed: Bool

    public init(_ points: [PlotPoint], isClosed: Bool = false) {
        self.points = points
        self.isClosed = isClosed
    }

    /// The finite runs of `points`: non-finite points (a diverged path) are dropped and split
    /// the line, so that nothing non-finite ever reaches Cairo.
    public static func finiteRuns(of points: [PlotPoint]) -> [Polyline] {
        var runs: [Polyline] = []
        var current: [PlotPoint] = []
        for p in points {
            if p.isFinite {
                current.append(p)
            } else if !current.isEmpty {
                runs.append(Polyline(current))
                current = []
            }
        }
        if !current.isEmpty { runs.append(Polyline(current)) }
        return runs
    }
}
