import DescentBase
import Testing
import TestSupport
@testable import DescentRender

@Suite struct FilledContoursTests {
    /// The area of a simple polygon (shoelace).
    func area(_ p: [Point]) -> Double {
        abs(zip(p, p.dropFirst() + p.prefix(1)).reduce(0) { $0 + $1.0.x * $1.1.y - $1.1.x * $1.0.y }) / 2
    }

    @Test func bandsOfAParaboloidAreAnnuli() throws {
        let grid = try ScalarGrid(sampling: ViewWindow(x: -2...2, y: -2...2), columns: 161, rows: 161) { $0 * $0 + $1 * $1 }
        let filled = try FilledContours(grid: grid, rule: .explicit([0, 1, 2.25]), colorMap: .jet)
        #expect(filled.bands.count == 2)
        let inner = filled.bands[0].polygons.reduce(0) { $0 + area($1) }
        let ring = filled.bands[1].polygons.reduce(0) { $0 + area($1) }
        expectClose(inner, Double.pi * 1, tolerance: 2e-3, "disc r = 1")
        expectClose(ring, Double.pi * (2.25 - 1), tolerance: 2e-3, "annulus 1…1.5")
        // Layer colours: cmap(norm(midpoint)) over the level range 0…2.25.
        #expect(filled.bands[0].color == ColorMap.jet(0.5 / 2.25))
        #expect(filled.bands[1].color == ColorMap.jet(1.625 / 2.25))
    }

    @Test func aConstantBandCoversTheGrid() throws {
        let grid = try ScalarGrid(sampling: ViewWindow(x: 0...3, y: 0...2), columns: 7, rows: 5) { _, _ in 1 }
        let filled = try FilledContours(grid: grid, rule: .explicit([0, 5]), colorMap: .jet)
        let total = filled.bands[0].polygons.reduce(0) { $0 + area($1) }
        expectClose(total, 6, tolerance: 1e-12, "area")
        #expect(filled.bands[0].polygons.count == 4, "one merged rectangle per row")
    }

    @Test func oneLevelIsNotEnough() throws {
        let grid = try ScalarGrid(sampling: ViewWindow(x: 0...1, y: 0...1), columns: 3, rows: 3) { $0 + $1 }
        #expect(throws: RenderError.self) { try FilledContours(grid: grid, rule: .explicit([1]), colorMap: .jet) }
    }
}
