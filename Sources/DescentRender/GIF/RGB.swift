/// Straight (not premultiplied) 8-bit sRGB colour: what a GIF palette entry holds.
public struct RGB: Hashable, Sendable {
    public var r: UInt8
    public var g: UInt8
    public var b: UInt8

    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
        self.r = r
        self.g = g
        self.b = b
    }

    /// Converts one Cairo ARGB32 word (premultiplied alpha, `0xAARRGGBB` as a native-endian
    /// `UInt32`) to straight RGB. This is the only place the conversion is done.
    ///
    /// What is done with alpha: the colour is *un-premultiplied* (`c · 255 / a`, rounded to
    /// nearest) and the alpha is then dropped, because a GIF pixel is either opaque or the single
    /// transparent index (which the writer reserves for "unchanged from the previous frame").
    /// A translucent pixel therefore shows its own colour at full opacity; it is deliberately
    /// *not* composited over white (or any backdrop), which would invent a colour the drawing
    /// never asked for. Numerical traps handled here:
    /// - `a == 0`: the premultiplied channels carry no hue (they are 0 in valid data); the result
    ///   is black rather than a division by zero.
    /// - `c > a` is impossible in valid premultiplied data but can come from a foreign buffer;
    ///   the quotient is clamped to 255 instead of wrapping.
    /// - Un-premultiplying is lossy at low alpha (only `a + 1` distinct levels survive per
    ///   channel); that loss happened when the pixel was premultiplied and cannot be undone.
    /// - `a == 255` is exact and is the common case (Cairo frames over an opaque background).
    @inline(__always)
    public init(premultipliedARGB32 word: UInt32) {
        let a = word >> 24
        let pr = (word >> 16) & 0xFF
        let pg = (word >> 8) & 0xFF
        let pb = word & 0xFF
        switch a {
        case 255:
            self.init(UInt8(pr), UInt8(pg), UInt8(pb))
        case 0:
            self.init(0, 0, 0)
        default:
            let half = a / 2
            self.init(
                UInt8(min(255, (pr * 255 + half) / a)),
                UInt8(min(255, (pg * 255 + half) / a)),
                UInt8(min(255, (pb * 255 + half) / a)))
        }
    }

    /// The colour packed as `0x00RRGGBB`: a compact, order-preserving key.
    @inline(__always)
    var packed: UInt32 { UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b) }

    /// Inverse of `packed`; the top byte is ignored.
    @inline(__always)
    init(packed: UInt32) {
        self.init(UInt8(truncatingIfNeeded: packed >> 16), UInt8(truncatingIfNeeded: packed >> 8),
                  UInt8(truncatingIfNeeded: packed))
    }

    /// Squared Euclidean distance in 8-bit sRGB: the metric of the nearest-colour lookup.
    /// Plain (unweighted) so that it is symmetric and exact in integers; at most 3 · 255², which
    /// fits comfortably in `Int`.
    @inline(__always)
    func squaredDistance(to other: RGB) -> Int {
        let dr = Int(r) - Int(other.r)
        let dg = Int(g) - Int(other.g)
        let db = Int(b) - Int(other.b)
        return dr * dr + dg * dg + db * db
    }

    /// `self` drawn at opacity `alpha` (0…1) over `backdrop`, rounded to nearest: the colour an
    /// anti-aliased or fading stroke of `self` leaves on an opaque `backdrop` pixel.
    func blended(over backdrop: RGB, alpha: Double) -> RGB {
        func mix(_ top: UInt8, _ bottom: UInt8) -> UInt8 {
            let value = alpha * Double(top) + (1 - alpha) * Double(bottom)
            return UInt8(min(255, max(0, value.rounded())))
        }
        return RGB(mix(r, backdrop.r), mix(g, backdrop.g), mix(b, backdrop.b))
    }
}
