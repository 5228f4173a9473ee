import DescentBase

extension ContourLevels {
    /// The levels for data spanning [zmin, zmax]; throws for a count below 1, non-finite or
    /// non-increasing explicit levels, or (automatic) data without a finite value.
    public func levels(zmin: Double, zmax: Double) throws(RenderError) -> [Double] {
        switch self {
        case .automatic(let count):
            guard count >= 1, count <= 1000 else { throw .invalidLevels("level count must be 1…1000, got \(count)") }
            guard zmin.isFinite, zmax.isFinite else { throw .invalidLevels("the data has no finite values to contour") }
            return ContourLevels.autolev(count, zmin: zmin, zmax: zmax)
        case .explicit(let values):
            guard !values.isEmpty, values.allSatisfy(\.isFinite),
                  zip(values, values.dropFirst()).allSatisfy({ $0 < $1 })
            else { throw .invalidLevels("explicit contour levels must be finite and strictly increasing: \(values)") }
            return values
        case .logSpaced(let from, let to, let count):
            guard count >= 1, count <= 1000, from.isFinite, to.isFinite, from < to || count == 1 else {
                throw .invalidLevels("log-spaced levels need from < to and a count of 1…1000, got \(from), \(to), \(count)")
            }
            return fixedValues ?? []
        }
    }

    /// The levels for the finite values of `grid`.
    public func levels(for grid: ScalarGrid) throws(RenderError) -> [Double] {
        let range = grid.finiteRange
        return try levels(zmin: range?.min ?? .nan, zmax: range?.max ?? .nan)
    }

    /// matplotlib's `ContourSet._autolev(N)` for line contours without `extend`.
    static func autolev(_ n: Int, zmin: Double, zmax: Double) -> [Double] {
        let lev = TickLocator(bins: n + 1, minimumTicks: 1).ticks(from: zmin, to: zmax)
        let i0 = lev.lastIndex { $0 < zmin } ?? 0
        var i1 = lev.count
        if let over = lev.firstIndex(where: { $0 > zmax }) { i1 = over + 1 }
        if i1 - i0 < 3 { return lev }
        return Array(lev[i0..<i1])
    }
}
