import DescentBase

/// torch's `nn.Linear(in_features, out_features, bias)`: y = x·Wᵀ + b over the batch, one
/// GEMM as torch's `addmm` (the bias is the GEMM's initial C, β = 1). Backward:
/// dW = dyᵀ·x, db = Σₙ dy, dx = dy·W. Weight `[out, in]`, bias `[out]`.
public struct Linear: Layer {
    public let inFeatures: Int
    public let outFeatures: Int
    public let hasBias: Bool
    public let inputShape: [Int]
    public let outputShape: [Int]

    init(input: [Int], outFeatures: Int, bias: Bool, path: String) throws(NetworkError) {
        guard input.count == 1 else {
            throw NetworkError(path: path, "linear needs a flat input of shape [features], got \(input); add \"flatten\" before it")
        }
        inFeatures = input[0]
        self.outFeatures = outFeatures
        hasBias = bias
        inputShape = input
        outputShape = [outFeatures]
    }

    var parameterShapes: [(suffix: String, shape: [Int])] {
        let w = ("weight", [outFeatures, inFeatures])
        return hasBias ? [w, ("bias", [outFeatures])] : [w]
    }

    var fanIn: Int { inFeatures }

    public var description: String {
        "Linear(in_features=\(inFeatures), out_features=\(outFeatures), bias=\(hasBias ? "True" : "False"))"
    }

    func forward(_ b: LayerBuffers, mode _: ForwardMode, random _: inout SplitMix64) {
        let n = b.batch
        for s in 0..<n {
            let row = b.output + s * outFeatures
            if hasBias { row.update(from: b.bias!, count: outFeatures) } else { row.update(repeating: 0, count: outFeatures) }
        }
        GEMM.multiply(
            transposeA: false, transposeB: true, m: n, n: outFeatures, k: inFeatures,
            UnsafePointer(b.input), lda: inFeatures, UnsafePointer(b.weight!), ldb: inFeatures,
            beta: 1, b.output, ldc: outFeatures)
    }

    func backward(_ b: LayerBuffers, mode _: ForwardMode) {
        let n = b.batch
        GEMM.multiply(
            transposeA: true, transposeB: false, m: outFeatures, n: inFeatures, k: n,
            UnsafePointer(b.outputGradient), lda: outFeatures, UnsafePointer(b.input), ldb: inFeatures,
            beta: 0, b.weightGradient!, ldc: inFeatures)
        if hasBias {
            let db = b.biasGradient!
            db.update(repeating: 0, count: outFeatures)
            for s in 0..<n {
                let row = b.outputGradient + s * outFeatures
                for o in 0..<outFeatures { db[o] += row[o] }
            }
        }
        guard let dx = b.inputGradient else { return }
        GEMM.multiply(
            transposeA: false, transposeB: false, m: n, n: inFeatures, k: outFeatures,
            UnsafePointer(b.outputGradient), lda: outFeatures, UnsafePointer(b.weight!), ldb: inFeatures,
            beta: 0, dx, ldc: inFeatures)
    }
}
