/// One parameter tensor's SOAP state besides its moments, as pytorch_optimizer keeps it: per axis
/// of the tensor's working shape a statistic GG (d × d) and its eigenbasis Q, or neither (an
/// axis longer than `max_precondition_dim`, a vector without `precondition_1d`).
///
/// The working shape is the tensor's own, or with `merge_dims` pytorch_optimizer's
/// `merge_small_dims` of it (after permuting a 4-D `channels_last` tensor to channels first).
/// Tensors are flat row-major arrays; an axis operation is torch's tensordot along that axis:
///
///     project:      x ← x ×ₐ Qₐᵀ for each axis a in order   (tensordot(x, Q, [[0], [0]]))
///     project back: x ← x ×ₐ Qₐ                              (tensordot(x, Q, [[0], [1]]))
///     statistic:    GGₐ ← lerp(GGₐ, Xₐ Xₐᵀ, 1 − β_s), Xₐ the tensor unfolded along a
///
/// Sums run in index order, one product after another (on a 2-element vector, bit for bit what
/// torch computes; on larger tensors BLAS may add in another order).
public struct SOAPPreconditioner: Sendable, Hashable {
    /// The tensor's shape as the parameter has it.
    public var shape: [Int]
    /// The shape the axes are taken from (merged with `merge_dims`).
    public var working: [Int]
    /// Whether the tensor is permuted to channels first before merging (4-D, channels_last, merge_dims).
    public var channelsLast: Bool
    public var gg: [Matrix?]
    public var q: [Matrix?]

    /// The state of a tensor of `shape` before its first statistic (GG zero, Q unset).
    init(shape: [Int], mergeDims: Bool, channelsLast: Bool, maxDimension: Int, vectors: Bool) {
        self.shape = shape
        self.channelsLast = mergeDims && channelsLast && shape.count == 4
        var working = shape
        if mergeDims && shape.count >= 2 {
            let permuted = self.channelsLast ? [shape[0], shape[3], shape[1], shape[2]] : shape
            working = Self.mergeSmallDimensions(permuted, maxDimension)
            // torch's reshape fails where every axis merges into [1] and the tensor has more
            // elements (pytorch_optimizer raises); Descent keeps them as one axis.
            if working == [1] && permuted.reduce(1, *) != 1 { working = [permuted.reduce(1, *)] }
        }
        self.working = working
        // A vector is preconditioned only with precondition_1d; every other axis up to the bound.
        gg = working.map { d in
            (shape.count == 1 && !vectors) || d > maxDimension ? nil : Matrix(rows: d, columns: d, scalars: [Double](repeating: 0, count: d * d))
        }
        q = working.map { _ in nil }
    }

    /// pytorch_optimizer's `merge_small_dims`: consecutive axes multiplied together while the
    /// product stays ≤ `maximum`.
    static func mergeSmallDimensions(_ shape: [Int], _ maximum: Int) -> [Int] {
        var merged: [Int] = []
        var product = 1
        for d in shape {
            product *= d
            if product > maximum {
                merged.append(product / d)
                product = d
            }
        }
        merged.append(product)
        return merged.count > 1 ? merged : [1]
    }

    /// Whether any axis is preconditioned.
    var isActive: Bool { gg.contains { $0 != nil } }

    // MARK: Layout

    /// The tensor's scalars in the working layout (channels first when permuted).
    func toWorking(_ x: [Double]) -> [Double] { channelsLast ? permuted(x, toChannelsFirst: true) : x }

    /// Back from the working layout.
    func fromWorking(_ x: [Double]) -> [Double] { channelsLast ? permuted(x, toChannelsFirst: false) : x }

    /// NHWC (the parameter's layout) to NCHW, or back.
    func permuted(_ x: [Double], toChannelsFirst: Bool) -> [Double] {
        let (n, h, w, c) = (shape[0], shape[1], shape[2], shape[3])
        var out = x
        for a in 0..<n { for k in 0..<c { for i in 0..<h { for j in 0..<w {
            let first = ((a * c + k) * h + i) * w + j, last = ((a * h + i) * w + j) * c + k
            if toChannelsFirst { out[first] = x[last] } else { out[last] = x[first] }
        } } } }
        return out
    }

    /// (elements before the axis, its length, elements after it) of the working shape.
    func extent(_ axis: Int) -> (outer: Int, d: Int, inner: Int) {
        (working[..<axis].reduce(1, *), working[axis], working[(axis + 1)...].reduce(1, *))
    }

    // MARK: Axis operations

    /// x ×ₐ M along every preconditioned axis: out[…, j, …] = Σᵢ x[…, i, …]·Q[i, j] (forward) or
    /// Q[j, i] (back). Scalars in the tensor's own layout.
    func project(_ x: [Double], back: Bool) -> [Double] {
        guard isActive else { return x }
        var y = toWorking(x)
        for axis in working.indices {
            guard let m = q[axis] else { continue }
            y = Self.contract(y, extent(axis), back ? m.transposed : m)
        }
        return fromWorking(y)
    }

    /// out[o, j, t] = Σᵢ y[o, i, t]·m[i, j] for y of extent (outer, d, inner), the products
    /// summed over i in order (i = 0 first, as a dot product). i runs outside j and t, so each
    /// step reads one whole row of m and adds into contiguous runs of the output.
    static func contract(_ y: [Double], _ extent: (outer: Int, d: Int, inner: Int), _ m: Matrix) -> [Double] {
        let (outer, d, inner) = extent
        var out = [Double](repeating: 0, count: y.count)
        y.withUnsafeBufferPointer { y in
            m.scalars.withUnsafeBufferPointer { m in
                out.withUnsafeMutableBufferPointer { out in
                    for o in 0..<outer {
                        let base = o * d * inner
                        for i in 0..<d {
                            let source = y.baseAddress! + base + i * inner, row = m.baseAddress! + i * d
                            if inner == 1 {
                                let target = out.baseAddress! + base, x = source[0]
                                if i == 0 {
                                    for j in 0..<d { target[j] = x * row[j] }
                                } else {
                                    for j in 0..<d { target[j] += x * row[j] }
                                }
                                continue
                            }
                            for j in 0..<d {
                                let target = out.baseAddress! + base + j * inner, coefficient = row[j]
                                if i == 0 {
                                    for t in 0..<inner { target[t] = source[t] * coefficient }
                                } else {
                                    for t in 0..<inner { target[t] += source[t] * coefficient }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Xₐ Xₐᵀ of the tensor unfolded along `axis` (for a vector, g gᵀ).
    func gram(_ working: [Double], axis: Int) -> Matrix {
        let (outer, d, inner) = extent(axis)
        var g = Matrix(rows: d, columns: d, scalars: [Double](repeating: 0, count: d * d))
        for a in 0..<d {
            for b in 0..<d {
                var s = 0.0, first = true
                for o in 0..<outer {
                    for t in 0..<inner {
                        let product = working[(o * d + a) * inner + t] * working[(o * d + b) * inner + t]
                        s = first ? product : s + product
                        first = false
                    }
                }
                g[a, b] = s
            }
        }
        return g
    }

    /// GGₐ ← lerp(GGₐ, Xₐ Xₐᵀ, weight) for every preconditioned axis.
    mutating func accumulate(_ g: [Double], weight: Double) {
        let y = toWorking(g)
        for axis in working.indices {
            guard let old = gg[axis] else { continue }
            let outer = gram(y, axis: axis)
            gg[axis] = Matrix(rows: old.rows, columns: old.columns, scalars: old.scalars.indices.map { lerp(old.scalars[$0], outer.scalars[$0], weight) })
        }
    }

    /// Q ← eigh(GG + 1e-30·I)'s eigenvectors by descending eigenvalue (`get_orthogonal_matrix`).
    mutating func initialBases() {
        for axis in working.indices {
            guard let m = gg[axis] else { continue }
            q[axis] = SymmetricEigen.decompose(m + Matrix.identity(m.rows).scaled(by: 1e-30)).vectors
        }
    }

    /// `get_orthogonal_matrix_qr`: per axis, P = GG·Q; columns ordered by the estimated
    /// eigenvalues Σᵢ Qᵢⱼ Pᵢⱼ, descending (ties keep their order), with `secondMoment` permuted
    /// alike along the axis; Q ← qr(P in float32).Q.
    mutating func powerIteration(_ secondMoment: inout [Double]) {
        var v = toWorking(secondMoment)
        for axis in working.indices {
            guard let m = gg[axis], let basis = q[axis] else { continue }
            let product = m.matmul(basis)
            let d = m.rows
            let estimate = (0..<d).map { j in
                var s = 0.0
                for i in 0..<d { s = i == 0 ? basis[i, j] * product[i, j] : s + basis[i, j] * product[i, j] }
                return s
            }
            // A stable insertion sort, descending: an index moves left past strictly smaller estimates.
            var order = Array(0..<d)
            for k in 1..<max(d, 1) {
                var at = k
                while at > 0 && estimate[order[at - 1]] < estimate[order[at]] {
                    order.swapAt(at - 1, at)
                    at -= 1
                }
            }
            let (outer, _, inner) = extent(axis)
            let old = v
            for o in 0..<outer { for j in 0..<d { for t in 0..<inner {
                v[(o * d + j) * inner + t] = old[(o * d + order[j]) * inner + t]
            } } }
            var power = Matrix(rows: d, columns: d, scalars: [Double](repeating: 0, count: d * d))
            for r in 0..<d { for j in 0..<d { power[r, j] = product[r, order[j]] } }
            q[axis] = d == 2 ? TwoByTwoQR.orthogonalFactorFloat32(power) : HouseholderQR.orthogonalFactorFloat32(power)
        }
        secondMoment = fromWorking(v)
    }
}
