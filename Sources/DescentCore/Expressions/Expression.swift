/// A parsed arithmetic expression in x and y: the body of a user-defined test function.
///
/// Evaluated generically over `Scalar`, so a user's function gets exact derivatives exactly
/// like the built-ins. Powers with a constant exponent evaluate as `Scalar.pow` (for `^2`,
/// `Scalar.square`), as torch's `x ** c` does.
public indirect enum Expression: Hashable, Sendable {
    case number(Double)
    case x
    case y
    case negate(Expression)
    case binary(BinaryOperator, Expression, Expression)
    case call(Function, Expression)

    public enum BinaryOperator: String, Hashable, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    }

    /// The functions an expression may call.
    public enum Function: String, Hashable, Sendable, CaseIterable {
        case sin, cos, tan, exp, log, sqrt, abs, tanh
    }

    /// The value for `x` and `y` of any `Scalar` type.
    public func evaluate<S: Scalar>(_ x: S, _ y: S) -> S {
        switch self {
        case .number(let v): return S(v)
        case .x: return x
        case .y: return y
        case .negate(let e): return -e.evaluate(x, y)
        case .binary(let op, let l, let r):
            if op == .power, let c = r.constantValue {
                let base = l.evaluate(x, y)
                return c == 2 ? S.square(base) : S.pow(base, c)
            }
            let a = l.evaluate(x, y), b = r.evaluate(x, y)
            switch op {
            case .add: return a + b
            case .subtract: return a - b
            case .multiply: return a * b
            case .divide: return a / b
            case .power: return S.power(a, b)
            }
        case .call(let f, let e):
            let a = e.evaluate(x, y)
            switch f {
            case .sin: return S.sin(a)
            case .cos: return S.cos(a)
            case .tan: return S.tan(a)
            case .exp: return S.exp(a)
            case .log: return S.log(a)
            case .sqrt: return S.sqrt(a)
            case .abs: return S.abs(a)
            case .tanh: return S.tanh(a)
            }
        }
    }

    /// The value when the expression does not depend on x or y (as Python folds `2 * pi`).
    public var constantValue: Double? {
        switch self {
        case .number(let v): return v
        case .x, .y: return nil
        default:
            guard !dependsOnVariables else { return nil }
            return evaluate(0.0, 0.0)
        }
    }

    var dependsOnVariables: Bool {
        switch self {
        case .number: return false
        case .x, .y: return true
        case .negate(let e), .call(_, let e): return e.dependsOnVariables
        case .binary(_, let l, let r): return l.dependsOnVariables || r.dependsOnVariables
        }
    }
}
