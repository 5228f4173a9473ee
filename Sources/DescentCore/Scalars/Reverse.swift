import DescentBase

/// A scalar of reverse-mode automatic differentiation, recorded on a `GradientTape`.
///
/// Trajectories take their gradients from here rather than from `Dual`: both are exact
/// derivatives of the one generic definition, but only reverse mode, with torch's backward
/// rules, rounds exactly as torch autograd does — and on chaotic paths (Adam on Rosenbrock at
/// lr 0.1) one unit in the last place at one step grows to 5 % of the coordinates by step 300.
/// A `Reverse` made from a constant is not on any tape (`index` −1).
public struct Reverse: Scalar {
    public var value: Double
    @usableFromInline var index: Int32
    /// The storage of the tape this value is recorded on (a raw pointer: no reference
    /// counting on the hot path; the tape outlives every value made on it).
    @usableFromInline var storage: UnsafeMutablePointer<GradientTape.Storage>?

    @inlinable init(value: Double, index: Int32, storage: UnsafeMutablePointer<GradientTape.Storage>?) {
        self.value = value
        self.index = index
        self.storage = storage
    }

    @inlinable public init(_ value: Double) { self.init(value: value, index: -1, storage: nil) }

    /// Records a binary operation. When one operand is a constant its value goes to `aux`.
    @inlinable @inline(__always) static func binary(_ op: GradientTape.Op, _ a: Reverse, _ b: Reverse, _ value: Double) -> Reverse {
        guard let storage = a.storage ?? b.storage else { return Reverse(value) }
        let aux = a.index < 0 ? a.value : (b.index < 0 ? b.value : 0)
        return GradientTape.record(storage, op, value: value, a: a.index, b: b.index, aux: aux)
    }

    @inlinable @inline(__always) func unary(_ op: GradientTape.Op, _ value: Double, aux: Double = 0) -> Reverse {
        guard let storage else { return Reverse(value) }
        return GradientTape.record(storage, op, value: value, a: index, b: -1, aux: aux)
    }

    @inlinable @inline(__always) public static func + (a: Reverse, b: Reverse) -> Reverse { binary(.add, a, b, a.value + b.value) }
    @inlinable @inline(__always) public static func - (a: Reverse, b: Reverse) -> Reverse { binary(.sub, a, b, a.value - b.value) }
    @inlinable @inline(__always) public static func * (a: Reverse, b: Reverse) -> Reverse { binary(.mul, a, b, a.value * b.value) }
    @inlinable @inline(__always) public static func / (a: Reverse, b: Reverse) -> Reverse { binary(.div, a, b, a.value / b.value) }
    @inlinable public static prefix func - (a: Reverse) -> Reverse { a.unary(.neg, -a.value) }

    @inlinable @inline(__always) public static func sin(_ x: Reverse) -> Reverse { x.unary(.sin, torchSin(x.value)) }
    @inlinable @inline(__always) public static func cos(_ x: Reverse) -> Reverse { x.unary(.cos, torchCos(x.value)) }
    @inlinable @inline(__always) public static func tan(_ x: Reverse) -> Reverse { x.unary(.tan, LibM.tan(x.value)) }
    @inlinable @inline(__always) public static func exp(_ x: Reverse) -> Reverse { x.unary(.exp, torchExp(x.value)) }
    @inlinable @inline(__always) public static func log(_ x: Reverse) -> Reverse { x.unary(.log, torchLog(x.value)) }
    /// torch computes `torch.sqrt` through MKL, whose root is not always the IEEE one.
    @inlinable @inline(__always) public static func sqrt(_ x: Reverse) -> Reverse { x.unary(.sqrt, torchSqrt(x.value)) }
    @inlinable @inline(__always) public static func tanh(_ x: Reverse) -> Reverse { x.unary(.tanh, LibM.tanh(x.value)) }
    @inlinable @inline(__always) public static func abs(_ x: Reverse) -> Reverse { x.unary(.abs, Swift.abs(x.value)) }
    @inlinable @inline(__always) public static func pow(_ x: Reverse, _ exponent: Double) -> Reverse {
        x.unary(.pow, torchPow(x.value, exponent), aux: exponent)
    }
    @inlinable @inline(__always) public static func square(_ x: Reverse) -> Reverse { pow(x, 2) }
    @inlinable @inline(__always) public static func power(_ x: Reverse, _ exponent: Reverse) -> Reverse {
        exp(exponent * log(x))
    }
}
