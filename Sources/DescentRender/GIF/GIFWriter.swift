import DescentBase

/// Streams frames into an animated GIF through giflib, the way `gifsicle -O2` optimises them.
///
/// - One global palette (`GIFPalette`, fitted once per animation) plus one reserved index,
///   `palette.colors.count`, used as the transparent "unchanged" index.
/// - The first frame is written whole. Every later frame is compared with the previous one in
///   palette-index space, and only the bounding box of the pixels that changed is written; the
///   unchanged pixels inside the box become the transparent index (long runs of one index, which
///   LZW compresses to almost nothing). Every frame's disposal is DISPOSE_DO_NOT, so a decoder
///   keeps the previous frame under the box and the composed image equals the full frame.
/// - A frame identical to the previous one is written as a 1×1 transparent frame with its own
///   delay, so the frame count and every per-frame delay stay exactly as given (extending the
///   previous frame's delay instead would need that frame held back until the next one).
/// - Streaming: only the previous frame's palette indices (`width · height` bytes), two scratch
///   buffers of that size and the 2 MiB colour cache are kept, never the frames.
/// - Looping: a NETSCAPE2.0 application extension with `loopCount` (0 = forever).
/// - Atomic: the GIF is written to a temporary file beside `path` and renamed onto `path` by
///   `finish()`. A writer dropped without `finish()`, or one that hit an error, removes its
///   temporary file and leaves `path` untouched.
///
/// Errors are thrown as `GIFError`. An invalid argument to `addFrame` (wrong size, bad delay)
/// writes nothing and leaves the writer usable; a failure of giflib or the file system leaves it
/// failed (every later call throws `.writerClosed`) with its temporary file already removed.
/// Not thread-safe: one writer is driven by one task at a time.
public final class GIFWriter {
    /// The largest frame accepted, in pixels (8192 × 8192). A GIF may be 65535 × 65535, but the
    /// writer keeps three bytes per pixel and a frame of that size would need 12 GiB; past this
    /// limit `init` throws instead of failing to allocate.
    public static let maximumPixelCount = 1 << 26

    /// Where the finished GIF goes.
    public let path: String
    public let width: Int
    public let height: Int
    public let palette: GIFPalette
    /// The delay of frames added without their own.
    public let delayCentiseconds: Int
    /// Frames added so far.
    public private(set) var frameCount = 0

    private enum State {
        case writing(GIFEncoder, TemporaryFile)
        case finished
        case failed
    }

    private var state: State
    private let transparentIndex: UInt8
    private var cache: NearestColorCache
    /// The composed previous frame as palette indices, `width` per row.
    private var previous: [UInt8]
    /// The current frame's indices inside the compared region, `region.width` per row.
    private var current: [UInt8]
    /// The encoded rectangle, `box.width` per row.
    private var encoded: [UInt8]

    /// Creates the temporary file, and writes the header, the global colour table and the loop
    /// extension. Throws `GIFError` when a size, delay or loop count does not fit a GIF's 16-bit
    /// fields, or the file cannot be created (e.g. its directory does not exist).
    public init(path: String, width: Int, height: Int, palette: GIFPalette, delayCentiseconds: Int,
                loopCount: Int = 0) throws {
        let operation = "create the GIF"
        for (name, value, low) in [("width", width, 1), ("height", height, 1),
                                   ("delayCentiseconds", delayCentiseconds, 0), ("loopCount", loopCount, 0)]
        where !(low...0xFFFF).contains(value) {
            throw GIFError.invalid("\(name) \(value) is outside \(low)...65535", path: path, operation: operation)
        }
        guard width * height <= Self.maximumPixelCount else {
            throw GIFError.invalid("\(width)×\(height) is more than \(Self.maximumPixelCount) pixels",
                                   path: path, operation: operation)
        }
        self.path = path
        self.width = width
        self.height = height
        self.palette = palette
        self.delayCentiseconds = delayCentiseconds
        self.transparentIndex = UInt8(palette.colors.count)
        self.cache = NearestColorCache(palette: palette)
        self.previous = [UInt8](repeating: 0, count: width * height)
        self.current = [UInt8](repeating: 0, count: width * height)
        self.encoded = [UInt8](repeating: 0, count: width * height)

        let temporary: TemporaryFile, descriptor: Int32
        do { (temporary, descriptor) = try TemporaryFile.create(beside: path) } catch { throw GIFError(error) }
        do {
            let encoder = try GIFEncoder(descriptor: descriptor, path: path)
            state = .writing(encoder, temporary)
            try encoder.putScreen(width: width, height: height, colors: Self.colorTable(palette))
            try encoder.putLoop(count: loopCount)
        } catch {
            state = .failed  // drops the encoder, which closes the descriptor
            temporary.remove()
            throw error
        }
    }

    deinit {
        if case .writing(_, let temporary) = state {
            state = .failed  // closes the encoder before its file is unlinked
            temporary.remove()
        }
    }

    /// Adds a frame. `changed`, when given, is a promise that pixels outside it equal the
    /// previous frame's, so only that rectangle needs comparing (and quantising); it is clipped
    /// to the image. The first frame is always written whole. `delayCentiseconds` overrides the
    /// writer's delay for this frame (0...65535).
    public func addFrame(_ frame: RasterView, changed: Rect<Int>? = nil, delayCentiseconds: Int? = nil) throws {
        let number = frameCount + 1
        let operation = "add frame \(number)"
        guard case .writing(let encoder, let temporary) = state else {
            throw GIFError(path: path, operation: operation, reason: .writerClosed)
        }
        guard frame.isWellFormed, frame.width == width, frame.height == height else {
            throw GIFError.invalid(
                "the frame is \(frame.width)×\(frame.height) with stride \(frame.stride); "
                    + "the GIF is \(width)×\(height) and a row needs at least \(4 * width) bytes",
                path: path, operation: operation)
        }
        let delay = delayCentiseconds ?? self.delayCentiseconds
        guard (0...0xFFFF).contains(delay) else {
            throw GIFError.invalid("delayCentiseconds \(delay) is outside 0...65535", path: path, operation: operation)
        }
        if let changed, changed.width < 0 || changed.height < 0 {
            throw GIFError.invalid("the changed rectangle \(changed) has a negative side", path: path, operation: operation)
        }
        do {
            if frameCount == 0 {
                try encodeFirst(frame, delay: delay, encoder: encoder)
            } else {
                let region = (changed ?? frame.bounds).intersection(frame.bounds)
                try encodeChanges(frame, in: region, delay: delay, encoder: encoder, number: number)
            }
            frameCount = number
        } catch {
            fail(temporary)
            throw error
        }
    }

    /// Completes the file: writes the trailer, closes it, and renames the temporary file onto
    /// `path` (replacing what was there). Throws `GIFError` when no frame was added (a GIF
    /// without an image is not valid), or when closing or renaming fails; `path` is then left
    /// as it was.
    public func finish() throws {
        guard case .writing(let encoder, let temporary) = state else {
            throw GIFError(path: path, operation: "finish the GIF", reason: .writerClosed)
        }
        guard frameCount > 0 else {
            throw GIFError.invalid("no frame was added", path: path, operation: "finish the GIF")
        }
        do {
            try encoder.close()
            do { try temporary.commit() } catch { throw GIFError(error) }
            state = .finished
        } catch {
            fail(temporary)
            throw error
        }
    }

    private func fail(_ temporary: TemporaryFile) {
        state = .failed
        temporary.remove()
    }

    /// The GIF colour table: the palette, then the transparent index, padded with black to the
    /// next power of two (2 to 256 entries, the only sizes a GIF table has).
    private static func colorTable(_ palette: GIFPalette) -> [RGB] {
        var size = 2
        while size < palette.colors.count + 1 { size *= 2 }
        return palette.colors + Array(repeating: RGB(0, 0, 0), count: size - palette.colors.count)
    }

    private func encodeFirst(_ frame: RasterView, delay: Int, encoder: GIFEncoder) throws(GIFError) {
        encoded.withUnsafeMutableBufferPointer { indices in
            for y in 0..<height {
                cache.map(frame.row(y), count: width, into: indices.baseAddress! + y * width)
            }
        }
        // A copy, because giflib may rewrite the buffer it is given (see `GIFEncoder.putFrame`).
        previous.withUnsafeMutableBufferPointer { _ = $0.update(fromContentsOf: encoded) }
        try encoded.withUnsafeMutableBufferPointer { (pixels) throws(GIFError) in
            try encoder.putFrame(rect: frame.bounds, delayCentiseconds: delay, transparentIndex: nil,
                                 pixels: pixels.baseAddress!, number: 1)
        }
    }

    /// Quantises `region` of `frame`, finds the bounding box of the pixels whose index differs
    /// from the previous frame, and writes that box with unchanged pixels transparent.
    private func encodeChanges(_ frame: RasterView, in region: Rect<Int>, delay: Int, encoder: GIFEncoder,
                               number: Int) throws(GIFError) {
        let width = self.width
        let transparent = transparentIndex
        var changed: Rect<Int>? = nil
        current.withUnsafeMutableBufferPointer { currentBuffer in
            previous.withUnsafeBufferPointer { previousBuffer in
                let current = currentBuffer.baseAddress!, previous = previousBuffer.baseAddress!
                for row in 0..<region.height {
                    let y = region.y + row
                    let now = current + row * region.width
                    let before = previous + y * width + region.x
                    cache.map(frame.row(y).advanced(by: 4 * region.x), count: region.width, into: now)
                    guard let first = (0..<region.width).first(where: { now[$0] != before[$0] }) else { continue }
                    let last = (first..<region.width).last(where: { now[$0] != before[$0] })!
                    let run = Rect<Int>(x: region.x + first, y: y, width: last - first + 1, height: 1)
                    changed = changed.map { $0.union(run) } ?? run
                }
            }
        }
        let box: Rect<Int>
        if let changed {
            box = changed
            encoded.withUnsafeMutableBufferPointer { encodedBuffer in
                current.withUnsafeBufferPointer { currentBuffer in
                    previous.withUnsafeMutableBufferPointer { previousBuffer in
                        for row in 0..<box.height {
                            let y = box.y + row
                            let now = currentBuffer.baseAddress! + (y - region.y) * region.width + (box.x - region.x)
                            let before = previousBuffer.baseAddress! + y * width + box.x
                            let out = encodedBuffer.baseAddress! + row * box.width
                            for x in 0..<box.width {
                                let index = now[x]
                                out[x] = index == before[x] ? transparent : index
                                before[x] = index
                            }
                        }
                    }
                }
            }
        } else {
            // Nothing changed: a 1×1 transparent frame keeps the frame and its delay.
            encoded[0] = transparent
            box = Rect<Int>(x: 0, y: 0, width: 1, height: 1)
        }
        try encoded.withUnsafeMutableBufferPointer { (pixels) throws(GIFError) in
            try encoder.putFrame(rect: box, delayCentiseconds: delay, transparentIndex: Int(transparent),
                                 pixels: pixels.baseAddress!, number: number)
        }
    }
}
