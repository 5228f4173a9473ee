/// Sizes and colours of a figure: seaborn's "whitegrid" style in its "notebook" context on
/// matplotlib's defaults, given in points and converted to pixels for a figure that is
/// 8 inches wide at its pixel size (800 px ↔ 100 dpi, as the seed's figures).
public struct FigureStyle: Hashable, Sendable {
    /// Pixels per point.
    public var scale: Double

    public var tickLabelSize = 11.0
    public var titleSize = 12.0
    public var legendSize = 11.0
    /// Axis label size (seaborn notebook's `axes.labelsize`).
    public var labelSize = 12.0
    /// Gap between the tick labels and the axis label (`axes.labelpad`).
    public var labelPad = 4.0
    /// Gap between the axes and tick labels (`xtick.major.pad`).
    public var tickPad = 7.0
    /// Gap between the axes and the title (`axes.titlepad`).
    public var titlePad = 6.0
    public var lineWidth = 1.5
    public var markerSize = 6.0
    /// The seed's start, end and minimum markers: `markersize=10`.
    public var pointMarkerSize = 10.0
    /// `lines.markeredgewidth`: the outline of filled markers, the stroke of "x".
    public var markerEdgeWidth = 1.0
    public var contourLineWidth = 1.5
    public var gridWidth = 1.0
    public var frameWidth = 1.25
    public var background = Color.white
    public var gridColor = Color.grid
    public var frameColor = Color.grid
    public var textColor = Color.text

    /// The style for a figure whose shorter side is `pixels` wide.
    public init(pixels: Int) {
        scale = Double(pixels) / (8 * 72)
    }

    /// `points` in pixels.
    @inlinable public func px(_ points: Double) -> Double { points * scale }

    public var tickFont: TextStyle { TextStyle(size: px(tickLabelSize), color: textColor) }
    public var titleFont: TextStyle { TextStyle(size: px(titleSize), color: textColor) }
    public var legendFont: TextStyle { TextStyle(size: px(legendSize), color: textColor) }
    public var labelFont: TextStyle { TextStyle(size: px(labelSize), color: textColor) }

    /// matplotlib's `plot(…, color, marker=…)` marker of this style's size.
    public func marker(_ shape: Marker.Shape, _ color: Color) -> Marker {
        Marker(shape, size: px(markerSize), fill: color, edgeWidth: px(markerEdgeWidth))
    }

    /// matplotlib's `plot(…, color, marker=…, markersize=10)`: the seed's start, end and minima.
    public func pointMarker(_ shape: Marker.Shape, _ color: Color) -> Marker {
        Marker(shape, size: px(pointMarkerSize), fill: color, edgeWidth: px(markerEdgeWidth))
    }

    /// The pixels per inch of a figure in this style (matplotlib's `dpi`: 100 for 800 px).
    public var dpi: Double { 72 * scale }

    /// A solid line of this style's width.
    public func line(_ color: Color) -> LineStyle { LineStyle(color: color, width: px(lineWidth)) }

    /// The n-th series' dash pattern: solid for the first ten (each its own tab10 colour), then,
    /// as the colours repeat, matplotlib's dashed, dash-dot and dotted patterns
    /// (`lines.dashed_pattern` 3.7, 1.6; `dashdot_pattern` 6.4, 1.6, 1, 1.6; `dotted_pattern`
    /// 1, 1.65; scaled by the line width), so that no two of forty series look alike.
    public func seriesDashes(_ n: Int) -> [Double] {
        let patterns: [[Double]] = [[], [3.7, 1.6], [6.4, 1.6, 1, 1.6], [1, 1.65]]
        return patterns[(max(n, 0) / Color.tab10.count) % patterns.count].map { px($0 * lineWidth) }
    }

    /// The n-th series' line: `Color.cycle(n)` with `seriesDashes(n)`.
    public func seriesLine(_ n: Int) -> LineStyle {
        LineStyle(color: .cycle(n), width: px(lineWidth), dashes: seriesDashes(n))
    }
}
