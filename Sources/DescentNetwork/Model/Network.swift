import DescentBase
import DescentCore

/// A sequential network (torch's `nn.Sequential`) built from a `ModelSpec` for a per-sample
/// input shape: every layer's shapes inferred (`in_channels`, `in_features`), its parameters
/// named and shaped as torch's `state_dict` (`"0.weight"` `[out, in, kh, kw]`, `"0.bias"`,
/// `"4.weight"` `[out, in]`, … — the index counts every layer, parameterless ones included).
///
/// The network holds no weights: they are a `[Tensor]` in `parameters` order, which optimizers
/// update; a `Workspace` holds the memory of the passes. Building a network sets OpenBLAS to
/// one thread (`openblas_set_num_threads(1)`).
public struct Network: Sendable {
    /// One parameter tensor: its `state_dict` name and shape, and the layer it belongs to.
    public struct Parameter: Sendable, Hashable {
        public var name: String
        public var shape: [Int]
        /// Index of the layer in the spec.
        public var layer: Int
        /// torch's `fan_in` of the layer's weight (the default initialisation's 1/√fan_in bound).
        public var fanIn: Int
        public var count: Int { shape.reduce(1, *) }
    }

    public let spec: ModelSpec
    public let inputShape: [Int]
    public let outputShape: [Int]
    public let parameters: [Parameter]
    let layers: [any Layer]

    /// Builds the layers for inputs of `inputShape` (`[channels, height, width]` or `[features]`);
    /// `path` is the spec's JSON path for errors (a kernel larger than its input is
    /// `model[2].maxpool2d.kernel_size`).
    public init(_ spec: ModelSpec, inputShape: [Int], path: String = "model", file: String = "") throws(NetworkError) {
        _ = GEMM.singleThreaded
        guard (1...3).contains(inputShape.count), inputShape.allSatisfy({ $0 >= 1 }) else {
            throw NetworkError(file: file, path: path, "the input shape \(inputShape) is not [channels, height, width] or [features]")
        }
        var shape = inputShape
        var layers: [any Layer] = []
        var parameters: [Parameter] = []
        var activations = inputShape.reduce(1, *)
        var parameterCount = 0
        for (i, layerSpec) in spec.layers.enumerated() {
            let at = "\(path)[\(i)].\(layerSpec.name)"
            let layer: any Layer
            do throws(NetworkError) {
                switch layerSpec {
                case let .conv2d(out, kernel, stride, padding, bias):
                    layer = try Conv2d(
                        input: shape, outChannels: out, kernel: (kernel[0], kernel[1]), stride: (stride[0], stride[1]),
                        padding: (padding[0], padding[1]), bias: bias, path: at)
                case .relu: layer = ReLU(input: shape)
                case .tanh: layer = Tanh(input: shape)
                case let .maxpool2d(kernel, stride):
                    layer = try MaxPool2d(input: shape, kernel: (kernel[0], kernel[1]), stride: (stride[0], stride[1]), path: at)
                case let .avgpool2d(kernel, stride):
                    layer = try AvgPool2d(input: shape, kernel: (kernel[0], kernel[1]), stride: (stride[0], stride[1]), path: at)
                case .flatten: layer = Flatten(input: shape)
                case let .linear(out, bias): layer = try Linear(input: shape, outFeatures: out, bias: bias, path: at)
                case let .dropout(p): layer = Dropout(input: shape, p: p)
                }
            } catch {
                throw NetworkError(file: file, path: error.path, error.message)
            }
            for (suffix, pshape) in layer.parameterShapes {
                parameters.append(Parameter(name: "\(i).\(suffix)", shape: pshape, layer: i, fanIn: layer.fanIn))
                parameterCount += pshape.reduce(1, *)
            }
            guard parameterCount <= NetworkLimits.parameters else {
                throw NetworkError(file: file, path: at, "the model has more than \(NetworkLimits.parameters) parameters")
            }
            activations += layer.outputCount + layer.scratchCount(batch: 1)
            guard activations <= NetworkLimits.activationsPerSample else {
                throw NetworkError(file: file, path: at, "the activations of one sample exceed \(NetworkLimits.activationsPerSample) scalars")
            }
            shape = layer.outputShape
            layers.append(layer)
        }
        self.spec = spec
        self.inputShape = inputShape
        outputShape = shape
        self.parameters = parameters
        self.layers = layers
    }

    /// The BLAS kernel family in use (OpenBLAS's `openblas_get_corename()`), for benchmark
    /// records: see `GEMM.coreName`.
    public static var blasCore: String { GEMM.coreName }

    /// Total trainable scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

    /// The layers as torch prints them (`Conv2d(1, 8, kernel_size=(3, 3), …)`).
    public var layerDescriptions: [String] { layers.map(\.description) }

    /// torch's default initialisation of `nn.Conv2d` and `nn.Linear`: the weight by
    /// `kaiming_uniform_(a=√5)`, i.e. U(−1/√fan_in, 1/√fan_in), and the bias by
    /// U(−1/√fan_in, 1/√fan_in). The draws come from Descent's `SplitMix64(seed)` — not torch's
    /// generator, so the values differ from torch's for the same seed — parameter by parameter in
    /// `state_dict` order, each row-major, as `−b + 2b·u` with u uniform in [0, 1).
    public func initialParameters(seed: UInt64) -> [Tensor] {
        var random = SplitMix64(seed: seed)
        return parameters.map { p in
            let bound = 1 / Double(max(p.fanIn, 1)).squareRoot()
            var scalars = [Double](repeating: 0, count: p.count)
            for i in scalars.indices { scalars[i] = -bound + 2 * bound * random.nextUniform() }
            return Tensor(shape: p.shape, scalars: scalars)
        }
    }

    /// Scalars of the flat parameter vector (all tensors, `state_dict` order).
    func parameterOffsets() -> [Int] {
        var offsets: [Int] = [], at = 0
        for p in parameters {
            offsets.append(at)
            at += p.count
        }
        return offsets
    }
}
