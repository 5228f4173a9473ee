import DescentCore

/// The plane of a training path's principal directions (Li, Xu, Taylor, Studer & Goldstein,
/// "Visualizing the Loss Landscape of Neural Nets", NeurIPS 2018; tomgoldstein/loss-landscape's
/// `setup_PCA_directions`): the rows of the m × P matrix of checkpoint deltas θᵢ − θ_final (every
/// checkpoint, the final one's zero row included, as the reference's model files) are centred and their top two principal directions taken, as the reference's
/// `sklearn.decomposition.PCA(n_components=2)`; the path is then projected onto them without
/// centring (`project_trajectory`: coordinate = ⟨θᵢ − θ_final, d⟩ / ‖d‖).
///
/// m is small (checkpoints) and P large (parameters), so the directions come from the m × m Gram
/// matrix G = X_c·X_cᵀ: G = U·Λ·Uᵀ, dₖ = X_cᵀ·uₖ/√λₖ (unit vectors), explained-variance ratio
/// λₖ/Σλ. Each direction's sign makes its largest-magnitude component positive (sklearn's
/// `svd_flip` on the components). The eigen-decomposition is DescentCore's `SymmetricEigen`.
public struct PCAPlane: Sendable, Hashable {
    /// The two unit directions, flat (`state_dict` order).
    public var directions: [[Double]]
    /// Fraction of the deltas' variance along each direction.
    public var explainedVarianceRatio: [Double]
    /// The origin of the plane: the final parameters.
    public var origin: [Double]

    /// The plane of `checkpoints` (flat parameter vectors, the last being the final one unless
    /// `final` is given); nil with fewer than 3 checkpoints or no spread in two directions.
    public init?(checkpoints: [[Double]], final: [Double]? = nil) {
        let origin = final ?? checkpoints.last ?? []
        let rows = checkpoints
        let m = rows.count, p = origin.count
        guard m >= 2, m <= NetworkLimits.checkpoints.upperBound, rows.allSatisfy({ $0.count == p }) else { return nil }
        var mean = [Double](repeating: 0, count: p)
        for r in rows { for j in 0..<p { mean[j] += r[j] - origin[j] } }
        for j in 0..<p { mean[j] /= Double(m) }
        let centred = rows.map { r in (0..<p).map { j in (r[j] - origin[j]) - mean[j] } }
        var gram = [Double](repeating: 0, count: m * m)
        for a in 0..<m {
            for b in a..<m {
                var s = 0.0
                for j in 0..<p { s += centred[a][j] * centred[b][j] }
                gram[a * m + b] = s
                gram[b * m + a] = s
            }
        }
        let (values, vectors) = SymmetricEigen.decompose(Matrix(rows: m, columns: m, scalars: gram))
        let total = values.reduce(0) { $0 + max($1, 0) }
        // Spread in two directions beyond rounding: G's entries are P-term sums, so the deltas of
        // a straight path (rank one: two distinct checkpoints, as after SOAP's first step, which
        // does not move) leave a λ₂ of rounding noise, up to about P·ε·λ₁ (numpy's `matrix_rank`
        // tolerance).
        guard values.count >= 2, values[1] > Double(max(m, p)) * .ulpOfOne * values[0], total > 0 else { return nil }
        var directions: [[Double]] = []
        for k in 0..<2 {
            var d = [Double](repeating: 0, count: p)
            for a in 0..<m {
                let u = vectors[a, k]
                for j in 0..<p { d[j] += centred[a][j] * u }
            }
            let norm = d.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let largest = d.max { abs($0) < abs($1) } ?? 1
            let s = (largest < 0 ? -1.0 : 1.0) / norm
            directions.append(d.map { $0 * s })
        }
        self.directions = directions
        explainedVarianceRatio = [values[0] / total, values[1] / total]
        self.origin = origin
    }

    /// The coordinates (α, β) of θ in the plane: ⟨θ − origin, dₖ⟩ (the directions are unit vectors).
    public func project(_ theta: [Double]) -> (alpha: Double, beta: Double) {
        var a = 0.0, b = 0.0
        for j in theta.indices {
            let d = theta[j] - origin[j]
            a += d * directions[0][j]
            b += d * directions[1][j]
        }
        return (a, b)
    }
}
