import DescentRender
import Testing

@Suite("Premultiplied ARGB32 → straight RGB")
struct RGBConversionTests {
    @Test("Opaque words are read as 0xAARRGGBB in native byte order")
    func opaqueNativeEndian() {
        // Built through the bytes Cairo would store, not through the word, to pin the byte order.
        let word: UInt32 = 0xFF11_2233
        let bytes = withUnsafeBytes(of: word.littleEndian) { Array($0) }
        #expect(bytes == [0x33, 0x22, 0x11, 0xFF])  // what Cairo stores on a little-endian machine
        #expect(RGB(premultipliedARGB32: word) == RGB(0x11, 0x22, 0x33))
        #expect(RGB(premultipliedARGB32: 0xFF00_0000) == RGB(0, 0, 0))
        #expect(RGB(premultipliedARGB32: 0xFFFF_FFFF) == RGB(255, 255, 255))
    }

    @Test("Translucent pixels are un-premultiplied, rounded to nearest, not composited over white")
    func unpremultiplies() {
        // Pure red at alpha 128 is stored as (128, 128, 0, 0): straight red is 255, not pink.
        #expect(RGB(premultipliedARGB32: 0x8080_0000) == RGB(255, 0, 0))
        // 50 · 255 / 100 = 127.5 → 128; 25 · 255 / 100 = 63.75 → 64; 1 · 255 / 100 = 2.55 → 3.
        #expect(RGB(premultipliedARGB32: 0x6432_1901) == RGB(128, 64, 3))
        // Alpha 1: any non-zero channel un-premultiplies to full.
        #expect(RGB(premultipliedARGB32: 0x0101_0001) == RGB(255, 0, 255))
    }

    @Test("Every valid premultiplied value of an opaque colour at alpha a round-trips within rounding")
    func roundTrip() {
        for a in UInt32(1)...255 {
            for c in stride(from: UInt32(0), through: 255, by: 5) {
                let premultiplied = (c * a + 127) / 255
                let word = a << 24 | premultiplied << 16 | premultiplied << 8 | premultiplied
                let back = Int(RGB(premultipliedARGB32: word).r)
                // Premultiplying to a levels loses up to 255 / (2a) per channel; never more.
                #expect(abs(back - Int(c)) <= 255 / (2 * Int(a)) + 1, "a \(a) c \(c) → \(back)")
            }
        }
    }

    @Test("Zero alpha gives black and malformed channels above alpha clamp to 255")
    func edgeCases() {
        #expect(RGB(premultipliedARGB32: 0x0000_0000) == RGB(0, 0, 0))
        #expect(RGB(premultipliedARGB32: 0x00FF_FFFF) == RGB(0, 0, 0))
        #expect(RGB(premultipliedARGB32: 0x10FF_2008) == RGB(255, 255, 128))
    }
}
