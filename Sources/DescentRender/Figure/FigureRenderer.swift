import DescentBase

/// Draws a laid-out `Figure` on a `Canvas`, in matplotlib's stacking order, as separate
/// passes so that an animation can draw the static ones once:
///
/// 1. underlay: background, grid, filled contours, contour lines, tick labels, colour bar;
/// 2. paths (clipped to the axes);
/// 3. overlay: markers (clipped to the axes), axes frame, legend;
/// 4. title.
public struct FigureRenderer: Sendable {
    public let figure: Figure
    public let layout: FigureLayout

    /// Lays `figure` out (text measured with `canvas`).
    public init(figure: Figure, measuringWith canvas: Canvas) {
        self.figure = figure
        layout = FigureLayout(figure, measuringWith: canvas)
    }

    private var style: FigureStyle { figure.style }
    private var axes: Axes { layout.axes }
    /// How far outside the axes clipped geometry may still reach (thick lines, markers).
    private var guardMargin: Double { 4 * style.px(style.markerSize) }

    /// Every pass, in order: the still figure.
    public func draw(on canvas: Canvas) throws(CairoError) {
        drawUnderlay(on: canvas)
        drawPaths(figure.paths, on: canvas)
        drawOverlay(on: canvas)
        drawTitle(figure.title, on: canvas)
        try canvas.check("drawing the figure")
    }

    /// Background, grid, contours, tick labels and colour bar.
    public func drawUnderlay(on canvas: Canvas) {
        canvas.paintOpaque(Rect<Double>(x: 0, y: 0, width: Double(figure.width), height: Double(figure.height)),
                           style.background)
        let box = axes.box
        canvas.withSavedState {
            canvas.clip(to: box)
            let grid = LineStyle(color: style.gridColor, width: style.px(style.gridWidth))
            for t in layout.xTicks {
                let x = FigureRenderer.snap(t.pixel)
                canvas.strokeSegment(Point(x, box.minY), Point(x, box.maxY), grid)
            }
            for t in layout.yTicks {
                let y = FigureRenderer.snap(t.pixel)
                canvas.strokeSegment(Point(box.minX, y), Point(box.maxX, y), grid)
            }
            if let filled = figure.filledContours {
                for band in filled.bands {
                    let polygons = band.polygons.map { $0.map(axes.pixel) }
                    canvas.fill(polygons: polygons, band.color)
                }
            }
            if let contours = figure.contours {
                let width = style.px(style.contourLineWidth)
                for level in contours.levels where !level.lines.isEmpty {
                    let lines = level.lines.map {
                        Polyline($0.points.map(axes.pixel), isClosed: $0.isClosed).simplified(tolerance: 1.0 / 9)
                    }
                    canvas.stroke(lines, LineStyle(color: level.color, width: width))
                }
            }
        }
        let font = style.tickFont
        let pad = style.px(style.tickPad)
        for t in layout.xTicks {
            canvas.text(t.label, at: Point(t.pixel, box.maxY + pad), font, anchor: TextAnchor(.center, .top))
        }
        for t in layout.yTicks {
            canvas.text(t.label, at: Point(box.minX - pad, t.pixel), font, anchor: TextAnchor(.right, .center))
        }
        drawColorBar(on: canvas)
        drawAxisLabels(on: canvas)
        if let note = figure.note {
            canvas.text(note, at: box.center, style.labelFont, anchor: TextAnchor(.center, .center))
        }
    }

    /// The x label under the tick labels, the y label reading upwards left of them.
    func drawAxisLabels(on canvas: Canvas) {
        let font = style.labelFont
        if !figure.xLabel.isEmpty {
            canvas.text(figure.xLabel, at: layout.xLabelAnchor, font, anchor: TextAnchor(.center, .top))
        }
        if !figure.yLabel.isEmpty {
            canvas.text(figure.yLabel, at: layout.yLabelAnchor, font, anchor: TextAnchor(.center, .bottom),
                        angle: -Double.pi / 2)
        }
    }

    /// Paths, clipped to the axes; the line first, then its markers.
    public func drawPaths(_ paths: [PathLayer], on canvas: Canvas) {
        canvas.withSavedState {
            canvas.clip(to: axes.box)
            for path in paths {
                let runs = axes.pixelRuns(path.points, margin: guardMargin)
                canvas.stroke(runs.filter { $0.points.count >= 2 }, path.line)
                if let marker = path.marker {
                    drawMarkers(path.points, marker, on: canvas)
                }
            }
        }
    }

    /// Markers of the figure (clipped to the axes), the axes frame, and the legend. With
    /// `regions`, only what reaches into them is drawn (the caller clips to them): an
    /// animation frame redraws the overlay over its small dirty regions only.
    public func drawOverlay(on canvas: Canvas, within regions: [Rect<Double>]? = nil) {
        func reaches(_ box: Rect<Double>) -> Bool { regions.map { $0.contains { $0.intersects(box) } } ?? true }
        canvas.withSavedState {
            canvas.clip(to: axes.box)
            for layer in figure.markers {
                drawMarkers(layer.points, layer.marker, on: canvas, within: regions)
            }
            drawPointLabels(on: canvas, within: regions)
        }
        let frame = LineStyle(color: style.frameColor, width: style.px(style.frameWidth))
        let inside = axes.box.insetBy(frame.width / 2 + 1)
        if reaches(axes.box.insetBy(-frame.width / 2 - 1)) && !(regions.map { $0.allSatisfy(inside.contains) } ?? false) {
            canvas.stroke(axes.box, frame)
        }
        if let legend = layout.legendBox, reaches(legend.insetBy(-2)) { drawLegend(on: canvas) }
    }

    /// The point labels where the layout placed them, over a white halo; with `regions`, only
    /// those whose text reaches into them.
    func drawPointLabels(on canvas: Canvas, within regions: [Rect<Double>]?) {
        for (label, origin) in layout.pointLabels {
            var font = style.tickFont
            font.color = label.color
            if let regions {
                let box = Canvas.textBox(canvas.measure(label.text, font), at: origin, anchor: TextAnchor(.left, .center))
                guard regions.contains(where: { $0.intersects(box.insetBy(-4)) }) else { continue }
            }
            canvas.text(label.text, at: origin, font, anchor: TextAnchor(.left, .center), halo: style.px(3))
        }
    }

    /// Markers at data points that fall near the axes (others are skipped, never clamped),
    /// and with `regions`, only those whose ink reaches into them.
    public func drawMarkers(_ points: [Point], _ marker: Marker, on canvas: Canvas, within regions: [Rect<Double>]? = nil) {
        let bounds = SegmentClipper(bounds: axes.box.insetBy(-guardMargin))
        let r = marker.inkRadius
        let visible = points.map(axes.pixel).filter { q in
            guard q.isFinite && bounds.contains(q) else { return false }
            let ink = Rect<Double>(x: q.x - r, y: q.y - r, width: 2 * r, height: 2 * r)
            return regions?.contains { $0.intersects(ink) } ?? true
        }
        canvas.draw(marker, at: visible)
    }

    /// The title lines, centred above the axes, the last line's baseline `titlePad` above it.
    /// Returns the box the text occupies.
    @discardableResult
    public func drawTitle(_ lines: [String], on canvas: Canvas) -> Rect<Double>? {
        drawTitle(lines, on: canvas, within: nil)
        return titleBox(lines, measuringWith: canvas)
    }

    /// The title lines that reach into `regions` (all of them without any).
    public func drawTitle(_ lines: [String], on canvas: Canvas, within regions: [Rect<Double>]?) {
        let font = style.titleFont
        for (line, baseline) in zip(lines, titleBaselines(lines.count)) {
            if let regions {
                let box = Canvas.textBox(canvas.measure(line, font), at: baseline, anchor: TextAnchor(.center, .baseline))
                guard regions.contains(where: { $0.intersects(box.insetBy(-2)) }) else { continue }
            }
            canvas.text(line, at: baseline, font, anchor: TextAnchor(.center, .baseline))
        }
    }

    /// The box the title lines occupy, without drawing them.
    public func titleBox(_ lines: [String], measuringWith canvas: Canvas) -> Rect<Double>? {
        titleLineBoxes(lines, measuringWith: canvas).reduce(nil) { $0?.union($1) ?? $1 }
    }

    /// The box of each title line, without drawing them.
    public func titleLineBoxes(_ lines: [String], measuringWith canvas: Canvas) -> [Rect<Double>] {
        let font = style.titleFont
        return zip(lines, titleBaselines(lines.count))
            .map { Canvas.textBox(canvas.measure($0, font), at: $1, anchor: TextAnchor(.center, .baseline)) }
    }

    /// The centred baseline point of each of `count` title lines (line spacing 1.2).
    private func titleBaselines(_ count: Int) -> [Point] {
        let lineHeight = 1.2 * style.titleFont.size
        let anchor = layout.titleAnchor
        return (0..<count).map { Point(anchor.x, anchor.y - Double(count - 1 - $0) * lineHeight) }
    }

    /// The legend box: white at 80 % opacity, grey edge, rounded corners; handle and label rows.
    public func drawLegend(on canvas: Canvas) {
        guard let box = layout.legendBox else { return }
        let f = style.legendFont
        canvas.roundedRect(box, radius: 0.2 * f.size, fill: Color.white.withAlpha(0.8),
                           edge: LineStyle(color: Color.grid.withAlpha(0.8), width: style.px(1)))
        for row in layout.legendRows {
            let c = row.handleCenter
            if let line = row.entry.line {
                canvas.strokeSegment(Point(c.x - row.handleLength / 2, c.y), Point(c.x + row.handleLength / 2, c.y), line)
            }
            if let marker = row.entry.marker { canvas.draw(marker, at: c) }
            canvas.text(row.entry.label, at: row.labelOrigin, f, anchor: TextAnchor(.left, .center))
        }
    }

    /// The colour bar: one equal-height rectangle per band (per level interval for line
    /// contours), frame, and level labels.
    func drawColorBar(on canvas: Canvas) {
        guard let bar = layout.colorBarBox else { return }
        let colors: [Color]
        if let filled = figure.filledContours {
            colors = filled.bands.map(\.color)
        } else if let contours = figure.contours {
            colors = contours.levels.dropLast().map(\.color)
        } else {
            return
        }
        let count = colors.count + 1
        for (k, color) in colors.enumerated() {
            let y0 = FigureLayout.colorBarPixel(level: k + 1, of: count, bar)
            let y1 = FigureLayout.colorBarPixel(level: k, of: count, bar)
            canvas.fill(Rect<Double>(x: bar.x, y: y0, width: bar.width, height: y1 - y0 + 0.5), color)
        }
        canvas.stroke(bar, LineStyle(color: style.frameColor, width: style.px(style.frameWidth)))
        let font = style.tickFont
        for t in layout.colorBarTicks {
            canvas.text(t.label, at: Point(bar.maxX + style.px(style.tickPad), t.pixel), font,
                        anchor: TextAnchor(.left, .center))
        }
    }

    /// The centre of the pixel nearest to `v`, so one-pixel lines stay crisp.
    static func snap(_ v: Double) -> Double { (v - 0.5).rounded() + 0.5 }
}
