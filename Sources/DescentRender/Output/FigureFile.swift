import DescentBase

/// The file formats of still figures.
public enum FigureFormat: String, CaseIterable, Sendable {
    case png, svg, pdf
}

extension Figure {
    /// Renders the figure into an ARGB32 image surface.
    public func rasterize() throws -> CairoSurface {
        let surface = try CairoSurface.image(width: width, height: height)
        let canvas = try Canvas(surface: surface)
        try FigureRenderer(figure: self, measuringWith: canvas).draw(on: canvas)
        return surface
    }

    /// Points per figure pixel in a vector document at the figure's true size: 72 / dpi (0.72
    /// for an 800-pixel figure at 100 dpi, so its page is 576 × 576 points, 8 × 8 inches, as
    /// matplotlib's `savefig` of an 8-inch figure).
    public var pointsPerPixel: Double { 72 / style.dpi }

    /// Writes the figure to `path` as PNG (raster), SVG or PDF (vector, at its true size:
    /// pixels × 72 / dpi points), atomically. With `thumbnail`, a PNG's `Thumbnail` (240 pixels
    /// on the long side, indexed colour) is written there too, from the same raster.
    public func write(to path: String, as format: FigureFormat, thumbnail: String? = nil) throws {
        try RenderError.writing(path) { try writeAtomically(to: path, as: format, thumbnail: thumbnail) }
    }

    /// The opaque colours of the figure's paths and markers, in order, each once: what its
    /// thumbnail's palette keeps exactly.
    public var keyColors: [RGB] {
        var seen = Set<RGB>()
        let colors = paths.map(\.line.color) + markers.flatMap { [$0.marker.fill, $0.marker.edge] }
        return colors.filter { $0.alpha == 1 }.map { c in let v = c.rgb8; return RGB(v.r, v.g, v.b) }
            .filter { seen.insert($0).inserted }
    }

    /// Writes the figure as `write(to:as:)` does and, for a PNG, its thumbnail beside it at
    /// `Thumbnail.fileName(for: path)` (`X.png` → `X.thumb.png`).
    public func writeWithThumbnail(to path: String, as format: FigureFormat) throws {
        try write(to: path, as: format, thumbnail: format == .png ? Thumbnail.fileName(for: path) : nil)
    }

    private func writeAtomically(to path: String, as format: FigureFormat, thumbnail: String?) throws {
        switch format {
        case .png:
            let raster = try rasterize()
            try AtomicFile.write(to: path) { temporary in try PNGFile.write(raster, to: temporary) }
            if let thumbnail { try Thumbnail(raster).write(to: thumbnail, keeping: keyColors) }
        case .svg, .pdf:
            try AtomicFile.write(to: path) { temporary in
                let k = pointsPerPixel
                let (w, h) = (Double(width) * k, Double(height) * k)
                let surface = format == .svg
                    ? try CairoSurface.svg(path: temporary, width: w, height: h)
                    : try CairoSurface.pdf(path: temporary, width: w, height: h)
                let canvas = try Canvas(surface: surface, scale: k)
                try FigureRenderer(figure: self, measuringWith: canvas).draw(on: canvas)
                try surface.finish()
                if format == .svg { try SVGIdentifiers.renumber(file: temporary) }
            }
        }
    }
}
