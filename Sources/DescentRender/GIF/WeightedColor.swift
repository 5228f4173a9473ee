/// A distinct colour and how much it matters (for a background, how many pixels have it).
struct WeightedColor: Hashable, Sendable {
    var color: RGB
    var weight: Int
}
