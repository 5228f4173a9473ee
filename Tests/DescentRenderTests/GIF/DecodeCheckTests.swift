import DescentRender
import Foundation
import Testing

@Suite("Checksums shared with decode_check.py")
struct DecodeCheckTests {
    @Test("CRC-32 matches zlib's check value")
    func crcCheckValue() {
        // "123456789" as the colours (49,50,51) (52,53,54) (55,56,57): zlib.crc32 gives cbf43926.
        var crc = CRC32()
        crc.update([RGB(49, 50, 51), RGB(52, 53, 54), RGB(55, 56, 57)])
        #expect(crc.value == 0xCBF4_3926)
    }

    /// `DESCENT_GIF_CHECKSUMS=file.gif swift test --filter DecodeCheckTests` prints the lines to
    /// diff with `python3 Tests/DescentRenderTests/GIF/decode_check.py file.gif`.
    @Test("Print per-frame checksums of a GIF",
          .enabled(if: ProcessInfo.processInfo.environment["DESCENT_GIF_CHECKSUMS"] != nil))
    func printChecksums() throws {
        let path = try #require(ProcessInfo.processInfo.environment["DESCENT_GIF_CHECKSUMS"])
        let lines = try DecodedGIF(path: path).checksumLines()
        #expect(lines.count > 1)
        print(lines.joined(separator: "\n"))
    }
}
