import DescentBase

/// One path of an animation with fading tails: its points in figure pixels and how it is
/// drawn (line, optional markers on the solid tail, the current-position marker).
struct TailTrack {
    /// The path in figure pixels (non-finite points are skipped).
    var pixels: [Point]
    var line: LineStyle
    /// Drawn at every point of the solid tail but the newest (nil for none).
    var tailMarker: Marker?
    var current: Marker

    /// The point shown in the frame of point `i`: a path shorter than the animation stays at
    /// its last point.
    func shown(_ i: Int) -> Int { min(i, pixels.count - 1) }

    /// How far the track's ink reaches around its points.
    var inkMargin: Double { max(current.inkRadius, tailMarker?.inkRadius ?? 0, line.inkWidth) + 2 }
}

/// The machinery of fading-tail animations, shared by `TailFrames` (one path) and
/// `RaceFrames` (several): frames produced one at a time into a single reused image.
///
/// The static figure's underlay is rendered once. For each frame, only small regions are
/// restored from the underlay and redrawn: per track whose shown point moved, the rectangle
/// of its previous and current tail; and the title's changed characters. Every track is
/// redrawn (clipped) where it reaches into a region, tails first in track order, then the
/// current-position markers, then the overlay (minimum markers, frame, legend) and the title.
/// The rectangle holding every region is reported as the frame's change.
final class FadingTails {
    let renderer: FigureRenderer
    let style: TailStyle
    let tracks: [TailTrack]
    let title: (Int) -> [String]
    /// The number of points of the longest track: frames run over 0..<pointCount.
    let pointCount: Int

    private let underlay: CairoSurface
    private let frame: CairoSurface
    private let canvas: Canvas

    /// Prepares the static layers of `figure`; `tracks` are built from its laid-out axes.
    init(figure: Figure, style: TailStyle, title: @escaping (Int) -> [String],
         tracks makeTracks: (Axes) -> [TailTrack]) throws {
        underlay = try CairoSurface.image(width: figure.width, height: figure.height)
        frame = try CairoSurface.image(width: figure.width, height: figure.height)
        let underCanvas = try Canvas(surface: underlay)
        renderer = FigureRenderer(figure: figure, measuringWith: underCanvas)
        renderer.drawUnderlay(on: underCanvas)
        try underCanvas.check("drawing the animation background")
        canvas = try Canvas(surface: frame)
        self.style = style
        self.title = title
        tracks = makeTracks(renderer.layout.axes).filter { !$0.pixels.isEmpty }
        pointCount = tracks.map(\.pixels.count).max() ?? 0
    }

    var width: Int { frame.width }
    var height: Int { frame.height }

    /// See `TailFrames.forEach`.
    func forEach(_ body: (RasterView, Rect<Int>?, Int) throws -> Void) throws {
        let full = Rect<Int>(x: 0, y: 0, width: width, height: height)
        var previous: Int? = nil
        var drawn: [Rect<Int>?] = []  // each track's tail and marker as the previous frame drew them
        var shownTitle: [String]? = nil
        for i in style.frameIndices(count: pointCount) {
            let lines = title(i)
            let damage = tracks.map { tailDamage($0, $0.shown(i)) }
            // The regions that change: per moved track, its old and new tail; the title's
            // changed characters. Only they are restored and redrawn.
            let regions: [Rect<Int>]
            if let shownTitle, let previous {
                let moved = tracks.indices.filter { tracks[$0].shown(i) != tracks[$0].shown(previous) }
                let tails = moved.compactMap { k in [drawn[k], damage[k]].compactMap { $0 }.reduce(nil) { $0?.union($1) ?? $1 } }
                regions = tails + [titleChange(from: shownTitle, to: lines)].compactMap { $0 }
            } else {
                regions = [full]
            }
            try draw(frame: i, title: lines, in: regions.map(Rect<Double>.init), on: canvas)
            // Nothing changed at all: one unchanged pixel stands for "no change".
            let changed = regions.reduce(nil) { $0?.union($1) ?? $1 } ?? Rect<Int>(x: 0, y: 0, width: 1, height: 1)
            try frame.withPixels { base, stride in
                try body(RasterView(base: base, width: width, height: height, stride: stride),
                         shownTitle == nil ? nil : changed, i)
            }
            drawn = damage
            previous = i
            shownTitle = lines
        }
    }

    /// Frame `i` drawn from scratch into a new image.
    func renderFrame(_ i: Int) throws -> CairoSurface {
        guard (0..<pointCount).contains(i) else {
            throw RenderError.invalidAnimation("no frame \(i) in a path of \(pointCount) points")
        }
        let surface = try CairoSurface.image(width: width, height: height)
        let c = try Canvas(surface: surface)
        try draw(frame: i, title: title(i), in: [Rect<Double>(x: 0, y: 0, width: Double(width), height: Double(height))], on: c)
        return surface
    }

    /// The static background as the first frame would show it without a path: underlay,
    /// overlay, no title. For fitting a palette.
    func withBackground<R>(_ body: (RasterView) throws -> R) throws -> R {
        let background = try CairoSurface.image(width: width, height: height)
        let c = try Canvas(surface: background)
        c.copy(from: underlay, in: Rect<Double>(x: 0, y: 0, width: Double(width), height: Double(height)))
        renderer.drawOverlay(on: c)
        try c.check("drawing the animation background")
        return try background.withPixels { base, stride in
            try body(RasterView(base: base, width: background.width, height: background.height, stride: stride))
        }
    }

    /// Writes the animation as a looping GIF to `path`: the palette is fitted once to the
    /// static background plus `overlayColors` exactly (with their blends), and each frame
    /// after the first is encoded as its changed rectangle only. `progress` gets (frames
    /// written, frames in all) after each frame.
    func writeGIF(to path: String, overlayColors: [Color], progress: (Int, Int) -> Void) throws {
        try RenderError.writing(path) { try encodeGIF(to: path, overlayColors: overlayColors, progress: progress) }
    }

    private func encodeGIF(to path: String, overlayColors: [Color], progress: (Int, Int) -> Void) throws {
        let overlay = overlayColors.map { c in
            let v = c.rgb8
            return RGB(v.r, v.g, v.b)
        }
        let palette = try withBackground { GIFPalette.fitted(background: $0, overlayColors: overlay) }
        let writer = try GIFWriter(path: path, width: width, height: height,
                                   palette: palette, delayCentiseconds: style.delayCentiseconds)
        let total = style.frameIndices(count: pointCount).count
        var written = 0
        try forEach { frame, changed, _ in
            try writer.addFrame(frame, changed: changed)
            written += 1
            progress(written, total)
        }
        try writer.finish()
    }

    /// Restores `regions` from the underlay, then draws frame `i`'s layers clipped to them.
    private func draw(frame i: Int, title lines: [String], in regions: [Rect<Double>], on canvas: Canvas) throws {
        for box in regions { canvas.copy(from: underlay, in: box) }
        canvas.withSavedState {
            canvas.clip(to: regions)
            drawTails(i, within: regions, on: canvas)
            renderer.drawOverlay(on: canvas, within: regions)
            renderer.drawTitle(lines, on: canvas, within: regions)
        }
        try canvas.check("drawing frame \(i)")
    }

    /// The segments whose alpha is positive in the frame of point `i`: indices k of point
    /// k−1 → point k.
    private func visibleSegments(_ i: Int) -> ClosedRange<Int>? {
        let first = max(1, i - style.tail - style.fade + 1)
        return first <= i ? first...i : nil
    }

    /// Every track's tail, then every track's current position, for the frame of point `i`,
    /// clipped to the axes and anti-aliased `.fast`: in a GIF the palette's quantisation
    /// hides the difference (compared at 4× zoom), and the frames take 9 % fewer
    /// instructions. Tracks whose ink cannot reach `regions` are skipped.
    private func drawTails(_ i: Int, within regions: [Rect<Double>], on canvas: Canvas) {
        let axes = renderer.layout.axes
        let visible = tracks.filter { track in
            guard let damage = tailDamage(track, track.shown(i)) else { return false }
            let box = Rect<Double>(damage)
            return regions.contains { $0.intersects(box) }
        }
        canvas.withSavedState {
            canvas.clip(to: axes.box)
            canvas.withAntialias(.fast) {
                for track in visible {
                    drawTail(track, track.shown(i), on: canvas)
                }
                for track in visible {
                    let clipper = SegmentClipper(bounds: axes.box.insetBy(-2 * track.line.inkWidth))
                    let p = track.pixels[track.shown(i)]
                    if p.isFinite && clipper.contains(p) { canvas.draw(track.current, at: p) }
                }
            }
        }
    }

    /// The fade as one line per run of segments sharing a (quantised) alpha, then the solid
    /// tail as one line: few strokes, clean joins in each run.
    private func drawTail(_ track: TailTrack, _ i: Int, on canvas: Canvas) {
        guard let segments = visibleSegments(i) else { return }
        let axes = renderer.layout.axes
        let clipper = SegmentClipper(bounds: axes.box.insetBy(-2 * track.line.inkWidth))
        let pixels = track.pixels
        let solidStart = max(segments.lowerBound, i - style.tail + 1)
        var k = segments.lowerBound
        while k < solidStart {
            let alpha = style.drawnAlpha(segment: k, frame: i)
            var end = k + 1
            while end < solidStart && style.drawnAlpha(segment: end, frame: i) == alpha { end += 1 }
            if alpha > 0 {
                canvas.stroke(clipper.clip(Array(pixels[(k - 1)..<end])), track.line.fading(to: alpha))
            }
            k = end
        }
        let solid = Array(pixels[(solidStart - 1)...i])
        canvas.stroke(clipper.clip(solid), track.line)
        if let marker = track.tailMarker {
            canvas.draw(marker, at: solid.dropLast().filter { $0.isFinite && clipper.contains($0) })
        }
    }

    /// The pixels `track` draws its path on in the frame of its point `i`: tail and markers,
    /// grown by the ink margins and cut to the axes (nothing of a path is drawn outside them).
    private func tailDamage(_ track: TailTrack, _ i: Int) -> Rect<Int>? {
        let axes = renderer.layout.axes
        let margin = track.inkMargin
        let first = visibleSegments(i).map { $0.lowerBound - 1 } ?? i
        guard let b = Rect<Double>.bounding(track.pixels[first...i].lazy.filter(\.isFinite)) else { return nil }
        let grown = b.insetBy(-margin)
        let x0 = max(grown.minX, axes.box.minX - margin), y0 = max(grown.minY, axes.box.minY - margin)
        let x1 = min(grown.maxX, axes.box.maxX + margin), y1 = min(grown.maxY, axes.box.maxY + margin)
        guard x1 > x0, y1 > y0 else { return nil }
        return Rect<Double>(x: x0, y: y0, width: x1 - x0, height: y1 - y0).pixelRect(within: width, height)
    }

    /// Where the title's pixels can differ between two frames. A line of unchanged width
    /// (the centred "Iteration: i/N" while i keeps its digit count; DejaVu's digits share one
    /// advance width) only changes between its common prefix and common suffix; a line that
    /// changes width changes wholly, old box and new.
    private func titleChange(from old: [String], to new: [String]) -> Rect<Int>? {
        let oldBoxes = renderer.titleLineBoxes(old, measuringWith: canvas)
        let newBoxes = renderer.titleLineBoxes(new, measuringWith: canvas)
        guard old.count == new.count else {
            return (oldBoxes + newBoxes).reduce(nil) { $0?.union($1) ?? $1 }?.insetBy(-2).pixelRect(within: width, height)
        }
        let font = renderer.figure.style.titleFont
        var change: Rect<Double>? = nil
        for n in new.indices where old[n] != new[n] {
            let a = Array(old[n]), b = Array(new[n])
            var box: Rect<Double>
            if oldBoxes[n].width == newBoxes[n].width && a.count == b.count {
                let prefix = zip(a, b).prefix { $0 == $1 }.count
                let suffix = min(zip(a.reversed(), b.reversed()).prefix { $0 == $1 }.count, b.count - prefix)
                let x0 = newBoxes[n].minX + canvas.measure(String(b[..<prefix]), font).width
                let x1 = newBoxes[n].minX + canvas.measure(String(b[..<(b.count - suffix)]), font).width
                box = Rect<Double>(x: x0, y: newBoxes[n].minY, width: x1 - x0, height: newBoxes[n].height)
            } else {
                box = oldBoxes[n].union(newBoxes[n])
            }
            box = box.insetBy(-2)
            change = change.map { $0.union(box) } ?? box
        }
        return change?.pixelRect(within: width, height)
    }
}
