import DescentBase
import Testing
import TestSupport
@testable import DescentSearch

@Suite struct StandardNormalTests {
    @Test func quantileInvertsTheCDF() {
        // Above z ≈ 5, 1 − Φ(z) is below the spacing of doubles near 1: Φ itself loses z.
        for z in stride(from: -8.0, through: 5.0, by: 0.25) {
            expectClose(StandardNormal.quantile(StandardNormal.cdf(z)), z, tolerance: 1e-9, "z = \(z)")
        }
        expectClose(StandardNormal.quantile(0.975), 1.959963984540054, tolerance: 1e-12)
        #expect(StandardNormal.quantile(0) == -.infinity)
        #expect(StandardNormal.quantile(1) == .infinity)
    }

    @Test func truncatedQuantileStaysInFarTailIntervals() {
        for u in [0.0, 0.1, 0.5, 0.9, 0.999] {
            let upper = StandardNormal.truncatedQuantile(u, 8, 9)
            let lower = StandardNormal.truncatedQuantile(1 - u, -9, -8)
            #expect(upper >= 8 && upper <= 9)
            expectClose(upper, -lower, tolerance: 1e-9, "u = \(u)")
        }
        // The median of N(0,1) truncated to [8, ∞) is about 8 + ln 2 / 8.
        expectClose(StandardNormal.truncatedQuantile(0.5, 8, .infinity), 8 + 0.6931 / 8.12, tolerance: 2e-3)
    }

    @Test func logIntervalMassInBothTails() {
        expectClose(StandardNormal.logIntervalMass(-1, 1), LibM.log(0.682689492137086), tolerance: 1e-12)
        // Far in the upper tail Φ(b) − Φ(a) would cancel to 0; the survival form does not.
        let far = StandardNormal.logIntervalMass(10, 11)
        #expect(far.isFinite && far < -50)
        expectClose(StandardNormal.logIntervalMass(-11, -10), far, tolerance: 1e-12)
    }
}
