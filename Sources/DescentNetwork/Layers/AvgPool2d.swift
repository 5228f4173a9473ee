import DescentBase

/// torch's `nn.AvgPool2d(kernel_size, stride=kernel_size)` (no padding, floor mode): each
/// output is the sum of its window divided by kh·kw; backward adds dy/(kh·kw) to every input
/// of the window, as torch's CPU kernel.
public struct AvgPool2d: Layer {
    let geometry: Pool2dGeometry
    public let inputShape: [Int]
    public let outputShape: [Int]

    init(input: [Int], kernel: (Int, Int), stride: (Int, Int), path: String) throws(NetworkError) {
        geometry = try Pool2dGeometry(input: input, kernel: kernel, stride: stride, layer: "avgpool2d", path: path)
        inputShape = geometry.inputShape
        outputShape = geometry.outputShape
    }

    public var description: String { "AvgPool2d(\(geometry.arguments))" }

    func forward(_ b: LayerBuffers, mode _: ForwardMode, random _: inout SplitMix64) {
        let (kernel, width, outWidth) = (geometry.kernel, geometry.width, geometry.outWidth)
        let divisor = Double(kernel.height * kernel.width)
        for plane in 0..<(b.batch * geometry.channels) {
            let x = b.input + plane * geometry.inputPlane, y = b.output + plane * geometry.outputPlane
            for i in 0..<geometry.outHeight {
                for j in 0..<outWidth {
                    let start = geometry.windowStart(i, j)
                    var sum = 0.0
                    for u in 0..<kernel.height {
                        for v in 0..<kernel.width { sum += x[start + u * width + v] }
                    }
                    y[i * outWidth + j] = sum / divisor
                }
            }
        }
    }

    func backward(_ b: LayerBuffers, mode _: ForwardMode) {
        guard let dx = b.inputGradient else { return }
        let (kernel, width, outWidth) = (geometry.kernel, geometry.width, geometry.outWidth)
        let divisor = Double(kernel.height * kernel.width)
        dx.update(repeating: 0, count: b.batch * inputCount)
        for plane in 0..<(b.batch * geometry.channels) {
            let target = dx + plane * geometry.inputPlane, dy = b.outputGradient + plane * geometry.outputPlane
            for i in 0..<geometry.outHeight {
                for j in 0..<outWidth {
                    let start = geometry.windowStart(i, j)
                    let g = dy[i * outWidth + j] / divisor
                    for u in 0..<kernel.height {
                        for v in 0..<kernel.width { target[start + u * width + v] += g }
                    }
                }
            }
        }
    }
}
