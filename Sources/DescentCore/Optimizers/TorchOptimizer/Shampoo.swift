/// Shampoo: a Kronecker-factored preconditioner, one matrix per dimension of the parameter, as
/// `torch_optimizer.Shampoo`.
///
///     g ← (1 − μ)g + μb (momentum μ);  g ← g + λθ (weight_decay λ)
///     for each dimension j of an order-k parameter (G = g unfolded along j, as the reference):
///         Hⱼ ← Hⱼ + GGᵀ                            (Hⱼ starts at εI; epsilon ε)
///         every update_freq steps:  Pⱼ ← Hⱼ^(−1/k)  (through the SVD: U·diag(s^(−1/k))·Vᵀ)
///         G ← PⱼG, or, for the last dimension, G ← GᵀPⱼ
///     b ← g;  θ ← θ − γg
///
/// Gupta, Koren & Singer, "Shampoo: Preconditioned Stochastic Tensor Optimization", ICML 2018.
/// Follows torch_optimizer 0.3.0. A 2-D point is an order-1 tensor of shape [2]: one 2×2
/// preconditioner H = εI + Σ ggᵀ, and the step is γ·gᵀH⁻¹. Quirks reproduced: the momentum
/// buffer is the preconditioned gradient of the last step (it starts as the raw gradient, so the
/// first step mixes g with itself); between dimensions the gradient is not transposed back;
/// `s^(−1/k)` is torch's tensor `pow_` (`tensorPow`: 1/s, 1/√s, else C `pow`); the matrix products
/// are torch's (plain sums for these sizes, measured). The 2×2 SVD is LAPACK's, reproduced
/// bit for bit (`TwoByTwoSVD`): Shampoo on Rosenbrock is chaotic enough that a few ulps in H⁻¹
/// at step 1 grow to 0.4 by step 136.
public struct Shampoo: Optimizer {
    public var learningRate: Double
    public var momentum: Double
    /// `weight_decay` λ, L2 (on the momentum-mixed gradient).
    public var weightDecay: WeightDecay
    public var epsilon: Double
    public var updateFrequency: Int

    /// One parameter's state: `step`, `momentum_buffer`, `precond_j`, `inv_precond_j`.
    public struct State: Sendable, Hashable {
        public var step = 0
        public var momentumBuffer: [Double]
        public var preconditioners: [Matrix]
        public var inversePreconditioners: [Matrix]
    }
    public var states: [State] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-1, .positive)
        momentum = try r.double("momentum", default: 0, .nonNegative)
        weightDecay = WeightDecay(try r.double("weight_decay", default: 0, .nonNegative), .l2)
        epsilon = try r.double("epsilon", default: 1e-4, .nonNegative)
        updateFrequency = try r.int("update_freq", default: 1, .atLeast(1))
    }

    /// Per axis of length d of an n-element tensor: the statistic and the preconditioning
    /// product every step (≈ 4nd), and every `update_freq` steps the matrix root through
    /// `SymmetricEigen` and U·diag·Vᵀ (2d³).
    public func denseWork(shapes: [[Int]], steps: Int) -> Double {
        // ⌈steps / update_freq⌉ (steps 0, f, 2f, …), without overflow for any update_freq.
        let roots = Double(steps / updateFrequency + (steps % updateFrequency == 0 ? 0 : 1))
        var work = 0.0
        for shape in shapes {
            let n = Double(shape.reduce(1, *))
            for d in shape {
                work += roots * (SymmetricEigen.estimatedWork(d) + 2 * pow3(d)) + Double(steps) * 4 * n * Double(d)
            }
        }
        return work
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if states.isEmpty {
            states = gradients.map { g in
                State(momentumBuffer: g.scalars,
                      preconditioners: g.shape.map { Matrix.identity($0).scaled(by: epsilon) },
                      inversePreconditioners: g.shape.map { Matrix(rows: $0, columns: $0, scalars: [Double](repeating: 0, count: $0 * $0)) })
            }
        }
        for p in parameters.indices {
            var g = gradients[p].scalars
            var shape = gradients[p].shape
            let order = shape.count
            if momentum > 0 {
                for i in g.indices { g[i] = add(g[i] * (1 - momentum), states[p].momentumBuffer[i], alpha: momentum) }
            }
            weightDecay.apply(&parameters[p].scalars, &g, lr: learningRate)
            for (j, dim) in gradients[p].shape.enumerated() {
                // grad.transpose_(0, j).contiguous().view(dim, -1)
                (g, shape) = transposed(g, shape, j)
                let unfolded = Matrix(rows: dim, columns: g.count / Swift.max(dim, 1), scalars: g)
                let unfoldedT = unfolded.transposed
                states[p].preconditioners[j] = states[p].preconditioners[j] + unfolded.matmul(unfoldedT)
                if states[p].step % updateFrequency == 0 {
                    states[p].inversePreconditioners[j] = matrixPower(states[p].preconditioners[j], -1 / Double(order))
                }
                let inverse = states[p].inversePreconditioners[j]
                g = j == order - 1 ? unfoldedT.matmul(inverse).scalars : inverse.matmul(unfolded).scalars
            }
            states[p].step += 1
            states[p].momentumBuffer = g
            for i in g.indices { parameters[p].scalars[i] = add(parameters[p].scalars[i], g[i], alpha: -learningRate) }
        }
    }

    /// torch_optimizer's `_matrix_power`: `u @ s.pow_(power).diag() @ v.t()` from `torch.svd`.
    /// 2×2 matrices (the preconditioner of a point) go through `TwoByTwoSVD`, torch's own
    /// LAPACK path, bit for bit; other sizes through `SymmetricEigen` (tridiagonal QL, U = V for
    /// these symmetric positive semi-definite matrices), which can differ from LAPACK in the last
    /// bits.
    func matrixPower(_ matrix: Matrix, _ power: Double) -> Matrix {
        let u: Matrix, values: [Double], vt: Matrix
        if matrix.rows == 2 {
            (u, values, vt) = TwoByTwoSVD.decompose(matrix)
        } else {
            let eigen = SymmetricEigen.decompose(matrix)
            (u, values, vt) = (eigen.vectors, eigen.values, eigen.vectors.transposed)
        }
        let n = values.count
        var diagonal = Matrix(rows: n, columns: n, scalars: [Double](repeating: 0, count: n * n))
        for i in 0..<n { diagonal[i, i] = tensorPow(values[i], power) }
        return u.matmul(diagonal).matmul(vt)
    }

    /// The row-major scalars of `transpose(0, axis)` of a tensor of `shape`, and its shape.
    func transposed(_ scalars: [Double], _ shape: [Int], _ axis: Int) -> ([Double], [Int]) {
        guard axis != 0 else { return (scalars, shape) }
        var newShape = shape
        newShape.swapAt(0, axis)
        var strides = [Int](repeating: 1, count: shape.count)
        for d in stride(from: shape.count - 2, through: 0, by: -1) { strides[d] = strides[d + 1] * shape[d + 1] }
        var out = scalars
        var index = [Int](repeating: 0, count: shape.count)
        for k in out.indices {
            // index is the position in the new shape; read the old one with axes 0 and axis swapped.
            var source = 0
            for d in index.indices {
                let oldAxis = d == 0 ? axis : d == axis ? 0 : d
                source += index[d] * strides[oldAxis]
            }
            out[k] = scalars[source]
            var d = index.count - 1
            while d >= 0 {
                index[d] += 1
                if index[d] < newShape[d] { break }
                index[d] = 0
                d -= 1
            }
        }
        return (out, newShape)
    }
}
