import DescentBase
import Foundation
import Testing
@testable import DescentRender

/// Thumbnails: area-average downscaling, the indexed-colour PNG encoder (checked by decoding
/// its files with Cairo's PNG reader), and `Figure.write(…, thumbnail:)`.
@Suite struct ThumbnailTests {
    /// An image surface whose column x is filled with `color(x)` (opaque 0xRRGGBB).
    static func surface(width: Int, height: Int, _ color: (Int) -> UInt32) throws -> CairoSurface {
        let surface = try CairoSurface.image(width: width, height: height)
        let canvas = try Canvas(surface: surface)
        for x in 0..<width {
            canvas.paintOpaque(Rect<Double>(x: Double(x), y: 0, width: 1, height: Double(height)), Color(hex: color(x)))
        }
        return surface
    }

    static func rgb(_ word: UInt32) -> (Int, Int, Int) { (Int((word >> 16) & 0xFF), Int((word >> 8) & 0xFF), Int(word & 0xFF)) }

    @Test func theLongSideBecomes240AndTheAspectIsKept() throws {
        let wide = Thumbnail(try Self.surface(width: 800, height: 600) { _ in 0x336699 })
        #expect(wide.width == 240 && wide.height == 180)
        #expect(wide.pixels.allSatisfy { $0 == 0xFF33_6699 })
        let small = Thumbnail(try Self.surface(width: 100, height: 80) { _ in 0 })
        #expect(small.width == 100 && small.height == 80, "never scaled up")
        #expect(Thumbnail.fileName(for: "out/rosenbrock_Adam.png") == "out/rosenbrock_Adam.thumb.png")
    }

    /// One-pixel black and white columns, 800 → 320: each thumbnail pixel covers 2.5 columns,
    /// so it is a grey of 40 % or 60 % white, never black or white as a nearest-pixel pick
    /// would give; a black left half stays black away from its edge.
    @Test func pixelsAreAreaAverages() throws {
        let stripes = Thumbnail(try Self.surface(width: 800, height: 800) { x in x % 2 == 0 ? 0 : 0xFFFFFF }, longSide: 320)
        for x in 0..<320 {
            let (r, g, b) = Self.rgb(stripes.pixels[160 * 320 + x])
            #expect(r == g && g == b)
            #expect([102, 153].contains(r), "column \(x): \(r)")
        }
        let halves = Thumbnail(try Self.surface(width: 800, height: 800) { x in x < 401 ? 0 : 0xFFFFFF }, longSide: 320)
        #expect(Self.rgb(halves.pixels[0]) == (0, 0, 0))
        #expect(Self.rgb(halves.pixels[159]) == (0, 0, 0))
        // Pixel 160 covers columns 400…402.5: one black column of 2.5 → 60 % white.
        #expect(Self.rgb(halves.pixels[160]) == (153, 153, 153))
        #expect(Self.rgb(halves.pixels[161]) == (255, 255, 255))
    }

    @Test func indexedPNGsDecodeToTheirPixels() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // 37 × 23 pixels of 200 distinct colours: an exact palette.
        let pixels = (0..<(37 * 23)).map { i -> UInt32 in 0xFF00_0000 | UInt32((i % 200) * 0x010305 & 0xFFFFFF) }
        let png = try IndexedPNG(width: 37, height: 23, argb: pixels)
        #expect(png.palette.count == 200)
        try png.write(to: dir.file("a.png"))
        let decoded = try CairoSurface.png(path: dir.file("a.png"))
        #expect(decoded.width == 37 && decoded.height == 23)
        for y in 0..<23 {
            for x in 0..<37 { #expect(decoded.pixel(x: x, y: y) == pixels[y * 37 + x], "pixel (\(x), \(y))") }
        }
        // The same input, the same bytes (no time stamps).
        try png.write(to: dir.file("b.png"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.file("a.png"))) == Data(contentsOf: URL(fileURLWithPath: dir.file("b.png"))))
        #expect(throws: RenderError.self) { try IndexedPNG(width: 2, height: 2, palette: [RGB(0, 0, 0)], indices: [0, 0, 0, 1]) }
        #expect(throws: RenderError.self) { try IndexedPNG(width: 3, height: 2, palette: [RGB(0, 0, 0)], indices: [0, 0]) }
    }

    /// A figure's thumbnail, decoded, against the area average of its raster: a palette of at
    /// most `Thumbnail.colorCount` colours that holds the figure's path and marker colours
    /// exactly, and is close to the average elsewhere.
    @Test func aFiguresThumbnailIsItsRasterScaledAndQuantised() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let figure = try MatplotlibReferenceTests.figure(size: 800)
        try figure.write(to: dir.file("f.png"), as: .png, thumbnail: dir.file("f.thumb.png"))
        #expect(try dir.contents() == ["f.png", "f.thumb.png"])
        #expect(figure.keyColors.contains(RGB(0xC4, 0x4E, 0x52)) && figure.keyColors.contains(RGB(0x55, 0xA8, 0x68)))
        let expected = Thumbnail(try figure.rasterize())
        let decoded = try CairoSurface.png(path: dir.file("f.thumb.png"))
        #expect(decoded.width == 240 && decoded.height == 240)
        var total = 0
        var colors = Set<UInt32>()
        for y in 0..<240 {
            for x in 0..<240 {
                let word = decoded.pixel(x: x, y: y)
                colors.insert(word)
                let a = Self.rgb(word), b = Self.rgb(expected.pixels[y * 240 + x])
                total += abs(a.0 - b.0) + abs(a.1 - b.1) + abs(a.2 - b.2)
            }
        }
        #expect(colors.count <= Thumbnail.colorCount)
        for key in figure.keyColors {
            #expect(colors.contains(0xFF00_0000 | UInt32(key.r) << 16 | UInt32(key.g) << 8 | UInt32(key.b)), "\(key) kept")
        }
        // Measured: 3.0 (the sum of the three channels' differences, per pixel).
        let mean = Double(total) / Double(240 * 240)
        #expect(mean < 5, "mean |Δ| summed over the channels: \(mean)")
        // Measured: 25.0 KB (RGB would be 85 KB).
        let bytes = try TemporaryDirectory.size(of: dir.file("f.thumb.png"))
        #expect(bytes < 28_000, "thumbnail of \(bytes) bytes")
    }
}
