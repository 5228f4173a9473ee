import DescentBase
import DescentRender
import Testing

@Suite("GIFPalette fitting")
struct GIFPaletteTests {
    static let red = RGB(214, 39, 40)
    static let blue = RGB(31, 119, 180)

    @Test("A background that fits is kept exactly, overlays exactly, blends fill the rest")
    func smallBackgroundExact() {
        var raster = TestRaster(width: 40, height: 30)
        var backgroundColors: [RGB] = (0..<20).map { (i: Int) -> RGB in RGB(UInt8(10 * i), 200, UInt8(255 - 10 * i)) }
        backgroundColors.append(RGB(0, 0, 0))
        for (i, color) in backgroundColors.enumerated() {
            raster.fill(Rect<Int>(x: i, y: 0, width: 1, height: 30), with: TestRaster.opaque(color))
        }
        let palette = raster.withView {
            GIFPalette.fitted(background: $0, overlayColors: [Self.red, Self.blue, Self.red])
        }
        #expect(Array(palette.colors.prefix(2)) == [Self.red, Self.blue])
        #expect(Set(backgroundColors + [RGB(255, 255, 255)]).isSubset(of: Set(palette.colors)))
        #expect(palette.colors.count <= GIFPalette.maximumColorCount)
        #expect(Set(palette.colors).count == palette.colors.count, "no duplicate entries")
        // The 22 background colours × 2 overlays × 15 levels are too many: blends fill the table.
        #expect(palette.colors.count == GIFPalette.maximumColorCount)
    }

    @Test("When background and blends fit, every one of them is an exact entry")
    func everythingFits() {
        var raster = TestRaster(width: 6, height: 2, fill: TestRaster.opaque(RGB(255, 255, 255)))
        let backdrops = [RGB(255, 255, 255), RGB(68, 1, 84), RGB(33, 145, 140)]
        raster.fill(Rect<Int>(x: 2, y: 0, width: 2, height: 2), with: TestRaster.opaque(backdrops[1]))
        raster.fill(Rect<Int>(x: 4, y: 0, width: 2, height: 2), with: TestRaster.opaque(backdrops[2]))
        let palette = raster.withView { GIFPalette.fitted(background: $0, overlayColors: [Self.red], alphaLevels: 4) }
        var expected = Set(backdrops + [Self.red])
        for level in 1..<4 {
            for backdrop in backdrops { expected.insert(Self.blend(Self.red, over: backdrop, alpha: Double(level) / 4)) }
        }
        #expect(Set(palette.colors) == expected)
        #expect(palette.colors.count == 13)
        #expect(palette.colors.first == Self.red)
    }

    @Test("Blends of the overlays over the background are represented closely")
    func blendsRepresented() {
        let raster = Self.landscape(width: 160, height: 120)
        let overlays = [Self.red, Self.blue]
        let withBlends = raster.withView { GIFPalette.fitted(background: $0, overlayColors: overlays) }
        let withoutBlends = raster.withView { GIFPalette.fitted(background: $0, overlayColors: overlays, alphaLevels: 1) }
        let error = Self.blendError(withBlends, raster: raster, overlays: overlays)
        let baseline = Self.blendError(withoutBlends, raster: raster, overlays: overlays)
        // Measured: RMS 5.0, max 19 (8-bit units) with blends; without them far worse.
        #expect(error.rms < 6.5, "\(error)")
        #expect(error.max < 25, "\(error)")
        #expect(baseline.rms > 3 * error.rms, "without blends \(baseline), with \(error)")
    }

    @Test("A many-colour background is quantised; overlays and dominant colours stay exact")
    func largeBackgroundQuantised() {
        let raster = Self.landscape(width: 160, height: 120)
        let palette = raster.withView {
            GIFPalette.fitted(background: $0, overlayColors: [Self.red, Self.blue])
        }
        #expect(palette.colors.count <= GIFPalette.maximumColorCount)
        #expect(palette.colors.count > 200, "the budget is used")
        #expect(Array(palette.colors.prefix(2)) == [Self.red, Self.blue])
        // Text black and the white margin are dominant colours: exact, not near-black averages.
        #expect(palette.colors.contains(RGB(0, 0, 0)))
        #expect(palette.colors.contains(RGB(255, 255, 255)))
        let black = palette.colors[palette.nearestIndex(to: RGB(0, 0, 0))]
        #expect(black == RGB(0, 0, 0))
        // The quantised background stays close to the original on average.
        let image = raster.paletteImage(palette)
        var total = 0
        for y in 0..<raster.height {
            for x in 0..<raster.width {
                total += Self.distance(image[y * raster.width + x], RGB(premultipliedARGB32: raster[x, y]))
            }
        }
        let mean = Double(total) / Double(raster.width * raster.height)
        #expect(mean < 4, "mean colour error \(mean)")
    }

    @Test("Fitting is deterministic")
    func deterministic() {
        let raster = Self.landscape(width: 96, height: 64)
        let first = raster.withView { GIFPalette.fitted(background: $0, overlayColors: [Self.red]) }
        let second = raster.withView { GIFPalette.fitted(background: $0, overlayColors: [Self.red]) }
        #expect(first.colors == second.colors)
    }

    @Test("Degenerate inputs give a usable palette, not a trap")
    func degenerate() {
        let raster = TestRaster(width: 4, height: 4, fill: TestRaster.opaque(RGB(1, 2, 3)))
        let malformed = raster.withView {
            GIFPalette.fitted(background: RasterView(base: $0.base, width: 4, height: 4, stride: 8), overlayColors: [])
        }
        #expect(malformed.colors == [RGB(0, 0, 0)])
        let noBlends = raster.withView {
            GIFPalette.fitted(background: $0, overlayColors: [Self.red], alphaLevels: -3)
        }
        #expect(noBlends.colors == [Self.red, RGB(1, 2, 3)])
        let many = (0..<300).map { RGB(UInt8($0 % 256), UInt8($0 / 256), 7) }
        let capped = raster.withView { GIFPalette.fitted(background: $0, overlayColors: many) }
        #expect(capped.colors == Array(many.prefix(GIFPalette.maximumColorCount)))
        #expect(GIFPalette(colors: [])?.colors == nil)
        #expect(GIFPalette(colors: many)?.colors == nil)
        #expect(GIFPalette(colors: [Self.red])?.colors == [Self.red])
    }

    @Test("Nearest index is exhaustive, with ties to the lowest index")
    func nearest() throws {
        let palette = try #require(GIFPalette(colors: [RGB(0, 0, 0), RGB(10, 0, 0), RGB(0, 0, 0), RGB(255, 255, 255)]))
        #expect(palette.nearestIndex(to: RGB(0, 0, 0)) == 0)
        #expect(palette.nearestIndex(to: RGB(5, 0, 0)) == 0)  // tie between 0 and 1
        #expect(palette.nearestIndex(to: RGB(6, 0, 0)) == 1)
        #expect(palette.nearestIndex(to: RGB(200, 200, 200)) == 3)
    }

    /// A contour-plot-like image: white margin, a smooth colour ramp in the plot area with
    /// anti-aliased band edges, and solid black "text" and axis lines.
    static func landscape(width: Int, height: Int) -> TestRaster {
        var raster = TestRaster(width: width, height: height)
        let inset = width / 8
        for y in inset..<(height - inset) {
            for x in inset..<(width - inset) {
                let u = Double(x - inset) / Double(width - 2 * inset)
                let v = Double(y - inset) / Double(height - 2 * inset)
                let t = (u * u + v * v).squareRoot() / 1.5
                let band = (t * 12).rounded(.down) / 12 + Double((7 * x + 13 * y) % 5) / 200  // a little texture
                raster[x, y] = TestRaster.opaque(RGB(UInt8(68 + 180 * band), UInt8(1 + 200 * band),
                                                     UInt8(max(0, min(255, 84 + 60 * band)))))
            }
        }
        raster.fill(Rect<Int>(x: inset - 1, y: inset - 1, width: width - 2 * inset + 2, height: 1), with: 0xFF00_0000)
        raster.fill(Rect<Int>(x: inset - 1, y: height - inset, width: width - 2 * inset + 2, height: 1), with: 0xFF00_0000)
        raster.fill(Rect<Int>(x: 2, y: 2, width: width / 3, height: inset / 2), with: 0xFF00_0000)
        return raster
    }

    /// Squared Euclidean distance in 8-bit RGB.
    static func distance(_ a: RGB, _ b: RGB) -> Int {
        let dr = Int(a.r) - Int(b.r), dg = Int(a.g) - Int(b.g), db = Int(a.b) - Int(b.b)
        return dr * dr + dg * dg + db * db
    }

    /// `top` at opacity `alpha` over `backdrop`, rounded: written independently of the palette's.
    static func blend(_ top: RGB, over backdrop: RGB, alpha: Double) -> RGB {
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((alpha * Double(a) + (1 - alpha) * Double(b)).rounded()) }
        return RGB(mix(top.r, backdrop.r), mix(top.g, backdrop.g), mix(top.b, backdrop.b))
    }

    /// RMS and maximum distance (8-bit units) from every blend `k/16 · overlay + (1 − k/16) · c`
    /// (`c` each distinct colour of `raster`) to its nearest palette entry.
    static func blendError(_ palette: GIFPalette, raster: TestRaster, overlays: [RGB]) -> (rms: Double, max: Double) {
        var backdrops = Set<RGB>()
        for y in 0..<raster.height {
            for x in 0..<raster.width { backdrops.insert(RGB(premultipliedARGB32: raster[x, y])) }
        }
        var sum = 0, worst = 0, count = 0
        for overlay in overlays {
            for level in 1..<16 {
                for backdrop in backdrops {
                    let blend = Self.blend(overlay, over: backdrop, alpha: Double(level) / 16)
                    let d = distance(palette.colors[palette.nearestIndex(to: blend)], blend)
                    sum += d
                    worst = max(worst, d)
                    count += 1
                }
            }
        }
        return ((Double(sum) / Double(count)).squareRoot(), Double(worst).squareRoot())
    }
}
