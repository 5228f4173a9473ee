import DescentBase
import CGif
import DescentRender

/// A GIF read back with giflib's `DGifSlurp`, for tests: the screen, the global colour table,
/// the loop count and every frame as stored, plus the frames composed the way a viewer shows
/// them (disposal and transparency applied).
struct DecodedGIF {
    struct Frame {
        var rect: Rect<Int>
        var delayCentiseconds: Int
        var disposal: Int32
        /// `nil` when the frame has no transparent index.
        var transparentIndex: Int?
        var indices: [UInt8]
        var localColors: [RGB]?
    }

    struct DecodeError: Error, CustomStringConvertible {
        var description: String
    }

    var width: Int
    var height: Int
    var colors: [RGB]
    var backgroundIndex: Int
    /// The NETSCAPE2.0 loop count, `nil` when the extension is absent.
    var loopCount: Int?
    var frames: [Frame]

    init(path: String) throws {
        var code: Int32 = 0
        guard let file = DGifOpenFileName(path, &code) else {
            throw DecodeError(description: "open \(path): giflib error \(code)")
        }
        defer { DGifCloseFile(file, &code) }
        guard DGifSlurp(file) == GIF_OK else {
            throw DecodeError(description: "DGifSlurp \(path): giflib error \(file.pointee.Error)")
        }
        let gif = file.pointee
        width = Int(gif.SWidth)
        height = Int(gif.SHeight)
        colors = Self.colors(gif.SColorMap)
        backgroundIndex = Int(gif.SBackGroundColor)
        loopCount = nil
        frames = []
        for i in 0..<Int(gif.ImageCount) {
            let image = gif.SavedImages[i]
            let desc = image.ImageDesc
            guard !desc.Interlace else { throw DecodeError(description: "frame \(i) is interlaced") }
            let blocks = (0..<Int(image.ExtensionBlockCount)).map { image.ExtensionBlocks[$0] }
            loopCount = loopCount ?? Self.loopCount(in: blocks)
            var control = GraphicsControlBlock()
            let hasControl = DGifSavedExtensionToGCB(file, Int32(i), &control) == GIF_OK
            let rect = Rect<Int>(x: Int(desc.Left), y: Int(desc.Top), width: Int(desc.Width), height: Int(desc.Height))
            frames.append(Frame(
                rect: rect,
                delayCentiseconds: hasControl ? Int(control.DelayTime) : 0,
                disposal: hasControl ? control.DisposalMode : DISPOSAL_UNSPECIFIED,
                transparentIndex: hasControl && control.TransparentColor != NO_TRANSPARENT_COLOR
                    ? Int(control.TransparentColor) : nil,
                indices: Array(UnsafeBufferPointer(start: image.RasterBits, count: rect.width * rect.height)),
                localColors: desc.ColorMap.map { _ in Self.colors(desc.ColorMap) }))
        }
        // An extension after the last image (not where a writer should put NETSCAPE2.0).
        if loopCount == nil {
            loopCount = Self.loopCount(in: (0..<Int(gif.ExtensionBlockCount)).map { gif.ExtensionBlocks[$0] })
        }
    }

    /// The frames as a viewer composes them, in RGB, all at once (small GIFs only; see
    /// `forEachComposedFrame` for large ones).
    func composedFrames() throws -> [[RGB]] {
        var result: [[RGB]] = []
        try forEachComposedFrame { _, frame in result.append(frame) }
        return result
    }

    /// Calls `body` with each frame number and the frame as a viewer composes it, in RGB, one
    /// frame held at a time: each frame is drawn over the canvas left by the previous one after
    /// that one's disposal (DISPOSE_BACKGROUND clears its rectangle to the background colour,
    /// DISPOSE_PREVIOUS restores what was under it, the others keep it). Transparent pixels leave
    /// the canvas as it was. Throws on an index outside the table or a frame outside the screen.
    func forEachComposedFrame(_ body: (Int, [RGB]) throws -> Void) throws {
        let background = colors.indices.contains(backgroundIndex) ? colors[backgroundIndex] : RGB(0, 0, 0)
        var canvas = [RGB](repeating: background, count: width * height)
        for (number, frame) in frames.enumerated() {
            let table = frame.localColors ?? colors
            let r = frame.rect
            guard r.x >= 0, r.y >= 0, r.x + r.width <= width, r.y + r.height <= height else {
                throw DecodeError(description: "frame \(number) at \(r) is outside \(width)×\(height)")
            }
            let before = frame.disposal == DISPOSE_PREVIOUS ? canvas : []
            for y in 0..<r.height {
                for x in 0..<r.width {
                    let index = Int(frame.indices[y * r.width + x])
                    if index == frame.transparentIndex { continue }
                    guard table.indices.contains(index) else {
                        throw DecodeError(description: "frame \(number) uses index \(index) of \(table.count)")
                    }
                    canvas[(r.y + y) * width + r.x + x] = table[index]
                }
            }
            try body(number, canvas)
            switch frame.disposal {
            case DISPOSE_BACKGROUND:
                for y in r.y..<(r.y + r.height) {
                    for x in r.x..<(r.x + r.width) { canvas[y * width + x] = background }
                }
            case DISPOSE_PREVIOUS:
                canvas = before
            default:
                break
            }
        }
    }

    /// One line per composed frame, `frame <n> <w>x<h> delay=<cs> crc32=<hex>`, after a header
    /// line: the format `decode_check.py` prints with Pillow, so two decoders can be diffed.
    func checksumLines() throws -> [String] {
        var lines = ["gif \(width)x\(height) frames=\(frames.count) loop=\(loopCount.map(String.init) ?? "none")"]
        try forEachComposedFrame { number, frame in
            var crc = CRC32()
            crc.update(frame)
            let hex = String(crc.value, radix: 16)
            lines.append("frame \(number) \(width)x\(height) delay=\(frames[number].delayCentiseconds) crc32="
                         + String(repeating: "0", count: 8 - hex.count) + hex)
        }
        return lines
    }

    private static func colors(_ map: UnsafeMutablePointer<ColorMapObject>?) -> [RGB] {
        guard let map else { return [] }
        return (0..<Int(map.pointee.ColorCount)).map {
            let c = map.pointee.Colors[$0]
            return RGB(c.Red, c.Green, c.Blue)
        }
    }

    /// Finds NETSCAPE2.0 (an application block followed by a continuation `[1, lo, hi]`).
    private static func loopCount(in blocks: [ExtensionBlock]) -> Int? {
        for (i, block) in blocks.enumerated() where block.Function == APPLICATION_EXT_FUNC_CODE {
            let identifier = String(decoding: UnsafeBufferPointer(start: block.Bytes, count: Int(block.ByteCount)),
                                    as: UTF8.self)
            guard identifier == "NETSCAPE2.0", i + 1 < blocks.count else { continue }
            let data = blocks[i + 1]
            guard data.Function == CONTINUE_EXT_FUNC_CODE, data.ByteCount == 3, data.Bytes[0] == 1 else { continue }
            return Int(data.Bytes[1]) | Int(data.Bytes[2]) << 8
        }
        return nil
    }
}
