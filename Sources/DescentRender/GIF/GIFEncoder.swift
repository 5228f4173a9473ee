import DescentBase
import CGif

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns one giflib encoder (`GifFileType *`) and turns each of its `GIF_ERROR` results into a
/// thrown `GIFError` with giflib's message. The handle is closed exactly once: by `close()`, or
/// by `deinit` when the encoder is dropped early (after an error, or a writer never finished).
final class GIFEncoder {
    /// The destination named in errors.
    let path: String
    private var file: UnsafeMutablePointer<GifFileType>?

    /// Takes ownership of `descriptor` (giflib wraps it in a `FILE *` and closes it); on failure
    /// the descriptor is closed here.
    init(descriptor: Int32, path: String) throws(GIFError) {
        self.path = path
        var code: Int32 = 0
        guard let file = EGifOpenFileHandle(descriptor, &code) else {
            #if canImport(Glibc)
            Glibc.close(descriptor)
            #else
            Darwin.close(descriptor)
            #endif
            throw .giflib(code, path: path, operation: "open the GIF encoder")
        }
        self.file = file
        // Extensions (delays, transparency, looping) need the GIF89a header, and giflib decides
        // the header when the screen descriptor is written, before it has seen any extension.
        EGifSetGifVersion(file, true)
    }

    deinit {
        if let file {
            var code: Int32 = 0
            EGifCloseFile(file, &code)
        }
    }

    /// Writes the header, the logical screen and the global colour table. `colors` must have a
    /// power-of-two count from 2 to 256 (a GIF colour table has no other sizes).
    func putScreen(width: Int, height: Int, colors: [RGB]) throws(GIFError) {
        let file = try openFile("write the screen descriptor")
        var entries = colors.map { GifColorType(Red: $0.r, Green: $0.g, Blue: $0.b) }
        guard let map = GifMakeMapObject(Int32(entries.count), &entries) else {
            throw .giflib(E_GIF_ERR_NOT_ENOUGH_MEM, path: path, operation: "make the colour table")
        }
        defer { GifFreeMapObject(map) }
        // giflib copies the map, so ours is freed above whatever happens.
        try check(EGifPutScreenDesc(file, Int32(width), Int32(height), 8, 0, map), "write the screen descriptor")
    }

    /// Writes the NETSCAPE2.0 application extension: `loopCount` repetitions, 0 = forever.
    func putLoop(count loopCount: Int) throws(GIFError) {
        let file = try openFile("write the loop extension")
        let operation = "write the loop extension"
        try check(EGifPutExtensionLeader(file, APPLICATION_EXT_FUNC_CODE), operation)
        var identifier = Array("NETSCAPE2.0".utf8)
        try check(EGifPutExtensionBlock(file, Int32(identifier.count), &identifier), operation)
        var data: [UInt8] = [1, UInt8(loopCount & 0xFF), UInt8(loopCount >> 8)]
        try check(EGifPutExtensionBlock(file, Int32(data.count), &data), operation)
        try check(EGifPutExtensionTrailer(file), operation)
    }

    /// Writes one frame: a Graphics Control Extension (delay, DISPOSE_DO_NOT so the frame stays
    /// under the next one, and the transparent index if any) and the image of `rect`, whose
    /// `rect.width · rect.height` indices are read row by row from `pixels`. giflib masks the
    /// indices in place to the table's bit depth (a no-op for valid indices), hence mutable.
    func putFrame(rect: Rect<Int>, delayCentiseconds: Int, transparentIndex: Int?,
                  pixels: UnsafeMutablePointer<UInt8>, number: Int) throws(GIFError) {
        let operation = "write frame \(number)"
        let file = try openFile(operation)
        var control = GraphicsControlBlock(
            DisposalMode: DISPOSE_DO_NOT, UserInputFlag: false, DelayTime: Int32(delayCentiseconds),
            TransparentColor: Int32(transparentIndex ?? Int(NO_TRANSPARENT_COLOR)))
        var extensionBytes = [UInt8](repeating: 0, count: 4)
        let length = EGifGCBToExtension(&control, &extensionBytes)
        try check(EGifPutExtension(file, GRAPHICS_EXT_FUNC_CODE, Int32(length), &extensionBytes), operation)
        try check(EGifPutImageDesc(file, Int32(rect.x), Int32(rect.y), Int32(rect.width), Int32(rect.height),
                                   false, nil), operation)
        try check(EGifPutLine(file, pixels, Int32(rect.width * rect.height)), operation)
    }

    /// Writes the trailer and closes the file. The handle is gone afterwards even if this throws
    /// (giflib frees it either way).
    func close() throws(GIFError) {
        let file = try openFile("close the GIF")
        self.file = nil
        var code: Int32 = 0
        guard EGifCloseFile(file, &code) == GIF_OK else {
            throw .giflib(code, path: path, operation: "close the GIF")
        }
    }

    private func openFile(_ operation: String) throws(GIFError) -> UnsafeMutablePointer<GifFileType> {
        guard let file else { throw GIFError(path: path, operation: operation, reason: .writerClosed) }
        return file
    }

    private func check(_ status: Int32, _ operation: String) throws(GIFError) {
        guard status == GIF_OK else {
            throw .giflib(file?.pointee.Error ?? 0, path: path, operation: operation)
        }
    }
}
