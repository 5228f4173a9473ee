/// A font (family, size in pixels, weight) and colour for text.
public struct TextStyle: Hashable, Sendable {
    public var family: String
    public var size: Double
    public var bold: Bool
    public var color: Color

    public init(family: String = "DejaVu Sans", size: Double, bold: Bool = false, color: Color = .text) {
        self.family = family
        self.size = size
        self.bold = bold
        self.color = color
    }
}

/// Where a text is placed relative to its anchor point.
public struct TextAnchor: Hashable, Sendable {
    public enum Horizontal: Hashable, Sendable { case left, center, right }
    public enum Vertical: Hashable, Sendable { case top, center, baseline, bottom }
    public var horizontal: Horizontal
    public var vertical: Vertical

    public init(_ horizontal: Horizontal, _ vertical: Vertical) {
        self.horizontal = horizontal
        self.vertical = vertical
    }
}

/// The measured size of a text: its advance width and the font's ascent and descent.
public struct TextMetrics: Hashable, Sendable {
    public var width: Double
    public var ascent: Double
    public var descent: Double
    public var height: Double { ascent + descent }
}
