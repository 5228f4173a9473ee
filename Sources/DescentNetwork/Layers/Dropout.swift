import DescentBase

/// torch's `nn.Dropout(p)`: in training, each scalar is kept with probability 1 − p and scaled
/// by 1/(1 − p), else zeroed (y = x·mask, mask = bernoulli(1 − p)/(1 − p), as torch's
/// `dropout`); in evaluation, the identity. Backward: dx = dy·mask (training), dy (evaluation).
///
/// The masks come from Descent's `SplitMix64` (a scalar is kept when a uniform draw u satisfies
/// u < 1 − p), not torch's generator: runs with dropout match torch in distribution only.
public struct Dropout: Layer {
    public let p: Double
    public let inputShape: [Int]
    public var outputShape: [Int] { inputShape }
    public var description: String { "Dropout(p=\(p), inplace=False)" }

    init(input: [Int], p: Double) {
        inputShape = input
        self.p = p
    }

    /// The mask of the last training pass.
    func scratchCount(batch: Int) -> Int { batch * inputCount }

    func forward(_ b: LayerBuffers, mode: ForwardMode, random: inout SplitMix64) {
        let count = b.batch * inputCount
        switch mode {
        case .evaluation:
            b.output.update(from: b.input, count: count)
            return
        case .training:
            let keep = 1 - p, scale = 1 / (1 - p)
            for i in 0..<count { b.scratch[i] = random.nextUniform() < keep ? scale : 0 }
        case .trainingReusingMasks:
            break
        }
        for i in 0..<count { b.output[i] = b.input[i] * b.scratch[i] }
    }

    func backward(_ b: LayerBuffers, mode: ForwardMode) {
        guard let dx = b.inputGradient else { return }
        let count = b.batch * inputCount
        if mode == .evaluation {
            dx.update(from: b.outputGradient, count: count)
        } else {
            for i in 0..<count { dx[i] = b.outputGradient[i] * b.scratch[i] }
        }
    }
}
