/// A dense, row-major tensor of `Double`: the parameters and gradients optimizers update.
///
/// A 2-D point is one tensor of shape `[2]`; matrix optimizers (Muon, Shampoo, SOAP) view a
/// tensor of shape `[n]` as the 1×n matrix torch would see after `view(1, -1)`.
public struct Tensor: Hashable, Sendable {
    public var shape: [Int]
    public var scalars: [Double]

    /// A tensor of the given shape; `scalars.count` must equal the product of `shape`.
    public init(shape: [Int], scalars: [Double]) {
        precondition(shape.reduce(1, *) == scalars.count, "Tensor: \(scalars.count) scalars for shape \(shape)")
        self.shape = shape
        self.scalars = scalars
    }

    /// A vector.
    public init(_ scalars: [Double]) {
        self.shape = [scalars.count]
        self.scalars = scalars
    }

    /// Zeros shaped like `other`.
    public init(zerosLike other: Tensor) {
        self.init(repeating: 0, like: other)
    }

    /// `value` everywhere, shaped like `other`.
    public init(repeating value: Double, like other: Tensor) {
        shape = other.shape
        scalars = [Double](repeating: value, count: other.scalars.count)
    }

    public var count: Int { scalars.count }

    /// The rows × columns a matrix optimizer sees: a matrix as it is, anything else
    /// flattened after its first dimension, a vector or scalar as one row.
    public var matrixShape: (rows: Int, columns: Int) {
        if shape.count >= 2 { return (shape[0], scalars.count / max(shape[0], 1)) }
        return (1, scalars.count)
    }

    /// The Euclidean norm as torch's `linalg.vector_norm` computes it for a small tensor: squares
    /// accumulated with fused multiply-adds, then the square root.
    @inlinable public var norm: Double {
        var s = 0.0
        for v in scalars { s = s.addingProduct(v, v) }
        return s.squareRoot()
    }
}
