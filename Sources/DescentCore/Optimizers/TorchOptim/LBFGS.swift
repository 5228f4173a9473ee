/// Limited-memory BFGS, as `torch.optim.LBFGS`: up to `max_iter` quasi-Newton iterations per
/// `step`, each along the two-loop-recursion direction, with a fixed step or a strong-Wolfe
/// line search.
///
///     g ← ∇f(θ) (negated, and f too, if maximize); stop if max|g| ≤ tolerance_grad
///     repeat up to max_iter times:
///       first iteration ever:  d ← −g, t ← min(1, 1/Σ|g|)·γ
///       else: y ← g − g_prev, s ← t·d; if y·s > 1e-10 remember (y, s, ρ = 1/(y·s)), H ← y·s / y·y
///             d ← −H̃g (two-loop recursion over the last history_size pairs, H̃₀ = H·I), t ← γ
///       stop if g·d > −tolerance_change
///       θ ← θ + t·d, t from the strong-Wolfe search (c₁ = 1e-4, c₂ = 0.9) or fixed;
///       re-evaluate f, g (the fixed step skips this in the last iteration)
///       stop after max_iter iterations, max_eval evaluations, max|g| ≤ tolerance_grad,
///       max|t·d| ≤ tolerance_change or |f − f_prev| < tolerance_change
///
/// Liu & Nocedal, "On the Limited Memory BFGS Method for Large Scale Optimization",
/// Mathematical Programming 45, 1989; line search: Nocedal & Wright, "Numerical Optimization",
/// algorithms 3.5–3.6. torch's port of minFunc / torch7 `optim.lbfgs` is followed line by line,
/// quirks included:
/// - one `step` is up to `max_iter` iterations and `max_eval` evaluations of the objective;
///   the trajectory records one point per step; the returned loss is the first evaluation's;
/// - the memory (`d`, `t`, the (y, s, ρ) pairs, `H_diag`, the previous gradient and loss,
///   `n_iter`, `func_evals`) lives across steps, and only the very first iteration of the
///   optimizer's life uses the scaled steepest-descent step;
/// - `max_eval` defaults to `max_iter · 5 // 4` (floor division);
/// - the line search is given `max_ls = max_eval − evaluations so far` and always uses the
///   default `tolerance_change = 1e-9` (torch does not pass the optimizer's own);
/// - a step that finds max|g| ≤ tolerance_grad at the start returns without moving.
///
/// Arithmetic as torch's kernels round on the flattened parameter vector: `p.add_(d, alpha=t)`
/// is `fma(t, d, p)`, `dot` is MKL's (products summed in two interleaved accumulators, measured
/// exact for vectors of up to 8 elements; `abs().sum()` is summed in order, exact for the 2-D
/// point), 0-d tensor arithmetic plain IEEE, except `number / tensor`, which torch computes as
/// `number · (1 / tensor)` (see `StepLength`).
///
/// torch checks only `lr ≥ 0` when constructed and fails later, inside `step`, on a
/// `line_search_fn` other than "strong_wolfe", on `history_size ≤ 0`, and on `max_eval ≤ 0` with
/// the line search; those are thrown here at construction instead.
///
/// `step(_:gradients:)` cannot re-evaluate the objective: it performs torch's `step` with
/// `max_iter = 1` and no line search (the one configuration that needs exactly one evaluation),
/// the given gradients standing for that evaluation. Use `step(_:objective:)` for torch's LBFGS.
public struct LBFGS: Optimizer {
    /// The line searches torch's LBFGS offers (`line_search_fn`).
    public enum LineSearch: String, Sendable, Hashable {
        case strongWolfe = "strong_wolfe"
    }

    /// The largest `max_iter` and `max_eval` accepted (Descent's bound against runaway work).
    public static let maximumIterations = 10_000
    public static let maximumEvaluations = 12_500

    public var learningRate: Double
    public var maxIter: Int
    public var maxEval: Int
    public var toleranceGrad: Double
    public var toleranceChange: Double
    public var historySize: Int
    /// `nil`: a fixed step of length `t`.
    public var lineSearch: LineSearch?
    public var maximize: Bool
    public var state = LBFGSState()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1, .nonNegative)
        // Bounded (torch is not): one step is at most this many iterations and evaluations, so
        // `max_iter` 1e9 with zero tolerances cannot make a step that never returns.
        maxIter = try r.int("max_iter", default: 20, .closed(-.infinity, Double(Self.maximumIterations)))
        let givenMaxEval = try r.optionalInt("max_eval", default: nil, .closed(-.infinity, Double(Self.maximumEvaluations)))
        toleranceGrad = try r.double("tolerance_grad", default: 1e-7)
        toleranceChange = try r.double("tolerance_change", default: 1e-9)
        historySize = try r.int("history_size", default: 100, .atLeast(1))
        lineSearch = try r.choice("line_search_fn", default: nil, [LineSearch.strongWolfe.rawValue])
            .flatMap(LineSearch.init(rawValue:))
        maximize = try r.bool("maximize", default: false)
        maxEval = givenMaxEval ?? Self.defaultMaxEval(maxIter: maxIter)
        if lineSearch != nil, maxIter >= 1, maxEval < 1 {
            throw .outOfRange(optimizer: "LBFGS", key: "max_eval", value: Double(maxEval),
                              allowed: "[1, inf) with line_search_fn \"strong_wolfe\"")
        }
    }

    /// torch's `max_iter * 5 // 4` (floor division), saturating instead of overflowing.
    static func defaultMaxEval(maxIter: Int) -> Int {
        let (product, overflow) = maxIter.multipliedReportingOverflow(by: 5)
        if overflow { return maxIter > 0 ? Int.max : Int.min }
        let (q, r) = product.quotientAndRemainder(dividingBy: 4)
        return r < 0 ? q - 1 : q
    }

    /// torch's `step(closure)`: returns the loss of the first evaluation.
    public mutating func step<O: Objective>(_ parameters: inout [Tensor], objective: inout O) -> Double {
        optimize(&parameters, objective: &objective, maxIter: maxIter, lineSearch: lineSearch)
    }

    /// torch's `step(closure)` with `max_iter = 1` and no line search, `gradients` standing for
    /// the closure's single evaluation (see the type's documentation).
    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        var given = GivenGradients(gradients: gradients)
        _ = optimize(&parameters, objective: &given, maxIter: 1, lineSearch: nil)
    }

    /// The body of torch's `LBFGS.step`, on the flattened parameter vector.
    mutating func optimize<O: Objective>(
        _ parameters: inout [Tensor], objective: inout O, maxIter: Int, lineSearch: LineSearch?
    ) -> Double {
        let sign: Double = maximize ? -1 : 1
        // The closure: loss (negated if maximize) and the flat gradient (negated if maximize).
        func evaluate(_ point: [Tensor]) -> (loss: Double, gradient: [Double]) {
            let loss = objective.evaluate(at: point)
            return (sign * loss, flatten(objective.gradients, sign: sign))
        }

        let origLoss = objective.evaluate(at: parameters)
        guard parameters.contains(where: { $0.count > 0 }) else { return origLoss }
        var loss = sign * origLoss
        var flatGrad = flatten(objective.gradients, sign: sign)
        var currentEvals = 1
        state.funcEvals += 1
        var optCond = maxMagnitude(flatGrad) <= toleranceGrad
        if optCond { return origLoss }

        // Moved out (not copied), so the history's buffers stay uniquely owned and are updated
        // in place.
        var s = state
        state = LBFGSState()
        var nIter = 0
        while nIter < maxIter {
            nIter += 1
            s.nIter += 1

            // Direction.
            if s.nIter == 1 {
                s.d = flatGrad.map { -$0 }
                s.history = LBFGSHistory(capacity: historySize)
                s.hDiag = 1
            } else {
                let y = zip(flatGrad, s.prevFlatGrad).map { $0 - $1 }
                let step = s.d.map { $0 * s.t }
                let ys = dot(y, step)
                if ys > 1e-10 {
                    s.history.append(y: y, s: step, rho: 1.0 / ys)
                    s.hDiag = ys / dot(y, y)
                }
                s.d = s.history.direction(gradient: flatGrad, hDiag: s.hDiag)
            }
            s.prevFlatGrad = flatGrad
            s.prevLoss = loss

            // Step length: `min(1.0, 1.0 / tensor) * lr` is a tensor unless it picks 1.0.
            var t = StepLength(learningRate, isTensor: false)
            if s.nIter == 1 {
                let reciprocal = StepLength(1.0 / flatGrad.reduce(0) { $0 + $1.magnitude }, isTensor: true)
                t = pythonMin(StepLength(1.0, isTensor: false), reciprocal) * learningRate
            }
            s.t = t.value
            let gtd = dot(flatGrad, s.d)
            if gtd > -toleranceChange { break }

            var lsFuncEvals = 0
            if lineSearch == .strongWolfe {
                let x = parameters
                let d = s.d
                let found = StrongWolfeLineSearch(maxIterations: maxEval - currentEvals).search(
                    from: t, direction: d, loss: loss, gradient: flatGrad, derivative: gtd
                ) { t in
                    var trial = x
                    addFlat(&trial, d, alpha: t)
                    return evaluate(trial)
                }
                (loss, flatGrad, s.t, lsFuncEvals) = (found.loss, found.gradient, found.t, found.evaluations)
                addFlat(&parameters, s.d, alpha: s.t)
                optCond = maxMagnitude(flatGrad) <= toleranceGrad
            } else {
                addFlat(&parameters, s.d, alpha: s.t)
                if nIter != maxIter {
                    (loss, flatGrad) = evaluate(parameters)
                    optCond = maxMagnitude(flatGrad) <= toleranceGrad
                    lsFuncEvals = 1
                }
            }
            currentEvals += lsFuncEvals
            s.funcEvals += lsFuncEvals

            // Termination.
            if nIter == maxIter { break }
            if currentEvals >= maxEval { break }
            if optCond { break }
            if maxMagnitude(s.d.map { $0 * s.t }) <= toleranceChange { break }
            if (loss - s.prevLoss).magnitude < toleranceChange { break }
        }
        state = s
        return origLoss
    }
}

/// LBFGS's memory between steps, torch's `state` (names in comments). Until the first
/// iteration (`nIter == 0`) only `funcEvals` is meaningful.
public struct LBFGSState: Sendable, Hashable {
    /// `func_evals`: evaluations of the objective over the optimizer's life.
    public var funcEvals = 0
    /// `n_iter`: iterations over the optimizer's life.
    public var nIter = 0
    /// `d`: the last search direction.
    public var d: [Double] = []
    /// `t`: the last step length.
    public var t = 0.0
    /// `old_dirs`, `old_stps`, `ro`: the (y, s, 1 / y·s) pairs.
    public var history = LBFGSHistory(capacity: 1)
    /// `old_dirs`: gradient differences y, oldest first.
    public var oldDirs: [[Double]] { history.pairs.dirs }
    /// `old_stps`: steps s, oldest first.
    public var oldStps: [[Double]] { history.pairs.stps }
    /// `ro`: 1 / (y · s) of each pair.
    public var ro: [Double] { history.pairs.ro }
    /// `H_diag`: the scale of the initial inverse Hessian, y·s / y·y.
    public var hDiag = 1.0
    /// `prev_flat_grad`: the gradient at the start of the last iteration.
    public var prevFlatGrad: [Double] = []
    /// `prev_loss`: the loss at the start of the last iteration.
    public var prevLoss = 0.0

    public init() {}
}

/// The objective of `LBFGS.step(_:gradients:)`: the gradients it was given; the loss is unknown
/// (NaN), which a one-iteration fixed step never reads.
private struct GivenGradients: Objective {
    var gradients: [Tensor]
    func evaluate(at parameters: [Tensor]) -> Double { .nan }
}

// MARK: - The flat parameter vector, rounded as torch's kernels round it

/// torch's `_gather_flat_grad`, negated when maximizing (`sign` −1).
private func flatten(_ gradients: [Tensor], sign: Double) -> [Double] {
    var flat: [Double] = []
    flat.reserveCapacity(gradients.reduce(0) { $0 + $1.count })
    for g in gradients { for v in g.scalars { flat.append(sign * v) } }
    return flat
}

/// torch's `_add_grad`: `p.add_(update, alpha=step)` on each parameter's slice, `fma(α, u, p)`.
private func addFlat(_ parameters: inout [Tensor], _ update: [Double], alpha: Double) {
    var offset = 0
    for p in parameters.indices {
        for i in parameters[p].scalars.indices {
            parameters[p].scalars[i] = add(parameters[p].scalars[i], update[offset], alpha: alpha)
            offset += 1
        }
    }
}

/// torch's `a.dot(b)` for float64 on the CPU (MKL `ddot`): products summed into two
/// interleaved accumulators (even and odd indices), then added — measured bit-exact for
/// vectors of up to 8 elements (a 2-D point is `a₀b₀ + a₁b₁`).
func dot(_ a: [Double], _ b: [Double]) -> Double {
    a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in dot(a, b) } }
}

/// torch's `v.abs().max()`: NaN if any element is NaN (torch's `max` propagates it).
func maxMagnitude(_ v: [Double]) -> Double {
    var m = 0.0
    for x in v {
        if x.isNaN { return .nan }
        if x.magnitude > m { m = x.magnitude }
    }
    return m
}
