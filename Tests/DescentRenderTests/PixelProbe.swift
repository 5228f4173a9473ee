import DescentBase

@testable import DescentRender

/// Reading pixels of an image surface as straight 8-bit RGBA, for image tests that compare
/// colours with a tolerance (never bytes of an encoded file).
struct PixelProbe {
    let surface: CairoSurface

    /// (r, g, b, a) of pixel (x, y), un-premultiplied.
    func rgba(_ x: Int, _ y: Int) -> (r: Int, g: Int, b: Int, a: Int) {
        let v = surface.pixel(x: x, y: y)
        let a = Int(v >> 24)
        guard a > 0 else { return (0, 0, 0, 0) }
        func c(_ shift: UInt32) -> Int { min(255, (Int((v >> shift) & 0xFF) * 255 + a / 2) / a) }
        return (c(16), c(8), c(0), a)
    }

    /// Whether pixel (x, y) is within `tolerance` of `color` in every channel.
    func matches(_ x: Int, _ y: Int, _ color: Color, tolerance: Int = 8) -> Bool {
        let p = rgba(x, y), e = color.rgb8
        return abs(p.r - Int(e.r)) <= tolerance && abs(p.g - Int(e.g)) <= tolerance && abs(p.b - Int(e.b)) <= tolerance
    }

    /// Whether a pixel within one of `p` (figure pixels) matches `color`: a line about two
    /// pixels wide may straddle pixels, and only those it covers wholly show its colour.
    func matchesNear(_ p: Point, _ color: Color, tolerance: Int = 10) -> Bool {
        (-1...1).contains { dy in (-1...1).contains { dx in matches(Int(p.x) + dx, Int(p.y) + dy, color, tolerance: tolerance) } }
    }

    /// Whether pixel (x, y) is mostly red: the seed's path colour, seaborn's deep red #C44E52
    /// (196, 78, 82), drawn solid or nearly so.
    func isReddish(_ x: Int, _ y: Int) -> Bool {
        let p = rgba(x, y)
        return p.r > 170 && p.g < 110 && p.b < 110 && p.r - p.g > 90
    }

    /// Every pixel of the rectangle.
    func all(in rect: Rect<Int>, _ predicate: (Int, Int) -> Bool) -> Bool {
        for y in rect.y..<(rect.y + rect.height) {
            for x in rect.x..<(rect.x + rect.width) where !predicate(x, y) { return false }
        }
        return true
    }

    /// Any pixel of the rectangle.
    func any(in rect: Rect<Int>, _ predicate: (Int, Int) -> Bool) -> Bool {
        !all(in: rect) { !predicate($0, $1) }
    }
}
