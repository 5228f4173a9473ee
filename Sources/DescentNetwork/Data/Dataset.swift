import DescentBase
import Foundation

/// A classification data set in file order: images of bytes with their divisor (pixel values are
/// `byte / divisor`: 16 for the digits, 255 for IDX files — the same doubles as torch's
/// `tensor(bytes, dtype=float64) / divisor`), and labels 0 ..< `classes`.
///
/// Bytes, not doubles, are kept: MNIST's training images are 47 MB as bytes, 376 MB as doubles.
/// A batch's doubles are made when it is loaded into a `Workspace`.
public struct Dataset: Sendable {
    /// A name for messages and results (`digits`, `mnist`, …).
    public let name: String
    /// Per-sample shape, `[channels, height, width]`.
    public let sampleShape: [Int]
    public let classes: Int
    /// `count × sampleSize` bytes, row-major.
    let pixels: [UInt8]
    public let labels: [UInt8]
    /// `values[b]` = b / divisor.
    let values: [Double]
    public let divisor: Double

    public init(name: String, sampleShape: [Int], classes: Int, pixels: [UInt8], labels: [UInt8], divisor: Double) {
        precondition(pixels.count == labels.count * sampleShape.reduce(1, *), "Dataset: \(pixels.count) pixels for \(labels.count) samples")
        self.name = name
        self.sampleShape = sampleShape
        self.classes = classes
        self.pixels = pixels
        self.labels = labels
        self.divisor = divisor
        values = (0..<256).map { Double($0) / divisor }
    }

    public var count: Int { labels.count }
    public var sampleSize: Int { sampleShape.reduce(1, *) }

    /// Sample i's scalars (pixel / divisor).
    public func sample(_ i: Int) -> [Double] {
        pixels[(i * sampleSize)..<((i + 1) * sampleSize)].map { values[Int($0)] }
    }

    /// Samples `range`, in order.
    public func subset(_ range: Range<Int>) -> Dataset {
        Dataset(
            name: name, sampleShape: sampleShape, classes: classes,
            pixels: Array(pixels[(range.lowerBound * sampleSize)..<(range.upperBound * sampleSize)]),
            labels: Array(labels[range]), divisor: divisor)
    }

    /// Samples at `indices`, in that order.
    public func subset(_ indices: [Int]) -> Dataset {
        var p: [UInt8] = []
        p.reserveCapacity(indices.count * sampleSize)
        for i in indices { p += pixels[(i * sampleSize)..<((i + 1) * sampleSize)] }
        return Dataset(name: name, sampleShape: sampleShape, classes: classes, pixels: p, labels: indices.map { labels[$0] }, divisor: divisor)
    }

    /// The validation samples of a split: ⌊fraction·count + ½⌋ (round half up).
    public static func validationCount(of count: Int, fraction: Double) -> Int {
        Int((fraction * Double(count) + 0.5).rounded(.down))
    }

    /// The training samples (the first, in file order) and the validation samples (the last
    /// ⌊fraction·count + ½⌋). `fraction` in [0, 1); both parts non-empty unless fraction is 0.
    public func split(validation fraction: Double, path: String = "validation") throws(NetworkError) -> (training: Dataset, validation: Dataset) {
        guard fraction >= 0, fraction < 1 else {
            throw NetworkError(path: path, "the validation fraction is in [0, 1), got \(JSONWriter.number(fraction))")
        }
        let v = Self.validationCount(of: count, fraction: fraction)
        guard v < count, fraction == 0 || v > 0 else {
            throw NetworkError(path: path, "a validation fraction of \(JSONWriter.number(fraction)) of \(count) samples leaves \(v) validation and \(count - v) training samples")
        }
        return (subset(0..<(count - v)), subset((count - v)..<count))
    }
}
