/// Memoised nearest-palette-entry lookup for Cairo ARGB32 words.
///
/// A direct-mapped table of 2^18 slots (2 MiB) keyed by the *whole* 32-bit word (a
/// multiplicative hash picks the slot; the slot stores the full word as its tag). A hit
/// therefore returns exactly what `GIFPalette.nearestIndex(to:)` returns for that word: unlike
/// a table indexed by 5 or 6 bits per channel, no two colours ever share an answer, so a palette
/// entry (text black, path red) always maps to itself. A miss converts the word
/// (`RGB(premultipliedARGB32:)`) and searches the palette exhaustively; collisions only cost a
/// repeated search, never a wrong answer, so the output does not depend on the order pixels
/// are looked up in.
///
/// Size: a rendered 800×800 figure has tens of thousands of distinct words (anti-aliased text,
/// contour lines, blends). With 2^16 slots, comparing whole frames spent most of its time
/// re-searching colours evicted by collisions; 2^18 slots made that path about 2.5× faster.
/// Changed-rectangle frames touch few colours and barely notice the difference.
struct NearestColorCache {
    private static let slotBits = 18
    /// Slot layout: bits 0–31 the word, bit 32 "filled", bits 40–47 the palette index.
    private static let filled: UInt64 = 1 << 32
    private static let tagMask: UInt64 = (1 << 33) - 1

    let palette: GIFPalette
    private var slots: [UInt64]

    init(palette: GIFPalette) {
        self.palette = palette
        self.slots = [UInt64](repeating: 0, count: 1 << Self.slotBits)
    }

    /// Maps `count` consecutive ARGB32 words starting at `source` to palette indices in
    /// `destination`. Consecutive equal words (long runs in a rendered figure) skip the table.
    mutating func map(_ source: UnsafeRawPointer, count: Int, into destination: UnsafeMutablePointer<UInt8>) {
        guard count > 0 else { return }
        let palette = self.palette
        slots.withUnsafeMutableBufferPointer { table in
            var lastWord = source.loadUnaligned(as: UInt32.self)
            var lastIndex = Self.lookup(lastWord, in: table, palette: palette)
            for x in 0..<count {
                let word = source.loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self)
                if word != lastWord {
                    lastWord = word
                    lastIndex = Self.lookup(word, in: table, palette: palette)
                }
                destination[x] = lastIndex
            }
        }
    }

    @inline(__always)
    private static func lookup(_ word: UInt32, in table: UnsafeMutableBufferPointer<UInt64>, palette: GIFPalette) -> UInt8 {
        // Fibonacci hashing: the top bits of word · ⌊2^32/φ⌋ spread nearby colours apart.
        let slot = Int((word &* 0x9E37_79B1) >> UInt32(32 - slotBits))
        let entry = table[slot]
        let tag = UInt64(word) | filled
        if entry & tagMask == tag { return UInt8(truncatingIfNeeded: entry >> 40) }
        let index = UInt8(truncatingIfNeeded: palette.nearestIndex(to: RGB(premultipliedARGB32: word)))
        table[slot] = tag | UInt64(index) << 40
        return index
    }
}
