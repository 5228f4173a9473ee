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

    /// Writes the figure to `path` as PNG (raster), SVG or PDF (vector, one point per pixel),
    /// atomically.
    public func write(to path: String, as format: FigureFormat) throws {
        try RenderError.writing(path) { try writeAtomically(to: path, as: format) }
    }

    private func writeAtomically(to path: String, as format: FigureFormat) throws {
        try AtomicFile.write(to: path) { temporary in
            switch format {
            case .png:
                try PNGFile.write(rasterize(), to: temporary)
            case .svg, .pdf:
                let surface = format == .svg
                    ? try CairoSurface.svg(path: temporary, width: width, height: height)
                    : try CairoSurface.pdf(path: temporary, width: width, height: height)
                let canvas = try Canvas(surface: surface)
                try FigureRenderer(figure: self, measuringWith: canvas).draw(on: canvas)
                try surface.finish()
                if format == .svg { try SVGIdentifiers.renumber(file: temporary) }
            }
        }
    }
}
