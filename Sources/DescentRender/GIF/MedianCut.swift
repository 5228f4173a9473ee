/// Weighted median-cut colour quantisation (Heckbert 1982), made deterministic.
///
/// The colour set is cut into boxes: each step splits the box with the largest weighted
/// squared error along its axis of largest weighted variance, at the weighted median, until
/// there are `count` boxes; each box is then represented by its weighted mean, rounded.
/// Splitting by error (rather than by box volume or population, as in the original) spends
/// entries where colours are both many and spread out, which keeps smooth colour-map ramps
/// smooth. The cut is then polished by `refinements` rounds of weighted Lloyd (k-means)
/// iteration, which moves each representative to the mean of the colours nearest to it (median
/// cut alone assigns colours by box, not by distance). Ties are broken by the packed RGB value
/// and by the lowest index, and every sum is of integers small enough (< 2^53) to be exact in
/// `Double`, so the result does not even depend on the order of the input.
enum MedianCut {
    /// At most `count` colours representing `colors`. When the input has no more than `count`
    /// distinct colours they are returned unchanged (exact); `count <= 0` gives none.
    static func quantize(_ colors: [WeightedColor], to count: Int, refinements: Int = 4) -> [RGB] {
        guard count > 0, !colors.isEmpty else { return [] }
        if colors.count <= count { return colors.map(\.color) }
        var samples = colors
        var boxes = [Box(range: 0..<samples.count, samples: samples)]
        while boxes.count < count {
            // The splittable box with the largest error; a box of one colour has none.
            guard let worst = boxes.indices.filter({ boxes[$0].range.count > 1 && boxes[$0].error > 0 })
                .max(by: { boxes[$0].error < boxes[$1].error })
            else { break }
            let (low, high) = split(boxes[worst], samples: &samples)
            boxes[worst] = low
            boxes.append(high)
        }
        return refine(boxes.map { $0.mean }, samples: colors, rounds: refinements)
    }

    /// Weighted Lloyd iteration: each representative moves to the weighted mean of the samples
    /// nearest to it; one that attracts no sample stays where it is. Stops early at a fixed point.
    static func refine(_ representatives: [RGB], samples: [WeightedColor], rounds: Int) -> [RGB] {
        var centres = representatives
        for _ in 0..<max(0, rounds) {
            guard let palette = GIFPalette(colors: centres) else { return centres }
            var sums = [SIMD3<Double>](repeating: .zero, count: centres.count)
            var weights = [Double](repeating: 0, count: centres.count)
            for sample in samples {
                let index = palette.nearestIndex(to: sample.color)
                let w = Double(weight(sample))
                sums[index] += w * SIMD3(Double(sample.color.r), Double(sample.color.g), Double(sample.color.b))
                weights[index] += w
            }
            let moved = centres.indices.map { i -> RGB in
                guard weights[i] > 0 else { return centres[i] }
                let mean = (sums[i] / weights[i]).rounded(.toNearestOrAwayFromZero)
                return RGB(UInt8(mean.x), UInt8(mean.y), UInt8(mean.z))
            }
            if moved == centres { break }
            centres = moved
        }
        return centres
    }

    /// Splits `box` in two non-empty boxes at the weighted median of its widest axis.
    private static func split(_ box: Box, samples: inout [WeightedColor]) -> (Box, Box) {
        let axis = box.widestAxis
        samples[box.range].sort {
            let a = component($0.color, axis), b = component($1.color, axis)
            return a != b ? a < b : $0.color.packed < $1.color.packed
        }
        let half = box.weight / 2
        var running = 0
        var cut = box.range.lowerBound + 1
        for i in box.range {
            running += weight(samples[i])
            if running >= half {
                cut = i + 1
                break
            }
        }
        // Both halves must hold a colour, whatever the weights.
        cut = min(max(cut, box.range.lowerBound + 1), box.range.upperBound - 1)
        return (Box(range: box.range.lowerBound..<cut, samples: samples),
                Box(range: cut..<box.range.upperBound, samples: samples))
    }

    /// A sample's weight for the statistics: a zero (or negative) weight would make a colour
    /// invisible, so every colour counts at least once.
    @inline(__always)
    private static func weight(_ sample: WeightedColor) -> Int { max(1, sample.weight) }

    @inline(__always)
    private static func component(_ color: RGB, _ axis: Int) -> UInt8 {
        axis == 0 ? color.r : axis == 1 ? color.g : color.b
    }

    /// A run of samples with its weighted statistics, computed once when the box is made.
    private struct Box {
        let range: Range<Int>
        let weight: Int
        let mean: RGB
        /// Σ w·|c − mean|², in squared 8-bit units.
        let error: Double
        /// 0 = red, 1 = green, 2 = blue: the axis of largest weighted variance.
        let widestAxis: Int

        init(range: Range<Int>, samples: [WeightedColor]) {
            var weight = 0
            var sum = SIMD3<Double>()
            var sumSquares = SIMD3<Double>()
            for i in range {
                let w = MedianCut.weight(samples[i])
                let c = samples[i].color
                let v = SIMD3(Double(c.r), Double(c.g), Double(c.b))
                weight += w
                sum += Double(w) * v
                sumSquares += Double(w) * v * v
            }
            let total = Double(weight)
            let mean = sum / total
            // Variance as E[c²] − E[c]² cancels when the spread is small next to the mean; it
            // only ranks boxes and axes, and is clamped at 0 so rounding cannot make it negative.
            let raw = sumSquares / total - mean * mean
            let variance = raw.replacing(with: 0, where: raw .< 0)
            self.range = range
            self.weight = weight
            let rounded = mean.rounded(.toNearestOrAwayFromZero)
            self.mean = RGB(UInt8(rounded.x), UInt8(rounded.y), UInt8(rounded.z))
            self.error = variance.sum() * total
            self.widestAxis = variance.x >= variance.y
                ? (variance.x >= variance.z ? 0 : 2) : (variance.y >= variance.z ? 1 : 2)
        }
    }
}
