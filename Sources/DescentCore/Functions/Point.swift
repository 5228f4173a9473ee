/// A point of the plane, in data coordinates.
public struct Point: Hashable, Sendable, Codable, CustomStringConvertible {
    public var x: Double
    public var y: Double

    @inlinable public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    public var isFinite: Bool { x.isFinite && y.isFinite }

    /// Squared Euclidean distance to `other`.
    @inlinable public func squaredDistance(to other: Point) -> Double {
        let dx = x - other.x, dy = y - other.y
        return dx * dx + dy * dy
    }

    public var description: String { "(\(x), \(y))" }

    // Encoded as the JSON array [x, y].
    public init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        x = try c.decode(Double.self)
        y = try c.decode(Double.self)
        if !c.isAtEnd {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "a point has exactly two coordinates")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(x)
        try c.encode(y)
    }
}

/// The rectangle of the plane a figure shows.
public struct ViewWindow: Hashable, Sendable, Codable {
    public var x: ClosedRange<Double>
    public var y: ClosedRange<Double>

    public init(x: ClosedRange<Double>, y: ClosedRange<Double>) {
        self.x = x
        self.y = y
    }

    public func contains(_ p: Point) -> Bool { x.contains(p.x) && y.contains(p.y) }
}

/// How contour levels are chosen.
public enum ContourLevels: Hashable, Sendable {
    /// About `count` "nice" levels spanning the data (matplotlib's MaxNLocator).
    case automatic(count: Int)
    /// Exactly these levels.
    case explicit([Double])
    /// `count` levels 10^e for e evenly spaced in [from, to] (numpy's logspace).
    case logSpaced(from: Double, to: Double, count: Int)

    /// The level values for `.explicit` and `.logSpaced`; `nil` for `.automatic`, whose levels
    /// depend on the data range.
    public var fixedValues: [Double]? {
        switch self {
        case .automatic: return nil
        case .explicit(let values): return values
        case .logSpaced(let from, let to, let count):
            if count == 1 { return [LibM.pow(10, from)] }
            return (0..<count).map { i in
                LibM.pow(10, from + (to - from) * Double(i) / Double(count - 1))
            }
        }
    }
}
