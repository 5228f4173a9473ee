import DescentBase

/// torch's `nn.AvgPool2d(kernel_size, stride=kernel_size)` (no padding, floor mode): each
/// output is the sum of its window divided by kh·kw; backward adds dy/(kh·kw) to every input
/// of the window, as torch's CPU kernel.
public struct AvgPool2d: Layer {
    public let kernel: (height: Int, width: Int)
    public let stride: (height: Int, width: Int)
    let channels: Int, height: Int, width: Int, outHeight: Int, outWidth: Int
    public let inputShape: [Int]
    public let outputShape: [Int]

    init(input: [Int], kernel: (Int, Int), stride: (Int, Int), path: String) throws(NetworkError) {
        guard input.count == 3 else {
            throw NetworkError(path: path, "avgpool2d needs an input of shape [channels, height, width], got \(input)")
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
        "AvgPool2d(kernel_size=(\(kernel.height), \(kernel.width)), stride=(\(stride.height), \(stride.width)))"
    }

    func forward(_ b: LayerBuffers, mode _: ForwardMode, random _: inout SplitMix64) {
        let divisor = Double(kernel.height * kernel.width)
        for plane in 0..<(b.batch * channels) {
            let x = b.input + plane * height * width, y = b.output + plane * outHeight * outWidth
            for i in 0..<outHeight {
                for j in 0..<outWidth {
                    var sum = 0.0
                    for u in 0..<kernel.height {
                        for v in 0..<kernel.width { sum += x[(i * stride.height + u) * width + j * stride.width + v] }
                    }
                    y[i * outWidth + j] = sum / divisor
                }
            }
        }
    }

    func backward(_ b: LayerBuffers, mode _: ForwardMode) {
        guard let dx = b.inputGradient else { return }
        let divisor = Double(kernel.height * kernel.width)
        dx.update(repeating: 0, count: b.batch * inputCount)
        for plane in 0..<(b.batch * channels) {
            let target = dx + plane * height * width, dy = b.outputGradient + plane * outHeight * outWidth
            for i in 0..<outHeight {
                for j in 0..<outWidth {
                    let g = dy[i * outWidth + j] / divisor
                    for u in 0..<kernel.height {
                        for v in 0..<kernel.width { target[(i * stride.height + u) * width + j * stride.width + v] += g }
                    }
                }
            }
        }
    }
}
