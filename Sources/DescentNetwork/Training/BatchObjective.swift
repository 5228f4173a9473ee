import DescentBase
import DescentCore

/// DescentCore's `Objective` for the current mini-batch: the mean cross-entropy of the batch
/// loaded in `workspace` at the given parameters, and its gradient (back-propagation through
/// the layers), clipped by `clipping` (torch's `clip_grad_norm_` over all parameters). LBFGS
/// evaluates it as often as its line search needs, on the same batch, as torch's closure.
///
/// `hessianVectorProduct` (for AdaHessian, SophiaH) is computed by **central differences of
/// gradients**, not exactly:
///
///     H·v ≈ (∇L(θ + h·v) − ∇L(θ − h·v)) / 2h,   h = 2⁻¹⁶·max(1, ‖θ‖∞)/‖v‖∞
///
/// at the parameters of the last evaluation, unclipped, with the same dropout masks. Its error is
/// O(h²) from third derivatives plus O(ε/h) from rounding: against torch's double-backward HVP,
/// 1.0e-9 of the largest |H·v| on a smooth network (tanh, average pooling) and 6.2e-10 on the
/// digits network (tested at 1e-7). With ReLU or max pooling the result is the Hessian of the
/// piecewise-smooth loss, as torch's (relu'' = 0), unless θ ± h·v crosses a kink, which a
/// perturbation of 2⁻¹⁶ rarely does. Each product costs two gradient evaluations and a copy of
/// the workspace.
public struct BatchObjective: Objective {
    public var workspace: Workspace
    public var clipping: GradientClipping
    /// `.training` draws dropout masks each evaluation (as a torch closure would); `.evaluation` doesn't.
    public var mode: ForwardMode
    /// The dropout masks' generator.
    public var random: SplitMix64
    public private(set) var gradients: [Tensor]
    /// Evaluations so far (LBFGS makes several per step).
    public private(set) var evaluations = 0

    public init(workspace: Workspace, clipping: GradientClipping, mode: ForwardMode = .training, seed: UInt64 = 0) {
        self.workspace = workspace
        self.clipping = clipping
        self.mode = mode
        random = SplitMix64(seed: seed)
        gradients = workspace.network.parameters.map { Tensor(shape: $0.shape, scalars: [Double](repeating: 0, count: $0.count)) }
    }

    public mutating func evaluate(at parameters: [Tensor]) -> Double {
        workspace.setParameters(parameters)
        let loss = workspace.lossAndGradient(mode: mode, random: &random)
        workspace.copyGradient(into: &gradients)
        clipping.apply(to: &gradients)
        evaluations += 1
        return loss
    }

    /// H·v by central differences at the last evaluated parameters (see the type's comment).
    public func hessianVectorProduct(_ vector: [Tensor]) -> [Tensor]? {
        let v = vector.flatMap(\.scalars)
        let theta = workspace.flatParameters
        guard v.count == theta.count else { return nil }
        let vMax = v.reduce(0) { max($0, abs($1)) }
        guard vMax > 0, vMax.isFinite else { return vector.map { Tensor(zerosLike: $0) } }
        let h = 0x1p-16 * max(1, theta.reduce(0) { max($0, abs($1)) }) / vMax
        var copy = workspace
        var r = random
        let fixed: ForwardMode = mode == .evaluation ? .evaluation : .trainingReusingMasks
        copy.setParameters(theta, plus: h, times: v)
        _ = copy.lossAndGradient(mode: fixed, random: &r)
        let plus = Array(copy.flatGradient)
        copy.setParameters(theta, plus: -h, times: v)
        _ = copy.lossAndGradient(mode: fixed, random: &r)
        let minus = copy.flatGradient
        var out: [Tensor] = [], at = 0
        for t in vector {
            var s = [Double](repeating: 0, count: t.count)
            for i in s.indices { s[i] = (plus[at + i] - minus[minus.startIndex + at + i]) / (2 * h) }
            out.append(Tensor(shape: t.shape, scalars: s))
            at += t.count
        }
        return out
    }
}
