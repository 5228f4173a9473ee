
/// How contour levels are chosen: about `count` nice automatic levels, an explicit list, or
/// `count` log-spaced levels. DescentRender turns a rule into level values for its data.
public enum ContourLevels: Hashable, Sendable {
    /// matplotlib's `contour(…, N)`: `MaxNLocator(N + 1)` over [zmin, zmax], keeping at most
    /// one level beyond each end (matplotlib's `_autolev`).
    case automatic(count: Int)
    /// Exactly these levels, strictly increasing.
    case explicit([Double])
    /// 10^e for `count` exponents e evenly spaced in [from, to] (numpy's `logspace`).
    case logSpaced(from: Double, to: Double, count: Int)

    /// The level values for `.explicit` and `.logSpaced` (numpy's `logspace`: e = from + i·step,
    /// step = (to − from)/(count − 1), then 10^e); `nil` for `.automatic`, whose levels depend on
    /// the data range.
    public var fixedValues: [Double]? {
        switch self {
        case .automatic: return nil
        case .explicit(let values): return values
        case .logSpaced(let from, let to, let count):
            if count == 1 { return [LibM.pow(10, from)] }
            let step = (to - from) / Double(count - 1)
            return (0..<count).map { LibM.pow(10, from + Double($0) * step) }
        }
    }
}
