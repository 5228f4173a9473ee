#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The loss trend that pytorch_optimizer's EmoNavi family (EmoNavi, EmoLynx, EmoFact) scales its
/// steps by (`update_ema`, `compute_scalar`, `get_emo_drive` in `emonavi.py`), from the loss the
/// step's closure returns (0 when `step` is called without one):
///
///     s ← 0.3ℓ + 0.7s;  m ← 0.05ℓ + 0.95m;  l ← 0.01ℓ + 0.99l      (each starts at the first ℓ)
///     d = l − s;  σ = tanh(d/max(l, 1e-5)), or tanh(d/max(m, 1e-5)) when |d/l| ≥ 0.05 and
///                 |d/m|·max(m, 1e-5) < |d/l|·max(l, 1e-5)
///     trust τ = copysign(1 − |σ|, σ)
///     drive = 8|τ|(1 + 0.1τ) if 0.25 < |σ| < 0.5;  1 − |σ| if |σ| > 0.75;  else 1
///     ratio r = 1 − |σ| if use_shadow and |σ| > 0.625, else 0
///
/// in Python floats (`math.tanh`, the C library's). With use_shadow, before the update:
/// θ ← θ(1 − r) + |τ|·shadow when r > 0 (EmoNavi then also shadow ← lerp(shadow, θ, shadow_weight)),
/// else shadow ← lerp(shadow, θ, 0.1|τ|).
public struct EmoDrive: Sendable, Hashable {
    /// The short, medium and long loss averages (nil before the first step).
    public var short: Double?
    public var medium: Double?
    public var long: Double?
    /// The loss of the step about to run, set by `step(_:objective:)`; nil means 0, as the
    /// reference's step without a closure.
    public var pendingLoss: Double?

    public init() {}

    /// What one step uses: the step scale, the shadow ratio r, |τ|, and whether r > 0.
    public struct Step {
        public var drive: Double
        public var ratio: Double
        public var trust: Double
        public var active: Bool { ratio > 0 }
    }

    /// Folds the pending loss into the averages and returns the step's scalars.
    public mutating func next(useShadow: Bool) -> Step {
        let loss = pendingLoss ?? 0
        pendingLoss = nil
        let s = 0.3 * loss + 0.7 * (short ?? loss)
        let m = 0.05 * loss + 0.95 * (medium ?? loss)
        let l = 0.01 * loss + 0.99 * (long ?? loss)
        (short, medium, long) = (s, m, l)

        let scaleL = 1e-5 > l ? 1e-5 : l
        let scaleM = 1e-5 > m ? 1e-5 : m
        let diff = l - s
        let diffL = diff / scaleL, diffM = diff / scaleM
        let scalar: Double
        if abs(diffL) < 0.05 {
            scalar = tanh(diffL)
        } else {
            scalar = abs(diffM) * scaleM < abs(diffL) * scaleL ? tanh(diffM) : tanh(diffL)
        }
        let magnitude = abs(scalar)
        let coef = magnitude > 0.25 ? 1 - magnitude : 1
        let ratio = useShadow && magnitude > 0.625 ? 1 - magnitude : 0
        let trust = copysign(1 - magnitude, scalar)
        let drive: Double
        if 0.25 < magnitude, magnitude < 0.5 {
            drive = (8 * abs(trust)) * (1 + 0.1 * trust)
        } else if magnitude > 0.75 {
            drive = coef
        } else {
            drive = 1
        }
        return Step(drive: drive, ratio: ratio, trust: abs(trust))
    }

    /// The shadow mixing of one coordinate (after weight decay, before the update).
    @inlinable static func mixShadow(_ theta: inout Double, _ shadow: inout Double, _ c: Step, shadowWeight: Double?) {
        if c.active {
            theta *= 1 - c.ratio
            theta = add(theta, shadow, alpha: c.trust)
            if let shadowWeight { shadow = lerp(shadow, theta, shadowWeight) }
        } else {
            shadow = lerp(shadow, theta, 0.1 * c.trust)
        }
    }
}

/// The hyperparameters the EmoNavi family shares, with its checks: the Adam family's `lr`,
/// `betas`, `weight_decay` (decoupled, 0.01 by default), `eps`, `maximize`, `foreach`, then
/// `use_shadow` and `shadow_weight`. Only the default `betas` differ between the three.
public struct EmoSettings: Sendable, Hashable {
    public var adam: AdamHyperparameters
    public var useShadow: Bool
    public var shadowWeight: Double

    init(_ r: inout HyperparameterReader, betas: (Double, Double)) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, betas: betas, weightDecay: .pytorchOptimizer(0.01, decouple: true), foreach: true)
        useShadow = try r.bool("use_shadow", default: false)
        shadowWeight = try r.double("shadow_weight", default: 0.05, .unitHalfOpen)
    }
}

/// One coordinate of an EmoNavi-family optimizer: its moments and shadow weight (θ at the
/// first step).
public struct EmoSlot: Sendable, Hashable {
    public var moments = Moments<LerpRounding>()
    public var shadow: Double
}

/// An EmoNavi-family optimizer: elementwise, with its step scaled by the loss trend; its
/// hyperparameters are the family's `EmoSettings`, its slots `EmoSlot`s.
public protocol EmoOptimizer: ElementwiseOptimizer, AdamFamilyOptimizer where Coefficients == EmoDrive.Step, Slot == EmoSlot {
    var settings: EmoSettings { get set }
    var emo: EmoDrive { get set }
}

extension EmoOptimizer {
    public var adam: AdamHyperparameters {
        get { settings.adam }
        set { settings.adam = newValue }
    }

    public func initialSlot(_ theta: Double) -> EmoSlot { EmoSlot(shadow: theta) }

    /// Evaluates the loss, which drives the step, and steps.
    public mutating func step<O: Objective>(_ parameters: inout [Tensor], objective: inout O) -> Double {
        let loss = objective.evaluate(at: parameters)
        emo.pendingLoss = loss
        step(&parameters, gradients: objective.gradients)
        return loss
    }

    public mutating func coefficients(step _: Int) -> EmoDrive.Step {
        emo.next(useShadow: settings.useShadow)
    }
}
