/// The frames of a path animation with a fading tail, produced one at a time into a single
/// reused image (never all in memory).
///
/// The static figure (underlay, then overlay) is rendered once. For each frame, only two
/// regions are restored from the underlay and redrawn — the previous and current tail and
/// marker, and the title's changed characters: the tail, the current position (red
/// diamond), the overlay (minimum markers, frame, legend, clipped so they stay on top) and
/// the title. The rectangle holding both regions is reported as the frame's change.
public final class TailFrames {
    public let renderer: FigureRenderer
    public let style: TailStyle
    /// The path in data coordinates (non-finite points are skipped).
    public let path: [PlotPoint]
    /// The title lines of the frame of point i.
    public let title: (Int) -> [String]

    private let underlay: CairoSurface
    private let frame: CairoSurface
    private let canvas: Canvas
    private let pixels: [PlotPoint]
    private let line: LineStyle
    private let cross: Marker
    private let current: Marker

    /// Prepares the static layers of `figure` (the animation figure of a `LandscapeScene`).
    public init(figure: Figure, path: [PlotPoint], style: TailStyle,
                title: @escaping (Int) -> [String]) throws {
        underlay = try CairoSurface.image(width: figure.width, height: figure.height)
        frame = try CairoSurface.image(width: figure.width, height: figure.height)
        let underCanvas = try Canvas(surface: underlay)
        renderer = FigureRenderer(figure: figure, measuringWith: underCanvas)
        renderer.drawUnderlay(on: underCanvas)
        try underCanvas.check("drawing the animation background")
        canvas = try Canvas(surface: frame)
        self.path = path
        self.style = style
        self.title = title
        pixels = path.map(renderer.layout.axes.pixel)
        let s = figure.style
        line = s.line(.red)
        cross = s.marker(.cross, .red)
        current = s.marker(.diamond, .red)
    }

    /// The frame of every `style.frameIndices`, in order: `body` gets the image (valid only
    /// during the call), the rectangle that differs from the previous frame (nil for the
    /// first frame: all of it), and the point index.
    public func forEach(_ body: (RasterView, PixelRect?, Int) throws -> Void) throws {
        let width = frame.width, height = frame.height
        var drawn: PixelRect? = nil  // the tail and marker the previous frame drew
        var shownTitle: [String]? = nil
        for i in style.frameIndices(count: path.count) {
            let lines = title(i)
            let damage = tailDamage(i)
            // Two regions change: the old and new tail, and the title's changed characters.
            // Only they are restored and redrawn; the rectangle reported holds both.
            let regions: [PixelRect]
            if let shownTitle {
                let tail = [drawn, damage].compactMap { $0 }.reduce(nil) { $0?.union($1) ?? $1 }
                regions = [tail, titleChange(from: shownTitle, to: lines)].compactMap { $0 }
            } else {
                regions = [PixelRect(x: 0, y: 0, width: width, height: height)]
            }
            try draw(frame: i, title: lines, in: regions.map(PixelBox.init), on: canvas)
            // Nothing changed at all: one unchanged pixel stands for "no change".
            let changed = regions.reduce(nil) { $0?.union($1) ?? $1 } ?? PixelRect(x: 0, y: 0, width: 1, height: 1)
            try frame.withPixels { base, stride in
                try body(RasterView(base: base, width: width, height: height, stride: stride),
                         shownTitle == nil ? nil : changed, i)
            }
            drawn = damage
            shownTitle = lines
        }
    }

    /// Frame `i` drawn from scratch into a new image (for a poster frame, or to check the
    /// incremental frames against).
    public func renderFrame(_ i: Int) throws -> CairoSurface {
        guard path.indices.contains(i) else { throw RenderError.invalidAnimation("no frame \(i) in a path of \(path.count) points") }
        let surface = try CairoSurface.image(width: frame.width, height: frame.height)
        let c = try Canvas(surface: surface)
        try draw(frame: i, title: title(i), in: [PixelBox(x: 0, y: 0, width: Double(frame.width), height: Double(frame.height))], on: c)
        return surface
    }

    /// Restores `regions` from the underlay, then draws frame `i`'s layers clipped to them.
    private func draw(frame i: Int, title lines: [String], in regions: [PixelBox], on canvas: Canvas) throws {
        for box in regions { canvas.copy(from: underlay, in: box) }
        canvas.withSavedState {
            canvas.clip(to: regions)
            drawTail(i, on: canvas)
            renderer.drawOverlay(on: canvas, within: regions)
            renderer.drawTitle(lines, on: canvas, within: regions)
        }
        try canvas.check("drawing frame \(i)")
    }

    /// The static background as the first frame would show it without a path: underlay,
    /// overlay, no title. For fitting a palette.
    public func withBackground<R>(_ body: (RasterView) throws -> R) throws -> R {
        let background = try CairoSurface.image(width: frame.width, height: frame.height)
        let c = try Canvas(surface: background)
        c.copy(from: underlay, in: PixelBox(x: 0, y: 0, width: Double(frame.width), height: Double(frame.height)))
        renderer.drawOverlay(on: c)
        try c.check("drawing the animation background")
        return try background.withPixels { base, stride in
            try body(RasterView(base: base, width: background.width, height: background.height, stride: stride))
        }
    }

    /// The segments whose alpha is positive in frame `i`: indices k of point k−1 → point k.
    private func visibleSegments(_ i: Int) -> ClosedRange<Int>? {
        let first = max(1, i - style.tail - style.fade + 1)
        return first <= i ? first...i : nil
    }

    /// The tail and current position of frame `i`, clipped to the axes and anti-aliased
    /// `.fast`: in a GIF the palette's quantisation hides the difference (compared at 4×
    /// zoom), and the frames take 9 % fewer instructions.
    private func drawTail(_ i: Int, on canvas: Canvas) {
        let axes = renderer.layout.axes
        let clipper = SegmentClipper(bounds: axes.box.insetBy(-2 * line.width))
        canvas.withSavedState {
            canvas.clip(to: axes.box)
            canvas.withAntialias(.fast) {
                if let segments = visibleSegments(i) {
                    // The fade as one line per run of segments sharing a (quantised) alpha,
                    // then the solid tail as one line: few strokes, clean joins in each run.
                    let solidStart = max(segments.lowerBound, i - style.tail + 1)
                    var k = segments.lowerBound
                    while k < solidStart {
                        let alpha = style.drawnAlpha(segment: k, frame: i)
                        var end = k + 1
                        while end < solidStart && style.drawnAlpha(segment: end, frame: i) == alpha { end += 1 }
                        if alpha > 0 {
                            var faded = line
                            faded.color.alpha = alpha
                            canvas.stroke(clipper.clip(Array(pixels[(k - 1)..<end])), faded)
                        }
                        k = end
                    }
                    let solid = Array(pixels[(solidStart - 1)...i])
                    canvas.stroke(clipper.clip(solid), line)
                    canvas.draw(cross, at: solid.dropLast().filter { $0.isFinite && clipper.contains($0) })
                }
                let p = pixels[i]
                if p.isFinite && clipper.contains(p) { canvas.draw(current, at: p) }
            }
        }
    }

    /// The pixels frame `i` draws its path on: tail and markers, grown by the ink margins
    /// and cut to the axes (nothing of the path is drawn outside them).
    private func tailDamage(_ i: Int) -> PixelRect? {
        let axes = renderer.layout.axes
        let margin = max(current.inkRadius, cross.inkRadius, line.width) + 2
        let first = visibleSegments(i).map { $0.lowerBound - 1 } ?? i
        guard let b = PixelBox.bounding(pixels[first...i].lazy.filter(\.isFinite)) else { return nil }
        let grown = b.insetBy(-margin)
        let x0 = max(grown.minX, axes.box.minX - margin), y0 = max(grown.minY, axes.box.minY - margin)
        let x1 = min(grown.maxX, axes.box.maxX + margin), y1 = min(grown.maxY, axes.box.maxY + margin)
        guard x1 > x0, y1 > y0 else { return nil }
        return PixelBox(x: x0, y: y0, width: x1 - x0, height: y1 - y0).pixelRect(within: frame.width, frame.height)
    }

    /// Where the title's pixels can differ between two frames. A line of unchanged width
    /// (the centred "Iteration: i/N" while i keeps its digit count; DejaVu's digits share one
    /// advance width) only changes between its common prefix and common suffix; a line that
    /// changes width changes wholly, old box and new.
    private func titleChange(from old: [String], to new: [String]) -> PixelRect? {
        let oldBoxes = renderer.titleLineBoxes(old, measuringWith: canvas)
        let newBoxes = renderer.titleLineBoxes(new, measuringWith: canvas)
        guard old.count == new.count else {
            return (oldBoxes + newBoxes).reduce(nil) { $0?.union($1) ?? $1 }?.insetBy(-2).pixelRect(within: frame.width, frame.height)
        }
        let font = renderer.figure.style.titleFont
        var change: PixelBox? = nil
        for n in new.indices where old[n] != new[n] {
            let a = Array(old[n]), b = Array(new[n])
            var box: PixelBox
            if oldBoxes[n].width == newBoxes[n].width && a.count == b.count {
                let prefix = zip(a, b).prefix { $0 == $1 }.count
                let suffix = min(zip(a.reversed(), b.reversed()).prefix { $0 == $1 }.count, b.count - prefix)
                let x0 = newBoxes[n].minX + canvas.measure(String(b[..<prefix]), font).width
                let x1 = newBoxes[n].minX + canvas.measure(String(b[..<(b.count - suffix)]), font).width
                box = PixelBox(x: x0, y: newBoxes[n].minY, width: x1 - x0, height: newBoxes[n].height)
            } else {
                box = oldBoxes[n].union(newBoxes[n])
            }
            box = box.insetBy(-2)
            change = change.map { $0.union(box) } ?? box
        }
        return change?.pixelRect(within: frame.width, frame.height)
    }
}
