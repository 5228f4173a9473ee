import Testing
import TestSupport
@testable import DescentRender

/// Expected colours are matplotlib 3.11's `colormaps["jet"](v)` and `colormaps["viridis"](v)`.
@Suite struct ColorMapTests {
    static let jet: [(Double, (Double, Double, Double))] = [
        (0, (0, 0, 0.5)),
        (0.1, (0, 0, 0.945632798573975)),
        (0.35, (0, 0.8960784313725491, 0.9709044908285895)),
        (0.5, (0.4901960784313725, 1, 0.4775458570524984)),
        (0.66, (0.9962049335863377, 0.9302832244008717, 0)),
        (0.9, (0.9456327985739753, 0.029774872912127992, 0)),
        (0.999, (0.5, 0, 0)),
        (1, (0.5, 0, 0)),
    ]
    static let viridis: [(Double, (Double, Double, Double))] = [
        (0, (0.267004, 0.004874, 0.329415)),
        (0.1, (0.282623, 0.140926, 0.457517)),
        (0.5, (0.127568, 0.566949, 0.550556)),
        (0.9, (0.741388, 0.873449, 0.149561)),
        (1, (0.993248, 0.906157, 0.143936)),
    ]

    @Test func jetMatchesMatplotlib() {
        for (v, (r, g, b)) in Self.jet {
            let c = ColorMap.jet(v)
            expectClose(c.red, r, tolerance: 1e-12, "jet(\(v)).red")
            expectClose(c.green, g, tolerance: 1e-12, "jet(\(v)).green")
            expectClose(c.blue, b, tolerance: 1e-12, "jet(\(v)).blue")
        }
    }

    @Test func viridisMatchesMatplotlib() {
        #expect(ColorMap.viridis.table.count == 256)
        for (v, (r, g, b)) in Self.viridis {
            let c = ColorMap.viridis(v)
            #expect(c.red == r && c.green == g && c.blue == b, "viridis(\(v)) = \(c)")
        }
    }

    @Test func outOfRangeClampsAndNaNIsTransparent() {
        #expect(ColorMap.jet(-3) == ColorMap.jet(0))
        #expect(ColorMap.jet(7) == ColorMap.jet(1))
        #expect(ColorMap.jet(.nan).alpha == 0)
    }

    @Test func reversedAndNamed() throws {
        #expect(ColorMap.jet.reversed(0) == ColorMap.jet(1))
        #expect(try ColorMap.named("Viridis").name == "viridis")
        #expect(throws: RenderError.self) { try ColorMap.named("rainbow") }
    }

    @Test func contourColoursAreNormalisedOverTheLevels() {
        // matplotlib: contour(Rastrigin, 20, cmap="jet") colours its first lines (0, 0, 0.5),
        // (0, 0, 0.713904), (0, 0, 0.927807) and its last (0.5, 0, 0).
        let levels = stride(from: 0.0, through: 84, by: 4).map { $0 }
        let colors = ColorMap.jet.colors(for: levels, normalizedOver: levels)
        expectClose(colors[1].blue, 0.713904, tolerance: 1e-6, "second level")
        expectClose(colors[2].blue, 0.927807, tolerance: 1e-6, "third level")
        #expect(colors.last == Color(red: 0.5, green: 0, blue: 0))
    }
}
