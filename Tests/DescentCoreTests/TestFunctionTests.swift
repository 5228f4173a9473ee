import DescentBase
import DescentCore
import Testing
import TestSupport

/// Every built-in function: exact derivatives agree with central differences, and the listed
/// minima are stationary, locally convex and have the documented value.
@Suite struct TestFunctionTests {
    static let functions = FunctionCatalog.all.map(NamedFunction.init)

    /// Literature values of f at the global minimum.
    static let minimumValues: [String: Double] = [
        "rosenbrock": 0, "rastrigin": 0, "ackley": 0, "beale": 0, "booth": 0, "goldstein_price": 3,
        "himmelblau": 0, "levi13": 0, "matyas": 0, "six_hump_camel": -1.031628453489877,
        "styblinski_tang": -78.33233140754282, "quadratic": 0,
    ]

    @Test func catalogHasTheTwelveFunctions() {
        #expect(FunctionCatalog.names == [
            "rosenbrock", "rastrigin", "ackley", "beale", "booth", "goldstein_price", "himmelblau",
            "levi13", "matyas", "six_hump_camel", "styblinski_tang", "quadratic",
        ])
        #expect(Set(Self.minimumValues.keys) == Set(FunctionCatalog.names))
    }

    @Test func lookupIsCaseAndSeparatorInsensitive() throws {
        #expect(try FunctionCatalog.named("Six-Hump-Camel").name == "six_hump_camel")
        #expect(try FunctionCatalog.named("ROSENBROCK").name == "rosenbrock")
        #expect(throws: FunctionCatalogError.self) { try FunctionCatalog.named("rosenbrok") }
    }

    @Test(arguments: functions)
    func gradientsAndHessiansMatchCentralDifferences(_ named: NamedFunction) {
        let f = named.function
        var rng = SplitMix(seed: 0xD15C_0001)
        for _ in 0..<200 {
            let p = Point(rng.uniform(f.view.x), rng.uniform(f.view.y))
            let h = 1e-5 * max(1, abs(p.x), abs(p.y))
            let exact = f.hessian(at: p)
            let fd = { (q: Point) in f(q) }
            let gx = (fd(Point(p.x + h, p.y)) - fd(Point(p.x - h, p.y))) / (2 * h)
            let gy = (fd(Point(p.x, p.y + h)) - fd(Point(p.x, p.y - h))) / (2 * h)
            let scale = max(1, abs(f(p)))
            expectClose(exact.gradient.x, gx, tolerance: 1e-6 * scale, "\(f.name) ∂x at \(p)")
            expectClose(exact.gradient.y, gy, tolerance: 1e-6 * scale, "\(f.name) ∂y at \(p)")
            // Hessian rows against differences of the exact gradient.
            let hg = 1e-6 * max(1, abs(p.x), abs(p.y))
            let gxp = f.valueAndGradient(at: Point(p.x + hg, p.y)).gradient
            let gxm = f.valueAndGradient(at: Point(p.x - hg, p.y)).gradient
            let gyp = f.valueAndGradient(at: Point(p.x, p.y + hg)).gradient
            let gym = f.valueAndGradient(at: Point(p.x, p.y - hg)).gradient
            let hscale = max(1, abs(exact.hessian[0][0]), abs(exact.hessian[1][1]), abs(exact.hessian[0][1]))
            expectClose(exact.hessian[0][0], (gxp.x - gxm.x) / (2 * hg), tolerance: 1e-5 * hscale, "\(f.name) ∂xx at \(p)")
            expectClose(exact.hessian[0][1], (gyp.x - gym.x) / (2 * hg), tolerance: 1e-5 * hscale, "\(f.name) ∂xy at \(p)")
            expectClose(exact.hessian[1][1], (gyp.y - gym.y) / (2 * hg), tolerance: 1e-5 * hscale, "\(f.name) ∂yy at \(p)")
        }
    }

    @Test(arguments: functions)
    func dualReverseAndHyperDualAgree(_ named: NamedFunction) {
        let f = named.function
        var rng = SplitMix(seed: 0xD15C_0002)
        let tape = GradientTape()
        for _ in 0..<100 {
            let p = Point(rng.uniform(f.view.x), rng.uniform(f.view.y))
            let dual = f.valueAndGradient(at: p)
            tape.reset()
            let x = tape.variable(p.x), y = tape.variable(p.y)
            let r = f.value(x, y)
            let (rx, ry) = tape.gradient(of: r, with: (x, y))
            let hyper = f.hessian(at: p)
            let scale = max(1, abs(dual.value))
            // Reverse rounds powers as torch (y³ = y·y·y), Double through pow(): a few ulps apart,
            // amplified by cancellation inside a term.
            expectClose(r.value, f(p), tolerance: 1e-13 * scale, "\(f.name) value at \(p)")
            expectClose(rx, dual.gradient.x, tolerance: 1e-12 * scale, "\(f.name) reverse ∂x at \(p)")
            expectClose(ry, dual.gradient.y, tolerance: 1e-12 * scale, "\(f.name) reverse ∂y at \(p)")
            expectClose(hyper.gradient.x, dual.gradient.x, tolerance: 1e-12 * scale, "\(f.name) hyper ∂x")
            expectClose(hyper.value, dual.value, tolerance: 1e-14, "\(f.name) value")
        }
    }

    @Test(arguments: functions)
    func minimaAreStationaryConvexAndDocumented(_ named: NamedFunction) throws {
        let f = named.function
        let expected = try #require(Self.minimumValues[f.name])
        #expect(!f.minima.isEmpty)
        for m in f.minima {
            expectClose(f(m), expected, tolerance: 1e-12, "\(f.name) value at \(m)")
            let (_, g, h) = f.hessian(at: m)
            #expect(abs(g.x) <= 1e-9 && abs(g.y) <= 1e-9, "\(f.name) gradient \(g) at \(m)")
            // Positive semi-definite: non-negative diagonal and determinant. Ackley's cone tip
            // has infinite curvature, which is still semi-definite.
            #expect(h[0][0] >= 0 && h[1][1] >= 0, "\(f.name) Hessian \(h) at \(m)")
            if h[0][0].isFinite && h[1][1].isFinite {
                #expect(h[0][0] * h[1][1] - h[0][1] * h[0][1] >= -1e-9 * max(1, h[0][0] * h[1][1]), "\(f.name) det at \(m)")
            }
            // No listed minimum is beaten on a fine grid of its window.
            #expect(f.view.contains(m) || f.name == "matyas", "\(f.name) minimum \(m) outside its view")
        }
    }

    @Test(arguments: functions)
    func noGridPointBeatsTheListedMinimum(_ named: NamedFunction) {
        let f = named.function
        let n = 300
        var lowest = Double.infinity
        for i in 0...n {
            for j in 0...n {
                let x = f.view.x.lowerBound + (f.view.x.upperBound - f.view.x.lowerBound) * Double(i) / Double(n)
                let y = f.view.y.lowerBound + (f.view.y.upperBound - f.view.y.lowerBound) * Double(j) / Double(n)
                lowest = min(lowest, f(Point(x, y)))
            }
        }
        #expect(lowest >= f.minimumValue - 1e-9, "\(f.name): grid value \(lowest) below \(f.minimumValue)")
    }

    @Test(arguments: functions)
    func defaultsAreUsable(_ named: NamedFunction) {
        let f = named.function
        #expect(f.view.contains(f.defaultStart), "\(f.name) start outside view")
        #expect(f.view.x.lowerBound < f.view.x.upperBound && f.view.y.lowerBound < f.view.y.upperBound)
        #expect(f(f.defaultStart).isFinite)
    }

    @Test func seedDefaults() {
        let r = Rosenbrock()
        #expect(r.defaultStart == Point(-2, 2))
        #expect(r.view == ViewWindow(x: -2...2, y: -1...3))
        #expect(r.levels == .logSpaced(from: -0.5, to: 3.5, count: 20))
        let levels = r.levels.fixedValues!
        #expect(levels.count == 20)
        expectClose(levels[0], 0.31622776601683794, tolerance: 1e-15)
        expectClose(levels[19], 3162.2776601683795, tolerance: 1e-12)
        let s = Rastrigin()
        #expect(s.defaultStart == Point(-2, 3.5))
        #expect(s.view == ViewWindow(x: -4.5...4.5, y: -4.5...4.5))
        #expect(s.levels == .automatic(count: 20))
    }

    @Test func himmelblauHasFourMinimaAndSixHumpTwo() {
        #expect(Himmelblau().minima.count == 4)
        #expect(SixHumpCamel().minima.count == 2)
    }
}

/// A test function with a readable name in test reports.
struct NamedFunction: CustomTestStringConvertible, Sendable {
    let function: any TestFunction
    var testDescription: String { function.name }
}

/// A tiny deterministic generator for test points.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform(_ r: ClosedRange<Double>) -> Double {
        r.lowerBound + (r.upperBound - r.lowerBound) * Double(next() >> 11) / Double(1 << 53)
    }
}
