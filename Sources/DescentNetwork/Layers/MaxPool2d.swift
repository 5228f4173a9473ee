import DescentBase

/// torch's `nn.MaxPool2d(kernel_size, stride=kernel_size)` (no padding, dilation 1, floor
/// mode): each output is the largest input of its window. Ties go as in torch's CPU kernel: the
/// window is scanned row by row and a value replaces the maximum only when greater (or NaN), so
/// the first maximum wins; backward sends dy to that input (accumulating where windows overlap).
public struct MaxPool2d: Layer {
    let geometry: Pool2dGeometry
    public let inputShape: [Int]
    public let outputShape: [Int]

    init(input: [Int], kernel: (Int, Int), stride: (Int, Int), path: String) throws(NetworkError) {
        geometry = try Pool2dGeometry(input: input, kernel: kernel, stride: stride, layer: "maxpool2d", path: path)
        inputShape = geometry.inputShape
        outputShape = geometry.outputShape
    }

    public var description: String { "MaxPool2d(\(geometry.arguments))" }

    /// The index (within its channel plane) of each output's maximum.
    func scratchCount(batch: Int) -> Int { batch * outputCount }

    func forward(_ b: LayerBuffers, mode _: ForwardMode, random _: inout SplitMix64) {
        let (kernel, width, outWidth) = (geometry.kernel, geometry.width, geometry.outWidth)
        for plane in 0..<(b.batch * geometry.channels) {
            let x = b.input + plane * geometry.inputPlane
            let y = b.output + plane * geometry.outputPlane, arg = b.scratch + plane * geometry.outputPlane
            for i in 0..<geometry.outHeight {
                for j in 0..<outWidth {
                    let start = geometry.windowStart(i, j)
                    var best = start
                    var maximum = x[best]
                    var unordered = maximum != maximum
                    for u in 0..<kernel.height {
                        for v in 0..<kernel.width {
                            let at = start &+ u &* width &+ v
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
                        best = start
                        maximum = x[best]
                        for u in 0..<kernel.height {
                            for v in 0..<kernel.width {
                                let at = start + u * width + v
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
        for plane in 0..<(b.batch * geometry.channels) {
            let target = dx + plane * geometry.inputPlane
            let dy = b.outputGradient + plane * geometry.outputPlane, arg = b.scratch + plane * geometry.outputPlane
            for o in 0..<geometry.outputPlane { target[Int(arg[o])] += dy[o] }
        }
    }
}
