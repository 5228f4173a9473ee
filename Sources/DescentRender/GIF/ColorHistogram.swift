/// The distinct straight-RGB colours of a raster with their pixel counts, in a deterministic
/// order (most frequent first, ties by packed RGB) so palettes fitted from it are reproducible.
struct ColorHistogram: Sendable {
    private(set) var colors: [WeightedColor]
    /// The number of pixels counted.
    private(set) var total: Int

    /// Counts every pixel of `raster` (converted with `RGB(premultipliedARGB32:)`). A malformed
    /// view (see `RasterView.isWellFormed`) has no readable pixels and yields an empty histogram.
    ///
    /// Runs of equal words (long in a rendered figure) are counted with one dictionary update,
    /// so the cost is per run rather than per pixel.
    init(_ raster: RasterView) {
        var counts: [UInt32: Int] = [:]
        var total = 0
        if raster.isWellFormed {
            for y in 0..<raster.height {
                let row = raster.row(y)
                var runWord = row.loadUnaligned(as: UInt32.self)
                var runLength = 0
                for x in 0..<raster.width {
                    let word = row.loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self)
                    if word != runWord {
                        counts[RGB(premultipliedARGB32: runWord).packed, default: 0] += runLength
                        runWord = word
                        runLength = 0
                    }
                    runLength += 1
                }
                counts[RGB(premultipliedARGB32: runWord).packed, default: 0] += runLength
                total += raster.width
            }
        }
        self.total = total
        self.colors = counts.map { WeightedColor(color: RGB(packed: $0.key), weight: $0.value) }
            .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.color.packed < $1.color.packed }
    }
}
