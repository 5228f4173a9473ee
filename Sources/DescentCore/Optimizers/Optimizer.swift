import DescentBase

/// An optimizer: typed hyperparameters, explicit state, and a step that updates parameters
/// in place — a value type, so copying one copies its state.
///
/// Hyperparameters use the reference library's names, defaults and validation; invalid
/// values throw an `OptimizerError`, never trap.
public protocol Optimizer: Sendable {
    /// The registry entry: name, year, paper and its link, family, reference class.
    static var info: OptimizerInfo { get }

    /// Reads hyperparameters (ask each key once; the registry calls `finish()` after).
    init(hyperparameters: inout HyperparameterReader) throws(OptimizerError)

    /// The learning rate, exposed the same way by every optimizer.
    var learningRate: Double { get set }

    /// One update from gradients already computed (and clipped) at `parameters`.
    mutating func step(_ parameters: inout [Tensor], gradients: [Tensor])

    /// One update that evaluates the objective itself, as torch's `step(closure)`; returns
    /// the loss of the first evaluation (the loss before the step). The default evaluates
    /// once and calls `step(_:gradients:)`; LBFGS evaluates as often as its line search needs.
    mutating func step<O: Objective>(_ parameters: inout [Tensor], objective: inout O) -> Double

    /// Why this optimizer cannot step parameters of these shapes, or nil when it can: every
    /// optimizer steps any shapes unless it says otherwise here (checked before any work by
    /// the network study, so a config is refused rather than a run trapping).
    static func shapeProblem(_ shapes: [[Int]]) -> String?

    /// About how many floating-point operations of dense linear algebra — eigendecompositions,
    /// QR factorisations, products with per-axis preconditioners — `steps` steps on tensors of
    /// `shapes` run besides the per-coordinate update (0 for optimizers without any). It grows
    /// with the cube of an axis, so a study bounds it (`StudyCost`) and refuses a wide layer
    /// under SOAP, Shampoo, Alice or DASH rather than running for hours.
    func denseWork(shapes: [[Int]], steps: Int) -> Double
}

extension Optimizer {
    public func denseWork(shapes _: [[Int]], steps _: Int) -> Double { 0 }

    /// The type's entry in `OptimizerRegistry.catalog`.
    public static var info: OptimizerInfo { OptimizerRegistry.info(of: Self.self) }

    public static func shapeProblem(_ shapes: [[Int]]) -> String? { nil }

    @inlinable
    public mutating func step<O: Objective>(_ parameters: inout [Tensor], objective: inout O) -> Double {
        let loss = objective.evaluate(at: parameters)
        step(&parameters, gradients: objective.gradients)
        return loss
    }

    /// Builds the optimizer from hyperparameters by torch's names, rejecting unknown keys.
    public init(_ values: Hyperparameters = [:]) throws(OptimizerError) {
        var reader = HyperparameterReader(optimizer: Self.info.name, values: values)
        try self.init(hyperparameters: &reader)
        try reader.finish()
    }
}

/// What the closure of torch's `step(closure)` does: zero the gradient, compute the loss,
/// back-propagate, clip. `evaluate` returns the loss and leaves the gradient in `gradients`.
public protocol Objective {
    /// The loss at `parameters`; the (clipped) gradient is then in `gradients`.
    mutating func evaluate(at parameters: [Tensor]) -> Double
    /// The gradient of the last evaluation, shaped like the parameters.
    var gradients: [Tensor] { get }

    /// The exact Hessian–vector product H·v of the loss at the last evaluated parameters (not
    /// clipped), for second-order optimizers such as AdaHessian and SophiaH; `nil` when the
    /// objective has no second derivatives.
    func hessianVectorProduct(_ vector: [Tensor]) -> [Tensor]?
}

extension Objective {
    public func hessianVectorProduct(_ vector: [Tensor]) -> [Tensor]? { nil }
}

/// An optimizer's registry entry.
public struct OptimizerInfo: Sendable, Hashable {
    /// The name Descent uses (the reference class name), e.g. `Adam`.
    public var name: String
    /// The year of the paper (or first release) that introduced the algorithm.
    public var year: Int
    /// The paper, e.g. "Kingma & Ba, Adam: A Method for Stochastic Optimization, ICLR 2015".
    public var paper: String
    /// The canonical link of what `paper` names: `https://arxiv.org/abs/<id>` when the paper is on
    /// arXiv, else its DOI (`https://doi.org/…`), else its OpenReview, proceedings or JMLR page;
    /// for the few algorithms published only as code, a blog post or lecture slides, that source.
    public var url: String
    /// The family a survey of optimizers would put the algorithm in.
    public var family: OptimizerFamily
    /// The class whose semantics Descent follows, e.g. `torch.optim.Adam`.
    public var reference: String

    public init(name: String, year: Int, paper: String, url: String, family: OptimizerFamily, reference: String) {
        self.name = name
        self.year = year
        self.paper = paper
        self.url = url
        self.family = family
        self.reference = reference
    }
}
