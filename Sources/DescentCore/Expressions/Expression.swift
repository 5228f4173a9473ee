/// A parsed arithmetic expression in x and y: the body of a user-defined test function.
///
/// Evaluated generically over `Scalar`, so a user's function gets exact derivatives exactly
/// like the built-ins. Powers with a constant exponent evaluate as `Scalar.pow` (for `^2`,
/// `Scalar.square`), as torch's `x ** c` does.
///
/// Nothing here recurses over the tree: `evaluate` compiles it to a postfix `Program` and runs
/// that with an explicit operand stack, so a deep tree costs heap, not call stack (worker
/// threads have 512 KB). The tree itself is freed, hashed and compared recursively by Swift,
/// which the parser's limits keep cheap (`ExpressionParser.maximumDepth`, `.maximumNodes`).
/// Chains of `+ −` and of `* /` are one `.chain` node, however long.
public indirect enum Expression: Hashable, Sendable {
    case number(Double)
    case x
    case y
    case negate(Expression)
    /// One operation. The parser builds it for `^`; for `+ − * /` it builds `.chain`.
    case binary(BinaryOperator, Expression, Expression)
    /// `first op₁ e₁ op₂ e₂ …`, evaluated from the left, `((first op₁ e₁) op₂ e₂) …`, exactly
    /// as the nested `.binary` nodes it stands for (same operations in the same order), but
    /// one level deep however long: the parser's form of `a + b - c` and of `a * b / c`.
    case chain(Expression, [Link])
    case call(Function, Expression)

    public enum BinaryOperator: String, Hashable, Sendable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    }

    /// One step of a `.chain`: the operator and its right operand.
    public struct Link: Hashable, Sendable {
        public var op: BinaryOperator
        public var operand: Expression

        public init(_ op: BinaryOperator, _ operand: Expression) {
            self.op = op
            self.operand = operand
        }
    }

    /// The functions an expression may call.
    public enum Function: String, Hashable, Sendable, CaseIterable {
        case sin, cos, tan, exp, log, sqrt, abs, tanh
    }

    /// The value for `x` and `y` of any `Scalar` type. Compiles the tree each time; to
    /// evaluate one expression often, keep its `Program` (as `ExpressionFunction` does).
    public func evaluate<S: Scalar>(_ x: S, _ y: S) -> S { Program(self).evaluate(x, y) }

    /// The value at (x, y), evaluated with `Real`.
    public func evaluate(_ x: Double, _ y: Double) -> Double { evaluate(Real(x), Real(y)).value }

    /// The value when the expression does not depend on x or y (as Python folds `2 * pi`),
    /// computed in `Double`.
    public var constantValue: Double? { Program(self).constantValue }
}

extension Expression {
    /// An expression compiled to postfix instructions for an accumulator machine with an
    /// explicit operand stack: evaluation is one loop, linear in the node count, with no
    /// recursion (so no stack overflow however deep the tree).
    ///
    /// The instructions are the operations of a recursive evaluation in the same order (left
    /// operand, right operand, operation), so every `Scalar` — a `GradientTape` included —
    /// sees exactly what it saw from the recursive evaluator this replaces. A power whose
    /// exponent does not depend on x or y becomes one instruction with the exponent's value
    /// computed here, once, in `Double` (as `constantValue` does); the exponent is not
    /// evaluated as `S`. (Asking each power's exponent for its constant value on every
    /// evaluation, as the recursive evaluator did, made `x^1^1^…^1` quadratic.)
    public struct Program: Hashable, Sendable {
        enum Operand: Hashable, Sendable {
            case number(Double), x, y
        }

        enum Instruction: Hashable, Sendable {
            /// Pushes the accumulator; loads the operand into it.
            case load(Operand)
            /// Pops a; the accumulator b becomes `a op b` (for `.power`, `S.power(a, b)`).
            case binary(BinaryOperator)
            /// The accumulator a becomes `a op operand`: a `load` and a `binary` in one.
            case binaryWith(BinaryOperator, Operand)
            case negate
            /// The accumulator a becomes `a^c` for a constant c: `S.square(a)` for 2, `S.pow(a, c)` otherwise.
            case power(Double)
            case call(Function)
        }

        var instructions: [Instruction] = []
        /// The most values alive at once (the accumulator's placeholder included).
        var stackSize = 0
        /// The value when nothing depends on x or y.
        public private(set) var constantValue: Double?

        /// The number of instructions one evaluation runs.
        public var count: Int { instructions.count }

        /// Compiles `expression` in one pass over the tree, without recursion.
        public init(_ expression: Expression) {
            enum Task {
                case visit(Expression)
                case emit(Instruction)
                /// Remembers where an exponent's instructions begin.
                case markExponent
                /// Ends a power: a constant exponent's instructions give way to `.power(c)`.
                case finishPower
            }
            var instructions: [Instruction] = []
            var tasks: [Task] = [.visit(expression)]
            var constants: [Double?] = []   // mirrors the values alive: each one's constant value, if any
            var marks: [Int] = []

            /// Appends one instruction (`load`, `binary`, `negate`, `power` or `call`), fusing
            /// a `binary` with the `load` just before it.
            func emit(_ instruction: Instruction) {
                switch instruction {
                case .load(let o):
                    if case .number(let v) = o { constants.append(v) } else { constants.append(nil) }
                case .binary(let op):
                    let b = constants.removeLast(), a = constants.removeLast()
                    if let a, let b { constants.append(Program.apply(op, Real(a), Real(b)).value) } else { constants.append(nil) }
                    if case .load(let o) = instructions.last {
                        instructions[instructions.count - 1] = .binaryWith(op, o)
                        return
                    }
                case .negate: constants[constants.count - 1] = constants[constants.count - 1].map { -$0 }
                case .power(let c): constants[constants.count - 1] = constants[constants.count - 1].map { Program.pow(Real($0), c).value }
                case .call(let f): constants[constants.count - 1] = constants[constants.count - 1].map { Program.apply(f, Real($0)).value }
                case .binaryWith: preconditionFailure("made by fusion only")
                }
                instructions.append(instruction)
            }
            func schedule(_ op: BinaryOperator, _ operand: Expression) {
                if op == .power {
                    tasks.append(.finishPower)
                    tasks.append(.visit(operand))
                    tasks.append(.markExponent)
                } else {
                    tasks.append(.emit(.binary(op)))
                    tasks.append(.visit(operand))
                }
            }

            while let task = tasks.popLast() {
                switch task {
                case .emit(let instruction): emit(instruction)
                case .markExponent: marks.append(instructions.count)
                case .finishPower:
                    let start = marks.removeLast()
                    if let c = constants[constants.count - 1] {
                        constants.removeLast()
                        instructions.removeSubrange(start...)
                        emit(.power(c))
                    } else {
                        emit(.binary(.power))
                    }
                case .visit(let e):
                    switch e {
                    case .number(let v): emit(.load(.number(v)))
                    case .x: emit(.load(.x))
                    case .y: emit(.load(.y))
                    case .negate(let a):
                        tasks.append(.emit(.negate))
                        tasks.append(.visit(a))
                    case .binary(let op, let l, let r):
                        schedule(op, r)
                        tasks.append(.visit(l))
                    case .chain(let first, let links):
                        for link in links.reversed() { schedule(link.op, link.operand) }
                        tasks.append(.visit(first))
                    case .call(let f, let a):
                        tasks.append(.emit(.call(f)))
                        tasks.append(.visit(a))
                    }
                }
            }
            self.instructions = instructions
            constantValue = constants.last ?? nil
            var alive = 0
            for instruction in instructions {
                switch instruction {
                case .load: alive += 1
                case .binary: alive -= 1
                case .binaryWith, .negate, .power, .call: break
                }
                stackSize = max(stackSize, alive)
            }
        }

        /// The value for `x` and `y`. The stack below the accumulator is on the call stack
        /// when small (`withUnsafeTemporaryAllocation`), on the heap otherwise.
        public func evaluate<S: Scalar>(_ x: S, _ y: S) -> S {
            withUnsafeTemporaryAllocation(of: S.self, capacity: stackSize) { buffer -> S in
                var top = buffer.baseAddress! - 1
                var accumulator = x   // a placeholder, pushed by the first load
                @inline(__always) func value(_ o: Operand) -> S {
                    switch o {
                    case .number(let v): return S(v)
                    case .x: return x
                    case .y: return y
                    }
                }
                for instruction in instructions {
                    switch instruction {
                    case .load(let o):
                        top += 1
                        top.initialize(to: accumulator)
                        accumulator = value(o)
                    case .binary(let op):
                        accumulator = Self.apply(op, top.move(), accumulator)
                        top -= 1
                    case .binaryWith(let op, let o): accumulator = Self.apply(op, accumulator, value(o))
                    case .negate: accumulator = -accumulator
                    case .power(let c): accumulator = Self.pow(accumulator, c)
                    case .call(let f): accumulator = Self.apply(f, accumulator)
                    }
                }
                top.deinitialize(count: 1)   // the placeholder
                return accumulator
            }
        }

        // The operations, shared by `evaluate` and the constant values computed as `Double`.

        @inline(__always) static func apply<S: Scalar>(_ op: BinaryOperator, _ a: S, _ b: S) -> S {
            switch op {
            case .add: return a + b
            case .subtract: return a - b
            case .multiply: return a * b
            case .divide: return a / b
            case .power: return S.power(a, b)
            }
        }

        @inline(__always) static func pow<S: Scalar>(_ a: S, _ c: Double) -> S { c == 2 ? S.square(a) : S.pow(a, c) }

        @inline(__always) static func apply<S: Scalar>(_ f: Function, _ a: S) -> S {
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
}
