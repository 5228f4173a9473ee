/// The quintic Newton–Schulz iteration that Muon uses to orthogonalise a matrix: it maps
/// G = U S Vᵀ to roughly U S′ Vᵀ with S′ near 1, as torch's `_zeropower_via_newtonschulz`.
///
///     X ← G (transposed if it has more rows than columns);  X ← X / max(‖X‖_F, ε)
///     repeat `steps` times:  A ← X Xᵀ;  B ← bA + (cA)A;  X ← aX + BX
///
/// Coefficients (a, b, c) default to Keller Jordan's (3.4445, −4.7750, 2.0315). torch casts X to
/// bfloat16 first; Descent runs in float64 throughout, as the project's reference trajectories
/// do. Those references evaluate the iteration in Keller Jordan's form, `B = b*A + c*A@A`
/// (so (cA)A) and `X = a*X + B@X`, which is followed here; torch's `addmm` form rounds c(AA)
/// instead and drifts from them by ~1e-11 in 300 steps. For a 1×n matrix, X Xᵀ is the 1×1
/// matrix ‖X‖², so every iteration only rescales X: the result is G/‖G‖ times the polynomial
/// iterated on 1 (0.69644 for the default coefficients and five steps).
public func newtonSchulz(_ matrix: Matrix, coefficients: (a: Double, b: Double, c: Double), steps: Int, eps: Double) -> Matrix {
    newtonSchulz(matrix, schedule: [coefficients], steps: steps, eps: eps)
}

/// The same iteration with a coefficient schedule, as pytorch_optimizer's
/// `zero_power_via_newton_schulz_5` (`ns_coeffs`): step i uses `schedule[min(i, count − 1)]`.
public func newtonSchulz(_ matrix: Matrix, schedule: [(a: Double, b: Double, c: Double)], steps: Int, eps: Double) -> Matrix {
    let tall = matrix.rows > matrix.columns
    var x = tall ? matrix.transposed : matrix
    let norm = x.norm
    // torch: X.div_(X.norm().clamp(min=eps)); clamp propagates NaN.
    let scale = norm.isNaN ? norm : Swift.max(norm, eps)
    for i in x.scalars.indices { x.scalars[i] /= scale }
    for step in 0..<Swift.max(steps, 0) {
        let coefficients = schedule[Swift.min(step, schedule.count - 1)]
        let gram = x.matmul(x.transposed)
        let polynomial = gram.scaled(by: coefficients.b) + gram.scaled(by: coefficients.c).matmul(gram)
        x = x.scaled(by: coefficients.a) + polynomial.matmul(x)
    }
    return tall ? x.transposed : x
}
