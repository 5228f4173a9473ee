/// The family of an optimizer, as a survey of optimizers would group algorithms: by what the
/// update is built from, not by which library ships it. Every registered optimizer has exactly
/// one; an algorithm that mixes ideas goes where its update rule puts it (Ranger is RAdam with
/// Lookahead built in, so `adam`; a plain wrapper such as `Lookahead<Yogi>` is `wrapper`).
public enum OptimizerFamily: String, CaseIterable, Sendable, Hashable {
    /// SGD and its momentum variants: a step along the (averaged) gradient with one learning rate
    /// per tensor at most — heavy ball and Nesterov (SGD, SGDW, SGDP), averaging (ASGD),
    /// quasi-hyperbolic, aggregated, accelerated and controller momentum (QHM, AggMo, AccSGD,
    /// A2Grad, PID, PNM, TAM, Adai, Gravity), layer-wise or initial step scaling (LARS, Fromage,
    /// SGD-SaI) and majorisation–minimisation (SRMM).
    case sgd
    /// Per-coordinate step sizes from accumulated or averaged squared gradients, without Adam's
    /// pair of moments: AdaGrad, RMSprop, Adadelta and their descendants (Adafactor, SM3, Kate,
    /// MADGRAD, AdaSmooth, Nero, ROSE, FTRL-Proximal).
    case adaptive
    /// Adam and its variants: a first-moment (momentum) estimate divided by the root of a
    /// second-moment estimate — AdamW, Adamax, NAdam, RAdam, AdaBelief, AdaBound, Yogi, Lamb,
    /// LaProp, ADOPT, AdEMAMix, CAME, GaLore and the many others built on that pair.
    case adam
    /// Steps that keep only the sign of the gradient or of its momentum: SignSGD, Rprop (whose
    /// per-weight step size adapts, but whose direction is the gradient's sign), Lion, Tiger,
    /// FOCUS and the sign members of the EmoNavi family.
    case sign
    /// Preconditioners that act on a parameter as a matrix: Kronecker-factored statistics
    /// (Shampoo, SOAP, Kron, DASH, SPlus), orthogonalised or norm-constrained updates (Muon and
    /// its variants, SCION, the spectral sphere) and structured Fisher approximations (RACS, Alice).
    case matrix
    /// Curvature from the Hessian or a quasi-Newton model of it: L-BFGS, AdaHessian, SophiaH and
    /// Apollo's diagonal quasi-Newton update.
    case secondOrder
    /// Methods that set their own step size from the run instead of a tuned learning-rate schedule:
    /// D-Adaptation, Prodigy, AdamG, Polyak-type steps (AliG) and schedule-free averaging.
    case parameterFree
    /// Methods that wrap or perturb another optimizer's step rather than define one: Lookahead,
    /// masked updates (Magma) and sharpness-aware minimisation (bSAM).
    case wrapper

    /// The family's name for tables and filters, e.g. "Adam family".
    public var displayName: String {
        switch self {
        case .sgd: "SGD & momentum"
        case .adaptive: "Adaptive (AdaGrad/RMSprop)"
        case .adam: "Adam family"
        case .sign: "Sign-based"
        case .matrix: "Matrix preconditioners"
        case .secondOrder: "Second-order"
        case .parameterFree: "Parameter-free & schedule-free"
        case .wrapper: "Wrappers & sharpness-aware"
        }
    }
}
