import CZlib
import DescentBase

/// A palette (indexed-colour) PNG encoder: colour type 3, bit depth 8, one `PLTE` of at most
/// 256 entries, the rows unfiltered (filter type 0, as the PNG specification recommends for
/// palette images) and deflated by zlib at its best compression in one `IDAT`. Byte-identical
/// output for identical input (no time stamps, no text chunks).
public struct IndexedPNG: Sendable {
    public let width: Int
    public let height: Int
    public let palette: [RGB]
    /// One palette index per pixel, row by row.
    public let indices: [UInt8]

    /// An image of `indices` into `palette` (1…256 colours, every index within it).
    public init(width: Int, height: Int, palette: [RGB], indices: [UInt8]) throws(RenderError) {
        guard width > 0, height > 0, indices.count == width * height else {
            throw .invalidSize("an indexed PNG of \(width)×\(height) needs \(width * height) indices, got \(indices.count)")
        }
        guard (1...256).contains(palette.count), indices.allSatisfy({ Int($0) < palette.count }) else {
            throw .invalidSize("an indexed PNG needs 1…256 palette colours covering every index")
        }
        self.width = width
        self.height = height
        self.palette = palette
        self.indices = indices
    }

    /// The image quantised: opaque ARGB32 `pixels` mapped to a palette of at most `colorCount`
    /// (≤ 255) entries fitted by `GIFPalette`: `keeping` exactly, then the image's own colours
    /// (exact when they fit, else the dominant ones exactly and median cut for the rest).
    public init(width: Int, height: Int, argb pixels: [UInt32], colorCount: Int = GIFPalette.maximumColorCount,
                keeping: [RGB] = []) throws(RenderError) {
        guard width > 0, height > 0, pixels.count == width * height else {
            throw .invalidSize("an image of \(width)×\(height) needs \(width * height) pixels, got \(pixels.count)")
        }
        var indices = [UInt8](repeating: 0, count: pixels.count)
        let palette = pixels.withUnsafeBytes { raw in
            let view = RasterView(base: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), width: width, height: height,
                                  stride: 4 * width)
            let palette = GIFPalette.fitted(background: view, overlayColors: keeping, alphaLevels: 1, colorCount: colorCount)
            var cache = NearestColorCache(palette: palette)
            indices.withUnsafeMutableBufferPointer { cache.map(raw.baseAddress!, count: pixels.count, into: $0.baseAddress!) }
            return palette
        }
        try self.init(width: width, height: height, palette: palette.colors, indices: indices)
    }

    /// The PNG file's bytes.
    public func encoded() throws(RenderError) -> [UInt8] {
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header += Self.bigEndian(UInt32(width)) + Self.bigEndian(UInt32(height))
        header += [8, 3, 0, 0, 0]  // bit depth 8, palette, deflate, filter method 0, no interlace
        Self.chunk("IHDR", header, into: &out)
        Self.chunk("PLTE", palette.flatMap { [$0.r, $0.g, $0.b] }, into: &out)
        var raw = [UInt8]()
        raw.reserveCapacity(height * (width + 1))
        for y in 0..<height {
            raw.append(0)  // filter type None
            raw += indices[(y * width)..<((y + 1) * width)]
        }
        Self.chunk("IDAT", try Self.deflate(raw), into: &out)
        Self.chunk("IEND", [], into: &out)
        return out
    }

    /// Writes the PNG to `path` atomically.
    public func write(to path: String) throws {
        let bytes = try encoded()
        try RenderError.writing(path) { try AtomicFile.write(bytes, to: path) }
    }

    static func deflate(_ data: [UInt8]) throws(RenderError) -> [UInt8] {
        var length = compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(length))
        let status = out.withUnsafeMutableBufferPointer { o in
            data.withUnsafeBufferPointer { i in compress2(o.baseAddress, &length, i.baseAddress, uLong(data.count), Z_BEST_COMPRESSION) }
        }
        guard status == Z_OK else { throw .invalidSize("zlib could not compress the image (status \(status))") }
        return Array(out.prefix(Int(length)))
    }

    static func chunk(_ type: String, _ data: [UInt8], into out: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        out += bigEndian(UInt32(data.count)) + typeBytes + data
        let body = typeBytes + data
        let crc = body.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
        out += bigEndian(UInt32(crc))
    }

    static func bigEndian(_ v: UInt32) -> [UInt8] { [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)] }
}
