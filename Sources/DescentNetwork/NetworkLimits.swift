/// Every bound on a network's inputs, defined once, so that a hostile or mistyped config or data
/// file cannot allocate gigabytes or run for hours: the model spec parser, the weights reader,
/// the data set readers and the trainer all check against these.
public enum NetworkLimits {
    /// Layers of one model.
    public static let layers = 1...64
    /// Channels of a conv2d layer, features of a linear layer.
    public static let width = 1...4096
    /// Kernel size (each side) of conv2d and pooling layers.
    public static let kernel = 1...64
    /// Stride (each side) of conv2d and pooling layers.
    public static let stride = 1...64
    /// Zero padding (each side) of a conv2d layer.
    public static let padding = 0...64
    /// Trainable scalars of one model (10 M: 80 MB per copy in float64).
    public static let parameters = 10_000_000
    /// Scalars of one sample's activations, summed over the layers, im2col columns included.
    public static let activationsPerSample = 1 << 22
    /// Samples of one mini-batch.
    public static let batchSize = 1...65_536
    /// Scalars of a training workspace (activations, gradients and scratch for one batch):
    /// 2^26 doubles, 512 MB.
    public static let workspaceScalars = 1 << 26
    /// Bytes of a data set file after decompression (the MNIST training images are 47 MB).
    public static let datasetBytes = 1 << 28
    /// Samples of a data set.
    public static let samples = 1...10_000_000
    /// Pixels per side of an image in an IDX file.
    public static let imageSide = 1...4096
    /// Classes of a classification data set (labels 0 ..< classes).
    public static let classes = 1...4096
    /// Bytes of an `initial_weights` JSON file (25 bytes per number is generous).
    public static let weightsFileBytes = 32 * parameters
    /// Checkpoints kept of one training run (the interval doubles when more would be kept); also
    /// bounds the PCA's m × m Gram matrix, decomposed in about 10m³ operations (`SymmetricEigen`).
    public static let checkpoints = 2...1_000
    /// Points of a loss-landscape grid (α × β samples).
    public static let gridPoints = 1...1_000_000
    /// Training steps of one run.
    public static let steps = 1...10_000_000
}
