/// One layer of a model spec, with torch's parameters (`torch.nn` names and defaults); shapes
/// (`in_channels`, `in_features`) are not part of it: a `Network` infers them from its input.
public enum LayerSpec: Sendable, Hashable {
    /// `nn.Conv2d`: kernel, stride and padding as (height, width); stride 1, padding 0 and a bias by default.
    case conv2d(outChannels: Int, kernel: [Int], stride: [Int], padding: [Int], bias: Bool)
    case relu
    case tanh
    /// `nn.MaxPool2d`: kernel and stride as (height, width); the stride defaults to the kernel.
    case maxpool2d(kernel: [Int], stride: [Int])
    /// `nn.AvgPool2d`: kernel and stride as (height, width); the stride defaults to the kernel.
    case avgpool2d(kernel: [Int], stride: [Int])
    case flatten
    /// `nn.Linear`; a bias by default.
    case linear(outFeatures: Int, bias: Bool)
    /// `nn.Dropout(p)`, 0 ≤ p ≤ 1 (torch's default 0.5).
    case dropout(p: Double)

    /// The name in a model spec (`"conv2d"`, `"relu"`, …).
    public var name: String {
        switch self {
        case .conv2d: "conv2d"
        case .relu: "relu"
        case .tanh: "tanh"
        case .maxpool2d: "maxpool2d"
        case .avgpool2d: "avgpool2d"
        case .flatten: "flatten"
        case .linear: "linear"
        case .dropout: "dropout"
        }
    }

    /// Every layer name a spec accepts.
    public static let names = ["conv2d", "relu", "tanh", "maxpool2d", "avgpool2d", "flatten", "linear", "dropout"]
}
