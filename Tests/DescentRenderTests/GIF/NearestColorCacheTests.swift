@testable import DescentRender
import Testing

@Suite("NearestColorCache")
struct NearestColorCacheTests {
    @Test("Cached answers equal the exhaustive search, for opaque and translucent words, in any order")
    func matchesExhaustiveSearch() throws {
        let entries: [RGB] = (0..<200).map { (i: Int) -> RGB in RGB(UInt8(i), UInt8(255 - i), UInt8((i * 7) % 256)) }
        let palette = try #require(GIFPalette(colors: entries))
        var cache = NearestColorCache(palette: palette)
        var state: UInt32 = 99
        var words: [UInt32] = []
        for _ in 0..<20_000 {
            state = state &* 1_664_525 &+ 1_013_904_223
            // Half opaque; the rest any alpha (malformed premultiplied values included).
            words.append(state & 1 == 0 ? 0xFF00_0000 | state >> 8 : state)
        }
        // Each word twice, the second time from the table (or after an eviction).
        words += words.reversed()
        var indices = [UInt8](repeating: 0, count: words.count)
        words.withUnsafeBytes { source in
            indices.withUnsafeMutableBufferPointer { cache.map(source.baseAddress!, count: words.count, into: $0.baseAddress!) }
        }
        let wrong = zip(words, indices).filter { Int($1) != palette.nearestIndex(to: RGB(premultipliedARGB32: $0)) }
        #expect(wrong.isEmpty, "\(wrong.count) wrong, first \(wrong.prefix(3))")
    }

    @Test("Palette entries map to themselves")
    func entriesAreExact() throws {
        let black = RGB(0, 0, 0), navy = RGB(0, 0, 40), red = RGB(255, 0, 0)
        let palette = try #require(GIFPalette(colors: [navy, red, black]))
        var cache = NearestColorCache(palette: palette)
        let words: [UInt32] = [0xFF00_0000, 0xFF00_0028, 0xFFFF_0000, 0xFF00_0001]
        var indices = [UInt8](repeating: 9, count: 4)
        words.withUnsafeBytes { source in
            indices.withUnsafeMutableBufferPointer { cache.map(source.baseAddress!, count: 4, into: $0.baseAddress!) }
        }
        #expect(indices == [2, 0, 1, 2])
    }
}
