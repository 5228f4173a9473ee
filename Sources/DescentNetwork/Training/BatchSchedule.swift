import DescentBase

/// Which training samples (indices into the training set, in file order) each step's
/// mini-batch holds.
///
/// - Without shuffling, step k's batch is the samples i ..< min(i + B, n) with
///   i = (k·B) mod n — torch's `X[i:i+B]` over the training set: consecutive batches, the one
///   that reaches the end of the set is short, and the next starts over at (k·B) mod n (so
///   after the first pass the batches no longer start at multiples of B).
/// - With shuffling, the steps go in epochs of ⌈n/B⌉ batches; each epoch draws a fresh random
///   permutation (Fisher–Yates from the identity, with unbiased bounded draws from
///   `SplitMix64`) and its batches are consecutive slices of it, the last one short — as
///   torch's `DataLoader(shuffle=True, drop_last=False)`, with our generator, not torch's.
///
/// Steps must be asked for in order when shuffling (each epoch's permutation follows the last).
public struct BatchSchedule: Sendable, Hashable {
    public let count: Int
    public let batchSize: Int
    public let shuffle: Bool
    var generator: SplitMix64
    var order: [Int]
    var epoch = 0

    public init(count: Int, batchSize: Int, shuffle: Bool, seed: UInt64) {
        precondition(count > 0 && batchSize > 0)
        self.count = count
        self.batchSize = batchSize
        self.shuffle = shuffle
        generator = SplitMix64(seed: seed)
        order = Array(0..<count)
        if shuffle { shuffleOrder() }
    }

    /// Batches per epoch, ⌈n/B⌉.
    public var stepsPerEpoch: Int { (count + batchSize - 1) / batchSize }

    /// The training-set indices of step k's batch (k = 0, 1, …).
    public mutating func indices(step k: Int) -> ArraySlice<Int> {
        if !shuffle {
            let start = (k % count) * batchSize % count
            return order[start..<min(start + batchSize, count)]
        }
        let e = k / stepsPerEpoch
        precondition(e >= epoch, "BatchSchedule: shuffled steps go in order")
        while epoch < e {
            epoch += 1
            shuffleOrder()
        }
        let start = (k % stepsPerEpoch) * batchSize
        return order[start..<min(start + batchSize, count)]
    }

    mutating func shuffleOrder() {
        for i in order.indices { order[i] = i }
        var i = count - 1
        while i > 0 {
            order.swapAt(i, Self.uniform(below: i + 1, &generator))
            i -= 1
        }
    }

    /// An unbiased integer in 0 ..< bound (Lemire's multiply-and-reject).
    static func uniform(below bound: Int, _ g: inout SplitMix64) -> Int {
        let b = UInt64(bound)
        let threshold = (0 &- b) % b
        while true {
            let (high, low) = g.next().multipliedFullWidth(by: b)
            if low >= threshold { return Int(high) }
        }
    }
}
