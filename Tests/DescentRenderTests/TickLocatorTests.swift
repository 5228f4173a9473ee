import Testing
import TestSupport
@testable import DescentRender

/// Expected values are matplotlib 3.11's `MaxNLocator(n, steps=[1, 2, 2.5, 5, 10])` (the axis
/// locator) and `MaxNLocator(n)` (contour levels) `.tick_values(a, b)`.
@Suite struct TickLocatorTests {
    static let axisCases: [(Double, Double, Int, [Double])] = [
        (-2, 2, 9, [-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2]),
        (-1, 3, 9, [-1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3]),
        (-4.5, 4.5, 9, [-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5]),
        (-10, 10, 9, [-10, -7.5, -5, -2.5, 0, 2.5, 5, 7.5, 10]),
        (-5, 5, 9, [-6, -4, -2, 0, 2, 4, 6]),
        (-1.5, 1.5, 9, [-1.5, -1, -0.5, 0, 0.5, 1, 1.5]),
        (0, 0.001, 9, [0, 0.0002, 0.0004, 0.0006, 0.0008, 0.001]),
        (1000.5, 1001.2, 9, [1000.5, 1000.6, 1000.7, 1000.8, 1000.9, 1001, 1001.1, 1001.2]),
        (0.3, 0.31, 5, [0.3, 0.3025, 0.305, 0.3075, 0.31]),
    ]
    static let defaultCases: [(Double, Double, Int, [Double])] = [
        (-5, 5, 9, [-6, -4.5, -3, -1.5, 0, 1.5, 3, 4.5, 6]),
        (-1.5, 1.5, 9, [-1.6, -1.2, -0.8, -0.4, 0, 0.4, 0.8, 1.2, 1.6]),
        (0, 0.001, 9, [0, 0.00015, 0.0003, 0.00045, 0.0006, 0.00075, 0.0009, 0.00105]),
        (1000.5, 1001.2, 9, [1000.48, 1000.56, 1000.64, 1000.72, 1000.8, 1000.88, 1000.96, 1001.04, 1001.12, 1001.2]),
    ]

    func check(_ locator: TickLocator, _ a: Double, _ b: Double, _ expected: [Double]) {
        let ticks = locator.ticks(from: a, to: b)
        #expect(ticks.count == expected.count, "\(a)…\(b): \(ticks)")
        for (t, e) in zip(ticks, expected) { expectClose(t, e, tolerance: 1e-9, "tick") }
    }

    @Test(arguments: 0..<axisCases.count)
    func axisLocatorMatchesMatplotlib(_ i: Int) {
        let (a, b, n, expected) = Self.axisCases[i]
        var locator = TickLocator.axis
        locator.bins = n
        check(locator, a, b, expected)
    }

    @Test(arguments: 0..<defaultCases.count)
    func defaultLocatorMatchesMatplotlib(_ i: Int) {
        let (a, b, n, expected) = Self.defaultCases[i]
        check(TickLocator(bins: n), a, b, expected)
    }

    @Test func nonFiniteBoundsGiveNoTicks() {
        #expect(TickLocator.axis.ticks(from: .nan, to: 1).isEmpty)
        #expect(TickLocator.axis.ticks(from: 0, to: .infinity).isEmpty)
    }

    @Test func equalBoundsStillGiveTicks() {
        #expect(!TickLocator.axis.ticks(from: 3, to: 3).isEmpty)
    }

    @Test func labelsShareDecimalsAndUseUnicodeMinus() {
        let f = TickFormatter(ticks: [-2, -1.5, -1])
        #expect(f.label(-2) == "\u{2212}2.0")
        #expect(f.label(0) == "0.0")
        #expect(f.label(-0.0) == "0.0")
        #expect(TickFormatter(step: 1).label(-4) == "\u{2212}4")
        #expect(TickFormatter(step: 0.25).label(0.5) == "0.50")
        #expect(TickFormatter(step: 2.5).label(7.5) == "7.5")
    }
}
