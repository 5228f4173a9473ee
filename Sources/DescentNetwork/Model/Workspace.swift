import DescentBase
import DescentCore

/// The memory of a network's passes for batches of up to `capacity` samples, allocated once
/// and reused every step (`WorkspaceLayout`): one arena of doubles holding the batch input,
/// every layer's output, the gradients with respect to them, each layer's scratch (im2col
/// columns, pooling indices, dropout masks), the flat parameter vector and the flat parameter
/// gradient; and the batch's labels. A short batch uses the front of each region.
///
/// Parameters are copied in (`setParameters`) and the gradient copied out (`copyGradient`),
/// flat, in `state_dict` order: O(parameters) copies per step and no allocation. A value
/// type: a copy owns its own memory (copied on its first write).
public struct Workspace: Sendable {
    let layout: WorkspaceLayout
    /// Samples in the current batch.
    public private(set) var batch = 0
    var arena: [Double]
    var labels: [Int32]

    public init(network: Network, capacity: Int) throws(NetworkError) {
        layout = try WorkspaceLayout(network: network, capacity: capacity)
        arena = [Double](repeating: 0, count: layout.size)
        labels = [Int32](repeating: 0, count: capacity)
    }

    public var network: Network { layout.network }
    public var capacity: Int { layout.capacity }
    public var parameterCount: Int { layout.network.parameterCount }

    /// Loads samples `indices` of `data` (1 … `capacity` of them) as the current batch.
    public mutating func load(_ data: Dataset, indices: some Collection<Int>) {
        precondition(indices.count <= capacity && indices.count > 0, "Workspace: a batch of \(indices.count) for capacity \(capacity)")
        precondition(data.sampleSize == layout.inputSize, "Workspace: samples of \(data.sampleSize) scalars for inputs of \(layout.inputSize)")
        let size = data.sampleSize, start = layout.activation[0]
        batch = indices.count
        data.values.withUnsafeBufferPointer { table in
            data.pixels.withUnsafeBufferPointer { pixels in
                arena.withUnsafeMutableBufferPointer { a in
                    for (j, index) in indices.enumerated() {
                        let from = index * size, to = start + j * size
                        for p in 0..<size { a[to + p] = table[Int(pixels[from + p])] }
                    }
                }
            }
        }
        for (j, index) in indices.enumerated() { labels[j] = Int32(data.labels[index]) }
    }

    /// Loads an explicit batch: `inputs` row-major (`labels.count × input size`), `labels` in 0 ..< classes.
    public mutating func load(inputs: [Double], labels batchLabels: [Int]) {
        precondition(batchLabels.count <= capacity && batchLabels.count > 0 && inputs.count == batchLabels.count * layout.inputSize)
        precondition(batchLabels.allSatisfy { (0..<layout.classes).contains($0) })
        batch = batchLabels.count
        let start = layout.activation[0]
        for i in inputs.indices { arena[start + i] = inputs[i] }
        for (j, y) in batchLabels.enumerated() { labels[j] = Int32(y) }
    }

    /// Copies the parameters (`network.parameters` order and shapes) into the arena.
    public mutating func setParameters(_ parameters: [Tensor]) {
        precondition(parameters.count == layout.parameterOffsets.count, "Workspace: \(parameters.count) parameter tensors for \(layout.parameterOffsets.count)")
        let layout = self.layout
        arena.withUnsafeMutableBufferPointer { a in
            for (p, tensor) in parameters.enumerated() {
                precondition(tensor.count == layout.network.parameters[p].count, "Workspace: parameter \(p) has \(tensor.count) scalars")
                tensor.scalars.withUnsafeBufferPointer { s in
                    (a.baseAddress! + layout.parameterStart + layout.parameterOffsets[p]).update(from: s.baseAddress!, count: s.count)
                }
            }
        }
    }

    /// Sets the flat parameters (`parameterCount` scalars, `state_dict` order).
    public mutating func setParameters(flat theta: [Double]) {
        precondition(theta.count == parameterCount, "Workspace: \(theta.count) scalars for \(parameterCount) parameters")
        let start = layout.parameterStart
        for i in theta.indices { arena[start + i] = theta[i] }
    }

    /// Sets the flat parameters to θ + h·v (θ and v flat, `parameterCount` scalars).
    public mutating func setParameters(_ theta: ArraySlice<Double>, plus h: Double, times v: [Double]) {
        let start = layout.parameterStart
        for (i, (t, d)) in zip(theta, v).enumerated() { arena[start + i] = t + h * d }
    }

    /// The parameters last set, flat.
    public var flatParameters: ArraySlice<Double> { arena[layout.parameterStart..<(layout.parameterStart + parameterCount)] }
    /// The gradient of the last `lossAndGradient`, flat.
    public var flatGradient: ArraySlice<Double> { arena[layout.gradientStart..<(layout.gradientStart + parameterCount)] }

    /// The logits of the current batch (`batch × classes`) after the last forward pass.
    public var logits: ArraySlice<Double> {
        arena[layout.logitsStart..<(layout.logitsStart + batch * layout.classes)]
    }

    /// Copies the last gradient into `gradients` (shaped as the parameters) without allocating.
    public func copyGradient(into gradients: inout [Tensor]) {
        let layout = self.layout
        arena.withUnsafeBufferPointer { a in
            for p in gradients.indices {
                gradients[p].scalars.withUnsafeMutableBufferPointer { g in
                    g.baseAddress!.update(from: a.baseAddress! + layout.gradientStart + layout.parameterOffsets[p], count: g.count)
                }
            }
        }
    }

    /// The mean cross-entropy of the current batch at the current parameters, after a forward
    /// and a backward pass: the gradient is then in the arena (`copyGradient`, `flatGradient`).
    public mutating func lossAndGradient(mode: ForwardMode, random: inout SplitMix64) -> Double {
        let n = batch, layout = self.layout
        return labels.withUnsafeBufferPointer { y in
            arena.withUnsafeMutableBufferPointer { a in
                let base = a.baseAddress!
                layout.forward(base, batch: n, mode: mode, random: &random)
                let loss = CrossEntropy.loss(
                    logits: base + layout.logitsStart, labels: y.baseAddress!, batch: n, classes: layout.classes,
                    gradient: base + layout.gradient[layout.network.layers.count])
                layout.backward(base, batch: n, mode: mode)
                return loss
            }
        }
    }

    /// The summed cross-entropy and the correctly classified samples of the current batch, by a
    /// forward pass in evaluation mode.
    public mutating func evaluate() -> (lossSum: Double, correct: Int) {
        let n = batch, layout = self.layout
        var unused = SplitMix64(seed: 0)
        return labels.withUnsafeBufferPointer { y in
            arena.withUnsafeMutableBufferPointer { a in
                let base = a.baseAddress!
                layout.forward(base, batch: n, mode: .evaluation, random: &unused)
                return CrossEntropy.sumAndCorrect(logits: base + layout.logitsStart, labels: y.baseAddress!, batch: n, classes: layout.classes)
            }
        }
    }
}
