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
public struct ExpressionParser {
    private let source: [Character]
    private var position = 0

    /// Parses `text`, throwing an `ExpressionError` that names the column of the problem.
    public static func parse(_ text: String) throws(ExpressionError) -> Expression {
        var parser = ExpressionParser(source: Array(text))
        let e = try parser.expression()
        parser.skipSpaces()
        if parser.position < parser.source.count {
            throw parser.error("unexpected '\(parser.source[parser.position])'")
        }
        return e
    }

    private init(source: [Character]) { self.source = source }

    private func error(_ message: String, at column: Int? = nil) -> ExpressionError {
        ExpressionError(message: message, column: (column ?? position) + 1, source: String(source))
    }

    private mutating func skipSpaces() {
        while position < source.count, source[position].isWhitespace { position += 1 }
    }

    private mutating func peek() -> Character? {
        skipSpaces()
        return position < source.count ? source[position] : nil
    }

    private mutating func expression() throws(ExpressionError) -> Expression {
        var e = try term()
        while let c = peek(), c == "+" || c == "-" {
            position += 1
            e = .binary(c == "+" ? .add : .subtract, e, try term())
        }
        return e
    }

    private mutating func term() throws(ExpressionError) -> Expression {
        var e = try unary()
        while let c = peek(), c == "*" || c == "/" {
            if c == "*", position + 1 < source.count, source[position + 1] == "*" { break }
            position += 1
            e = .binary(c == "*" ? .multiply : .divide, e, try unary())
        }
        return e
    }

    private mutating func unary() throws(ExpressionError) -> Expression {
        if let c = peek(), c == "-" || c == "+" {
            position += 1
            let operand = try unary()
            return c == "-" ? .negate(operand) : operand
        }
        return try power()
    }

    private mutating func power() throws(ExpressionError) -> Expression {
        let base = try primary()
        if let c = peek() {
            if c == "^" {
                position += 1
                return .binary(.power, base, try unary())
            }
            if c == "*", position + 1 < source.count, source[position + 1] == "*" {
                position += 2
                return .binary(.power, base, try unary())
            }
        }
        return base
    }

    private mutating func primary() throws(ExpressionError) -> Expression {
        guard let c = peek() else { throw error("expression ends too early") }
        if c == "(" {
            let open = position
            position += 1
            let e = try expression()
            guard peek() == ")" else { throw error("missing ')' for the '(' at column \(open + 1)") }
            position += 1
            return e
        }
        if c.isNumber || c == "." { return try number() }
        if c.isLetter || c == "_" {
            let start = position
            var name = ""
            while position < source.count, source[position].isLetter || source[position].isNumber || source[position] == "_" {
                name.append(source[position])
                position += 1
            }
            switch name {
            case "x": return .x
            case "y": return .y
            case "pi": return .number(Double.pi)
            case "e": return .number(2.718281828459045)
            default:
                guard let f = Expression.Function(rawValue: name) else {
                    let known = Expression.Function.allCases.map(\.rawValue).joined(separator: ", ")
                    throw error("unknown name '\(name)' (variables x, y; constants pi, e; functions \(known))", at: start)
                }
                guard peek() == "(" else { throw error("'\(name)' needs an argument in parentheses") }
                position += 1
                let argument = try expression()
                guard peek() == ")" else { throw error("missing ')' after the argument of '\(name)'") }
                position += 1
                return .call(f, argument)
            }
        }
        throw error("unexpected '\(c)'")
    }

    private mutating func number() throws(ExpressionError) -> Expression {
        let start = position
        var text = ""
        func take(_ p: (Character) -> Bool) {
            while position < source.count, p(source[position]) {
                text.append(source[position])
                position += 1
            }
        }
        take { $0.isNumber }
        if position < source.count, source[position] == "." {
            text.append(".")
            position += 1
            take { $0.isNumber }
        }
        if position < source.count, source[position] == "e" || source[position] == "E",
           position + 1 < source.count,
           source[position + 1].isNumber || ((source[position + 1] == "-" || source[position + 1] == "+")
                                            && position + 2 < source.count && source[position + 2].isNumber) {
            text.append("e")
            position += 1
            if source[position] == "-" || source[position] == "+" {
                text.append(source[position])
                position += 1
            }
            take { $0.isNumber }
        }
        guard let v = Double(text), v.isFinite else { throw error("bad number '\(text)'", at: start) }
        return .number(v)
    }
}

/// A syntax error in an expression, with the 1-based column where it was found.
public struct ExpressionError: Error, Hashable, CustomStringConvertible {
    public var message: String
    public var column: Int
    public var source: String

    public var description: String { "column \(column): \(message)" }
}
