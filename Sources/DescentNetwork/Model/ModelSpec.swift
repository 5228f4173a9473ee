import DescentBase

/// A sequential model as a config lists it — torch's `nn.Sequential` of `torch.nn` layers:
///
///     [{"conv2d": {"out_channels": 8, "kernel_size": 3, "padding": 1}}, "relu",
///      {"maxpool2d": 2}, "flatten", {"linear": 10}]
///
/// A bare string is a layer without parameters (`"relu"`, `"tanh"`, `"flatten"`, `"dropout"`);
/// an object of one key names the layer and holds its parameters, either in full
/// (`{"maxpool2d": {"kernel_size": 2, "stride": 2}}`, `{"linear": {"out_features": 10}}`,
/// `{"dropout": {"p": 0.5}}`) or as a shorthand number: the kernel size of a pooling layer,
/// `out_features` of a linear layer, `p` of dropout. Kernel sizes, strides and padding are a
/// number or a pair `[height, width]`, as in torch.
///
/// Parsing rejects unknown layers and keys and out-of-range values (`NetworkLimits`) with the
/// JSON path (`model[3].conv2d.kernel_size`); shape errors (a kernel larger than its input, a
/// linear layer on an image) are found when a `Network` is built for an input shape.
public struct ModelSpec: Sendable, Hashable {
    public var layers: [LayerSpec]

    public init(_ layers: [LayerSpec]) {
        self.layers = layers
    }

    /// Parses a spec; `path` is the JSON path of `json` in its file (`model` by default) and
    /// `file` the file named in errors.
    public init(json: JSONValue, path: String = "model", file: String = "") throws(NetworkError) {
        let reader = SpecReader(file: file)
        guard case .array(let items) = json else {
            throw reader.error(path, "expected a list of layers, got \(json.kind)")
        }
        guard NetworkLimits.layers.contains(items.count) else {
            throw reader.error(path, "a model has \(NetworkLimits.layers.lowerBound)…\(NetworkLimits.layers.upperBound) layers, got \(items.count)")
        }
        layers = []
        for (i, item) in items.enumerated() {
            layers.append(try reader.layer(item, path: "\(path)[\(i)]"))
        }
    }

    /// The spec as JSON, in the full-object form (parses back to an equal spec).
    public var json: JSONValue {
        .array(layers.map { layer -> JSONValue in
            func pair(_ p: [Int]) -> JSONValue { .array(p.map { .number(Double($0)) }) }
            switch layer {
            case .relu, .tanh, .flatten: return .string(layer.name)
            case let .conv2d(out, kernel, stride, padding, bias):
                return .object([(layer.name, .object([
                    ("out_channels", .number(Double(out))), ("kernel_size", pair(kernel)), ("stride", pair(stride)),
                    ("padding", pair(padding)), ("bias", .bool(bias)),
                ]))])
            case let .maxpool2d(kernel, stride), let .avgpool2d(kernel, stride):
                return .object([(layer.name, .object([("kernel_size", pair(kernel)), ("stride", pair(stride))]))])
            case let .linear(out, bias):
                return .object([(layer.name, .object([("out_features", .number(Double(out))), ("bias", .bool(bias))]))])
            case let .dropout(p):
                return .object([(layer.name, .object([("p", .number(p))]))])
            }
        })
    }

    /// The default digits network: conv 8 3×3 pad 1 → relu → maxpool 2 → flatten → linear 10.
    public static let digitsDefault = ModelSpec([
        .conv2d(outChannels: 8, kernel: [3, 3], stride: [1, 1], padding: [1, 1], bias: true), .relu,
        .maxpool2d(kernel: [2, 2], stride: [2, 2]), .flatten, .linear(outFeatures: 10, bias: true),
    ])
}
