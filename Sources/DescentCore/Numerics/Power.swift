import DescentBase

/// The two powers the references take, which round differently.

/// Python's `x ** y` and `math.pow(x, y)` on floats: the C library's `pow`. The references
/// compute their per-step scalars this way (bias corrections 1 − βᵗ, schedules, `** 0.5`).
@inlinable func pythonPow(_ x: Double, _ y: Double) -> Double {
    LibM.pow(x, y)
}

/// torch's `tensor.pow(e)` (and `pow_`) with a scalar exponent, as its CPU kernel special-cases
/// it: ½ → √x (torch's tensor root, `torchSqrt`), 2 → x·x, 3 → x·x·x, −½ → 1/√x (the IEEE root,
/// as `rsqrt`), −1 → 1/x, −2 → 1/(x·x), 1 → x, otherwise the C library's `pow` (measured for
/// tensors of fewer than 16 elements; longer ones take a vectorized kernel).
@inlinable func tensorPow(_ x: Double, _ e: Double) -> Double {
    switch e {
    case 0.5: return torchSqrt(x)
    case 2: return x * x
    case 3: return x * x * x
    case -0.5: return 1 / x.squareRoot()
    case -1: return 1 / x
    case -2: return 1 / (x * x)
    case 1: return x
    default: return pythonPow(x, e)
    }
}
