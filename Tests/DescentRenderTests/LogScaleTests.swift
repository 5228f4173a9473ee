import DescentBase
import Foundation
import Testing
import TestSupport
@testable import DescentRender

/// The log10 axis scale: its transform and matplotlib's LogLocator / LogFormatterSciNotation.
@Suite struct LogScaleTests {
    @Test func logAxesMapDecadesEvenlyAndRoundTrip() throws {
        let view = try ViewWindow.drawable(x: 0...10, y: 1e-3...1e1)
        let axes = Axes(view: view, box: Rect<Double>(x: 100, y: 50, width: 400, height: 400), yScale: .log10)
        expectClose(axes.pixel(Point(0, 1e-3)).y, 450, tolerance: 1e-9, "bottom")
        expectClose(axes.pixel(Point(0, 1e1)).y, 50, tolerance: 1e-9, "top")
        expectClose(axes.pixel(Point(5, 1e-1)).y, 250, tolerance: 1e-9, "middle decade")
        #expect(axes.pixel(Point(5, 1)).x == 300)
        let p = Point(3.3, 0.0042)
        let back = axes.data(axes.pixel(p))
        expectClose(back.x, p.x, tolerance: 1e-12, "x")
        expectClose(back.y, p.y, tolerance: 1e-12, "y")
        #expect(!axes.pixel(Point(1, 0)).isFinite && !axes.pixel(Point(1, -2)).isFinite)
    }

    @Test func decadesAreThinnedBeyondNineKeepingTenToTheZero() {
        let locator = LogTickLocator()
        #expect(locator.ticks(from: 3e-5, to: 20) == [1e-4, 1e-3, 1e-2, 1e-1, 1, 10])
        let wide = locator.ticks(from: 1e-20, to: 1e5)
        #expect(wide.count <= 9 && wide.contains(1))
        #expect(wide.map(LogTickLocator.label) == ["10⁻¹⁸", "10⁻¹⁵", "10⁻¹²", "10⁻⁹", "10⁻⁶", "10⁻³", "10⁰", "10³"])
        #expect(locator.ticks(from: 0, to: 10).isEmpty)
        #expect(locator.ticks(from: 1, to: .infinity).isEmpty)
    }

    @Test func aNarrowRangeGetsMantissaTicks() {
        let ticks = LogTickLocator().ticks(from: 0.15, to: 0.85)
        #expect(ticks.map(LogTickLocator.label) == ["2×10⁻¹", "3×10⁻¹", "4×10⁻¹", "5×10⁻¹", "6×10⁻¹", "7×10⁻¹", "8×10⁻¹"])
    }

    @Test func labelsUseSuperscriptExponents() {
        #expect(LogTickLocator.label(1e-3) == "10⁻³")
        #expect(LogTickLocator.label(1) == "10⁰")
        #expect(LogTickLocator.label(10) == "10¹")
        #expect(LogTickLocator.label(1e12) == "10¹²")
        #expect(LogTickLocator.label(2e-5) == "2×10⁻⁵")
    }
}
