import DescentBase
import CCairo

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes image surfaces as PNG through libpng's simplified API with `PNG_IMAGE_FLAG_FAST`:
/// on Descent's figures this is 2–3× faster than `cairo_surface_write_to_png` (which
/// compresses harder) and the files come out smaller, because opaque figures are stored as
/// 8-bit RGB rather than RGBA.
public enum PNGFile {
    /// Writes `surface` (an image surface) to `path`; not atomic (see `AtomicFile`).
    /// Pixels that are not opaque are composited on white, as a viewer would show them.
    public static func write(_ surface: CairoSurface, to path: String) throws(RenderError) {
        let width = surface.width, height = surface.height
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        surface.withPixels { base, stride in
            rgb.withUnsafeMutableBufferPointer { buffer in
                var out = buffer.baseAddress!
                for y in 0..<height {
                    let row = UnsafeRawPointer(base + y * stride)
                    for x in 0..<width {
                        var v = row.loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self)
                        if v >> 24 != 255 {
                            // Premultiplied ARGB over white: c + (255 − a) per channel.
                            let lift = 255 - (v >> 24)
                            v = min(255, (v & 0xFF) + lift) | min(255, ((v >> 8) & 0xFF) + lift) << 8
                                | min(255, ((v >> 16) & 0xFF) + lift) << 16
                        }
                        out[0] = UInt8(truncatingIfNeeded: v)        // blue
                        out[1] = UInt8(truncatingIfNeeded: v >> 8)   // green
                        out[2] = UInt8(truncatingIfNeeded: v >> 16)  // red
                        out += 3
                    }
                }
            }
        }
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(width)
        image.height = UInt32(height)
        image.format = UInt32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_BGR)
        image.flags = UInt32(PNG_IMAGE_FLAG_FAST)
        errno = 0
        let ok = rgb.withUnsafeBytes { png_image_write_to_file(&image, path, 0, $0.baseAddress, Int32(width * 3), nil) }
        if ok == 0 {
            // libpng's stdio writer fails with errno set (ENOSPC on a full disk) and says only
            // "Write Error"; it has closed and removed the file by now, which keeps errno.
            let code = errno
            let message = withUnsafeBytes(of: image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            png_image_free(&image)
            throw .io(path: destination(of: path), reason: failureReason(libpng: message, errno: code, freeBytes: WriteFailure.freeBytes(beside: path)))
        }
    }

    /// Why a write failed, in words that say what to do: "no space left on device (the disk is
    /// full)" when `errno` is ENOSPC or the disk has no free bytes left, else libpng's message
    /// with the system's reason when there is one ("libpng: Write Error (Input/output error)").
    public static func failureReason(libpng message: String, errno code: Int32, freeBytes: UInt64?) -> String {
        WriteFailure.reason("libpng: \(message)", errno: code, freeBytes: freeBytes)
    }

    /// The file a temporary file of `TemporaryFile`'s scheme (`<folder>/.<name>.descent-<pid>.XXXXXX`)
    /// stands for, `<folder>/<name>` — the path an error should name, since the temporary file is
    /// gone by then — or `path` itself when it is not one.
    public static func destination(of path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { path[path.index(after: $0)...] } ?? path[...]
        guard name.hasPrefix("."), name.count > 7 else { return path }
        let head = name.dropLast(7)  // ".XXXXXX", mkstemp's
        guard name[head.endIndex] == ".", let marker = head.ranges(of: ".descent-").last,
              !head[marker.upperBound...].isEmpty, head[marker.upperBound...].allSatisfy({ $0.isASCII && $0.isNumber }),
              marker.lowerBound > head.index(after: head.startIndex)
        else { return path }
        return folder + head[head.index(after: head.startIndex)..<marker.lowerBound]
    }
}
