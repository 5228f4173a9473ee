import Testing

/// `|actual − expected| ≤ tolerance · max(1, |expected|)`: relative for large values,
/// absolute near zero — the parity rule of the reference trajectories.
public func isClose(_ actual: Double, _ expected: Double, tolerance: Double) -> Bool {
    if actual == expected { return true }
    return abs(actual - expected) <= tolerance * max(1, abs(expected))
}

/// Records an issue at the caller when `actual` is not within `tolerance` of `expected`.
public func expectClose(
    _ actual: Double, _ expected: Double, tolerance: Double, _ what: @autoclosure () -> String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    if !isClose(actual, expected, tolerance: tolerance) {
        Issue.record("\(what()) \(actual) is not within \(tolerance) of \(expected)", sourceLocation: sourceLocation)
    }
}
