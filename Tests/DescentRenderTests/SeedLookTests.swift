import DescentBase
import Foundation
import Testing
@testable import DescentRender

/// The still figure in the seed's look: seaborn's deep red path and end, deep green start and
/// minima, markers at matplotlib's `markersize=10` at the figure's dpi, the seed's legend labels
/// at `loc="best"`, and a triangle on the edge where a path that ends outside the view left it.
@Suite struct SeedLookTests {
    static let view = try! ViewWindow(x: -2...2, y: -2...2)

    /// Two far-apart levels of x² + y² (few contour pixels near the markers), and `path`.
    static func scene(_ path: [Point]) throws -> LandscapeScene {
        let grid = try ScalarGrid(sampling: view, columns: 81, rows: 81) { $0 * $0 + $1 * $1 }
        return try LandscapeScene(view: view, grid: grid, levels: .explicit([0.25, 6]), path: path, minima: [Point(1.2, 1.2)])
    }

    /// The longest run of pixels matching `color` through `p` along the row, in pixels.
    static func span(_ probe: PixelProbe, _ p: Point, _ color: Color) -> Int {
        let x = Int(p.x), y = Int(p.y)
        guard probe.matches(x, y, color, tolerance: 12) else { return 0 }
        var left = x, right = x
        while probe.matches(left - 1, y, color, tolerance: 60) { left -= 1 }
        while probe.matches(right + 1, y, color, tolerance: 60) { right += 1 }
        return right - left + 1
    }

    @Test func colorsAreSeabornsDeepRedAndGreen() {
        #expect(Color.deepRed.rgb8 == (0xC4, 0x4E, 0x52))
        #expect(Color.deepGreen.rgb8 == (0x55, 0xA8, 0x68))
    }

    @Test func labelsAndLegendPlaceAreTheSeeds() throws {
        let figure = try Self.scene([Point(-1.5, -1.5), Point(0, 0)]).stillFigure(width: 400, height: 400, title: [])
        #expect(figure.legend.map(\.label) == ["Optimizer Path", "Start", "End", "Global Minimum"])
        #expect(figure.legendLocation == .best)
        let animation = try Self.scene([Point(-1.5, -1.5), Point(0, 0)]).animationFigure(width: 400, height: 400)
        #expect(animation.legendLocation == .best)
        #expect(animation.legend.map(\.label) == ["Optimizer Path", "Current Position", "Global Minimum"])
    }

    /// matplotlib's markersize is in points: 10 points at 100 dpi (800 px) are 13.9 px across,
    /// plus the 1-point edge (half of it each side): 15.3 px of ink; at 50 dpi half that.
    @Test(arguments: [800, 400]) func markersAreTenPointsAtTheFiguresDPI(size: Int) throws {
        let start = Point(-1.5, -0.5), end = Point(0.3, -1.2)
        let figure = try Self.scene([start, Point(-0.6, -0.8), end]).stillFigure(width: size, height: size, title: [])
        let dpi = Double(size) / 8
        #expect(abs(figure.style.dpi - dpi) < 1e-9)
        let surface = try figure.rasterize()
        let probe = PixelProbe(surface: surface)
        let axes = FigureLayout(figure, measuringWith: try Canvas(surface: surface)).axes
        let expected = 11 * dpi / 72  // markersize 10 + edge width 1, in pixels
        // The start circle and the global minimum's diamond (√2 × the size across, on its diagonal row).
        let circle = Double(Self.span(probe, axes.pixel(start), .deepGreen))
        #expect(abs(circle - expected) <= 1.5, "start circle \(circle) px across, expected \(expected)")
        let diamond = Double(Self.span(probe, axes.pixel(Point(1.2, 1.2)), .deepGreen))
        let diagonal = (10 * 2.0.squareRoot() + 1.4) * dpi / 72
        #expect(abs(diamond - diagonal) <= 2, "minimum diamond \(diamond) px across, expected \(diagonal)")
        // The end diamond is above the path: its centre and both corners are the path's red.
        let e = axes.pixel(end)
        #expect(probe.matches(Int(e.x), Int(e.y), .deepRed, tolerance: 10))
        let endSpan = Double(Self.span(probe, e, .deepRed))
        #expect(abs(endSpan - diagonal) <= 2, "end diamond \(endSpan) px across, expected \(diagonal)")
    }

    @Test func aPathEndingOutsideTheViewGetsATriangleWhereItLeft() throws {
        // Leaves through the right edge at y = 0.5 (between (1, 0) and (3, 1)).
        let path = [Point(-1, -1), Point(1, 0), Point(3, 1)]
        let exit = try #require(Self.view.exit(of: path))
        #expect(exit.edge == .right && exit.point == Point(2, 0.5))
        let figure = try Self.scene(path).stillFigure(width: 400, height: 400, title: [])
        let tip = try #require(figure.markers.first { $0.marker.shape == .tipRight })
        #expect(tip.points == [Point(2, 0.5)])
        let surface = try figure.rasterize()
        let probe = PixelProbe(surface: surface)
        let axes = FigureLayout(figure, measuringWith: try Canvas(surface: surface)).axes
        let p = axes.pixel(Point(2, 0.5))
        // Inside the axes, 0.8 of the triangle's length left of its tip and a little below the
        // tip's row (off the path's line, which runs down-left from there): the triangle's red.
        let size = figure.style.px(figure.style.pointMarkerSize)
        #expect(probe.matches(Int(p.x - 0.8 * size), Int(p.y + 0.2 * size), .deepRed, tolerance: 12))
        // A path that ends inside has none.
        let inside = try Self.scene([Point(-1, -1), Point(3, 1), Point(1, 0)]).stillFigure(width: 400, height: 400, title: [])
        #expect(!inside.markers.contains { [.tipUp, .tipDown, .tipLeft, .tipRight].contains($0.marker.shape) })
    }

    @Test func exitsAreFoundOnEveryEdgeAndNotForPathsEndingInside() {
        let v = Self.view
        #expect(v.exit(of: [Point(0, 0), Point(0, 4)]) == ViewExit(point: Point(0, 2), edge: .top))
        #expect(v.exit(of: [Point(0, 0), Point(0, -4)]) == ViewExit(point: Point(0, -2), edge: .bottom))
        #expect(v.exit(of: [Point(0, 0), Point(-4, 2)]) == ViewExit(point: Point(-2, 1), edge: .left))
        // Out, back in, out again: the last crossing counts; non-finite points are skipped.
        #expect(v.exit(of: [Point(0, 0), Point(5, 0), Point(1, 1), Point(.nan, 1), Point(1, 5)])
                == ViewExit(point: Point(1, 2), edge: .top))
        // Ends inside (a diverged path's last finite point too), or was never inside.
        #expect(v.exit(of: [Point(0, 0), Point(5, 0), Point(1, 1)]) == nil)
        #expect(v.exit(of: [Point(0, 0), Point(1, 1), Point(.nan, .infinity)]) == nil)
        #expect(v.exit(of: [Point(5, 5), Point(6, 6)]) == nil)
        #expect(v.exit(of: []) == nil)
    }
}
