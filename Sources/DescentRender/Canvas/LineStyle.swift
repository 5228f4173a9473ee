/// How a line is stroked: colour, width in pixels, and an optional dash pattern.
public struct LineStyle: Hashable, Sendable {
    public var color: Color
    public var width: Double
    public var dashes: [Double]

    public init(color: Color, width: Double, dashes: [Double] = []) {
        self.color = color
        self.width = width
        self.dashes = dashes
    }
}
