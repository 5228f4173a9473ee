/// A colour map: a 256-entry lookup table indexed as matplotlib's `Colormap.__call__` does
/// (`int(v·N)`, with v = 1 mapping to the last entry and values outside 0…1 clamped).
public struct ColorMap: Hashable, Sendable {
    /// A name, e.g. `jet`.
    public let name: String
    /// The table's colours, first for 0, last for 1.
    public let table: [Color]

    /// A map from an explicit table (at least one colour).
    public init(name: String, table: [Color]) {
        self.name = name
        self.table = table.isEmpty ? [.black] : table
    }

    /// The colour for `v` in 0…1 (NaN maps to transparent, as matplotlib's "bad" colour).
    public func callAsFunction(_ v: Double) -> Color {
        guard !v.isNaN else { return Color(grey: 0, alpha: 0) }
        let n = table.count
        let scaled = v * Double(n)
        let index = scaled < 0 ? 0 : scaled >= Double(n) ? n - 1 : Int(scaled)
        return table[index]
    }

    /// `cmap(norm(v))` for each value, the norm (matplotlib's `Normalize`) spanning the
    /// smallest to the largest of `levels`; all 0 when they are equal.
    public func colors(for values: [Double], normalizedOver levels: [Double]) -> [Color] {
        guard let lo = levels.min(), let hi = levels.max() else { return values.map { _ in self(0) } }
        return values.map { self(hi > lo ? ($0 - lo) / (hi - lo) : 0) }
    }

    /// The same map run backwards (matplotlib's `_r` maps).
    public var reversed: ColorMap { ColorMap(name: name + "_r", table: table.reversed()) }

    /// Every map by name, as matplotlib names them (each also runs backwards with `_r`).
    public static let all: [ColorMap] = [.jet, .viridis, .plasma, .inferno, .magma, .cividis, .turbo, .coolwarm]

    /// The names `named` accepts: every map, then every map with `_r`.
    public static var names: [String] { all.map(\.name) + all.map { $0.name + "_r" } }

    /// Looks a map up by name, case-insensitively: one of `names` (e.g. `jet`, `viridis_r`).
    public static func named(_ name: String) throws(RenderError) -> ColorMap {
        let key = name.lowercased()
        if let map = all.first(where: { $0.name == key }) { return map }
        if key.hasSuffix("_r"), let map = all.first(where: { $0.name + "_r" == key }) { return map.reversed }
        throw .invalidLevels("unknown colour map '\(name)'; valid: \(names.joined(separator: ", "))")
    }

    /// matplotlib's `jet`, sampled from its segment data `_jet_data` at N = 256.
    public static let jet = ColorMap(
        name: "jet",
        red: [(0, 0, 0), (0.35, 0, 0), (0.66, 1, 1), (0.89, 1, 1), (1, 0.5, 0.5)],
        green: [(0, 0, 0), (0.125, 0, 0), (0.375, 1, 1), (0.64, 1, 1), (0.91, 0, 0), (1, 0, 0)],
        blue: [(0, 0.5, 0.5), (0.11, 1, 1), (0.34, 1, 1), (0.65, 0, 0), (1, 0, 0)])

    /// matplotlib's `viridis` (its 256-entry listed table).
    public static let viridis = ColorMap(name: "viridis", rows: viridisTable)

    /// matplotlib's `plasma`, `inferno`, `magma` (van der Walt and Smith) and `cividis` (Nuñez,
    /// Anderton and Renslow): their 256-entry listed tables.
    public static let plasma = ColorMap(name: "plasma", rows: plasmaTable)
    public static let inferno = ColorMap(name: "inferno", rows: infernoTable)
    public static let magma = ColorMap(name: "magma", rows: magmaTable)
    public static let cividis = ColorMap(name: "cividis", rows: cividisTable)
    /// matplotlib's `turbo` (Mikhailov, Google): its 256-entry listed table.
    public static let turbo = ColorMap(name: "turbo", rows: turboTable)
    /// matplotlib's `coolwarm` (Moreland's diverging map), its segment data sampled at N = 256.
    public static let coolwarm = ColorMap(name: "coolwarm", rows: coolwarmTable)

    /// A map from a table of (red, green, blue) rows.
    init(name: String, rows: [(Double, Double, Double)]) {
        self.init(name: name, table: rows.map { Color(red: $0.0, green: $0.1, blue: $0.2) })
    }

    /// A map from matplotlib-style segment data (x, y below, y above) per channel, sampled
    /// at `count` points exactly as `LinearSegmentedColormap` builds its lookup table.
    public init(
        name: String, red: [Segment], green: [Segment], blue: [Segment], count: Int = 256
    ) {
        let r = ColorMap.lookupTable(count, red), g = ColorMap.lookupTable(count, green)
        let b = ColorMap.lookupTable(count, blue)
        self.init(name: name, table: (0..<count).map { Color(red: r[$0], green: g[$0], blue: b[$0]) })
    }

    /// One anchor of segment data: at `x`, the value approached from below and from above.
    public typealias Segment = (x: Double, below: Double, above: Double)

    /// matplotlib's `_create_lookup_table(N, data)` with gamma 1.
    static func lookupTable(_ n: Int, _ data: [Segment]) -> [Double] {
        guard n > 1, data.count > 1 else { return Array(repeating: data.first?.above ?? 0, count: max(n, 1)) }
        let xs = data.map { $0.x * Double(n - 1) }
        var lut = [Double](repeating: 0, count: n)
        lut[0] = data[0].above
        lut[n - 1] = data[data.count - 1].below
        var ind = 1
        for i in 1..<(n - 1) {
            let xi = Double(n - 1) * (Double(i) * (1 / Double(n - 1)))  // numpy linspace
            while ind < xs.count - 1 && xs[ind] < xi { ind += 1 }  // numpy searchsorted, side left
            let distance = (xi - xs[ind - 1]) / (xs[ind] - xs[ind - 1])
            lut[i] = distance * (data[ind].below - data[ind - 1].above) + data[ind - 1].above
        }
        return lut.map { min(1, max(0, $0)) }
    }
}
