// STAND-IN for the GIF encoder that is written on another branch (Sources/DescentRender/GIF/).
// It has exactly the agreed API so that the animation path compiles and runs; it is a real
// but simple giflib writer (palette: overlay blends + most frequent background colours,
// nearest colour with a cache, changed rectangle encoded as a sub-image, no transparency).
// Delete this file when the real encoder lands.
import CGif
import Foundation

/// A view of Cairo ARGB32 pixels: premultiplied, native-endian, rows `stride` bytes apart.
public struct RasterView {
    public let base: UnsafePointer<UInt8>
    public let width: Int
    public let height: Int
    public let stride: Int

    public init(base: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int) {
        self.base = base
        self.width = width
        self.height = height
        self.stride = stride
    }

    /// The straight (un-premultiplied) 0xRRGGBB colour of pixel (x, y), composited on white.
    func rgb(_ x: Int, _ y: Int) -> UInt32 {
        let v = UnsafeRawPointer(base + y * stride + 4 * x).loadUnaligned(as: UInt32.self)
        let a = v >> 24
        if a == 255 { return v & 0xFF_FFFF }
        // Premultiplied over white: c + (255 − a).
        let r = min(255, ((v >> 16) & 0xFF) + 255 - a), g = min(255, ((v >> 8) & 0xFF) + 255 - a)
        let b = min(255, (v & 0xFF) + 255 - a)
        return r << 16 | g << 8 | b
    }
}

/// An 8-bit colour.
public struct RGB: Hashable, Sendable {
    public var r: UInt8
    public var g: UInt8
    public var b: UInt8
    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
        self.r = r
        self.g = g
        self.b = b
    }
}

/// A rectangle of whole pixels.
public struct PixelRect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The smallest rectangle holding both (as the real `PixelRect.union`).
    public func union(_ other: PixelRect) -> PixelRect {
        let x0 = min(x, other.x), y0 = min(y, other.y)
        let x1 = max(x + width, other.x + other.width), y1 = max(y + height, other.y + other.height)
        return PixelRect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}

/// A palette of at most 256 colours fitted once for an animation.
public struct GIFPalette {
    let colors: [RGB]

    /// The overlay colours blended on white at `alphaLevels` levels, then the background's
    /// most frequent colours.
    public static func fitted(background: RasterView, overlayColors: [RGB], alphaLevels: Int = 16) -> GIFPalette {
        var chosen: [RGB] = []
        var seen = Set<RGB>()
        func add(_ c: RGB) { if chosen.count < 256 && seen.insert(c).inserted { chosen.append(c) } }
        for c in overlayColors {
            for k in stride(from: max(1, alphaLevels - 1), through: 1, by: -1) {
                let a = Double(k) / Double(max(1, alphaLevels - 1))
                func mix(_ v: UInt8) -> UInt8 { UInt8((Double(v) * a + 255 * (1 - a)).rounded()) }
                add(RGB(mix(c.r), mix(c.g), mix(c.b)))
            }
        }
        var counts: [UInt32: Int] = [:]
        for y in 0..<background.height {
            for x in 0..<background.width { counts[background.rgb(x, y), default: 0] += 1 }
        }
        for (v, _) in counts.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
            add(RGB(UInt8(v >> 16), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)))
        }
        return GIFPalette(colors: chosen)
    }
}

/// Writes an animated GIF frame by frame (stand-in; see the file header).
public final class GIFWriter {
    private var file: UnsafeMutablePointer<GifFileType>?
    private let path: String
    private let temporaryPath: String
    private let width: Int
    private let height: Int
    private let palette: GIFPalette
    private let delay: Int
    private var cache: [UInt32: UInt8] = [:]
    private var line: [UInt8]

    public init(path: String, width: Int, height: Int, palette: GIFPalette, delayCentiseconds: Int, loopCount: Int = 0) throws {
        self.path = path
        temporaryPath = path + ".tmp-\(getpid())"
        self.width = width
        self.height = height
        self.palette = palette
        delay = delayCentiseconds
        line = [UInt8](repeating: 0, count: width)
        var error: Int32 = 0
        guard let f = EGifOpenFileName(temporaryPath, false, &error) else {
            throw RenderError.io(path: path, reason: String(cString: GifErrorString(error)))
        }
        file = f
        EGifSetGifVersion(f, true)
        var colors = palette.colors.map { GifColorType(Red: $0.r, Green: $0.g, Blue: $0.b) }
        while colors.count < 256 { colors.append(GifColorType(Red: 0, Green: 0, Blue: 0)) }
        let map = GifMakeMapObject(256, colors)
        defer { GifFreeMapObject(map) }
        try check(EGifPutScreenDesc(f, Int32(width), Int32(height), 8, 0, map))
        try check(EGifPutExtensionLeader(f, APPLICATION_EXT_FUNC_CODE))
        try check(EGifPutExtensionBlock(f, 11, Array("NETSCAPE2.0".utf8)))
        try check(EGifPutExtensionBlock(f, 3, [1, UInt8(loopCount & 0xFF), UInt8((loopCount >> 8) & 0xFF)]))
        try check(EGifPutExtensionTrailer(f))
    }

    deinit {
        if let f = file {
            var error: Int32 = 0
            EGifCloseFile(f, &error)
            unlink(temporaryPath)
        }
    }

    public func addFrame(_ frame: RasterView, changed: PixelRect? = nil, delayCentiseconds: Int? = nil) throws {
        guard let f = file else { throw RenderError.io(path: path, reason: "frame added after finish") }
        let r = changed ?? PixelRect(x: 0, y: 0, width: width, height: height)
        var gcb = GraphicsControlBlock(DisposalMode: DISPOSE_DO_NOT, UserInputFlag: false,
                                       DelayTime: Int32(delayCentiseconds ?? delay), TransparentColor: NO_TRANSPARENT_COLOR)
        var ext = [UInt8](repeating: 0, count: 4)
        let n = EGifGCBToExtension(&gcb, &ext)
        try check(EGifPutExtension(f, GRAPHICS_EXT_FUNC_CODE, Int32(n), ext))
        try check(EGifPutImageDesc(f, Int32(r.x), Int32(r.y), Int32(r.width), Int32(r.height), false, nil))
        for y in r.y..<(r.y + r.height) {
            for x in r.x..<(r.x + r.width) { line[x - r.x] = index(of: frame.rgb(x, y)) }
            try check(EGifPutLine(f, &line, Int32(r.width)))
        }
    }

    public func finish() throws {
        guard let f = file else { return }
        file = nil
        var error: Int32 = 0
        if EGifCloseFile(f, &error) == GIF_ERROR {
            unlink(temporaryPath)
            throw RenderError.io(path: path, reason: String(cString: GifErrorString(error)))
        }
        guard rename(temporaryPath, path) == 0 else {
            unlink(temporaryPath)
            throw RenderError.io(path: path, reason: String(cString: strerror(errno)))
        }
    }

    private func index(of rgb: UInt32) -> UInt8 {
        if let i = cache[rgb] { return i }
        let r = Int(rgb >> 16), g = Int((rgb >> 8) & 0xFF), b = Int(rgb & 0xFF)
        var best = 0, bestDistance = Int.max
        for (i, c) in palette.colors.enumerated() {
            let dr = r - Int(c.r), dg = g - Int(c.g), db = b - Int(c.b)
            let d = 2 * dr * dr + 4 * dg * dg + 3 * db * db
            if d < bestDistance { bestDistance = d; best = i }
        }
        cache[rgb] = UInt8(best)
        return UInt8(best)
    }

    private func check(_ status: Int32) throws {
        if status == GIF_ERROR {
            throw RenderError.io(path: path, reason: "giflib: \(String(cString: GifErrorString(file?.pointee.Error ?? 0)))")
        }
    }
}
