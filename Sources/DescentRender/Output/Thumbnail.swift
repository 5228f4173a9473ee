import DescentBase

/// A small copy of a figure for a gallery page: the raster scaled so that its long side is
/// `longSide` pixels (240 by default: sharp at 160 CSS px on a 1.5× screen, and about 15 KB), each thumbnail pixel the area average of the figure
/// pixels it covers (a box filter with fractional edges, as image editors' "area" or
/// "supersampling" resampling), stored as an indexed-colour PNG of `colorCount` colours fitted
/// by `GIFPalette` (the figure's path and marker colours and its dominant flat colours kept
/// exactly, median cut for the rest). Measured on Descent's 800-pixel figures: 17–40 KB as 255
/// colours, about a quarter less as 64 (see BENCHMARKS.md); RGB PNG is 85 KB.
public struct Thumbnail: Sendable {
    /// `X.png` → `X.thumb.png`: where a figure's thumbnail goes (and how the gallery finds it).
    public static func fileName(for png: String) -> String {
        png.hasSuffix(".png") ? String(png.dropLast(4)) + ".thumb.png" : png + ".thumb.png"
    }

    public static let defaultLongSide = 240
    /// The palette's size: 64 colours keep contour lines and text legible at a quarter less
    /// bytes than 255 (the antialiased edges' blends are what costs).
    public static let colorCount = 64

    public let width: Int
    public let height: Int
    /// Opaque ARGB32 words, row by row.
    public let pixels: [UInt32]

    /// `surface` (an image surface) scaled down so that its long side is at most `longSide`
    /// (never up), pixels composited on white as `PNGFile` writes them.
    public init(_ surface: CairoSurface, longSide: Int = Thumbnail.defaultLongSide) {
        let w = surface.width, h = surface.height
        let k = min(1, Double(longSide) / Double(max(w, h)))
        width = max(1, Int((Double(w) * k).rounded()))
        height = max(1, Int((Double(h) * k).rounded()))
        // Straight RGB on white, as floats, row by row.
        var rgb = [Float](repeating: 0, count: w * h * 3)
        surface.withPixels { base, stride in
            for y in 0..<h {
                let row = UnsafeRawPointer(base + y * stride)
                for x in 0..<w {
                    let v = row.loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self)
                    let lift = Float(255 - (v >> 24))
                    let i = 3 * (y * w + x)
                    rgb[i] = min(255, Float((v >> 16) & 0xFF) + lift)
                    rgb[i + 1] = min(255, Float((v >> 8) & 0xFF) + lift)
                    rgb[i + 2] = min(255, Float(v & 0xFF) + lift)
                }
            }
        }
        let columns = Thumbnail.weights(from: w, to: width), rows = Thumbnail.weights(from: h, to: height)
        // Horizontal pass: h × width; then vertical: height × width.
        var across = [Float](repeating: 0, count: h * width * 3)
        for y in 0..<h {
            for (x, taps) in columns.enumerated() {
                var r: Float = 0, g: Float = 0, b: Float = 0
                for (source, weight) in taps {
                    let i = 3 * (y * w + source)
                    r += weight * rgb[i]; g += weight * rgb[i + 1]; b += weight * rgb[i + 2]
                }
                let o = 3 * (y * width + x)
                across[o] = r; across[o + 1] = g; across[o + 2] = b
            }
        }
        var out = [UInt32](repeating: 0, count: width * height)
        for (y, taps) in rows.enumerated() {
            for x in 0..<width {
                var r: Float = 0, g: Float = 0, b: Float = 0
                for (source, weight) in taps {
                    let i = 3 * (source * width + x)
                    r += weight * across[i]; g += weight * across[i + 1]; b += weight * across[i + 2]
                }
                func c(_ v: Float) -> UInt32 { UInt32(max(0, min(255, v.rounded()))) }
                out[y * width + x] = 0xFF00_0000 | c(r) << 16 | c(g) << 8 | c(b)
            }
        }
        pixels = out
    }

    /// The thumbnail as an indexed-colour PNG of `colorCount` colours, `keeping` exactly.
    public func png(colorCount: Int = Thumbnail.colorCount, keeping: [RGB] = []) throws(RenderError) -> IndexedPNG {
        try IndexedPNG(width: width, height: height, argb: pixels, colorCount: colorCount, keeping: keeping)
    }

    /// Writes the thumbnail as an indexed-colour PNG to `path`, atomically, `keeping` colours
    /// exactly (a figure's path and marker colours).
    public func write(to path: String, keeping: [RGB] = []) throws {
        try png(keeping: keeping).write(to: path)
    }

    /// For each of `n` output pixels along an axis of `m` source pixels, the source pixels it
    /// covers and the share of its width each covers (summing to 1).
    static func weights(from m: Int, to n: Int) -> [[(Int, Float)]] {
        let scale = Double(m) / Double(n)
        return (0..<n).map { i in
            let lo = Double(i) * scale, hi = Double(i + 1) * scale
            var taps: [(Int, Float)] = []
            var s = Int(lo)
            while Double(s) < hi && s < m {
                let cover = min(hi, Double(s + 1)) - max(lo, Double(s))
                if cover > 0 { taps.append((s, Float(cover / scale))) }
                s += 1
            }
            return taps
        }
    }
}
