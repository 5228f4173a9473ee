/// A dense, row-major matrix of `Double` for the matrix optimizers (Muon, Shampoo, SOAP), with
/// torch's rounding for the products that have been measured.
public struct Matrix: Hashable, Sendable {
    public var rows: Int
    public var columns: Int
    public var scalars: [Double]

    /// A `rows × columns` matrix; `scalars.count` must equal `rows · columns`.
    public init(rows: Int, columns: Int, scalars: [Double]) {
        precondition(rows * columns == scalars.count, "Matrix: \(scalars.count) scalars for \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.scalars = scalars
    }

    /// The matrix a matrix optimizer sees for `tensor` (`Tensor.matrixShape`: a [n] vector is 1×n).
    public init(_ tensor: Tensor) {
        let shape = tensor.matrixShape
        self.init(rows: shape.rows, columns: shape.columns, scalars: tensor.scalars)
    }

    /// The n×n identity (torch's `eye(n)`).
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n, scalars: [Double](repeating: 0, count: n * n))
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    public subscript(row: Int, column: Int) -> Double {
        get { scalars[row * columns + column] }
        set { scalars[row * columns + column] = newValue }
    }

    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows, scalars: scalars)
        for r in 0..<rows {
            for c in 0..<columns { t[c, r] = self[r, c] }
        }
        return t
    }

    /// The Frobenius norm as torch's `norm()` computes it for a small matrix (`Tensor.norm`).
    public var norm: Double { Tensor(scalars).norm }

    /// `self @ other`, products summed left to right in plain IEEE arithmetic — what torch
    /// (MKL) returns for the 1×2 · 2×1, 1×1 · 1×1 and 1×1 · 1×2 products of a point (measured
    /// bit for bit on random inputs; larger matrices may round differently in BLAS).
    public func matmul(_ other: Matrix) -> Matrix {
        precondition(columns == other.rows, "Matrix: \(rows)×\(columns) @ \(other.rows)×\(other.columns)")
        return Matrix(rows: rows, columns: other.columns,
                      scalars: Self.product(scalars, rows: rows, inner: columns, other.scalars, columns: other.columns, as: Double.self))
    }

    /// `self @ other` in float32, as torch's mm of two float32 matrices of a point's size:
    /// each product rounded to float32, then summed left to right in float32 (measured through
    /// pytorch_optimizer's Alice references). The entries must be float32 values; the result holds
    /// float32 values.
    public func matmulFloat32(_ other: Matrix) -> Matrix {
        precondition(columns == other.rows, "Matrix: \(rows)×\(columns) @ \(other.rows)×\(other.columns)")
        let product = Self.product(scalars.map { Float($0) }, rows: rows, inner: columns, other.scalars.map { Float($0) },
                                   columns: other.columns, as: Float.self)
        return Matrix(rows: rows, columns: other.columns, scalars: product.map { Double($0) })
    }

    /// C = A·B (row-major, rows × inner times inner × columns) in T: C[r, c] is A[r, 0]·B[0, c], then
    /// + A[r, k]·B[k, c] for k = 1, 2, … in order. Row r of C is built from whole rows of B, so
    /// the inner loops are contiguous; each entry sees the same operations as a dot product.
    static func product<T: BinaryFloatingPoint>(_ a: [T], rows: Int, inner: Int, _ b: [T], columns: Int, as _: T.Type) -> [T] {
        var c = [T](repeating: 0, count: rows * columns)
        guard inner > 0 else { return c }
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    for r in 0..<rows {
                        let line = r * columns, left = r * inner
                        let first = a[left]
                        for j in 0..<columns { c[line + j] = first * b[j] }
                        for k in 1..<inner {
                            let x = a[left + k], row = k * columns
                            for j in 0..<columns { c[line + j] += x * b[row + j] }
                        }
                    }
                }
            }
        }
        return c
    }

    /// `s · self`, element by element (torch's `s * A`).
    public func scaled(by s: Double) -> Matrix {
        Matrix(rows: rows, columns: columns, scalars: scalars.map { s * $0 })
    }

    /// `a + b`, element by element (torch's `A + B`).
    public static func + (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.columns == b.columns, "Matrix: \(a.rows)×\(a.columns) + \(b.rows)×\(b.columns)")
        return Matrix(rows: a.rows, columns: a.columns, scalars: zip(a.scalars, b.scalars).map { $0 + $1 })
    }
}
