/// The strong-Wolfe line search of `torch.optim.LBFGS` (`_strong_wolfe`, ported from torch7's
/// `lswolfe.lua`): find a step `t` along `d` with
///
///     f(x + t·d) ≤ f(x) + c₁·t·(g·d)          (sufficient decrease)
///     |∇f(x + t·d)·d| ≤ −c₂·(g·d)             (curvature)
///
/// by bracketing (extrapolating with cubic interpolation up to 10× the step) and then zooming
/// (cubic interpolation inside the bracket, kept 10 % away from its ends when progress
/// stalls). At most `maxIterations` evaluations after the first.
///
/// Nocedal & Wright, "Numerical Optimization", 2nd ed. 2006, algorithms 3.5 and 3.6. torch's
/// code is followed statement by statement, Python's `min`/`max` semantics and the rounding
/// of `number / tensor` included (see `StepLength`); where torch itself would fail (a NaN loss meeting the curvature condition, a negative
/// `max_ls`), this returns instead of trapping.
struct StrongWolfeLineSearch {
    var c1 = 1e-4
    var c2 = 0.9
    var toleranceChange = 1e-9
    /// torch's `max_ls`.
    var maxIterations = 25

    init(maxIterations: Int) { self.maxIterations = maxIterations }

    struct Result {
        var loss: Double
        var gradient: [Double]
        var t: Double
        var evaluations: Int
    }

    /// Searches from step `t` along `d`, starting where the loss is `f`, the gradient `g` and
    /// the directional derivative `gtd`; `evaluate(t)` gives the loss and flat gradient at
    /// x + t·d.
    func search(
        from t: StepLength, direction d: [Double], loss f: Double, gradient g: [Double], derivative gtd: Double,
        evaluate: (Double) -> (loss: Double, gradient: [Double])
    ) -> Result {
        let dNorm = maxMagnitude(d)
        var t = t
        var (fNew, gNew) = evaluate(t.value)
        var evaluations = 1
        var gtdNew = dot(gNew, d)

        // Bracket an interval containing a point satisfying the Wolfe criteria.
        var (tPrev, fPrev, gPrev, gtdPrev) = (StepLength.zero, f, g, gtd)
        var done = false
        var lsIter = 0
        var bracket: [StepLength] = [], bracketF: [Double] = [], bracketG: [[Double]] = [], bracketGtd: [Double] = []
        while lsIter < maxIterations {
            if fNew > f + c1 * t.value * gtd || (lsIter > 1 && fNew >= fPrev) {
                (bracket, bracketF, bracketG, bracketGtd) = ([tPrev, t], [fPrev, fNew], [gPrev, gNew], [gtdPrev, gtdNew])
                break
            }
            if gtdNew.magnitude <= -c2 * gtd {
                (bracket, bracketF, bracketG) = ([t], [fNew], [gNew])
                done = true
                break
            }
            if gtdNew >= 0 {
                (bracket, bracketF, bracketG, bracketGtd) = ([tPrev, t], [fPrev, fNew], [gPrev, gNew], [gtdPrev, gtdNew])
                break
            }
            // Extrapolate.
            let minStep = t + 0.01 * (t - tPrev)
            let maxStep = t * 10
            let previous = t
            t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, bounds: (minStep, maxStep))
            (tPrev, fPrev, gPrev, gtdPrev) = (previous, fNew, gNew, gtdNew)
            (fNew, gNew) = evaluate(t.value)
            evaluations += 1
            gtdNew = dot(gNew, d)
            lsIter += 1
        }
        // Out of iterations (torch: `ls_iter == max_ls`; empty only then, or for a negative max_ls).
        if bracket.isEmpty {
            (bracket, bracketF, bracketG) = ([.zero, t], [f, fNew], [g, gNew])
        }

        // Zoom: refine the bracket until a point satisfies the criteria.
        var insufficientProgress = false
        var (low, high) = bracket.count == 1 || bracketF[0] <= bracketF[1] ? (0, 1) : (1, 0)
        while !done && lsIter < maxIterations {
            if (bracket[1] - bracket[0]).value.magnitude * dNorm < toleranceChange { break }
            t = cubicInterpolate(bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1])

            // Keep t away from the bracket's ends when it gets too close (twice in a row, or
            // outside): move it 10 % of the bracket's length inside.
            let upper = pythonMax(bracket[0], bracket[1])
            let lower = pythonMin(bracket[0], bracket[1])
            let eps = 0.1 * (upper - lower)
            if pythonMin(upper - t, t - lower).value < eps.value {
                if insufficientProgress || t.value >= upper.value || t.value <= lower.value {
                    t = (t - upper).value.magnitude < (t - lower).value.magnitude ? upper - eps : lower + eps
                    insufficientProgress = false
                } else {
                    insufficientProgress = true
                }
            } else {
                insufficientProgress = false
            }

            (fNew, gNew) = evaluate(t.value)
            evaluations += 1
            gtdNew = dot(gNew, d)
            lsIter += 1

            if fNew > f + c1 * t.value * gtd || fNew >= bracketF[low] {
                // Not sufficient decrease, or not below the low point: t becomes the high end.
                (bracket[high], bracketF[high], bracketG[high], bracketGtd[high]) = (t, fNew, gNew, gtdNew)
                (low, high) = bracketF[0] <= bracketF[1] ? (0, 1) : (1, 0)
            } else {
                if gtdNew.magnitude <= -c2 * gtd {
                    done = true
                } else if gtdNew * (bracket[high] - bracket[low]).value >= 0 {
                    // The old high end becomes the new low end.
                    (bracket[high], bracketF[high], bracketG[high], bracketGtd[high]) =
                        (bracket[low], bracketF[low], bracketG[low], bracketGtd[low])
                }
                (bracket[low], bracketF[low], bracketG[low], bracketGtd[low]) = (t, fNew, gNew, gtdNew)
            }
        }
        return Result(loss: bracketF[low], gradient: bracketG[low], t: bracket[low].value, evaluations: evaluations)
    }
}

/// torch's `_cubic_interpolate` (torch7 `polyinterp.lua`): the minimiser of the cubic through
/// (x₁, f₁) and (x₂, f₂) with slopes g₁, g₂, clamped to `bounds` (default: between x₁ and x₂);
/// the bounds' midpoint when the cubic has no real minimiser. Every operation is a separate
/// scalar op, so plain IEEE arithmetic, except that `3·(f₁ − f₂) / (x₁ − x₂)` divides a Python
/// number by a tensor when either x is one; `min`/`max` as Python's; `d2_square.sqrt()` is a
/// tensor root, so `torchSqrt` (MKL's, not always the IEEE one).
func cubicInterpolate(
    _ x1: StepLength, _ f1: Double, _ g1: Double, _ x2: StepLength, _ f2: Double, _ g2: Double,
    bounds: (StepLength, StepLength)? = nil
) -> StepLength {
    let (lower, upper) = bounds ?? (x1.value <= x2.value ? (x1, x2) : (x2, x1))
    let d1 = g1 + g2 - StepLength.divide(3 * (f1 - f2), by: x1 - x2)
    let d2Square = d1 * d1 - g1 * g2
    guard d2Square >= 0 else { return (lower + upper) / 2.0 }
    let d2 = torchSqrt(d2Square)
    let (a, b) = (x1.value, x2.value)
    let minPos = a <= b
        ? b - (b - a) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
        : a - (a - b) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2))
    return pythonMin(pythonMax(StepLength(minPos, isTensor: true), lower), upper)
}

/// A step length as torch's line search holds it: a Python number or a 0-d float64 tensor
/// (`t` starts as `lr`, interpolated values are tensors, `t_prev` starts as the integer 0).
/// Both round every operation alike but one: `number / tensor` is `Tensor.__rtruediv__`,
/// computed as `number · (1 / tensor)` (measured), where `number / number` is one division.
struct StepLength: Sendable, Hashable {
    var value: Double
    var isTensor: Bool

    init(_ value: Double, isTensor: Bool) {
        self.value = value
        self.isTensor = isTensor
    }

    static let zero = StepLength(0, isTensor: false)

    static func + (a: StepLength, b: StepLength) -> StepLength {
        StepLength(a.value + b.value, isTensor: a.isTensor || b.isTensor)
    }
    static func - (a: StepLength, b: StepLength) -> StepLength {
        StepLength(a.value - b.value, isTensor: a.isTensor || b.isTensor)
    }
    static func * (a: StepLength, b: Double) -> StepLength { StepLength(a.value * b, isTensor: a.isTensor) }
    static func * (a: Double, b: StepLength) -> StepLength { StepLength(a * b.value, isTensor: b.isTensor) }
    static func / (a: StepLength, b: Double) -> StepLength { StepLength(a.value / b, isTensor: a.isTensor) }

    /// Python's `number / x`.
    static func divide(_ number: Double, by x: StepLength) -> Double {
        x.isTensor ? number * (1 / x.value) : number / x.value
    }
}

/// Python's `min(a, b)`: `b` only if `b < a` (a NaN `b` yields `a`).
func pythonMin(_ a: StepLength, _ b: StepLength) -> StepLength { b.value < a.value ? b : a }

/// Python's `max(a, b)`: `b` only if `b > a`.
func pythonMax(_ a: StepLength, _ b: StepLength) -> StepLength { b.value > a.value ? b : a }
