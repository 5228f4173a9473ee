import DescentBase

/// A test function from a user's expression, e.g. `"(1-x)^2 + 100*(y-x^2)^2"`: parsed once,
/// differentiated exactly like the built-ins, with the minima, start, view and levels the
/// user declares.
public struct ExpressionFunction: TestFunction {
    public var info: FunctionInfo
    public var expression: Expression { didSet { program = Expression.Program(expression) } }
    /// `expression` compiled once: each evaluation runs it without recursion.
    public private(set) var program: Expression.Program

    /// Parses `formula`; throws an `ExpressionError` with the column of a syntax error or of
    /// a limit passed (`ExpressionParser.maximumDepth`, `.maximumNodes`).
    public init(
        name: String, displayName: String? = nil, formula: String, minima: [Point], start: Point,
        view: ViewWindow, levels: ContourLevels = .automatic(count: 20)
    ) throws(ExpressionError) {
        expression = try ExpressionParser.parse(formula)
        program = Expression.Program(expression)
        info = FunctionInfo(name: name, displayName: displayName ?? name, formula: formula, minima: minima, start: start,
                            view: view, levels: levels)
    }

    public func value<S: Scalar>(_ x: S, _ y: S) -> S { program.evaluate(x, y) }
}
