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
    @usableFromInline var nodes: [Node] = []
    @usableFromInline var adjoints: [Double] = []

    public init() {
        nodes.reserveCapacity(64)
        adjoints.reserveCapacity(64)
    }

    /// Forgets every recorded operation.
    @inlinable public func reset() { nodes.removeAll(keepingCapacity: true) }

    /// A new independent variable.
    @inlinable public func variable(_ value: Double) -> Reverse {
        record(.leaf, value: value, a: -1, b: -1, aux: 0)
    }

    @inlinable func record(_ op: Op, value: Double, a: Int32, b: Int32, aux: Double) -> Reverse {
        nodes.append(Node(op: op, a: a, b: b, value: value, aux: aux))
        return Reverse(value: value, index: Int32(nodes.count - 1), tape: self)
    }

    /// d output / d variable for each of `variables`, by one backward pass from `output`.
    @inlinable public func gradient(of output: Reverse, with variables: (Reverse, Reverse)) -> (Double, Double) {
        guard output.index >= 0 else { return (0, 0) }
        adjoints.removeAll(keepingCapacity: true)
        adjoints.append(contentsOf: repeatElement(0, count: nodes.count))
        adjoints[Int(output.index)] = 1
        var k = Int(output.index)
        while k >= 0 {
            let g = adjoints[k]
            if g != 0 { backward(nodes[k], g) }
            k -= 1
        }
        return (variables.0.index >= 0 ? adjoints[Int(variables.0.index)] : 0,
                variables.1.index >= 0 ? adjoints[Int(variables.1.index)] : 0)
    }

    @inlinable func accumulate(_ i: Int32, _ g: Double) {
        if i >= 0 { adjoints[Int(i)] += g }
    }

    /// The value of operand `i`, or the constant `aux` when it is not on the tape.
    @inlinable func operand(_ i: Int32, _ constant: Double) -> Double {
        i >= 0 ? nodes[Int(i)].value : constant
    }

    /// torch's rule for each operation. `aux` holds the constant operand of a binary op
    /// (the other operand is on the tape) or the exponent of `pow`.
    @inlinable func backward(_ n: Node, _ g: Double) {
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
            accumulate(n.a, g * LibM.cos(nodes[Int(n.a)].value))
        case .cos:
            accumulate(n.a, g * -LibM.sin(nodes[Int(n.a)].value))
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
/// 0.5 as `sqrt`, −1 and −2 as reciprocals, anything else through the C library's `pow`.
@inlinable func torchPow(_ x: Double, _ n: Double) -> Double {
    switch n {
    case 0: return 1
    case 1: return x
    case 2: return x * x
    case 3: return x * x * x
    case 0.5: return x.squareRoot()
    case -0.5: return 1 / x.squareRoot()
    case -1: return 1 / x
    case -2: return 1 / (x * x)
    default: return LibM.pow(x, n)
    }
}
