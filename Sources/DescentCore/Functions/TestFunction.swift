import DescentBase

/// A 2-D landscape for optimizers: one generic definition of its value, from which exact
/// gradients (`Dual`) and Hessians (`HyperDual`) follow, plus what a figure of it needs.
///
/// Built-in functions and user expressions are both `TestFunction`s.
public protocol TestFunction: Sendable {
    /// The registry name, e.g. `rosenbrock`.
    var name: String { get }
    /// A display name, e.g. `Rosenbrock`.
    var displayName: String { get }
    /// The formula, as text for listings and figures.
    var formula: String { get }
    /// Every global minimum.
    var minima: [Point] { get }
    /// The seed's start point.
    var defaultStart: Point { get }
    /// The default view window of figures.
    var view: ViewWindow { get }
    /// The default contour levels of figures.
    var levels: ContourLevels { get }

    /// The value at (x, y), generic so that derivatives come exactly from dual numbers.
    func value<S: Scalar>(_ x: S, _ y: S) -> S

    /// Value and gradient by reverse mode on `tape`, rounded exactly as torch autograd rounds
    /// (the default implementation; a requirement so that it is specialised for each function
    /// even when called through `any TestFunction`).
    func valueAndGradient(at p: Point, on tape: GradientTape) -> (value: Double, dx: Double, dy: Double)
}

extension TestFunction {
    @inlinable
    public func valueAndGradient(at p: Point, on tape: GradientTape) -> (value: Double, dx: Double, dy: Double) {
        tape.reset()
        let x = tape.variable(p.x)
        let y = tape.variable(p.y)
        let f = value(x, y)
        let (dx, dy) = tape.gradient(of: f, with: (x, y))
        return (f.value, dx, dy)
    }

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
