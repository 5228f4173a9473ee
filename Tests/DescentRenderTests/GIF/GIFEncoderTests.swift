import DescentBase
import CGif
@testable import DescentRender
import Foundation
import Testing

@Suite("GIFEncoder: giflib handle and errors")
struct GIFEncoderTests {
    @Test("A giflib failure becomes a GIFError naming the file and giflib's message")
    func giflibErrorIsThrown() throws {
        try Self.withEncoder { encoder, path, _ in
            let colors = [RGB(0, 0, 0), RGB(255, 255, 255)]
            try encoder.putScreen(width: 2, height: 2, colors: colors)
            // A second screen descriptor is refused by giflib (E_GIF_ERR_HAS_SCRN_DSCR).
            let error = try #require(throws: GIFError.self) { try encoder.putScreen(width: 2, height: 2, colors: colors) }
            let message = String(cString: GifErrorString(E_GIF_ERR_HAS_SCRN_DSCR))
            #expect(error == GIFError(path: path, operation: "write the screen descriptor",
                                      reason: .giflib(code: E_GIF_ERR_HAS_SCRN_DSCR, message: message)))
            #expect(error.description.contains(path) && error.description.contains(message))
        }
    }

    @Test("After close() every call throws writerClosed instead of touching a freed handle")
    func closedEncoder() throws {
        try Self.withEncoder { encoder, path, temporary in
            try encoder.putScreen(width: 1, height: 1, colors: [RGB(0, 0, 0), RGB(1, 1, 1)])
            var pixel: UInt8 = 0
            try encoder.putFrame(rect: Rect<Int>(x: 0, y: 0, width: 1, height: 1), delayCentiseconds: 0,
                                 transparentIndex: nil, pixels: &pixel, number: 1)
            try encoder.close()
            #expect(throws: GIFError(path: path, operation: "close the GIF", reason: .writerClosed)) { try encoder.close() }
            #expect(throws: GIFError.self) { try encoder.putLoop(count: 0) }
            #expect(try DecodedGIF(path: temporary.path).frames.count == 1)
        }
    }

    /// Calls `body` with an encoder writing a temporary file for `<fresh directory>/out.gif`,
    /// the destination path, and the temporary file; removes both afterwards.
    static func withEncoder(_ body: (GIFEncoder, String, TemporaryFile) throws -> Void) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("out.gif")
        let (temporary, descriptor) = try TemporaryFile.create(beside: path)
        defer { temporary.remove() }
        try body(try GIFEncoder(descriptor: descriptor, path: path), path, temporary)
    }
}
