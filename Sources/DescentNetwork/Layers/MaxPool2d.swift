import DescentBase

/// torch's `nn.MaxPool2d(kernel_size, stride=kernel_size)` (no padding, dilation 1, floor
/// mode): each output is the largest input of its window. Ties go as in torch's CPU kernel: the
/// window is scanned row by row and a value replaces the maximum only when greater (or NaN), so
/// the first maximum wins; backward sends dy to that input (accumulating where windows overlap).
public struct MaxPool2d: Layer {
    public let kernel: (height: Int, width: Int)
    public let stride: (height: Int, width: Int)
    let channels: Int, height: Int, width: Int, outHeight: Int, outWidth: Int
    public let inputShape: [Int]
    public let outputShape: [Int]

    init(input: [Int], kernel: (Int, Int), stride: (Int, Int), path: String) throws(NetworkError) {
        guard input.count == 3 else {
            throw NetworkError(path: path, "maxpool2d needs an input of shape [channels, height, width], got \(input)")
        }
        (channels, height, width) = (input[0], input[1], input[2])
        self.kernel = kernel
        self.stride = stride
        guard kernel.0 <= height, kernel.1 <= width else {
            throw NetworkError(path: path + ".kernel_size", "kernel \(kernel.0)×\(kernel.1) is larger than the input \(height)×\(width)")
        }
        outHeight = (height - kernel.0) / stride.0 + 1
        outWidth = (width - kernel.1) / stride.1 + 1
        inputShape = input
        outputShape = [channels, outHeight, outWidth]
    }

    public var description: String {
        "MaxPool2d(kernel_size=(\(kernel.height), \(kernel.width)), stride=(\(stride.height), \(stride.width)))"
    }

    /// The index (within its channel plane) of each output's maximum.
    func scratchCount(batch: Int) -> Int { batch * outputCount }

    func forward(_ b: LayerBuffers, mode _: ForwardMode, random _: inout SplitMix64) {
        for plane in 0..<(b.batch * channels) {
            let x = b.input + plane * height * width
            let y = b.output + plane * outHeight * outWidth, arg = b.scratch + plane * outHeight * outWidth
            for i in 0..<outHeight {
                for j in 0..<outWidth {
                    let h0 = i * stride.height, w0 = j * stride.width
                    var best = h0 * width + w0
                    var maximum = x[best]
                    var unordered = maximum != maximum
                    for u in 0..<kernel.height {
                        for v in 0..<kernel.width {
                            let at = (h0 &+ u) &* width &+ w0 &+ v
                            let value = x[at]
                            // A select, not a branch (the comparison is unpredictable).
                            let take = value > maximum
                            maximum = take ? value : maximum
                            best = take ? at : best
                            unordered = unordered || value != value
                        }
                    }
                    if unordered {
                        // torch's rule with NaNs: `value > maximum || isnan(value)` replaces.
                        best = h0 * width + w0
                        maximum = x[best]
                        for u in 0..<kernel.height {
                            for v in 0..<kernel.width {
                                let at = (h0 + u) * width + w0 + v
                                if x[at] > maximum || x[at].isNaN { (maximum, best) = (x[at], at) }
                            }
                        }
                    }
                    y[i * outWidth + j] = maximum
                    arg[i * outWidth + j] = Double(best)
                }
            }
        }
    }

    func backward(_ b: LayerBuffers, mode _: ForwardMode) {
        guard let dx = b.inputGradient else { return }
        dx.update(repeating: 0, count: b.batch * inputCount)
        for plane in 0..<(b.batch * channels) {
            let target = dx + plane * height * width
            let dy = b.outputGradient + plane * outHeight * outWidth, arg = b.scratch + plane * outHeight * outWidth
            for o in 0..<(outHeight * outWidth) { target[Int(arg[o])] += dy[o] }
        }
    }
}
