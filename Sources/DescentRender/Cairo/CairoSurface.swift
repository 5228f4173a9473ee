import Foundation
import CCairo

/// An owned Cairo surface: an ARGB32 image in memory, or an SVG or PDF document on disk.
/// The handle is destroyed in `deinit`.
public final class CairoSurface {
    /// The kind of surface, which decides how it is finished.
    public enum Kind: Sendable { case image, svg, pdf }

    let handle: OpaquePointer
    public let kind: Kind
    /// Size in pixels (image) or in the document's units (vector: points, rounded up).
    public let width: Int
    public let height: Int

    private init(handle: OpaquePointer, kind: Kind, width: Int, height: Int, what: String) throws(CairoError) {
        self.handle = handle
        self.kind = kind
        self.width = width
        self.height = height
        try CairoError.check(cairo_surface_status(handle), what)
    }

    deinit { cairo_surface_destroy(handle) }

    /// A blank (transparent) ARGB32 image of `width`×`height` pixels.
    public static func image(width: Int, height: Int) throws(CairoError) -> CairoSurface {
        let h = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(clamping: width), Int32(clamping: height))!
        return try CairoSurface(handle: h, kind: .image, width: width, height: height, what: "creating a \(width)×\(height) image")
    }

    /// An SVG document written to `path` as it is drawn, `width`×`height` points (its
    /// `width`/`height` attributes in `pt`, as matplotlib's SVGs); complete after `finish()`.
    public static func svg(path: String, width: Double, height: Double) throws(CairoError) -> CairoSurface {
        let h = cairo_svg_surface_create(path, width, height)!
        cairo_svg_surface_restrict_to_version(h, CAIRO_SVG_VERSION_1_1)
        cairo_svg_surface_set_document_unit(h, CAIRO_SVG_UNIT_PT)
        return try CairoSurface(handle: h, kind: .svg, width: Int(width.rounded(.up)), height: Int(height.rounded(.up)),
                                what: "creating \(path)")
    }

    /// The PDF creation date: `SOURCE_DATE_EPOCH` if set, else 2000-01-01 (ISO 8601, as Cairo takes it).
    static var pdfDate: String {
        let seconds = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) ?? 946_684_800
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date(timeIntervalSince1970: seconds))
    }

    /// A one-page PDF document of `width`×`height` points written to `path`; complete after
    /// `finish()`.
    public static func pdf(path: String, width: Double, height: Double) throws(CairoError) -> CairoSurface {
        let h = cairo_pdf_surface_create(path, width, height)!
        // Cairo stamps the current time into the document; a fixed date (SOURCE_DATE_EPOCH when
        // set, as reproducible builds do) keeps identical figures byte-identical.
        cairo_pdf_surface_set_metadata(h, CAIRO_PDF_METADATA_CREATE_DATE, Self.pdfDate)
        cairo_pdf_surface_set_metadata(h, CAIRO_PDF_METADATA_MOD_DATE, Self.pdfDate)
        return try CairoSurface(handle: h, kind: .pdf, width: Int(width.rounded(.up)), height: Int(height.rounded(.up)),
                                what: "creating \(path)")
    }

    /// An ARGB32 image read from the PNG file at `path`.
    public static func png(path: String) throws(CairoError) -> CairoSurface {
        let h = cairo_image_surface_create_from_png(path)!
        let width = Int(cairo_image_surface_get_width(h)), height = Int(cairo_image_surface_get_height(h))
        return try CairoSurface(handle: h, kind: .image, width: width, height: height, what: "reading \(path)")
    }

    /// Completes the surface (vector documents are flushed and closed).
    public func finish() throws(CairoError) {
        cairo_surface_finish(handle)
        try CairoError.check(cairo_surface_status(handle), "finishing a \(kind) surface")
    }

    // MARK: - Pixel access (image surfaces)

    /// Bytes per row of an image surface.
    public var stride: Int { Int(cairo_image_surface_get_stride(handle)) }

    /// Runs `body` on the image's pixels for reading, after flushing pending drawing.
    public func withPixels<R>(_ body: (UnsafePointer<UInt8>, _ stride: Int) throws -> R) rethrows -> R {
        precondition(kind == .image, "pixel access needs an image surface")
        cairo_surface_flush(handle)
        return try body(UnsafePointer(cairo_image_surface_get_data(handle)!), stride)
    }

    /// The 0xAARRGGBB value (premultiplied) of pixel (x, y) of an image surface.
    public func pixel(x: Int, y: Int) -> UInt32 {
        withPixels { base, stride in
            UnsafeRawPointer(base + y * stride + 4 * x).loadUnaligned(as: UInt32.self)
        }
    }
}
