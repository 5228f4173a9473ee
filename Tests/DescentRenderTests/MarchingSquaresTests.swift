import DescentBase
import Testing
import TestSupport
@testable import DescentRender

@Suite struct MarchingSquaresTests {
    /// x² + y² on [−2, 2]², `n`×`n` samples.
    func paraboloid(_ n: Int) throws -> ScalarGrid {
        try ScalarGrid(sampling: ViewWindow(x: -2...2, y: -2...2), columns: n, rows: n) { $0 * $0 + $1 * $1 }
    }

    @Test(arguments: [0.5, 1.0, 1.7])
    func circlesHaveTheirRadius(_ radius: Double) throws {
        let grid = try paraboloid(101)
        let lines = MarchingSquares(grid: grid).lines(at: radius * radius)
        #expect(lines.count == 1)
        let loop = try #require(lines.first)
        #expect(loop.isClosed)
        // Linear interpolation of r² along an edge of length h errs by at most h²/(4r).
        let h = 4.0 / 100
        for p in loop.points {
            let r = (p.x * p.x + p.y * p.y).squareRoot()
            #expect(abs(r - radius) <= h * h / (4 * radius) + 1e-12, "vertex at radius \(r)")
        }
        // The loop goes once around: as many vertices as crossed edges, about 8r/h.
        #expect(abs(Double(loop.points.count) - 8 * radius / h) < 8 * radius / h * 0.3)
    }

    @Test func circleCutByTheGridEdgeIsOpen() throws {
        // Radius 2.5 leaves the [−2, 2]² grid: four open arcs, each ending on the border.
        let lines = MarchingSquares(grid: try paraboloid(81)).lines(at: 6.25)
        #expect(lines.count == 4)
        for line in lines {
            #expect(!line.isClosed)
            for end in [line.points.first!, line.points.last!] {
                #expect(abs(abs(end.x) - 2) < 1e-12 || abs(abs(end.y) - 2) < 1e-12)
            }
        }
    }

    @Test func saddleZeroLevelLiesOnTheAxes() throws {
        // x·y = 0 is the two axes; samples at ±0.05, ±0.15, … ±0.95 (exactly symmetric) put
        // none on them and make the centre cell's average exactly 0.
        let xs = (-10..<10).map { (Double($0) + 0.5) / 10 }
        let grid = try ScalarGrid(xs: xs, ys: xs, values: xs.flatMap { y in xs.map { x in x * y } })
        let lines = MarchingSquares(grid: grid).lines(at: 0)
        let points = lines.flatMap(\.points)
        #expect(!points.isEmpty)
        for p in points { #expect(abs(p.x) < 1e-12 || abs(p.y) < 1e-12, "\(p)") }
        // The centre cell is a saddle (bottom-left and top-right above) with average 0, not
        // above the level: the above corners are cut off, so the left arm joins the bottom
        // arm and the right arm the top arm.
        #expect(lines.count == 2)
        for line in lines {
            let lowerLeft = line.points.allSatisfy { $0.x <= 1e-12 && $0.y <= 1e-12 }
            let upperRight = line.points.allSatisfy { $0.x >= -1e-12 && $0.y >= -1e-12 }
            #expect(lowerLeft || upperRight, "\(line.points.first!) \(line.points.last!) \(line.points.count)")
        }
    }

    @Test func saddleIsDecidedByTheAverageOfTheCorners() throws {
        // One cell: bottom-left and top-right +1, the others −1 (case 5).
        let grid = try ScalarGrid(xs: [0, 1], ys: [0, 1], values: [1, -1, -1, 1])
        let marcher = MarchingSquares(grid: grid)
        // Level 0.5: average 0 is below, so the two above corners are cut off separately.
        let high = marcher.lines(at: 0.5)
        #expect(high.count == 2)
        for line in high {
            let mid = Point((line.points[0].x + line.points[1].x) / 2, (line.points[0].y + line.points[1].y) / 2)
            #expect((mid.x < 0.5 && mid.y < 0.5) || (mid.x > 0.5 && mid.y > 0.5), "cuts \(mid)")
        }
        // Level −0.5: average 0 is above, so the above corners are joined and the below
        // corners (bottom-right, top-left) are cut off.
        let low = marcher.lines(at: -0.5)
        #expect(low.count == 2)
        for line in low {
            let mid = Point((line.points[0].x + line.points[1].x) / 2, (line.points[0].y + line.points[1].y) / 2)
            #expect((mid.x > 0.5 && mid.y < 0.5) || (mid.x < 0.5 && mid.y > 0.5), "cuts \(mid)")
        }
    }

    @Test func nonFiniteCellsDrawNothingAndLevelsOutsideGiveNoLines() throws {
        var values = [Double](repeating: 0, count: 9)
        values[4] = .nan
        values[0] = 2
        let grid = try ScalarGrid(xs: [0, 1, 2], ys: [0, 1, 2], values: values)
        #expect(MarchingSquares(grid: grid).lines(at: 1).isEmpty)
        #expect(MarchingSquares(grid: try paraboloid(11)).lines(at: 100).isEmpty)
        #expect(MarchingSquares(grid: try paraboloid(11)).lines(at: .nan).isEmpty)
    }

    @Test func contourSetCountsItsLevels() throws {
        let set = try ContourSet(grid: paraboloid(51), rule: .explicit([0.5, 1, 2, 3, 100]), colorMap: .viridis)
        #expect(set.levels.map(\.value) == [0.5, 1, 2, 3, 100])
        #expect(set.levels.map(\.lines.count) == [1, 1, 1, 1, 0])
        #expect(set.levels.first?.color == ColorMap.viridis(0))
        #expect(set.levels.last?.color == ColorMap.viridis(1))
    }

    @Test func badGridsThrow() {
        #expect(throws: RenderError.self) { try ScalarGrid(xs: [0], ys: [0, 1], values: [0, 0]) }
        #expect(throws: RenderError.self) { try ScalarGrid(xs: [0, 1], ys: [0, 1], values: [0, 0, 0]) }
        #expect(throws: RenderError.self) { try ScalarGrid(xs: [1, 0], ys: [0, 1], values: [0, 0, 0, 0]) }
        #expect(throws: RenderError.self) {
            try ScalarGrid(sampling: ViewWindow(x: 0...1, y: 0...1), columns: 1, rows: 5) { _, _ in 0 }
        }
        #expect(throws: RenderError.self) { try ViewWindow.drawable(x: 1...1, y: 0...1) }
    }
}
