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

    /// Entries 0, 37, 128 and 255 of each table, as matplotlib 3.11.2 gives them
    /// (`colormaps[name].resampled(256)(i)`; Fixtures/make_colormaps.py prints them).
    static let tables: [(ColorMap, [Int: (Double, Double, Double)])] = [
        (.plasma, [0: (0.050383, 0.029803, 0.527975), 37: (0.331426, 0.006261, 0.641316),
                   128: (0.798216, 0.280197, 0.469538), 255: (0.940015, 0.975158, 0.131326)]),
        (.inferno, [0: (0.001462, 0.000466, 0.013866), 37: (0.162689, 0.043554, 0.333277),
                    128: (0.735683, 0.215906, 0.330245), 255: (0.988362, 0.998364, 0.644924)]),
        (.magma, [0: (0.001462, 0.000466, 0.013866), 37: (0.140858, 0.068654, 0.324538),
                  128: (0.716387, 0.214982, 0.47529), 255: (0.987053, 0.991438, 0.749504)]),
        (.cividis, [0: (0.0, 0.135112, 0.304751), 37: (0.13683, 0.234216, 0.432148),
                    128: (0.488697, 0.485318, 0.471008), 255: (0.995737, 0.909344, 0.217772)]),
        (.turbo, [0: (0.18995, 0.07176, 0.23217), 37: (0.2768, 0.47151, 0.94214),
                  128: (0.64362, 0.98999, 0.23356), 255: (0.4796, 0.01583, 0.01055)]),
        (.coolwarm, [0: (0.2298057, 0.298717966, 0.753683153), 37: (0.4096110966745098, 0.540758508737255, 0.9355447224862745),
                     128: (0.8674276350862745, 0.864376599772549, 0.8626024620196079), 255: (0.705673158, 0.01555616, 0.150232812)]),
    ]

    @Test func listedAndSegmentedMapsEqualMatplotlibs() {
        for (map, entries) in Self.tables {
            #expect(map.table.count == 256, "\(map.name)")
            for (i, (r, g, b)) in entries {
                let c = map.table[i]
                #expect(c.red == r && c.green == g && c.blue == b, "\(map.name)[\(i)] = \(c)")
                // Looked up as matplotlib's __call__ does: v = (i + 0.5) / 256 falls on entry i.
                #expect(map((Double(i) + 0.5) / 256) == c)
            }
        }
    }

    @Test func everyMapIsNamedAndRunsBackwards() throws {
        #expect(ColorMap.names.count == 16)
        for name in ColorMap.names {
            let map = try ColorMap.named(name.uppercased())
            #expect(map.name == name)
        }
        #expect(try ColorMap.named("turbo_r").table.first == ColorMap.turbo.table.last)
        let unknown = try #require(throws: RenderError.self) { try ColorMap.named("rainbow") }
        #expect("\(unknown)".contains("coolwarm"))
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
