import DescentBase
import DescentCore
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Expressions written by an attacker (or a fuzzer): nothing may crash, hang or print more
/// than one line; whatever parses evaluates on a worker thread's 512 KB stack, with the same
/// bits as before the limits.
@Suite struct ExpressionHostileInputTests {
    static let depth = ExpressionParser.maximumDepth
    static let view = ViewWindow(x: -2...2, y: -1...3)

    func function(_ text: String) throws -> ExpressionFunction {
        try ExpressionFunction(name: "f", formula: text, minima: [Point(1, 1)], start: Point(-1.2, 1), view: Self.view)
    }

    /// The error `text` must raise.
    func parseError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ExpressionError? {
        do {
            _ = try ExpressionParser.parse(text)
            Issue.record("parsed: \(Printable.text(text))", sourceLocation: sourceLocation)
            return nil
        } catch {
            expectWellFormed(error, text, sourceLocation: sourceLocation)
            return error
        }
    }

    // MARK: Depth

    @Test func twelveThousandParenthesesAreAnErrorAtTheFirstLevelTooDeep() throws {
        let text = String(repeating: "(", count: 12_000) + "x" + String(repeating: ")", count: 12_000)
        let error = try #require(parseError(text))
        #expect(error.column == Self.depth + 1)
        #expect(error.message == "nesting deeper than \(Self.depth) levels")
        #expect(error.description == "column \(Self.depth + 1): nesting deeper than \(Self.depth) levels")
    }

    @Test func fiftyThousandMinusSignsAreAnError() throws {
        for sign in ["-", "+", "- "] {
            let text = String(repeating: sign, count: 50_000) + "x"
            let error = try #require(parseError(text))
            #expect(error.column == Self.depth * sign.count + 1, "\(sign)")
            #expect(error.message.contains("nesting deeper"))
        }
    }

    @Test func aLongPowerChainIsAnErrorWhereItGetsTooDeep() throws {
        // x^1^…^1 is x^(1^(…)): each exponent one level; the 101st '^' is at column 202.
        for op in ["^", "**"] {
            let text = "x" + String(repeating: "\(op)1", count: 4_000)
            let error = try #require(parseError(text))
            #expect(error.column == 1 + Self.depth * (op.count + 1) + 1, "\(op)")
            #expect(error.message.contains("nesting deeper"))
        }
        // At the limit: compiled once into two instructions, x and one power.
        let accepted = try ExpressionParser.parse("x" + String(repeating: "^1", count: Self.depth))
        #expect(Expression.Program(accepted).count == 2)
        #expect(accepted.evaluate(0.5, 0.0) == 0.5)
    }

    @Test func eachKindOfNestingCountsAndTheLimitItselfIsAccepted() throws {
        let d = Self.depth
        let shapes: [(String, (Int) -> String)] = [
            ("parentheses", { String(repeating: "(", count: $0) + "x" + String(repeating: ")", count: $0) }),
            ("calls", { String(repeating: "sin(", count: $0) + "x" + String(repeating: ")", count: $0) }),
            ("signs", { String(repeating: "-", count: $0) + "x" }),
            ("exponents", { "x" + String(repeating: "^1", count: $0) }),
            ("mixed", { n in (0..<n).map { ["(", "-", "cos(", "+"][$0 % 4] }.joined() + "x"
                + (0..<n).compactMap { [")", nil, ")", nil][$0 % 4] }.reversed().joined() }),
        ]
        for (name, make) in shapes {
            let accepted = try ExpressionParser.parse(make(d))
            #expect(accepted.evaluate(0.5, 0.5).isFinite, "\(name)")
            let error = try #require(parseError(make(d + 1)), "\(name)")
            #expect(error.message.contains("nesting deeper"), "\(name)")
        }
    }

    /// The deepest trees the parser accepts, four tree levels per nesting level.
    static let deepestAccepted: [String] = {
        let d = depth
        return [
            String(repeating: "(", count: d) + "x" + String(repeating: ")", count: d),
            String(repeating: "sin(1+2*", count: d) + "x" + String(repeating: ")^2", count: d),
            String(repeating: "1+2*tanh(", count: d) + "y" + String(repeating: ")^0.5", count: d),
            String(repeating: "1-x*(", count: d) + "x" + String(repeating: ")^y", count: d),
            String(repeating: "-x^", count: d / 2) + "y",
            String(repeating: "-", count: d) + "x",
            "x" + String(repeating: "^y", count: d),
        ]
    }()

    @Test func theDeepestAcceptedExpressionsParseAndEvaluateOnA512KBStack() throws {
        for text in Self.deepestAccepted { _ = try ExpressionParser.parse(text) }
        let failures = onSmallStack { () -> [String] in
            let tape = GradientTape()
            var failures: [String] = []
            for text in Self.deepestAccepted {
                // Parse, evaluate with every scalar, and free the tree, all on this thread.
                guard let f = try? ExpressionFunction(name: "deep", formula: text, minima: [Point(0, 0)],
                                                      start: Point(0.3, 0.4), view: Self.view) else {
                    failures.append(text)
                    continue
                }
                let p = Point(0.3, 0.4)
                // Swift compares, hashes and frees the tree recursively.
                if (try? ExpressionParser.parse(text)) != f.expression { failures.append("== \(text)") }
                _ = f.expression.hashValue
                _ = f(p)
                _ = f.valueAndGradient(at: p)
                _ = f.hessian(at: p)
                _ = f.valueAndGradient(at: p, on: tape)
            }
            return failures
        }
        #expect(failures.isEmpty)
    }

    // MARK: Size

    @Test func aFiftyThousandTermSumIsAnErrorAtTheFirstNodeTooMany() throws {
        // One node per character: x + x + …; node 10 001 is at column 10 001.
        for op in ["+", "*", "-", "/"] {
            let text = "x" + String(repeating: "\(op)x", count: 50_000)
            let error = try #require(parseError(text))
            #expect(error.column == ExpressionParser.maximumNodes + 1, "\(op)")
            #expect(error.message.contains("more than \(ExpressionParser.maximumNodes)"), "\(op)")
        }
    }

    @Test func aLongSumUnderTheLimitCostsNoDepthAndEvaluatesEverywhere() throws {
        let n = (ExpressionParser.maximumNodes - 1) / 2   // 4 999 operators, 5 000 x: 9 999 nodes
        let f = try function("x" + String(repeating: "+x", count: n))
        let g = try function("y" + String(repeating: "*y", count: n))
        let results = onSmallStack { () -> [Double] in
            let tape = GradientTape(), p = Point(0.5, 0), q = Point(0, 1)
            return [f(p), f.valueAndGradient(at: p, on: tape).dx, f.valueAndGradient(at: p).gradient.x,
                    f.hessian(at: p).gradient.x, g(q), g.valueAndGradient(at: q, on: tape).dy]
        }
        #expect(results == [Double(n + 1) / 2, Double(n + 1), Double(n + 1), Double(n + 1), 1, Double(n + 1)])
        // Within the node limit, a chain is one level: the chain nested 100 deep is accepted.
        _ = try ExpressionParser.parse(String(repeating: "(x+x+x+", count: Self.depth) + "x" + String(repeating: ")", count: Self.depth))
    }

    @Test func evaluationDoesOneOperationPerNode() throws {
        // Linear work whatever the shape. Before, every power asked its exponent for a
        // constant value on every evaluation, walking and re-evaluating the exponent's whole
        // subtree, which did the same for its own exponent: x^1^…^1 cost a quadratic number
        // of visits per evaluation (4 000 levels: 0.7 s each). Now a constant exponent is
        // computed once, when the expression is compiled, and each evaluation does one
        // operation per remaining node.
        let cases: [(String, Int)] = [
            ("x" + String(repeating: "^1", count: Self.depth), 1),                       // x^(constant): one pow
            ("x^(" + String(repeating: "1+", count: 4_000) + "1)", 1),
            ("x" + String(repeating: "^y", count: Self.depth), Self.depth),              // 100 powers
            ("x" + String(repeating: "+1", count: 4_000), 8_000),                        // 4 000 numbers, 4 000 sums
            (String(repeating: "-", count: Self.depth) + "2", Self.depth + 1),           // a number, 100 negations
            ("(1-x)^2 + 100*(y-x^2)^2", 9),
        ]
        // A scalar that counts the operations done on it. Local: a Scalar visible to the whole
        // test module slows the type-checking of literal arithmetic elsewhere past its limit.
        struct Counting: Scalar {
            var value: Double

            init(_ value: Double) {
                countedOperations.add(1, ordering: .relaxed)
                self.value = value
            }

            private static func op(_ v: Double) -> Counting { Counting(v) }

            static func + (a: Counting, b: Counting) -> Counting { op(a.value + b.value) }
            static func - (a: Counting, b: Counting) -> Counting { op(a.value - b.value) }
            static func * (a: Counting, b: Counting) -> Counting { op(a.value * b.value) }
            static func / (a: Counting, b: Counting) -> Counting { op(a.value / b.value) }
            static prefix func - (a: Counting) -> Counting { op(-a.value) }
            static func sin(_ a: Counting) -> Counting { op(LibM.sin(a.value)) }
            static func cos(_ a: Counting) -> Counting { op(LibM.cos(a.value)) }
            static func tan(_ a: Counting) -> Counting { op(LibM.tan(a.value)) }
            static func exp(_ a: Counting) -> Counting { op(LibM.exp(a.value)) }
            static func log(_ a: Counting) -> Counting { op(LibM.log(a.value)) }
            static func sqrt(_ a: Counting) -> Counting { op((a.value).squareRoot()) }
            static func tanh(_ a: Counting) -> Counting { op(LibM.tanh(a.value)) }
            static func abs(_ a: Counting) -> Counting { op(Swift.abs(a.value)) }
            static func pow(_ a: Counting, _ c: Double) -> Counting { op(LibM.pow(a.value, c)) }
            static func power(_ a: Counting, _ b: Counting) -> Counting { op(LibM.pow(a.value, b.value)) }
            static func square(_ a: Counting) -> Counting { op(a.value * a.value) }
        }

        for (text, operations) in cases {
            let e = try ExpressionParser.parse(text)
            let x = Counting(0.5), y = Counting(0.25)
            countedOperations.store(0, ordering: .relaxed)
            _ = e.evaluate(x, y)
            #expect(countedOperations.load(ordering: .relaxed) == operations, "\(text.prefix(20))")
        }
    }

    // MARK: Values that are never finite

    @Test func theFiniteSampleCountFindsExpressionsThatAreNeverFinite() throws {
        let grid = 16, points = grid * grid + 2   // one minimum, the start
        for text in ["log(-1) + x", "10^10^10", "10^10^10 * x", "sqrt(-1 - x^2 - y^2)", "0/0 + y", "exp(1000) - exp(1000) + x"] {
            let f = try function(text)
            #expect(f.finiteSampleCount(grid: grid) == 0, "\(text)")
            #expect(!f.hasFiniteValue(), "\(text)")
        }
        #expect(try function("(1-x)^2 + 100*(y-x^2)^2").finiteSampleCount(grid: grid) == points)
        #expect(try function("(1-x)^2 + 100*(y-x^2)^2").samplePoints(in: Self.view).count == points)
        let reciprocal = try function("1/x + log(y)")   // finite where y > 0
        #expect(reciprocal.hasFiniteValue())
        #expect((1..<points).contains(reciprocal.finiteSampleCount()))
        // Only the declared minimum is finite: still some value to descend on.
        #expect(try function("log(x - 0.999) + y").finiteSampleCount(in: ViewWindow(x: -2...0, y: 0...1)) == 1)
        // One point, the centre of the view.
        #expect(try function("x").samplePoints(in: Self.view, grid: 1).first == Point(0, 1))
        #expect(try function("log(x)").finiteSampleCount(in: ViewWindow(x: -1e308...1e308, y: 0...1), grid: 3) > 0)
    }

    // MARK: Errors stay one line

    @Test(arguments: [
        ("x + \u{0}", 5, "unexpected '\\0'"),
        ("x\n+ z", 5, "unknown name 'z'"),
        ("ab\u{0}c", 1, "unknown name 'ab'"),
        ("x + \u{202E}y", 5, "unexpected '\\u{202E}'"),
        ("x\u{301} + 1", 1, "unknown name 'x\\u{301}'"),
        ("\u{7F}", 1, "unexpected '\\u{7F}'"),
        ("x\r\ny z", 3, "unexpected 'y'"),
        ("x\\y", 2, "unexpected '\\\\'"),
        ("π * x", 1, "unknown name 'π'"),
        ("x + ½", 5, "bad number '½'"),
    ])
    func invisibleCharactersAreEscaped(_ text: String, _ column: Int, _ message: String) throws {
        let error = try #require(parseError(text))
        #expect(error.column == column)
        #expect(error.message.hasPrefix(message), "\(error)")
    }

    @Test func longEchoesAreCut() throws {
        let name = String(repeating: "a", count: 100_000)
        let error = try #require(parseError("x + \(name)\u{0}"))
        #expect(error.column == 5)
        #expect(error.message.hasPrefix("unknown name '" + String(repeating: "a", count: ExpressionError.echoLimit) + "…'"))
        #expect(Printable.text(String(repeating: "\u{0}", count: 100), limit: ExpressionError.echoLimit) ==
                String(repeating: "\\0", count: ExpressionError.echoLimit / 2) + "…")
        #expect(ExpressionError.quoted("sin(x)\n") == "'sin(x)\\n'")
        // A single character of a hundred thousand combining marks.
        let error2 = try #require(parseError("1 + x" + String(repeating: "\u{301}", count: 100_000)))
        #expect(error2.column == 5)
        #expect(error2.message.count < 250)
        // The excerpt: the text near the column, on one line.
        let error3 = try #require(parseError(String(repeating: "x + ", count: 40) + "$\n" + String(repeating: "y", count: 100)))
        #expect(error3.column == 161)
        #expect(error3.excerpt == "…" + "x + x + x + x + x + $\\n" + String(repeating: "y", count: 37) + "…")
        #expect(try #require(parseError("1 +")).excerpt == "1 +")
    }

    // MARK: Numbers, names, empty and lone operators

    @Test func hugeNumbersAreErrors() throws {
        let big = "1" + String(repeating: "0", count: 100_000)
        let e1 = try #require(parseError("x + " + big))
        #expect(e1.column == 5)
        #expect(e1.message.hasPrefix("bad number '1" + String(repeating: "0", count: ExpressionError.echoLimit - 1) + "…'"))
        #expect(e1.message.hasSuffix("too large"))
        let e2 = try #require(parseError("1e99999"))
        #expect(e2.column == 1 && e2.message == "bad number '1e99999': too large")
        let e3 = try #require(parseError("2 * -1.5E+400 * x"))
        #expect(e3.column == 6)
        // Tiny is not an error: it rounds to zero, as Python's float('1e-99999').
        #expect(try ExpressionParser.parse("x + 1e-99999") == .chain(.x, [Expression.Link(.add, .number(0))]))
        #expect(try ExpressionParser.parse("0." + String(repeating: "0", count: 100_000) + "1 + 2").evaluate(0.0, 0.0) == 2)
        // A megabyte of digits: one number, parsed in linear time.
        #expect(try #require(parseError(String(repeating: "9", count: 1 << 20))).column == 1)
    }

    @Test(arguments: [
        ("", 1, "ends too early"), ("   ", 4, "ends too early"), ("\n", 2, "ends too early"),
        ("+", 2, "ends too early"), ("-", 2, "ends too early"), ("*", 1, "unexpected '*'"),
        ("/", 1, "unexpected '/'"), ("^", 1, "unexpected '^'"), ("**", 1, "unexpected '*'"),
        ("x^", 3, "ends too early"), ("x**", 4, "ends too early"), ("x***2", 4, "unexpected '*'"),
        ("(", 2, "ends too early"), (")", 1, "unexpected ')'"), ("()", 2, "unexpected ')'"),
        ("x)", 2, "unexpected ')'"), ("sin", 4, "needs an argument"), ("sin(", 5, "ends too early"),
        ("sin()", 5, "unexpected ')'"), ("sin(x", 6, "missing ')'"), ("1..2", 3, "unexpected '.'"),
        (".", 1, "bad number '.'"), ("e5", 1, "unknown name 'e5'"), ("1e", 2, "unexpected 'e'"),
        ("x y", 3, "unexpected 'y'"), ("X", 1, "unknown name 'X'"), ("_", 1, "unknown name '_'"),
        ("sinh(x)", 1, "unknown name 'sinh'"), ("pi(x)", 3, "unexpected '('"), ("2x", 2, "unexpected 'x'"),
    ])
    func malformedInputIsAnErrorWithAColumn(_ text: String, _ column: Int, _ message: String) throws {
        let error = try #require(parseError(text))
        #expect(error.column == column, "\(error)")
        #expect(error.message.contains(message), "\(error)")
    }

    // MARK: Fuzz

    /// A few hundred random, generated and mutated texts from a fixed seed: each either is an
    /// `ExpressionError` with a column inside the text or evaluates — with every scalar, on a
    /// 512 KB stack — to the same bits as the recursive evaluator the parser used to feed.
    @Test func seededFuzz() {
        var rng = SplitMix64(seed: 0x0DE5_CE27)
        var texts: [String] = []
        for _ in 0..<120 {
            let depth = Int(rng.next() % 7)
            texts.append(Self.valid(&rng, depth: depth))
        }
        for _ in 0..<120 { texts.append(Self.mutate(texts[Int(rng.next() % 120)], &rng)) }
        for _ in 0..<100 { texts.append(Self.soup(&rng)) }
        for _ in 0..<20 { texts.append(Self.huge(&rng)) }
        let report = onSmallStack { [texts] () -> (parsed: Int, compared: Int, failures: [String]) in
            var failures: [String] = []
            var parsed = 0, compared = 0
            var points = SplitMix64(seed: 99)
            let tape = GradientTape()
            for text in texts {
                let expression: Expression
                do throws(ExpressionError) {
                    expression = try ExpressionParser.parse(text)
                } catch {
                    let length = text.count
                    let oneLine = !error.description.unicodeScalars.contains { $0.properties.generalCategory == .control }
                    if !(1...length + 1).contains(error.column) || !oneLine || error.description.count > 250 {
                        failures.append("bad error \(error) for \(Printable.text(text))")
                    }
                    continue
                }
                parsed += 1
                let f = ExpressionFunctionBox(expression)
                let small = text.count < 2_000
                for _ in 0..<3 {
                    let p = Point(6 * points.nextUniform() - 3, 6 * points.nextUniform() - 3)
                    let value = f(p), dual = f.valueAndGradient(at: p), hyper = f.hessian(at: p)
                    let reverse = f.valueAndGradient(at: p, on: tape)
                    guard small else { continue }
                    // The old evaluator, on the same tree with every chain unfolded.
                    let old = OldEvaluator(expression)
                    let oldValue = old(p), oldDual = old.valueAndGradient(at: p), oldHyper = old.hessian(at: p)
                    let oldReverse = old.valueAndGradient(at: p, on: tape)
                    let same = [
                        (value, oldValue), (dual.value, oldDual.value), (dual.gradient.x, oldDual.gradient.x),
                        (dual.gradient.y, oldDual.gradient.y), (hyper.value, oldHyper.value),
                        (hyper.gradient.x, oldHyper.gradient.x), (hyper.hessian[0][0], oldHyper.hessian[0][0]),
                        (hyper.hessian[0][1], oldHyper.hessian[0][1]), (hyper.hessian[1][1], oldHyper.hessian[1][1]),
                        (reverse.value, oldReverse.value), (reverse.dx, oldReverse.dx), (reverse.dy, oldReverse.dy),
                    ].allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) }
                    if !same { failures.append("changed bits for \(text) at \(p)") }
                    compared += 1
                }
            }
            return (parsed, compared, failures)
        }
        #expect(report.failures.isEmpty, "\(Array(report.failures.prefix(5)))")
        #expect(report.parsed > 120 && report.parsed < texts.count, "\(report.parsed) of \(texts.count) parsed")
        #expect(report.compared >= 3 * 120)
    }

    static let atoms = ["x", "y", "1", "2", "0.5", "3.7", "1e-3", "2.5E2", "pi", "e", "10", "0"]
    static let functions = Expression.Function.allCases.map(\.rawValue)

    static func pick<T>(_ items: [T], _ rng: inout SplitMix64) -> T { items[Int(rng.next() % UInt64(items.count))] }

    /// A well-formed expression about `depth` levels deep.
    static func valid(_ rng: inout SplitMix64, depth: Int) -> String {
        guard depth > 0, rng.next() % 5 != 0 else { return pick(atoms, &rng) }
        let a = valid(&rng, depth: depth - 1), b = valid(&rng, depth: depth - 1)
        switch rng.next() % 9 {
        case 0: return "\(a) + \(b)"
        case 1: return "\(a) - \(b)*\(pick(atoms, &rng))"
        case 2: return "\(a) * \(b) / \(pick(atoms, &rng))"
        case 3: return "(\(a))^\(pick(["2", "3", "0.5", "-1", "y", "(1/3)", "2^2", "-x"], &rng))"
        case 4: return "\(pick(functions, &rng))(\(a))"
        case 5: return "-\(a)"
        case 6: return "(\(a)) ** (\(b))"
        case 7: return "\(a) - \(b) + \(pick(atoms, &rng)) - x"
        default: return "(\(a) / \(b))"
        }
    }

    /// `text` with a few characters inserted, deleted, replaced or a piece repeated.
    static func mutate(_ text: String, _ rng: inout SplitMix64) -> String {
        var chars = Array(text)
        let alphabet = Array("()+-*/^.,xye0123456789 sincoqrtabhlgp\u{0}\n\t\u{202E}é½$\\")
        for _ in 0...(rng.next() % 4) {
            let i = chars.isEmpty ? 0 : Int(rng.next() % UInt64(chars.count))
            switch rng.next() % 4 {
            case 0: chars.insert(pick(alphabet, &rng), at: i)
            case 1: if !chars.isEmpty { chars.remove(at: i) }
            case 2: if !chars.isEmpty { chars[i] = pick(alphabet, &rng) }
            default:
                let piece = chars[i..<min(chars.count, i + 1 + Int(rng.next() % 8))]
                chars.insert(contentsOf: Array(repeating: Array(piece), count: 1 + Int(rng.next() % 40)).joined(), at: i)
            }
        }
        return String(chars)
    }

    /// Random tokens, mostly not an expression.
    static func soup(_ rng: inout SplitMix64) -> String {
        let tokens = atoms + functions + ["(", ")", "+", "-", "*", "/", "^", "**", " ", ".", "e", "E", "\u{0}", "\n", "é", "1e999", "(("]
        return (0..<Int(rng.next() % 30)).map { _ in pick(tokens, &rng) }.joined()
    }

    /// Thousands of repetitions of a piece: deep, long or both.
    static func huge(_ rng: inout SplitMix64) -> String {
        let pieces = ["(", "-", "+", "x+", "x*", "x^", "^1", "sin(", "-(", "1+2*(", "9", "(x)", "x^-"]
        let n = 50 + Int(rng.next() % 20_000)
        let piece = pick(pieces, &rng)
        return String(repeating: piece, count: n) + (rng.next() % 2 == 0 ? "x" : "") + String(repeating: ")", count: Int(rng.next() % UInt64(n)))
    }
}

/// An `Expression` as a `TestFunction`, for the scalars' entry points.
struct ExpressionFunctionBox: TestFunction {
    let info = FunctionInfo(name: "e", displayName: "e", formula: "", minima: [], start: Point(0, 0),
                            view: ViewWindow(x: 0...1, y: 0...1), levels: .automatic(count: 1))
    let expression: Expression
    init(_ expression: Expression) { self.expression = expression }
    func value<S: Scalar>(_ x: S, _ y: S) -> S { expression.evaluate(x, y) }
}

/// The evaluator before the limits, kept verbatim as the reference for the bits: a recursive
/// walk that asks each power's exponent for its constant value (a separate walk).
struct OldEvaluator: TestFunction {
    let info = ExpressionFunctionBox(.x).info
    let expression: Expression
    init(_ expression: Expression) { self.expression = Self.unchain(expression) }

    /// Every `.chain` as the left-nested `.binary` operations the old parser built.
    static func unchain(_ e: Expression) -> Expression {
        switch e {
        case .number, .x, .y: return e
        case .negate(let a): return .negate(unchain(a))
        case .binary(let op, let l, let r): return .binary(op, unchain(l), unchain(r))
        case .chain(let first, let links):
            return links.reduce(unchain(first)) { .binary($1.op, $0, unchain($1.operand)) }
        case .call(let f, let a): return .call(f, unchain(a))
        }
    }

    func value<S: Scalar>(_ x: S, _ y: S) -> S { Self.evaluate(expression, x, y) }

    static func evaluate<S: Scalar>(_ e: Expression, _ x: S, _ y: S) -> S {
        switch e {
        case .number(let v): return S(v)
        case .x: return x
        case .y: return y
        case .negate(let e): return -evaluate(e, x, y)
        case .binary(let op, let l, let r):
            if op == .power, let c = constantValue(r) {
                let base = evaluate(l, x, y)
                return c == 2 ? S.square(base) : S.pow(base, c)
            }
            let a = evaluate(l, x, y), b = evaluate(r, x, y)
            switch op {
            case .add: return a + b
            case .subtract: return a - b
            case .multiply: return a * b
            case .divide: return a / b
            case .power: return S.power(a, b)
            }
        case .chain: fatalError("unchained")
        case .call(let f, let e):
            let a = evaluate(e, x, y)
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

    static func constantValue(_ e: Expression) -> Double? {
        switch e {
        case .number(let v): return v
        case .x, .y: return nil
        default:
            guard !dependsOnVariables(e) else { return nil }
            return evaluate(e, Real(0), Real(0)).value
        }
    }

    static func dependsOnVariables(_ e: Expression) -> Bool {
        switch e {
        case .number: return false
        case .x, .y: return true
        case .negate(let e), .call(_, let e): return dependsOnVariables(e)
        case .binary(_, let l, let r): return dependsOnVariables(l) || dependsOnVariables(r)
        case .chain: fatalError("unchained")
        }
    }
}

/// The operations `Counting` (a scalar local to its test) has done.
private let countedOperations = Atomic<Int>(0)

/// Checks what every error must be: a column inside the text (or just after it) and a
/// one-line message.
func expectWellFormed(_ error: ExpressionError, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect((1...text.count + 1).contains(error.column), "\(error)", sourceLocation: sourceLocation)
    #expect(!error.description.unicodeScalars.contains { $0.properties.generalCategory == .control },
            "\(Printable.text(error.description, limit: 500))", sourceLocation: sourceLocation)
    #expect(error.message.count < 250, sourceLocation: sourceLocation)
}

/// Runs `work` on a new thread with a `bytes` stack (512 KB: a secondary thread's default on
/// macOS, and what the runner's workers must live with) and returns its result. A stack
/// overflow there is a crash of the test run, not a failed expectation.
func onSmallStack<T: Sendable>(_ bytes: Int = 512 * 1024, _ work: @escaping @Sendable () -> T) -> T {
    var result: T?
    let job = ThreadJob { result = work() }
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    precondition(pthread_attr_setstacksize(&attributes, bytes) == 0)
    #if canImport(Darwin)
    var thread: pthread_t?
    #else
    var thread = pthread_t()
    #endif
    let created = pthread_create(&thread, &attributes, { context in
        let context: UnsafeMutableRawPointer? = context   // optional on Linux, not on Darwin
        Unmanaged<ThreadJob>.fromOpaque(context!).takeRetainedValue().run()
        return nil
    }, Unmanaged.passRetained(job).toOpaque())
    precondition(created == 0)
    #if canImport(Darwin)
    pthread_join(thread!, nil)
    #else
    pthread_join(thread, nil)
    #endif
    return result!
}

/// The work of `onSmallStack`'s thread, passed through `pthread_create`'s context pointer.
final class ThreadJob {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}
