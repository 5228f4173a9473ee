/// The windows of a 2-D pooling layer, as torch's `nn.MaxPool2d`/`nn.AvgPool2d(kernel_size,
/// stride)` place them (no padding, dilation 1, floor mode): on a `[channels, height, width]`
/// input, output (i, j) of each channel plane covers rows i·sh ..< i·sh + kh and columns
/// j·sw ..< j·sw + kw, and there are ⌊(h − kh)/sh⌋ + 1 × ⌊(w − kw)/sw⌋ + 1 of them.
struct Pool2dGeometry: Sendable {
    let kernel: (height: Int, width: Int)
    let stride: (height: Int, width: Int)
    let channels: Int, height: Int, width: Int, outHeight: Int, outWidth: Int

    /// Throws, naming `path`, for an input that is not `[channels, height, width]` or smaller
    /// than the kernel; `layer` is the layer's config name (`maxpool2d`).
    init(input: [Int], kernel: (Int, Int), stride: (Int, Int), layer: String, path: String) throws(NetworkError) {
        guard input.count == 3 else {
            throw NetworkError(path: path, "\(layer) needs an input of shape [channels, height, width], got \(input)")
        }
        (channels, height, width) = (input[0], input[1], input[2])
        self.kernel = kernel
        self.stride = stride
        guard kernel.0 <= height, kernel.1 <= width else {
            throw NetworkError(path: path + ".kernel_size", "kernel \(kernel.0)×\(kernel.1) is larger than the input \(height)×\(width)")
        }
        outHeight = (height - kernel.0) / stride.0 + 1
        outWidth = (width - kernel.1) / stride.1 + 1
    }

    var inputShape: [Int] { [channels, height, width] }
    var outputShape: [Int] { [channels, outHeight, outWidth] }
    /// Scalars in one channel plane of the input and of the output.
    var inputPlane: Int { height * width }
    var outputPlane: Int { outHeight * outWidth }

    /// The index, within a channel plane, of the first input of output (i, j)'s window.
    @inline(__always) func windowStart(_ i: Int, _ j: Int) -> Int {
        i * stride.height * width + j * stride.width
    }

    /// The module's arguments as torch prints them.
    var arguments: String {
        "kernel_size=(\(kernel.height), \(kernel.width)), stride=(\(stride.height), \(stride.width))"
    }
}
