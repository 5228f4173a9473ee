import DescentBase

/// A 2-D landscape for optimizers: one generic definition of its value, from which exact
/// gradients (`Dual`) and Hessians (`HyperDual`) follow, plus what a figure of it needs.
///
/// Built-in functions and user expressions are both `TestFunction`s.
public protocol TestFunction: Sendable {
    /// Its name, formula, minima, start, view and levels.
    var info: FunctionInfo { get }

    /// The value at (x, y), generic so that derivatives come exactly from dual numbers.
    func value<S: Scalar>(_ x: S, _ y: S) -> S

    /// Value and gradient by reverse mode on `tape`, rounded exactly as torch autograd rounds
    /// (the default implementation; a requirement so that it is specialised for each function
    /// even when called through `any TestFunction`).
    func valueAndGradient(at p: Point, on tape: GradientTape) -> (value: Double, dx: Double, dy: Double)
}

/// A built-in test function of the `FunctionCatalog`: a stateless value whose description is
/// fixed by its type.
public protocol CatalogFunction: TestFunction {
    static var info: FunctionInfo { get }
}

extension CatalogFunction {
    /// The type's entry in `FunctionCatalog`.
    public static var info: FunctionInfo { FunctionCatalog.info(of: Self.self) }
    public var info: FunctionInfo { Self.info }
}

/// What a test function is besides its value: names, formula, where its global minima are,
/// where the seed starts, and how figures show it.
public struct FunctionInfo: Hashable, Sendable {
    /// The registry name, e.g. `rosenbrock`.
    public var name: String
    /// A display name, e.g. `Rosenbrock`.
    public var displayName: String
    /// The formula, as text for listings and figures.
    public var formula: String
    /// Every global minimum.
    public var minima: [Point]
    /// The seed's start point.
    public var defaultStart: Point
    /// The default view window of figures.
    public var view: ViewWindow
    /// The default contour levels of figures.
    public var levels: ContourLevels

    public init(name: String, displayName: String, formula: String, minima: [Point], start: Point,
                view: ViewWindow, levels: ContourLevels) {
        self.name = name
        self.displayName = displayName
        self.formula = formula
        self.minima = minima
        self.defaultStart = start
        self.view = view
        self.levels = levels
    }
}

extension TestFunction {
    public var name: String { info.name }
    public var displayName: String { info.displayName }
    public var formula: String { info.formula }
    public var minima: [Point] { info.minima }
    public var defaultStart: Point { info.defaultStart }
    public var view: ViewWindow { info.view }
    public var levels: ContourLevels { info.levels }

    @inlinable
    public func valueAndGradient(at p: Point, on tape: GradientTape) -> (value: Double, dx: Double, dy: Double) {
        tape.reset()
        let x = tape.variable(p.x)
        let y = tape.variable(p.y)
        let f = value(x, y)
        let (dx, dy) = tape.gradient(of: f, with: (x, y))
        return (f.value, dx, dy)
    }

    /// The value at (x, y), evaluated with `Real`.
    @inlinable public func value(_ x: Double, _ y: Double) -> Double { value(Real(x), Real(y)).value }

    /// The value at a point.
    @inlinable public func callAsFunction(_ p: Point) -> Double { value(p.x, p.y) }

    /// The value and exact gradient at a point.
    @inlinable public func valueAndGradient(at p: Point) -> (value: Double, gradient: Point) {
        let (x, y) = Dual.variables(p.x, p.y)
        let f = value(x, y)
        return (f.value, Point(f.dx, f.dy))
    }

    /// The value, exact gradient and exact Hessian (row-major [[fxx, fxy], [fxy, fyy]]).
    public func hessian(at p: Point) -> (value: Double, gradient: Point, hessian: [[Double]]) {
        let (x, y) = HyperDual.variables(p.x, p.y)
        let f = value(x, y)
        return (f.value, Point(f.dx, f.dy), [[f.dxx, f.dxy], [f.dxy, f.dyy]])
    }

    /// The value at the global minima (they share it).
    public var minimumValue: Double { minima.map { self($0) }.min() ?? .nan }

    /// The listed minimum nearest to `p`.
    public func nearestMinimum(to p: Point) -> Point {
        minima.min { $0.squaredDistance(to: p) < $1.squaredDistance(to: p) } ?? p
    }
}
