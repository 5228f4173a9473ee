import DescentBase

/// Where everything of a `Figure` goes, in pixels: the axes box (matplotlib's subplot
/// parameters left 0.125, right 0.9, bottom 0.11, top 0.88), tick positions and labels, the
/// title block, the legend box and its rows, the colour bar. Computed once, before drawing;
/// text is measured with the canvas that will draw it.
public struct FigureLayout: Sendable {
    /// A tick: its data value, its pixel coordinate along the axis, and its label.
    public struct Tick: Hashable, Sendable {
        public var value: Double
        public var pixel: Double
        public var label: String
    }

    /// One legend row: its entry, where the handle is centred, and the label's left baseline.
    public struct LegendRow: Sendable {
        public var entry: LegendEntry
        public var handleCenter: Point
        public var handleLength: Double
        public var labelOrigin: Point
    }

    public let axes: Axes
    public let xTicks: [Tick]
    public let yTicks: [Tick]
    /// The bottom centre of the title block (its last line's descent sits here).
    public let titleAnchor: Point
    public let legendBox: Rect<Double>?
    public let legendRows: [LegendRow]
    public let colorBarBox: Rect<Double>?
    /// Each shown point label with the left-centre point of its text (labels of points outside
    /// the axes are left out).
    public let pointLabels: [(label: PointLabel, origin: Point)]
    public let colorBarTicks: [Tick]
    /// The top centre of the x-axis label (below the tick labels).
    public let xLabelAnchor: Point
    /// The right-hand centre of the y-axis label, which reads upwards left of the tick labels.
    public let yLabelAnchor: Point

    /// Lays `figure` out, measuring legend labels with `canvas`.
    public init(_ figure: Figure, measuringWith canvas: Canvas) {
        let s = figure.style
        let w = Double(figure.width), h = Double(figure.height)
        var axesBox = Rect<Double>(x: 0.125 * w, y: (1 - 0.88) * h, width: (0.9 - 0.125) * w, height: (0.88 - 0.11) * h)
        var barBox: Rect<Double>? = nil
        if figure.showsColorBar {
            // matplotlib's colorbar(): the axes gives up 15 % of its width plus a 5 % pad; aspect 20.
            let full = axesBox.width
            axesBox.width = full * (1 - 0.15 - 0.05)
            let barHeight = axesBox.height
            barBox = Rect<Double>(x: axesBox.maxX + 0.05 * full, y: axesBox.y, width: barHeight / 20, height: barHeight)
        }
        let axes = Axes(view: figure.view, box: axesBox, xScale: figure.xScale, yScale: figure.yScale)
        self.axes = axes
        xTicks = FigureLayout.ticks(figure.xScale, figure.view.xMin, figure.view.xMax) {
            axes.pixel(Point($0, figure.view.yMin)).x
        }
        yTicks = FigureLayout.ticks(figure.yScale, figure.view.yMin, figure.view.yMax) {
            axes.pixel(Point(figure.view.xMin, $0)).y
        }
        titleAnchor = Point(axesBox.center.x, axesBox.minY - s.px(s.titlePad))
        let tickHeight = canvas.measure("0", s.tickFont).height
        let tickWidth = yTicks.map { canvas.measure($0.label, s.tickFont).width }.max() ?? 0
        xLabelAnchor = Point(axesBox.center.x, axesBox.maxY + s.px(s.tickPad) + tickHeight + s.px(s.labelPad))
        yLabelAnchor = Point(axesBox.minX - s.px(s.tickPad) - tickWidth - s.px(s.labelPad), axesBox.center.y)

        // Legend, upper right or matplotlib's loc="best", with matplotlib's default paddings.
        let font = s.legendFont
        let f = font.size
        let metrics = figure.legend.map { canvas.measure($0.label, font) }
        if metrics.isEmpty {
            legendBox = nil
            legendRows = []
        } else {
            let borderPad = 0.4 * f, labelSpacing = 0.5 * f, handleLength = 2.0 * f
            let handleTextPad = 0.8 * f, axesPad = 0.5 * f
            let rowHeight = max(f, 0.7 * f)  // matplotlib: a line of text is about one font size high
            let labelWidth = metrics.map(\.width).max() ?? 0
            let boxWidth = 2 * borderPad + handleLength + handleTextPad + labelWidth
            let rows = Double(metrics.count)
            let boxHeight = 2 * borderPad + rows * rowHeight + (rows - 1) * labelSpacing
            let candidates = FigureLayout.legendCandidates(
                width: boxWidth, height: boxHeight, in: axesBox, pad: axesPad, figure.legendLocation)
            let box = candidates.count == 1 ? candidates[0]
                : FigureLayout.leastCovering(candidates, FigureLayout.legendObstacles(figure, axes))
            legendBox = box
            legendRows = zip(figure.legend, metrics).enumerated().map { i, pair in
                let top = box.minY + borderPad + Double(i) * (rowHeight + labelSpacing)
                let centerY = top + rowHeight / 2
                return LegendRow(
                    entry: pair.0,
                    handleCenter: Point(box.minX + borderPad + handleLength / 2, centerY),
                    handleLength: handleLength,
                    labelOrigin: Point(box.minX + borderPad + handleLength + handleTextPad, centerY))
            }
        }

        pointLabels = FigureLayout.placeLabels(figure.pointLabels, axes, font: s.tickFont, margin: s.px(s.pointMarkerSize) / 2 + s.px(2),
                                               avoiding: legendBox.map { [$0] } ?? []) { canvas.measure($0, s.tickFont) }
        colorBarBox = barBox
        if let barBox, let levels = figure.filledContours?.levels ?? figure.contours?.levels.map(\.value) {
            colorBarTicks = FigureLayout.colorBarTicks(levels, barBox)
        } else {
            colorBarTicks = []
        }
    }

    /// Where a legend box of this size may go inside `axes`, `pad` from its edges:
    /// upper right only, or matplotlib's "best" candidates in its order of location codes 1…10
    /// (upper right, upper left, lower left, lower right, right, center left, center right,
    /// lower center, upper center, center).
    static func legendCandidates(width w: Double, height h: Double, in axes: Rect<Double>, pad: Double,
                                 _ location: LegendLocation) -> [Rect<Double>] {
        let left = axes.minX + pad, right = axes.maxX - pad - w, midX = axes.center.x - w / 2
        let top = axes.minY + pad, bottom = axes.maxY - pad - h, midY = axes.center.y - h / 2
        let corners: [(Double, Double)]
        switch location {
        case .upperRight: corners = [(right, top)]
        case .best:
            corners = [(right, top), (left, top), (left, bottom), (right, bottom), (right, midY), (left, midY),
                       (right, midY), (midX, bottom), (midX, top), (midX, midY)]
        }
        return corners.map { Rect<Double>(x: $0.0, y: $0.1, width: w, height: h) }
    }

    /// What the legend should not cover, in pixels: the paths, the legend's extra lines to
    /// avoid, and the markers (as one-point lines).
    static func legendObstacles(_ figure: Figure, _ axes: Axes) -> [[Point]] {
        (figure.paths.map(\.points) + figure.legendAvoids + figure.markers.flatMap { $0.points.map { [$0] } })
            .map { $0.map(axes.pixel) }
    }

    /// matplotlib's `_find_best_position`: the first candidate with the fewest path vertices
    /// inside it plus path segments crossing it.
    static func leastCovering(_ candidates: [Rect<Double>], _ lines: [[Point]]) -> Rect<Double> {
        var best = candidates[0], bestBadness = Int.max
        for box in candidates {
            let clipper = SegmentClipper(bounds: box)
            var badness = 0
            for line in lines {
                badness += line.lazy.filter { $0.isFinite && clipper.contains($0) }.count
                for (a, b) in zip(line, line.dropFirst()) where a.isFinite && b.isFinite {
                    if clipper.clip(a, b) != nil { badness += 1 }
                }
            }
            if badness < bestBadness {
                best = box
                bestBadness = badness
                if badness == 0 { break }
            }
        }
        return best
    }

    /// Places each label beside its point, greedily in order: right of it, left, above, below,
    /// then further right or left a line at a time up and down, the first place whose box lies
    /// inside the axes and overlaps no box placed before nor `avoiding`; when none is free, the
    /// first place inside the axes. `margin` is the gap between the point and the text.
    static func placeLabels(_ labels: [PointLabel], _ axes: Axes, font: TextStyle, margin: Double,
                            avoiding: [Rect<Double>], measure: (String) -> TextMetrics) -> [(label: PointLabel, origin: Point)] {
        var taken = avoiding
        var placed: [(label: PointLabel, origin: Point)] = []
        let box = axes.box
        for label in labels {
            let p = axes.pixel(label.point)
            guard p.isFinite, box.contains(Rect<Double>(x: p.x, y: p.y, width: 0, height: 0)) else { continue }
            let m = measure(label.text)
            let w = m.width, h = m.height, line = 1.1 * h
            // Left-centre origins of the candidate boxes.
            var origins = [Point(p.x + margin, p.y), Point(p.x - margin - w, p.y),
                           Point(p.x - w / 2, p.y - margin - h / 2), Point(p.x - w / 2, p.y + margin + h / 2)]
            for k in 1...12 {
                for sign in [-1.0, 1.0] {
                    origins.append(Point(p.x + margin, p.y + sign * Double(k) * line))
                    origins.append(Point(p.x - margin - w, p.y + sign * Double(k) * line))
                }
            }
            let boxes = origins.map { Rect<Double>(x: $0.x, y: $0.y - h / 2, width: w, height: h) }
            let inside = boxes.indices.filter { box.contains(boxes[$0]) }
            let free = inside.first { i in !taken.contains { $0.intersects(boxes[i]) } }
            guard let chosen = free ?? inside.first else { continue }
            taken.append(boxes[chosen])
            placed.append((label, origins[chosen]))
        }
        return placed
    }

    /// The y pixel of level `k` of `count` levels on a colour bar with matplotlib's default
    /// `spacing="uniform"`: every band the same height, the first level at the bottom.
    public static func colorBarPixel(level k: Int, of count: Int, _ bar: Rect<Double>) -> Double {
        count > 1 ? bar.maxY - Double(k) / Double(count - 1) * bar.height : bar.maxY
    }

    /// Labels at the levels, thinned to at most 11; evenly spaced levels are written like
    /// axis ticks, others (log-spaced) with three significant digits.
    static func colorBarTicks(_ levels: [Double], _ bar: Rect<Double>) -> [Tick] {
        guard !levels.isEmpty else { return [] }
        let every = (levels.count + 10) / 11
        let steps = zip(levels, levels.dropFirst()).map { $1 - $0 }
        let even = steps.allSatisfy { abs($0 - steps[0]) <= 1e-9 * max(1, abs(steps[0])) }
        let formatter = TickFormatter(step: steps.first ?? 1)
        return levels.indices.filter { $0 % every == 0 }.map { k in
            let v = levels[k]
            let label = even ? formatter.label(v) : TickFormatter.significant(v, digits: 3)
            return Tick(value: v, pixel: colorBarPixel(level: k, of: levels.count, bar), label: label)
        }
    }

    /// The ticks of an axis of `scale` inside [lower, upper], labelled, at `pixel(value)`:
    /// `TickLocator.axis` with `TickFormatter` on a linear axis, `LogTickLocator` on a log axis.
    static func ticks(_ scale: Scale, _ lower: Double, _ upper: Double,
                      _ pixel: (Double) -> Double) -> [Tick] {
        switch scale {
        case .linear:
            return ticks(TickLocator.axis, lower, upper, pixel)
        case .log10:
            return LogTickLocator().ticks(from: lower, to: upper)
                .map { Tick(value: $0, pixel: pixel($0), label: LogTickLocator.label($0)) }
        }
    }

    /// The locator's ticks inside [lower, upper], labelled, at `pixel(value)`.
    static func ticks(_ locator: TickLocator, _ lower: Double, _ upper: Double,
                      _ pixel: (Double) -> Double) -> [Tick] {
        let values = locator.ticks(from: lower, to: upper)
        let formatter = TickFormatter(ticks: values)
        let slack = (upper - lower) * 1e-9
        return values.filter { $0 >= lower - slack && $0 <= upper + slack }
            .map { Tick(value: $0, pixel: pixel($0), label: formatter.label($0)) }
    }
}
