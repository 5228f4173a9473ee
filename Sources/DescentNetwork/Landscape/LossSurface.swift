import DescentBase
import DescentCore

/// Training loss on a plane or a line through parameter space, as the loss-landscape figures
/// sample it: L(θ₀ + α·d₁ + β·d₂) on a grid of α × β (or L(θ₀ + α·d) on a slice), each the mean
/// cross-entropy in evaluation mode over a fixed evaluation set — a seeded subset of the training
/// data (`evaluationSubset`), so every point and every optimizer's figure sees the same samples.
public struct LossSurface: Sendable {
    public let network: Network
    public let data: Dataset
    /// Samples per forward pass.
    public let batchSize: Int

    public init(network: Network, data: Dataset, batchSize: Int = 256) {
        self.network = network
        self.data = data
        self.batchSize = min(batchSize, max(data.count, 1))
    }

    /// `count` samples of `data` drawn without replacement by `SplitMix64(seed)` (partial
    /// Fisher–Yates), in ascending index order; all of them when count ≥ data.count.
    public static func evaluationSubset(of data: Dataset, count: Int, seed: UInt64) -> Dataset {
        guard count < data.count else { return data }
        var order = Array(0..<data.count)
        var random = SplitMix64(seed: seed)
        for i in 0..<count { order.swapAt(i, i + BatchSchedule.uniform(below: data.count - i, &random)) }
        return data.subset(order[..<count].sorted())
    }

    /// `n` evenly spaced values from `range.lowerBound` to `range.upperBound` inclusive (`n` ≥ 2), as numpy's linspace.
    public static func linspace(_ range: ClosedRange<Double>, _ n: Int) -> [Double] {
        guard n > 1 else { return [range.lowerBound] }
        let step = (range.upperBound - range.lowerBound) / Double(n - 1)
        return (0..<n).map { i in i == n - 1 ? range.upperBound : range.lowerBound + Double(i) * step }
    }

    /// The loss at θ₀ + α·d₁ + β·d₂ for every β (rows) and α (columns); flat vectors.
    public func grid(origin: [Double], _ d1: [Double], _ d2: [Double], alphas: [Double], betas: [Double]) throws(NetworkError) -> [[Double]] {
        guard NetworkLimits.gridPoints.contains(alphas.count * betas.count) else {
            throw NetworkError(path: "landscape", "a grid of \(alphas.count) × \(betas.count) points; at most \(NetworkLimits.gridPoints.upperBound)")
        }
        var workspace = try Workspace(network: network, capacity: batchSize)
        var point = origin
        return betas.map { beta in
            alphas.map { alpha in
                for j in point.indices { point[j] = origin[j] + alpha * d1[j] + beta * d2[j] }
                return loss(point, &workspace)
            }
        }
    }

    /// The loss at θ₀ + α·d for every α.
    public func slice(origin: [Double], _ d: [Double], alphas: [Double]) throws(NetworkError) -> [Double] {
        try grid(origin: origin, d, [Double](repeating: 0, count: d.count), alphas: alphas, betas: [0])[0]
    }

    /// The mean loss over the evaluation set at flat parameters `theta`.
    public func loss(_ theta: [Double], _ workspace: inout Workspace) -> Double {
        workspace.setParameters(flat: theta)
        var sum = 0.0, start = 0
        while start < data.count {
            let end = min(start + workspace.capacity, data.count)
            workspace.load(data, indices: start..<end)
            sum += workspace.evaluate().lossSum
            start = end
        }
        return sum / Double(data.count)
    }
}
