import DescentBase
import DescentRender

/// A test image in Cairo's ARGB32 layout (premultiplied, native-endian words), with rows padded
/// past `4 · width` bytes so that every reader is exercised with a stride that is not the width.
struct TestRaster {
    let width: Int
    let height: Int
    /// Words per row; `stride / 4`.
    let rowWords: Int
    private(set) var words: [UInt32]

    var stride: Int { rowWords * 4 }

    init(width: Int, height: Int, padding: Int = 3, fill background: UInt32 = 0xFFFF_FFFF) {
        self.width = width
        self.height = height
        self.rowWords = width + padding
        // Padding words get a colour no test draws, so reading them would show up as a wrong pixel.
        self.words = [UInt32](repeating: 0xFF12_3456, count: rowWords * height)
        fill(Rect<Int>(x: 0, y: 0, width: width, height: height), with: background)
    }

    subscript(x: Int, y: Int) -> UInt32 {
        get { words[y * rowWords + x] }
        set { words[y * rowWords + x] = newValue }
    }

    /// An opaque ARGB32 word for `color`.
    static func opaque(_ color: RGB) -> UInt32 {
        0xFF00_0000 | UInt32(color.r) << 16 | UInt32(color.g) << 8 | UInt32(color.b)
    }

    mutating func fill(_ rect: Rect<Int>, with word: UInt32) {
        for y in rect.y..<(rect.y + rect.height) {
            for x in rect.x..<(rect.x + rect.width) { self[x, y] = word }
        }
    }

    /// Calls `body` with a `RasterView` of these pixels.
    func withView<R>(_ body: (RasterView) throws -> R) rethrows -> R {
        try words.withUnsafeBytes { bytes in
            try body(RasterView(base: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                width: width, height: height, stride: stride))
        }
    }

    /// What the GIF should show for this frame: every pixel's nearest palette colour, computed
    /// the slow, exhaustive way (no cache), row by row.
    func paletteImage(_ palette: GIFPalette) -> [RGB] {
        var image: [RGB] = []
        image.reserveCapacity(width * height)
        for y in 0..<height {
            for x in 0..<width {
                image.append(palette.colors[palette.nearestIndex(to: RGB(premultipliedARGB32: self[x, y]))])
            }
        }
        return image
    }
}
