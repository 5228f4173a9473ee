/// The global palette of one animation: at most `maximumColorCount` (255) colours, so that the
/// writer can reserve one more index (255 at most) as the transparent "unchanged" index.
///
/// Fit it once per animation with `fitted(background:overlayColors:alphaLevels:)`; every frame
/// is then mapped to its nearest entries (squared Euclidean distance in sRGB, ties to the lowest
/// index), so a colour that is an entry always maps to itself.
public struct GIFPalette: Sendable {
    /// 255 colours plus the writer's transparent index make the 256 a GIF colour table holds.
    public static let maximumColorCount = 255

    /// Entries whose share of the background is at least 1/`dominantShareDenominator` of its
    /// pixels are kept exactly when the background has to be quantised (see `fitted`).
    static let dominantShareDenominator = 1024

    /// The palette entries, in index order; never empty, never more than `maximumColorCount`.
    public let colors: [RGB]

    /// A palette of exactly these colours, in this order; `nil` when `colors` is empty or longer
    /// than `maximumColorCount`. Duplicates are allowed (the first one wins every lookup).
    public init?(colors: [RGB]) {
        guard !colors.isEmpty, colors.count <= Self.maximumColorCount else { return nil }
        self.colors = colors
    }

    /// Fits a palette once per animation: every colour of `background` (quantised well if it has
    /// more than fit), plus `overlayColors` exactly, plus the anti-aliased blends of each overlay
    /// colour over the background's colours at `alphaLevels` opacities (path lines and markers
    /// are drawn anti-aliased and with fading alpha over the background).
    ///
    /// How the 255 entries are spent, in index order:
    /// 1. `overlayColors`, exactly, duplicates removed (only the first 255 if more are given;
    ///    the rest are then mapped to their nearest entry like any other colour).
    /// 2. The background's colours. All of them exactly when they fit beside their blends (step
    ///    3), or beside a reserve of a quarter of the remaining entries when the blends are more.
    ///    Otherwise every colour covering at least 1/1024 of the background's pixels is kept
    ///    exactly (flat fills, text black, axis lines: black must stay black, not a near-black
    ///    average), up to half of the background's share, and weighted median cut represents
    ///    the rest.
    /// 3. The blends `α·overlay + (1 − α)·c` for `α = k / alphaLevels`, `k = 1 ..< alphaLevels`,
    ///    over each background entry `c` chosen in step 2, each distinct blend counted once (the
    ///    path may cross any part of the landscape): exactly if they fit in what is left,
    ///    otherwise by weighted median cut into it.
    /// `alphaLevels <= 1` fits no blends. A view that is not well formed contributes no colours.
    /// A palette with nothing to hold is `[black]`, because an empty colour table cannot encode
    /// a pixel. The result depends only on the arguments (no randomness, no hash order).
    ///
    /// `colorCount` (1…255) spends fewer entries (a thumbnail's smaller palette compresses better).
    public static func fitted(background: RasterView, overlayColors: [RGB], alphaLevels: Int = 16,
                              colorCount: Int = maximumColorCount) -> GIFPalette {
        let maximum = min(max(colorCount, 1), maximumColorCount)
        var unique = Set<RGB>()
        let overlays = Array(overlayColors.filter { unique.insert($0).inserted }.prefix(maximum))
        let overlaySet = Set(overlays)
        let available = maximum - overlays.count
        let levels = overlays.isEmpty || alphaLevels <= 1 ? [] : (1..<alphaLevels).map { Double($0) / Double(alphaLevels) }

        let histogram = ColorHistogram(background)
        let backgroundColors = histogram.colors.filter { !overlaySet.contains($0.color) }
        var fittedBackground = backgroundColors.map(\.color)
        var blends: [WeightedColor] = []
        if fittedBackground.count <= available {
            blends = distinctBlends(of: overlays, over: fittedBackground, at: levels, excluding: overlaySet)
        }
        let blendReserve = levels.isEmpty ? 0 : available / 4
        if fittedBackground.count > available - min(blendReserve, blends.count) {
            fittedBackground = quantizeBackground(backgroundColors, pixelCount: histogram.total,
                                                  into: available - blendReserve)
            blends = distinctBlends(of: overlays, over: fittedBackground, at: levels, excluding: overlaySet)
        }
        let fittedBlends = MedianCut.quantize(blends, to: available - fittedBackground.count)

        var entries = overlays
        var seen = overlaySet
        for color in fittedBackground + fittedBlends where seen.insert(color).inserted {
            entries.append(color)
        }
        return GIFPalette(checked: entries.isEmpty ? [RGB(0, 0, 0)] : entries)
    }

    /// Every distinct `overlay` at each opacity of `levels` over every `backdrop`, each counted
    /// once (weight 1: the path may cross any part of the landscape), leaving out the backdrops
    /// themselves and `excluded` colours, which have entries already.
    private static func distinctBlends(of overlays: [RGB], over backdrops: [RGB], at levels: [Double],
                                       excluding excluded: Set<RGB>) -> [WeightedColor] {
        var seen = excluded.union(backdrops)
        var blends: [WeightedColor] = []
        for overlay in overlays {
            for alpha in levels {
                for backdrop in backdrops {
                    let blend = overlay.blended(over: backdrop, alpha: alpha)
                    if seen.insert(blend).inserted { blends.append(WeightedColor(color: blend, weight: 1)) }
                }
            }
        }
        return blends
    }

    /// Background colours (most frequent first) reduced to at most `count` entries: the dominant
    /// ones exactly, the others by weighted median cut.
    private static func quantizeBackground(_ colors: [WeightedColor], pixelCount: Int, into count: Int) -> [RGB] {
        let threshold = max(1, pixelCount / dominantShareDenominator)
        let pinnedCount = min(count / 2, colors.prefix { $0.weight >= threshold }.count)
        let pinned = colors.prefix(pinnedCount).map(\.color)
        let rest = MedianCut.quantize(Array(colors.dropFirst(pinnedCount)), to: count - pinnedCount)
        return pinned + rest
    }

    private init(checked colors: [RGB]) {
        self.colors = colors
    }

    /// The index of the entry nearest to `color` (squared Euclidean distance in 8-bit sRGB, ties
    /// to the lowest index). Exhaustive over the entries: exact, and the reference the writer's
    /// cache reproduces.
    public func nearestIndex(to color: RGB) -> Int {
        colors.withUnsafeBufferPointer { entries in
            var best = 0
            var bestDistance = Int.max
            for (index, entry) in entries.enumerated() {
                let distance = entry.squaredDistance(to: color)
                if distance < bestDistance {
                    best = index
                    bestDistance = distance
                    if distance == 0 { break }
                }
            }
            return best
        }
    }
}
