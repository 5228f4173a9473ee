import DescentBase
import Foundation
import Testing
import TestSupport
@testable import DescentRender

/// Loss against step on a log axis: decade ticks, straight exponential decay, dropped values.
@Suite struct LossCurveTests {
    static func layout(_ figure: Figure) throws -> (PixelProbe, FigureLayout) {
        let surface = try figure.rasterize()
        return (PixelProbe(surface: surface), FigureLayout(figure, measuringWith: try Canvas(surface: surface)))
    }

    @Test func decadeTicksAreEvenlySpacedAndLabelledAsPowersOfTen() throws {
        // 10^0 down to 10^-4 over 41 steps.
        let values = (0...40).map { pow(10, -Double($0) / 10) }
        let figure = try LossCurve(series: [("SGD", values)]).figure(width: 640, height: 480, title: ["Loss"])
        #expect(figure.yScale == .log10)
        let (_, layout) = try Self.layout(figure)
        #expect(layout.yTicks.map(\.label) == ["10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "10⁰"])
        let pixels = layout.yTicks.map(\.pixel)
        let gaps = zip(pixels, pixels.dropFirst()).map { $0 - $1 }
        for g in gaps { expectClose(g, gaps[0], tolerance: 1e-9, "decade spacing") }
        #expect(gaps[0] > 0)
        // 10^0 and 10^-4 sit 5 % of the log range inside the box (matplotlib's margins).
        let box = layout.axes.box
        expectClose(pixels.last!, box.minY + box.height * 0.05 / 1.1, tolerance: 1e-9, "10^0")
        expectClose(pixels.first!, box.maxY - box.height * 0.05 / 1.1, tolerance: 1e-9, "10^-4")
        // The x axis: steps with the usual linear ticks.
        #expect(layout.xTicks.map(\.label) == ["0", "5", "10", "15", "20", "25", "30", "35", "40"])
    }

    @Test func exponentialDecayIsAStraightLine() throws {
        let values = (0...50).map { pow(10, -Double($0) / 10) }
        let figure = try LossCurve(series: [("Adam", values)]).figure(width: 800, height: 600, title: [])
        let (probe, layout) = try Self.layout(figure)
        let pixels = values.indices.map { layout.axes.pixel(Point(Double($0), values[$0])) }
        let a = pixels[0], b = pixels[50]
        for p in pixels {
            // Distance from the chord a–b.
            let d = abs((b.x - a.x) * (a.y - p.y) - (a.x - p.x) * (b.y - a.y)) / hypot(b.x - a.x, b.y - a.y)
            #expect(d < 1e-9)
        }
        // And it is drawn in C0 along the chord.
        for f in [0.25, 0.5, 0.75] {
            let q = Point(a.x + f * (b.x - a.x), a.y + f * (b.y - a.y))
            #expect(probe.matchesNear(q, Color(hex: 0x1f77b4)), "at \(f)")
        }
    }

    @Test func seriesGetTab10ColoursInOrderWithALegend() throws {
        let series = (0..<11).map { n in ("O\(n)", (0..<20).map { pow(0.9, Double($0 * (n + 1))) }) }
        let figure = try LossCurve(series: series).figure(width: 500, height: 400, title: [])
        #expect(figure.legend.map(\.label) == series.map(\.0))
        // matplotlib's tab10, then round again.
        let tab10: [UInt32] = [0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf]
        let colors: [Color?] = figure.legend.map { $0.line?.color }
        #expect(colors == (0..<11).map { Color(hex: tab10[$0 % 10]) })
        #expect(figure.xLabel == "step")
    }

    @Test func theLegendGoesWhereMatplotlibsBestPutsIt() throws {
        // Falling losses leave the upper right free (matplotlib's first choice); rising ones
        // run into it, and the legend moves to the upper left.
        let falling = LossCurve(series: [("A", (0...40).map { pow(10, -Double($0) / 10) })])
        let rising = LossCurve(series: [("A", (0...40).map { pow(10, Double($0) / 10) })])
        let (_, down) = try Self.layout(falling.figure(width: 600, height: 400, title: []))
        let (_, up) = try Self.layout(rising.figure(width: 600, height: 400, title: []))
        let d = try #require(down.legendBox), u = try #require(up.legendBox)
        #expect(d.maxX > down.axes.box.center.x && d.minY < down.axes.box.center.y)
        #expect(u.maxX < up.axes.box.center.x && u.minY < up.axes.box.center.y)
    }

    @Test func nonPositiveAndNonFiniteValuesAreDroppedBeforeCairo() throws {
        let values = [1, 0.5, 0, -1, .nan, 0.1, .infinity, 0.05, 0.01, -.infinity]
        #expect(LossCurve.runs(values) == [[Point(0, 1), Point(1, 0.5)], [Point(5, 0.1)],
                                            [Point(7, 0.05), Point(8, 0.01)]])
        let figure = try LossCurve(series: [("Lion", values), ("SGD", [2, 1, 0.5])]).figure(width: 300, height: 300, title: ["T"])
        #expect(figure.paths.count == 4)
        for layer in figure.paths {
            #expect(layer.points.allSatisfy { $0.isFinite && $0.y > 0 })
        }
        #expect(figure.view.yMin > 0 && figure.view.yMax.isFinite)
        #expect(figure.note == nil)
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let svg = dir.file("loss.svg")
        try figure.write(to: svg, as: .svg)
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(!text.lowercased().contains("nan") && !text.contains("inf"))
    }

    @Test func nothingToPlotStillRendersEmptyAxesWithANote() throws {
        for series in [[("A", [0.0, -1, .nan])], [], [("B", [Double]())]] {
            let figure = try LossCurve(series: series).figure(width: 600, height: 400, title: ["Empty"])
            #expect(figure.paths.isEmpty)
            #expect(figure.note == LossCurve.emptyNote)
            let (probe, layout) = try Self.layout(figure)
            #expect(layout.yTicks.map(\.label) == ["10⁰", "10¹"])
            // The note: dark text in the middle of the axes.
            let c = layout.axes.box.center
            let rect = Rect<Int>(x: Int(c.x) - 40, y: Int(c.y) - 6, width: 80, height: 12)
            #expect(probe.any(in: rect) { probe.rgba($0, $1).r < 100 })
        }
    }

    @Test func aConstantSeriesGetsADecadeEitherSide() throws {
        let figure = try LossCurve(series: [("C", [0.01, 0.01, 0.01])]).figure(width: 300, height: 300, title: [])
        let (_, layout) = try Self.layout(figure)
        #expect(layout.yTicks.map(\.label) == ["10⁻³", "10⁻²", "10⁻¹"])
    }

    /// Found by the 5,000-case config fuzz: a loss of 1e308 made the top margin overflow to
    /// +∞ and the whole experiment's figures fail. The view now ends at the largest double.
    @Test func lossesAtTheEndsOfDoubleStillGiveADrawableView() throws {
        for values in [[6.7e-15, 1e308, 3], [1e-320, 1, 5e-324], [Double.greatestFiniteMagnitude, 1]] {
            let figure = try LossCurve(series: [("huge", values)]).figure(width: 200, height: 200, title: [])
            #expect(figure.view.y.upperBound.isFinite && figure.view.y.lowerBound > 0, "\(values)")
            _ = try figure.rasterize()
        }
        let linear = LinePlot.range([-1e308, 1e308], .linear)
        #expect(linear.0.isFinite && linear.1.isFinite && (linear.1 - linear.0).isFinite)
    }

    @Test func theRunningMinimumKeepsTheBestValueSoFar() {
        let m = LossCurve.runningMinimum([.nan, 5, 7, 3, .infinity, 4, 1, .nan])
        #expect(m[0].isNaN)
        #expect(Array(m.dropFirst()) == [5, 5, 3, 3, 3, 1, 1])
    }

    /// With `runningMinimum`, each series is drawn twice in its colour: faint raw values without
    /// a legend row, then its running minimum with one.
    @Test func runningMinimumCurvesAreDrawnOverTheirFaintRawValues() throws {
        var curve = LossCurve(series: [("A", [4, 1, 3, 0.5]), ("B", [2, 8, 1, 9])])
        curve.runningMinimum = true
        let figure = try curve.figure(width: 400, height: 300, title: [])
        #expect(figure.legend.map(\.label) == ["A", "B"])
        #expect(figure.paths.count == 4)
        #expect(figure.paths[0].line.color == Color.cycle(0).withAlpha(LossCurve.faintOpacity))
        #expect(figure.paths[1].line.color == Color.cycle(1).withAlpha(LossCurve.faintOpacity))
        #expect(figure.paths[2].points.map(\.y) == [4, 1, 1, 0.5] && figure.paths[2].line.color == Color.cycle(0))
        #expect(figure.paths[3].points.map(\.y) == [2, 2, 1, 1] && figure.paths[3].line.color == Color.cycle(1))
    }
}
