import DescentBase

/// Where each region of a `Workspace`'s arena starts, for a network and a batch capacity, and
/// the passes over an arena so laid out. Immutable: the passes read it while the arena is written.
struct WorkspaceLayout: Sendable {
    let network: Network
    let capacity: Int
    /// `activation[i]` is layer i's input (`activation[0]` the batch, the last the logits).
    let activation: [Int]
    /// `gradient[i]`: dL/d(activation[i]) for i ≥ 1.
    let gradient: [Int]
    let scratch: [Int]
    let parameterStart: Int
    let gradientStart: Int
    /// Offsets of each parameter tensor within the flat vector.
    let parameterOffsets: [Int]
    /// Per layer, the index of its weight and bias in `network.parameters`, or nil.
    let weightIndex: [Int?]
    let biasIndex: [Int?]
    /// Scalars of the whole arena.
    let size: Int

    init(network: Network, capacity: Int) throws(NetworkError) {
        guard NetworkLimits.batchSize.contains(capacity) else {
            throw NetworkError(path: "batch_size", "a batch has \(NetworkLimits.batchSize.lowerBound)…\(NetworkLimits.batchSize.upperBound) samples, got \(capacity)")
        }
        self.network = network
        self.capacity = capacity
        var at = 0
        func region(_ count: Int) -> Int {
            defer { at += count }
            return at
        }
        var activation = [region(capacity * network.inputShape.reduce(1, *))]
        var gradient = [-1]
        var scratch: [Int] = []
        for layer in network.layers {
            activation.append(region(capacity * layer.outputCount))
            gradient.append(region(capacity * layer.outputCount))
            scratch.append(region(layer.scratchCount(batch: capacity)))
        }
        parameterStart = region(network.parameterCount)
        gradientStart = region(network.parameterCount)
        guard at <= NetworkLimits.workspaceScalars else {
            throw NetworkError(path: "batch_size", "batches of \(capacity) samples need \(at) scalars of memory, more than \(NetworkLimits.workspaceScalars)")
        }
        size = at
        self.activation = activation
        self.gradient = gradient
        self.scratch = scratch
        parameterOffsets = network.parameterOffsets()
        weightIndex = network.layers.indices.map { i in network.parameters.firstIndex { $0.layer == i && $0.name.hasSuffix(".weight") } }
        biasIndex = network.layers.indices.map { i in network.parameters.firstIndex { $0.layer == i && $0.name.hasSuffix(".bias") } }
    }

    var inputSize: Int { network.inputShape.reduce(1, *) }
    var classes: Int { network.outputShape.reduce(1, *) }
    var logitsStart: Int { activation[network.layers.count] }

    /// Layer i's view of the arena for a batch of `batch` samples.
    func buffers(_ i: Int, _ base: UnsafeMutablePointer<Double>, batch: Int) -> LayerBuffers {
        var b = LayerBuffers(
            batch: batch, input: base + activation[i], output: base + activation[i + 1],
            inputGradient: i == 0 ? nil : base + gradient[i], outputGradient: base + gradient[i + 1],
            weight: nil, bias: nil, weightGradient: nil, biasGradient: nil, scratch: base + scratch[i])
        if let w = weightIndex[i] {
            b.weight = base + parameterStart + parameterOffsets[w]
            b.weightGradient = base + gradientStart + parameterOffsets[w]
        }
        if let c = biasIndex[i] {
            b.bias = base + parameterStart + parameterOffsets[c]
            b.biasGradient = base + gradientStart + parameterOffsets[c]
        }
        return b
    }

    func forward(_ base: UnsafeMutablePointer<Double>, batch: Int, mode: ForwardMode, random: inout SplitMix64) {
        for i in network.layers.indices {
            network.layers[i].forward(buffers(i, base, batch: batch), mode: mode, random: &random)
        }
    }

    /// Back-propagates dL/d(logits), already at `gradient.last`, through every layer.
    func backward(_ base: UnsafeMutablePointer<Double>, batch: Int, mode: ForwardMode) {
        for i in network.layers.indices.reversed() {
            network.layers[i].backward(buffers(i, base, batch: batch), mode: mode)
        }
    }
}
