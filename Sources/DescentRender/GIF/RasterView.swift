import DescentBase

/// A borrowed view of an image in Cairo's ARGB32 layout: premultiplied alpha, native-endian
/// 32-bit words (`0xAARRGGBB` as a `UInt32`), rows `stride` bytes apart
/// (`cairo_image_surface_get_stride`).
///
/// The view does not own or copy the pixels: the caller keeps `base` valid, and at least
/// `height · stride` bytes long, for as long as the call it is passed to runs (flush the Cairo
/// surface first). Its geometry is checked where it is used (`GIFWriter.addFrame` throws on a
/// malformed view) because this initialiser cannot throw.
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

    /// True when the geometry can be read safely: positive sides and rows at least `4 · width`
    /// bytes apart (a smaller stride would make rows overlap, and the last row read past the end).
    public var isWellFormed: Bool {
        width > 0 && height > 0 && stride >= 4 * width
    }

    /// The whole image as a rectangle.
    public var bounds: Rect<Int> { Rect<Int>(x: 0, y: 0, width: width, height: height) }

    /// The ARGB32 word of pixel (`x`, `y`). Unchecked: callers stay within `bounds`. Loaded
    /// unaligned because nothing in the type promises a 4-byte aligned `base`.
    @inline(__always)
    func word(x: Int, y: Int) -> UInt32 {
        UnsafeRawPointer(base).loadUnaligned(fromByteOffset: y * stride + 4 * x, as: UInt32.self)
    }

    /// The start of row `y` as raw bytes. Unchecked, like `word(x:y:)`.
    @inline(__always)
    func row(_ y: Int) -> UnsafeRawPointer {
        UnsafeRawPointer(base + y * stride)
    }
}
