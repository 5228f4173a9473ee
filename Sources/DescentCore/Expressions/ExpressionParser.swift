import DescentBase
/// Parses the expression language of user-defined test functions:
///
///     expr    := term (('+' | '-') term)*
///     term    := unary (('*' | '/') unary)*
///     unary   := '-' unary | '+' unary | power
///     power   := primary ('^' unary)?          right-associative; -x^2 = -(x^2) as in Python
///     primary := number | 'x' | 'y' | 'pi' | 'e' | function '(' expr ')' | '(' expr ')'
///
/// with `**` accepted for `^`, functions sin cos tan exp log sqrt abs tanh, and numbers in
/// decimal or scientific notation. Errors carry the 1-based column.
///
/// The text may come from anyone, so the work is bounded: parsing is linear in the text, the
/// nesting depth (`maximumDepth`) bounds the tree's height, the node count (`maximumNodes`)
/// the work of each evaluation. The parser does not recurse on the call stack: what the
/// grammar's recursion would keep there waits on a heap stack; sums and products become
/// `.chain` nodes, one level however long.
public struct ExpressionParser {
    /// The deepest nesting accepted. Each parenthesised group, function argument, unary sign
    /// and exponent opens one level while it is read (`-(x)` is two, `x^y^z` two, `sin(x)^2`
    /// one); a chain of `+ −` or `* /` opens none, however long. Deeper text is an error at
    /// the column where the limit is passed.
    ///
    /// Why 100: hand-written functions nest a handful of levels. Parsing and evaluation do not
    /// recurse, but Swift frees, hashes and compares the tree recursively, one call per level
    /// of its height — at most about four per nesting level (`(a + b * sin(c)^2)`: a sum, a
    /// product, a power, a call) — so the limit keeps those well inside a 512 KB stack, the
    /// smallest a worker thread gets (measured in `ExpressionHostileInputTests`).
    public static let maximumDepth = 100

    /// The most nodes (numbers, variables and operations) accepted: each evaluation visits
    /// every node once, and an optimizer evaluates its function thousands of times. Rosenbrock
    /// has 13 nodes; at 10 000 nodes a gradient on the tape costs about 0.07 ms in a release
    /// build (1.4 ms in a debug build), a long sum stays one level deep, and the text is at
    /// least 10 000 characters: no hand-written function comes near.
    public static let maximumNodes = 10_000

    private let source: [Character]
    private var position = 0
    private var depth = 0
    private var nodes = 0

    /// Parses `text`, throwing an `ExpressionError` that names the column of the problem.
    public static func parse(_ text: String) throws(ExpressionError) -> Expression {
        var parser = ExpressionParser(source: Array(text))
        let e = try parser.expression()
        if let c = parser.peek() { throw parser.unexpected(c) }
        return e
    }

    private init(source: [Character]) { self.source = source }

    private mutating func skipSpaces() {
        while position < source.count, source[position].isWhitespace { position += 1 }
    }

    private mutating func peek() -> Character? {
        skipSpaces()
        return position < source.count ? source[position] : nil
    }

    /// Whether `**` starts at the current position.
    private func atDoubleStar() -> Bool {
        position + 1 < source.count && source[position] == "*" && source[position + 1] == "*"
    }

    /// Opens one level of nesting at the current position (closed by `depth -= 1`).
    private mutating func enter() throws(ExpressionError) {
        depth += 1
        if depth > Self.maximumDepth { throw tooDeep() }
    }

    /// Counts one node, made at `start`.
    private mutating func node(at start: Int) throws(ExpressionError) {
        nodes += 1
        if nodes > Self.maximumNodes { throw tooLong(at: start) }
    }

    /// What is waiting for the value being read: the parser's recursion, kept on the heap.
    private enum Pending {
        /// An `expr` (a sum of products), waiting for its next `unary`.
        case expression(Chains)
        /// A `unary` whose signs are read, waiting for its `primary`.
        case unary(negations: Int, outerDepth: Int)
        /// A `unary` with its base read and a `^` after it, waiting for the exponent (a `unary`).
        case power(base: Expression, negations: Int, outerDepth: Int)
        /// `(` at `open`, waiting for its `expr` and then `)`.
        case group(open: Int)
        /// A function and its `(`, waiting for the argument's `expr` and then `)`.
        case call(Expression.Function)
    }

    /// An `expr` read so far: the sum's terms, and the product being read.
    private struct Chains {
        var sumFirst: Expression?
        var sumLinks: [Expression.Link] = []
        var sumOp = Expression.BinaryOperator.add
        var productFirst: Expression?
        var productLinks: [Expression.Link] = []
        var productOp = Expression.BinaryOperator.multiply

        mutating func addFactor(_ e: Expression) {
            if productFirst == nil { productFirst = e } else { productLinks.append(Expression.Link(productOp, e)) }
        }

        mutating func endProduct() {
            let product = productLinks.isEmpty ? productFirst! : .chain(productFirst!, productLinks)
            if sumFirst == nil { sumFirst = product } else { sumLinks.append(Expression.Link(sumOp, product)) }
            productFirst = nil
            productLinks = []
        }

        var sum: Expression { sumLinks.isEmpty ? sumFirst! : .chain(sumFirst!, sumLinks) }
    }

    /// Reads an `expr` as the grammar's recursive descent would (the same checks in the same
    /// order, so the same errors at the same columns), with what is waiting on a heap stack:
    /// the call stack stays flat however deep the text nests.
    private mutating func expression() throws(ExpressionError) -> Expression {
        var pending: [Pending] = [.expression(Chains())]
        reading: while true {
            // A `unary`: its signs, each a level, then its `primary`.
            let outer = depth
            var negations = 0
            while let c = peek(), c == "-" || c == "+" {
                try enter()
                if c == "-" {
                    try node(at: position)
                    negations += 1
                }
                position += 1
            }
            pending.append(.unary(negations: negations, outerDepth: outer))
            guard let c = peek() else { throw endsTooEarly() }
            var value: Expression
            if c == "(" {
                try enter()
                pending.append(.group(open: position))
                position += 1
                pending.append(.expression(Chains()))
                continue reading
            } else if c.isNumber || c == "." {
                value = try number()
            } else if c.isLetter || c == "_" {
                switch try name() {
                case .leaf(let leaf): value = leaf
                case .function(let f):
                    guard peek() == "(" else { throw needsArgument(f) }
                    try enter()
                    position += 1
                    pending.append(.call(f))
                    pending.append(.expression(Chains()))
                    continue reading
                }
            } else {
                throw unexpected(c)
            }
            // The value is complete: hand it to what waits for it, and on up while that
            // completes too.
            while let waiting = pending.popLast() {
                switch waiting {
                case .unary(let negations, let outer):
                    if let c = peek(), c == "^" || atDoubleStar() {
                        try enter()
                        try node(at: position)
                        position += c == "^" ? 1 : 2
                        pending.append(.power(base: value, negations: negations, outerDepth: outer))
                        continue reading
                    }
                    depth = outer
                    value = Self.negated(value, negations)
                case .power(let base, let negations, let outer):
                    depth = outer
                    value = Self.negated(.binary(.power, base, value), negations)
                case .expression(var chains):
                    chains.addFactor(value)
                    if let c = peek(), c == "*" || c == "/", !atDoubleStar() {
                        try node(at: position)
                        position += 1
                        chains.productOp = c == "*" ? .multiply : .divide
                        pending.append(.expression(chains))
                        continue reading
                    }
                    chains.endProduct()
                    if let c = peek(), c == "+" || c == "-" {
                        try node(at: position)
                        position += 1
                        chains.sumOp = c == "+" ? .add : .subtract
                        pending.append(.expression(chains))
                        continue reading
                    }
                    value = chains.sum
                case .group(let open):
                    guard peek() == ")" else { throw unclosed(open) }
                    position += 1
                    depth -= 1
                case .call(let f):
                    guard peek() == ")" else { throw unclosedArgument(f) }
                    position += 1
                    depth -= 1
                    value = .call(f, value)
                }
            }
            return value
        }
    }

    private static func negated(_ e: Expression, _ count: Int) -> Expression {
        var e = e
        for _ in 0..<count { e = .negate(e) }
        return e
    }

    private enum Name {
        case leaf(Expression)
        case function(Expression.Function)
    }

    /// A variable, a constant, or the function to call.
    private mutating func name() throws(ExpressionError) -> Name {
        let start = position
        while position < source.count, source[position].isLetter || source[position].isNumber || source[position] == "_" {
            position += 1
        }
        try node(at: start)
        let name = String(source[start..<position])
        switch name {
        case "x": return .leaf(.x)
        case "y": return .leaf(.y)
        case "pi": return .leaf(.number(Double.pi))
        case "e": return .leaf(.number(2.718281828459045))
        default:
            guard let f = Expression.Function(rawValue: name) else { throw unknown(name, at: start) }
            return .function(f)
        }
    }

    private mutating func number() throws(ExpressionError) -> Expression {
        let start = position
        func skipDigits() {
            while position < source.count, source[position].isNumber { position += 1 }
        }
        skipDigits()
        if position < source.count, source[position] == "." {
            position += 1
            skipDigits()
        }
        if position + 1 < source.count, source[position] == "e" || source[position] == "E",
           source[position + 1].isNumber || ((source[position + 1] == "-" || source[position + 1] == "+")
                                            && position + 2 < source.count && source[position + 2].isNumber) {
            position += source[position + 1].isNumber ? 1 : 2
            skipDigits()
        }
        try node(at: start)
        let text = String(source[start..<position])
        guard let v = Double(text), v.isFinite else { throw badNumber(text, at: start) }
        return .number(v)
    }

    // The errors.

    private func error(_ message: String, at index: Int? = nil) -> ExpressionError {
        ExpressionError(message: message, column: (index ?? position) + 1, source: String(source))
    }

    private func tooDeep() -> ExpressionError { error("nesting deeper than \(Self.maximumDepth) levels") }

    private func tooLong(at start: Int) -> ExpressionError {
        error("expression too long: more than \(Self.maximumNodes) numbers, variables and operations", at: start)
    }

    private func endsTooEarly() -> ExpressionError { error("expression ends too early") }

    private func unexpected(_ c: Character) -> ExpressionError {
        error("unexpected \(ExpressionError.quoted(String(c)))")
    }

    private func unclosed(_ open: Int) -> ExpressionError { error("missing ')' for the '(' at column \(open + 1)") }

    private func unknown(_ name: String, at start: Int) -> ExpressionError {
        let known = Expression.Function.allCases.map(\.rawValue).joined(separator: ", ")
        return error("unknown name \(ExpressionError.quoted(name)) (variables x, y; constants pi, e; functions \(known))",
                     at: start)
    }

    private func needsArgument(_ f: Expression.Function) -> ExpressionError {
        error("'\(f.rawValue)' needs an argument in parentheses")
    }

    private func unclosedArgument(_ f: Expression.Function) -> ExpressionError {
        error("missing ')' after the argument of '\(f.rawValue)'")
    }

    private func badNumber(_ text: String, at start: Int) -> ExpressionError {
        let tooLarge = Double(text)?.isInfinite == true
        return error("bad number \(ExpressionError.quoted(text))\(tooLarge ? ": too large" : "")", at: start)
    }
}

/// A syntax error in an expression, with the 1-based column where it was found.
///
/// The message is one line whatever the text: echoed parts of the text are quoted with
/// control, format and other invisible characters escaped (`\u{0}`, `\u{A}`, `\u{202E}`) and
/// cut to about 60 characters with "…".
public struct ExpressionError: Error, Hashable, CustomStringConvertible {
    public var message: String
    public var column: Int
    public var source: String

    public var description: String { "column \(column): \(message)" }

    /// The longest echo of the text, in characters, before it is cut with "…".
    public static let echoLimit = 60

    /// `text` in single quotes, safe to print on one line (DescentBase's `Printable` rule).
    public static func quoted(_ text: String) -> String { Printable.quoted(text, limit: echoLimit) }

    /// The text around the error's column on one line (escaped and cut as the message is),
    /// for callers that want to show where in the text the problem is without echoing all of
    /// a long or hostile text: up to 20 characters before the column, then what follows.
    public var excerpt: String {
        let characters = Array(source)
        let index = min(max(column - 1, 0), characters.count)
        let from = max(0, index - 20)
        // One character more than fits, so that `escaped` marks the cut when there is more.
        return (from > 0 ? "…" : "") + Printable.text(String(characters[from...].prefix(Self.echoLimit + 1)), limit: Self.echoLimit)
    }
}
