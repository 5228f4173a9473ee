import DescentBase

/// The tape of reverse-mode differentiation: every operation on `Reverse` scalars, in the
/// order it ran, replayed backwards to accumulate adjoints.
///
/// The backward pass reproduces torch autograd to the last bit: nodes are processed in reverse
/// creation order (torch's engine runs the ready node with the highest sequence number, which
/// for one output is exactly that), each rule is torch's formula with its operation order
/// (`MulBackward0`: `grad * other`; `DivBackward0`: `grad / other` and
/// `-grad * ((self / other) / other)`; `PowBackward0`: `grad * (n * self.pow(n − 1))`, …), and
/// gradients arriving at one node are summed in arrival order.
///
/// A tape is reused across evaluations (`reset()` keeps its capacity), so a trajectory
/// allocates nothing per step.
public final class GradientTape {
    // All mutable state lives behind one pointer: the tape sits on the hot path of every
    // trajectory step, and stored properties of a class pay a dynamic exclusivity check on
    // every access (measured: 40 % of a step), memory behind a pointer does not.
    @usableFromInline let storage: UnsafeMutablePointer<Storage>

    @usableFromInline struct Storage {
        @usableFromInline var nodes: UnsafeMutablePointer<Node>
        @usableFromInline var adjoints: UnsafeMutablePointer<Double>
        @usableFromInline var count: Int
        @usableFromInline var capacity: Int
    }

    public init(capacity: Int = 64) {
        let capacity = max(capacity, 8)
        storage = .allocate(capacity: 1)
        storage.initialize(to: Storage(nodes: .allocate(capacity: capacity), adjoints: .allocate(capacity: capacity),
                                       count: 0, capacity: capacity))
    }

    deinit {
        storage.pointee.nodes.deallocate()
        storage.pointee.adjoints.deallocate()
        storage.deallocate()
    }

    /// Forgets every recorded operation (the storage is kept).
    @inlinable public func reset() { storage.pointee.count = 0 }

    /// A new independent variable.
    @inlinable public func variable(_ value: Double) -> Reverse {
        record(.leaf, value: value, a: -1, b: -1, aux: 0)
    }

    @inlinable @inline(__always) func record(_ op: Op, value: Double, a: Int32, b: Int32, aux: Double) -> Reverse {
        Self.record(storage, op, value: value, a: a, b: b, aux: aux)
    }

    /// Appends a node. Static on the storage pointer so that `Reverse` values carry no class
    /// reference (and no retain/release per operation).
    @inlinable @inline(__always) static func record(
        _ storage: UnsafeMutablePointer<Storage>, _ op: Op, value: Double, a: Int32, b: Int32, aux: Double
    ) -> Reverse {
        if storage.pointee.count == storage.pointee.capacity { grow(storage) }
        let index = storage.pointee.count
        (storage.pointee.nodes + index).initialize(to: Node(op: op, a: a, b: b, value: value, aux: aux))
        storage.pointee.count = index + 1
        return Reverse(value: value, index: Int32(index), storage: storage)
    }

    @usableFromInline static func grow(_ storage: UnsafeMutablePointer<Storage>) {
        let s = storage.pointee
        let newCapacity = s.capacity * 2
        let newNodes = UnsafeMutablePointer<Node>.allocate(capacity: newCapacity)
        newNodes.moveInitialize(from: s.nodes, count: s.count)
        s.nodes.deallocate()
        s.adjoints.deallocate()
        storage.pointee = Storage(nodes: newNodes, adjoints: .allocate(capacity: newCapacity),
                                  count: s.count, capacity: newCapacity)
    }

    /// d output / d variable for each of `variables`, by one backward pass from `output`.
    @inlinable public func gradient(of output: Reverse, with variables: (Reverse, Reverse)) -> (Double, Double) {
        guard output.index >= 0 else { return (0, 0) }
        let nodes = storage.pointee.nodes, adjoints = storage.pointee.adjoints
        let last = Int(output.index)
        for i in 0..<last { adjoints[i] = 0 }
        adjoints[last] = 1
        var k = last
        while k >= 0 {
            let g = adjoints[k]
            if g != 0 && nodes[k].op != .leaf { Self.backward(nodes[k], g, nodes, adjoints) }
            k -= 1
        }
        return (variables.0.index >= 0 ? adjoints[Int(variables.0.index)] : 0,
                variables.1.index >= 0 ? adjoints[Int(variables.1.index)] : 0)
    }

    /// torch's rule for each operation. `aux` holds the constant operand of a binary op
    /// (the other operand is on the tape) or the exponent of `pow`.
    @inlinable @inline(__always) static func backward(
        _ n: Node, _ g: Double, _ nodes: UnsafeMutablePointer<Node>, _ adjoints: UnsafeMutablePointer<Double>
    ) {
        @inline(__always) func accumulate(_ i: Int32, _ g: Double) {
            if i >= 0 { adjoints[Int(i)] += g }
        }
        /// The value of operand `i`, or the constant `aux` when it is not on the tape.
        @inline(__always) func operand(_ i: Int32, _ constant: Double) -> Double {
            i >= 0 ? nodes[Int(i)].value : constant
        }
        switch n.op {
        case .leaf:
            break
        case .add:
            accumulate(n.a, g)
            accumulate(n.b, g)
        case .sub:
            accumulate(n.a, g)
            accumulate(n.b, -g)
        case .mul:
            accumulate(n.a, g * operand(n.b, n.aux))
            accumulate(n.b, g * operand(n.a, n.aux))
        case .div:
            let a = operand(n.a, n.aux), b = operand(n.b, n.aux)
            accumulate(n.a, g / b)
            accumulate(n.b, -g * ((a / b) / b))
        case .neg:
            accumulate(n.a, -g)
        case .sin:
            accumulate(n.a, g * torchCos(nodes[Int(n.a)].value))
        case .cos:
            accumulate(n.a, g * -torchSin(nodes[Int(n.a)].value))
        case .tan:
            accumulate(n.a, g * (1 + n.value * n.value))
        case .exp:
            accumulate(n.a, g * n.value)
        case .log:
            accumulate(n.a, g / nodes[Int(n.a)].value)
        case .sqrt:
            accumulate(n.a, g / (2 * n.value))
        case .tanh:
            accumulate(n.a, g * (1 - n.value * n.value))
        case .abs:
            let a = nodes[Int(n.a)].value
            accumulate(n.a, g * (a > 0 ? 1 : (a < 0 ? -1 : 0)))
        case .pow:
            if n.aux != 0 {
                accumulate(n.a, g * (n.aux * torchPow(nodes[Int(n.a)].value, n.aux - 1)))
            }
        }
    }

    @usableFromInline enum Op: UInt8 {
        case leaf, add, sub, mul, div, neg, sin, cos, tan, exp, log, sqrt, tanh, abs, pow
    }

    @usableFromInline struct Node {
        @usableFromInline var op: Op
        @usableFromInline var a: Int32
        @usableFromInline var b: Int32
        @usableFromInline var value: Double
        @usableFromInline var aux: Double

        @inlinable init(op: Op, a: Int32, b: Int32, value: Double, aux: Double) {
            self.op = op
            self.a = a
            self.b = b
            self.value = value
            self.aux = aux
        }
    }
}

/// torch's `pow(tensor, scalar)` kernel: exponents 2 and 3 as products, 1 as the identity,
/// 0.5 as torch's `sqrt`, −0.5 as `rsqrt`, −1 and −2 as reciprocals, anything else through the C library's `pow`.
@inlinable func torchPow(_ x: Double, _ n: Double) -> Double {
    switch n {
    case 0: return 1
    case 1: return x
    case 2: return x * x
    case 3: return x * x * x
    case 0.5: return torchSqrt(x)          // torch routes pow(x, 0.5) to its (MKL) sqrt
    case -0.5: return 1 / x.squareRoot()   // and pow(x, -0.5) to rsqrt, 1/IEEE root (measured)
    case -1: return 1 / x
    case -2: return 1 / (x * x)
    default: return LibM.pow(x, n)
    }
}
