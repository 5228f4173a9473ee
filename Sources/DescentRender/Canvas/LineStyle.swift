/// How a line is stroked: colour, width in pixels, an optional dash pattern, and an optional
/// halo stroked underneath (matplotlib's `patheffects.withStroke(linewidth=…, foreground="w")`),
/// which keeps a line readable where it crosses lines of similar colour.
public struct LineStyle: Hashable, Sendable {
    /// A wider stroke under the line: its colour and its whole width in pixels.
    public struct Halo: Hashable, Sendable {
        public var color: Color
        public var width: Double

        public init(color: Color = .white, width: Double) {
            self.color = color
            self.width = width
        }
    }

    public var color: Color
    public var width: Double
    public var dashes: [Double]
    public var halo: Halo?

    public init(color: Color, width: Double, dashes: [Double] = [], halo: Halo? = nil) {
        self.color = color
        self.width = width
        self.dashes = dashes
        self.halo = halo
    }

    /// The width of the ink across the line: the line's or its halo's, whichever is wider.
    public var inkWidth: Double { max(width, halo?.width ?? 0) }

    /// The same style with its colour and halo at `alpha` of their opacity (a fading tail).
    public func fading(to alpha: Double) -> LineStyle {
        var s = self
        s.color.alpha *= alpha
        s.halo?.color.alpha *= alpha
        return s
    }
}
