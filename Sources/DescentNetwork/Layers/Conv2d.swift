import DescentBase

/// torch's `nn.Conv2d(in_channels, out_channels, kernel_size, stride, padding, bias)` with
/// zero padding, dilation 1 and one group: for each sample,
///
///     y[o, i, j] = b[o] + Σ_{c, u, v} W[o, c, u, v] · x[c, i·sₕ − pₕ + u, j·s_w − p_w + v]
///
/// computed as torch's CPU `slow_conv2d` does, im2col then one GEMM — here one GEMM for the
/// whole batch: columns C = [K × N·L] (K = in·kh·kw, L = out_h·out_w), Y′ = W·C, y = Y′
/// permuted to NCHW, plus b. Backward: dW = dY′·Cᵀ, db = Σ dY′, dC = Wᵀ·dY′, dx = col2im(dC).
/// Weight `[out, in, kh, kw]`, bias `[out]`, as torch's.
public struct Conv2d: Layer {
    public let inChannels: Int
    public let outChannels: Int
    public let kernel: (height: Int, width: Int)
    public let stride: (height: Int, width: Int)
    public let padding: (height: Int, width: Int)
    public let hasBias: Bool
    let height: Int, width: Int, outHeight: Int, outWidth: Int

    public let inputShape: [Int]
    public let outputShape: [Int]

    init(
        input: [Int], outChannels: Int, kernel: (Int, Int), stride: (Int, Int), padding: (Int, Int), bias: Bool,
        path: String
    ) throws(NetworkError) {
        guard input.count == 3 else {
            throw NetworkError(path: path, "conv2d needs an input of shape [channels, height, width], got \(input)")
        }
        (inChannels, height, width) = (input[0], input[1], input[2])
        self.outChannels = outChannels
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        hasBias = bias
        outHeight = (height + 2 * padding.0 - kernel.0) / stride.0 + 1
        outWidth = (width + 2 * padding.1 - kernel.1) / stride.1 + 1
        guard height + 2 * padding.0 >= kernel.0, width + 2 * padding.1 >= kernel.1 else {
            throw NetworkError(
                path: path + ".kernel_size",
                "kernel \(kernel.0)×\(kernel.1) is larger than the padded input \(height + 2 * padding.0)×\(width + 2 * padding.1)")
        }
        inputShape = input
        outputShape = [outChannels, outHeight, outWidth]
    }

    var parameterShapes: [(suffix: String, shape: [Int])] {
        let w = ("weight", [outChannels, inChannels, kernel.height, kernel.width])
        return hasBias ? [w, ("bias", [outChannels])] : [w]
    }

    var fanIn: Int { inChannels * kernel.height * kernel.width }

    public var description: String {
        "Conv2d(\(inChannels), \(outChannels), kernel_size=(\(kernel.height), \(kernel.width)), "
            + "stride=(\(stride.height), \(stride.width)), padding=(\(padding.height), \(padding.width))"
            + (hasBias ? ")" : ", bias=False)")
    }

    /// Rows of the column matrix (K) and output positions per sample (L).
    var columnRows: Int { fanIn }
    var positions: Int { outHeight * outWidth }

    /// The columns C [K × N·L], then Y′ / dY′ [out × N·L].
    func scratchCount(batch: Int) -> Int { (columnRows + outChannels) * batch * positions }

    func forward(_ b: LayerBuffers, mode _: ForwardMode, random _: inout SplitMix64) {
        let n = b.batch, l = positions, nl = n * l, k = columnRows
        let columns = b.scratch, product = b.scratch + k * nl
        im2col(b.input, columns, batch: n)
        GEMM.multiply(
            transposeA: false, transposeB: false, m: outChannels, n: nl, k: k,
            UnsafePointer(b.weight!), lda: k, UnsafePointer(columns), ldb: nl, beta: 0, product, ldc: nl)
        for s in 0..<n {
            for o in 0..<outChannels {
                let bias = hasBias ? b.bias![o] : 0
                let from = product + o * nl + s * l, to = b.output + (s * outChannels + o) * l
                for p in 0..<l { to[p] = from[p] + bias }
            }
        }
    }

    func backward(_ b: LayerBuffers, mode _: ForwardMode) {
        let n = b.batch, l = positions, nl = n * l, k = columnRows
        let columns = b.scratch, dProduct = b.scratch + k * nl
        for s in 0..<n {
            for o in 0..<outChannels {
                let from = b.outputGradient + (s * outChannels + o) * l, to = dProduct + o * nl + s * l
                for p in 0..<l { to[p] = from[p] }
            }
        }
        if hasBias {
            for o in 0..<outChannels {
                var sum = 0.0
                let row = dProduct + o * nl
                for p in 0..<nl { sum += row[p] }
                b.biasGradient![o] = sum
            }
        }
        // dW = dY′ · Cᵀ  [out × K]
        GEMM.multiply(
            transposeA: false, transposeB: true, m: outChannels, n: k, k: nl,
            UnsafePointer(dProduct), lda: nl, UnsafePointer(columns), ldb: nl, beta: 0, b.weightGradient!, ldc: k)
        guard let dx = b.inputGradient else { return }
        // dC = Wᵀ · dY′  [K × N·L], over the columns (no longer needed), then col2im.
        GEMM.multiply(
            transposeA: true, transposeB: false, m: k, n: nl, k: outChannels,
            UnsafePointer(b.weight!), lda: k, UnsafePointer(dProduct), ldb: nl, beta: 0, columns, ldc: nl)
        col2im(columns, dx, batch: n)
    }

    /// C[(c·kh + u)·kw + v, s·L + i·out_w + j] = x[s, c, i·sₕ − pₕ + u, j·s_w − p_w + v], 0 outside.
    func im2col(_ x: UnsafePointer<Double>, _ columns: UnsafeMutablePointer<Double>, batch n: Int) {
        let l = positions, nl = n * l
        for c in 0..<inChannels {
            for u in 0..<kernel.height {
                for v in 0..<kernel.width {
                    let row = columns + ((c * kernel.height + u) * kernel.width + v) * nl
                    for s in 0..<n {
                        let plane = x + (s * inChannels + c) * height * width
                        let out = row + s * l
                        for i in 0..<outHeight {
                            let h = i * stride.height - padding.height + u
                            let line = out + i * outWidth
                            guard h >= 0 && h < height else {
                                for j in 0..<outWidth { line[j] = 0 }
                                continue
                            }
                            let source = plane + h * width
                            let (lo, hi) = validColumns(v)
                            for j in 0..<lo { line[j] = 0 }
                            if stride.width == 1 {
                                let shifted = source + (v - padding.width)  // a contiguous run: vectorised
                                for j in lo..<hi { line[j] = shifted[j] }
                            } else {
                                for j in lo..<hi { line[j] = source[j &* stride.width &- padding.width &+ v] }
                            }
                            for j in hi..<outWidth { line[j] = 0 }
                        }
                    }
                }
            }
        }
    }

    /// The output columns j whose input column j·s_w − p_w + v lies inside the image: lo ..< hi.
    func validColumns(_ v: Int) -> (Int, Int) {
        // j·s ≥ p − v  ⇔  j ≥ ⌈(p − v)/s⌉;   j·s ≤ W − 1 + p − v  ⇔  j ≤ ⌊(W − 1 + p − v)/s⌋.
        let low = padding.width - v, high = width - 1 + padding.width - v
        let lo = low <= 0 ? 0 : (low + stride.width - 1) / stride.width
        let hi = high < 0 ? 0 : high / stride.width + 1
        return (min(lo, outWidth), max(min(hi, outWidth), min(lo, outWidth)))
    }

    /// dx ← 0, then dx[s, c, h, w] += dC[row, column] for every column entry im2col read from (s, c, h, w).
    func col2im(_ columns: UnsafePointer<Double>, _ dx: UnsafeMutablePointer<Double>, batch n: Int) {
        let l = positions, nl = n * l
        dx.update(repeating: 0, count: n * inChannels * height * width)
        for c in 0..<inChannels {
            for u in 0..<kernel.height {
                for v in 0..<kernel.width {
                    let row = columns + ((c * kernel.height + u) * kernel.width + v) * nl
                    for s in 0..<n {
                        let plane = dx + (s * inChannels + c) * height * width
                        let out = row + s * l
                        for i in 0..<outHeight {
                            let h = i * stride.height - padding.height + u
                            guard h >= 0 && h < height else { continue }
                            let line = out + i * outWidth, target = plane + h * width
                            let (lo, hi) = validColumns(v)
                            if stride.width == 1 {
                                let shifted = target + (v - padding.width)
                                for j in lo..<hi { shifted[j] += line[j] }
                            } else {
                                for j in lo..<hi { target[j &* stride.width &- padding.width &+ v] += line[j] }
                            }
                        }
                    }
                }
            }
        }
    }
}
