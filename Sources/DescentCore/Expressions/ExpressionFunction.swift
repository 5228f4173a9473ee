import DescentBase

/// A test function from a user's expression, e.g. `"(1-x)^2 + 100*(y-x^2)^2"`: parsed once,
/// differentiated exactly like the built-ins, with the minima, start, view and levels the
/// user declares.
public struct ExpressionFunction: TestFunction {
    public var name: String
    public var displayName: String
    public var formula: String
    public var expression: Expression
    public var minima: [Point]
    public var defaultStart: Point
    public var view: ViewWindow
    public var levels: ContourLevels

    /// Parses `formula`; throws an `ExpressionError` with the column of a syntax error.
    public init(
        name: String, displayName: String? = nil, formula: String, minima: [Point], start: Point,
        view: ViewWindow, levels: ContourLevels = .automatic(count: 20)
    ) throws(ExpressionError) {
        self.name = name
        self.displayName = displayName ?? name
        self.formula = formula
        self.expression = try ExpressionParser.parse(formula)
        self.minima = minima
        self.defaultStart = start
        self.view = view
        self.levels = levels
    }

    public func value<S: Scalar>(_ x: S, _ y: S) -> S { expression.evaluate(x, y) }
}
