/// One coordinate's two momenta of Positive-Negative Momentum (Xie et al., "Positive-Negative
/// Momentum: Manipulating Stochastic Gradient Noise to Improve Generalization", ICML 2021), as
/// pytorch_optimizer's PNM and AdaPNM keep them (`exp_avg` / `pos_momentum` and `neg_exp_avg` /
/// `neg_momentum`). They swap roles every step — at odd steps m⁺ is `expAvg` and m⁻ is
/// `negExpAvg`, at even steps the other way round — and only m⁺ moves:
///
///     m⁺ ← β₁²m⁺ + (1 − β₁²)g                                    (`lerp_`)
///     direction = ((1 + β₀)m⁺ − β₀m⁻) · (1/√((1 + β₀)² + β₀²))
public struct PositiveNegativeMomentum: Sendable, Hashable, ZeroInitializable {
    public var expAvg = 0.0
    public var negExpAvg = 0.0

    public init() {}

    /// What a step shares between coordinates: which momentum is positive, β₁², β₀ and the noise norm.
    public struct Coefficients: Sendable {
        public var odd: Bool
        public var beta1Squared: Double
        public var beta0: Double
        public var noiseNorm: Double

        /// At step `step` (1-based), with `beta1` and `beta0` (Python's `**` for the squares).
        init(step: Int, beta1: Double, beta0: Double) {
            odd = step % 2 == 1
            beta1Squared = pythonPow(beta1, 2)
            self.beta0 = beta0
            noiseNorm = (pythonPow(1 + beta0, 2) + pythonPow(beta0, 2)).squareRoot()
        }
    }

    /// Moves m⁺ towards `g` and returns the direction.
    mutating func update(_ g: Double, _ c: Coefficients) -> Double {
        c.odd ? Self.direction(&expAvg, negExpAvg, g, c) : Self.direction(&negExpAvg, expAvg, g, c)
    }

    static func direction(_ positive: inout Double, _ negative: Double, _ g: Double, _ c: Coefficients) -> Double {
        positive = lerp(positive, g, 1 - c.beta1Squared)
        return add(positive * (1 + c.beta0), negative, alpha: -c.beta0) * (1 / c.noiseNorm)
    }
}
