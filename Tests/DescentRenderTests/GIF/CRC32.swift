import DescentRender

/// CRC-32 (IEEE 802.3, as zlib's `crc32`), for per-frame checksums that `decode_check.py` can
/// reproduce with Python's `zlib.crc32` in an independent decoder.
struct CRC32 {
    private static let table: [UInt32] = (0..<256).map { n in
        (0..<8).reduce(UInt32(n)) { c, _ in c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    }

    private(set) var value: UInt32 = 0

    /// Adds the bytes `r, g, b` of each colour, in order.
    mutating func update(_ colors: [RGB]) {
        var c = ~value
        for color in colors {
            for byte in [color.r, color.g, color.b] {
                c = Self.table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8)
            }
        }
        value = ~c
    }
}
