import DescentBase
import Testing
import TestSupport
@testable import DescentRender

/// Expected automatic levels are matplotlib's `contour(X, Y, Z, N).levels`.
@Suite struct LevelRuleTests {
    @Test func automaticMatchesMatplotlibOnRastrigin() throws {
        let levels = try ContourLevels.automatic(count: 20).levels(zmin: 0.12945425600702798, zmax: 80.5)
        #expect(levels == stride(from: 0.0, through: 84, by: 4).map { $0 })
    }

    @Test func automaticMatchesMatplotlibOnOtherRanges() throws {
        let seven = try ContourLevels.automatic(count: 7).levels(zmin: 0, zmax: 1)
        #expect(seven.count == 8)
        expectClose(seven.last!, 1.05, tolerance: 1e-12, "last")
        #expect(try ContourLevels.automatic(count: 3).levels(zmin: -1.2, zmax: 5.7) == [-2, 0, 2, 4, 6])
        #expect(try ContourLevels.automatic(count: 1).levels(zmin: 0, zmax: 10) == [0, 5, 10])
    }

    @Test func logSpacedIsNumpyLogspace() throws {
        let levels = try ContourLevels.logSpaced(from: -0.5, to: 3.5, count: 20).levels(zmin: 0, zmax: 1)
        #expect(levels.count == 20)
        expectClose(levels[0], 0.31622776601683794, tolerance: 1e-14, "first")
        expectClose(levels[1], 0.5134832907437552, tolerance: 1e-14, "second")
        expectClose(levels[19], 3162.2776601683795, tolerance: 1e-14, "last")
    }

    @Test func badRulesThrow() {
        #expect(throws: RenderError.self) { try ContourLevels.automatic(count: 0).levels(zmin: 0, zmax: 1) }
        #expect(throws: RenderError.self) { try ContourLevels.automatic(count: 5).levels(zmin: .nan, zmax: .nan) }
        #expect(throws: RenderError.self) { try ContourLevels.explicit([1, 1, 2]).levels(zmin: 0, zmax: 1) }
        #expect(throws: RenderError.self) { try ContourLevels.explicit([]).levels(zmin: 0, zmax: 1) }
        #expect(throws: RenderError.self) { try ContourLevels.explicit([0, .infinity]).levels(zmin: 0, zmax: 1) }
        #expect(throws: RenderError.self) { try ContourLevels.logSpaced(from: 2, to: 1, count: 5).levels(zmin: 0, zmax: 1) }
    }
}
