import DescentBase
import DescentCore
import Testing
import TestSupport

@Suite struct ExpressionTests {
    func value(_ text: String, x: Double = 0, y: Double = 0) throws -> Double {
        try ExpressionParser.parse(text).evaluate(x, y)
    }

    @Test func precedenceAndAssociativity() throws {
        #expect(try value("1 + 2 * 3") == 7)
        #expect(try value("(1 + 2) * 3") == 9)
        #expect(try value("2 ^ 3 ^ 2") == 512)
        #expect(try value("-x^2", x: 3) == -9)
        #expect(try value("2 ** 3") == 8)
        #expect(try value("8 / 4 / 2") == 1)
        #expect(try value("1 - 2 - 3") == -4)
        #expect(try value("--x", x: 2) == 2)
        #expect(try value("x * -y", x: 2, y: 3) == -6)
        #expect(try value("2^-1") == 0.5)
    }

    @Test func constantsFunctionsAndNumbers() throws {
        #expect(try value("pi") == Double.pi)
        #expect(try value("e") == 2.718281828459045)
        #expect(try value("1.5e3 + 2E-1 + .5") == 1500.7)
        #expect(try value("sqrt(16) + abs(-2) + exp(0) + log(1) + sin(0) + cos(0) + tan(0) + tanh(0)") == 8)
        #expect(try value("x*e", x: 2) == 2 * 2.718281828459045)
    }

    @Test func matchesTheBuiltInsToTheLastBit() throws {
        let pairs: [(String, any TestFunction)] = [
            ("(1-x)^2 + 100*(y-x^2)^2", Rosenbrock()),
            ("(x^2 + y - 11)^2 + (x + y^2 - 7)^2", Himmelblau()),
            ("(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2", Beale()),
            ("20 + (x^2 - 10*cos(x*2*pi)) + (y^2 - 10*cos(y*2*pi))", Rastrigin()),
        ]
        let tape = GradientTape()
        for (text, builtIn) in pairs {
            let f = try ExpressionFunction(name: "custom", formula: text, minima: builtIn.minima,
                                           start: builtIn.defaultStart, view: builtIn.view)
            var rng = SplitMix(seed: 7)
            for _ in 0..<200 {
                let p = Point(rng.uniform(builtIn.view.x), rng.uniform(builtIn.view.y))
                let ours = f.valueAndGradient(at: p, on: tape)
                let theirs = builtIn.valueAndGradient(at: p, on: tape)
                #expect(ours.value == theirs.value, "\(text) at \(p)")
                #expect(ours.dx == theirs.dx && ours.dy == theirs.dy, "\(text) gradient at \(p)")
                let h1 = f.hessian(at: p).hessian, h2 = builtIn.hessian(at: p).hessian
                for i in 0..<2 { for j in 0..<2 { expectClose(h1[i][j], h2[i][j], tolerance: 1e-12 * max(1, abs(h2[i][j]))) } }
            }
        }
    }

    @Test(arguments: [
        ("(1-x", 5, "missing ')'"),
        ("1 + ", 5, "ends too early"),
        ("x + z", 5, "unknown name 'z'"),
        ("sin x", 5, "needs an argument"),
        ("x $ y", 3, "unexpected '$'"),
        ("2 3", 3, "unexpected '3'"),
        ("", 1, "ends too early"),
        ("1e999", 1, "bad number"),
    ])
    func errorsPointAtTheColumn(_ text: String, _ column: Int, _ message: String) {
        do {
            _ = try ExpressionParser.parse(text)
            Issue.record("'\(text)' parsed")
        } catch {
            #expect(error.column == column, "'\(text)': \(error)")
            #expect(error.message.contains(message), "'\(text)': \(error)")
        }
    }

    @Test func divisionByZeroAndOverflowAreValuesNotCrashes() throws {
        #expect(try value("1/x", x: 0) == .infinity)
        #expect(try value("exp(x)", x: 1000) == .infinity)
        #expect(try value("log(x)", x: -1).isNaN)
        let f = try ExpressionFunction(name: "bad", formula: "1/(x-1) + y", minima: [Point(0, 0)],
                                       start: Point(1, 0), view: ViewWindow(x: -2...2, y: -2...2))
        let t = TrajectoryRunner(steps: 10).run(f, try SGD(["lr": 0.1]), from: f.defaultStart)
        #expect(t.stop == .diverged(step: 0))
    }
}
