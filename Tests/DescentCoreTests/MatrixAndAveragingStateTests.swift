import DescentBase
import DescentCore
import Testing

/// What the 2-D trajectories cannot show: ASGD's averaged iterate, Adafactor's factored second
/// moment for matrices, and Muon on a tall matrix. Reference values come from torch 2.15 in
/// float64 (Muon with make_goldens.py's float64 Newton–Schulz hook), fed the gradients below.
@Suite struct MatrixAndAveragingStateTests {
    /// Deterministic gradients for step k: 0.5k − 1 + 0.25i at even i, 1.25 − 0.25k − 0.5i at odd i.
    static func gradient(step k: Int, shape: [Int]) -> Tensor {
        let n = shape.reduce(1, *)
        let (k, values) = (Double(k), (0..<n).map(Double.init))
        let even: (Double) -> Double = { i in 0.5 * k - 1 + 0.25 * i }
        let odd: (Double) -> Double = { i in 1.25 - 0.25 * k - 0.5 * i }
        return Tensor(shape: shape, scalars: values.map { Int($0) % 2 == 0 ? even($0) : odd($0) })
    }

    static func expectClose(_ a: [Double], _ b: [Double], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.count == b.count, sourceLocation: sourceLocation)
        for (x, y) in zip(a, b) {
            #expect(abs(x - y) <= 1e-12 * max(1, abs(y)), "\(a) vs \(b)", sourceLocation: sourceLocation)
        }
    }

    @Test func asgdAveragesTheIteratesOnceT0IsPassed() throws {
        var asgd = try ASGD(["lr": 0.1, "lambd": 0.01, "alpha": 0.5, "t0": 3, "weight_decay": 0.02])
        var p = [Tensor([1.5, -0.5])]
        for k in 0..<8 { asgd.step(&p, gradients: [Self.gradient(step: k, shape: [2])]) }
        Self.expectClose(p[0].scalars, [0.8665371444685598, -0.3867668159197692])
        Self.expectClose(asgd.state.slots[0], [1.1960834581225228, -0.5137613360740791])
        Self.expectClose([asgd.eta, asgd.mu], [0.09960238411119948, 0.2])
    }

    @Test func adafactorFactorsTheSecondMomentOfAMatrix() throws {
        var adafactor = try Adafactor(["lr": 0.05, "weight_decay": 0.1])
        var p = [Tensor(shape: [2, 3], scalars: [0.5, -1.0, 2.0, 1.5, 0.25, -0.75])]
        for k in 0..<6 { adafactor.step(&p, gradients: [Self.gradient(step: k, shape: [2, 3])]) }
        Self.expectClose(p[0].scalars, [0.39457348127064273, -1.1200325665276614, 1.731958907362493,
                                        1.73139472648947, -0.08265229954841627, -0.3524978359190996])
        Self.expectClose(adafactor.state[0].rowVar, [0.9167742624158504, 2.7564798821344554])
        Self.expectClose(adafactor.state[0].colVar, [1.0425573487453612, 1.544960405608486, 2.9223634624716115])
        #expect(adafactor.state[0].variance.isEmpty)
    }

    @Test func muonOrthogonalisesATallMatrixThroughItsTranspose() throws {
        var muon = try Muon(["lr": 0.05, "adjust_lr_fn": "original"])
        var p = [Tensor(shape: [3, 2], scalars: [0.5, -1.0, 2.0, 1.5, 0.25, -0.75])]
        for k in 0..<4 { muon.step(&p, gradients: [Self.gradient(step: k, shape: [3, 2])]) }
        Self.expectClose(p[0].scalars, [0.5874870901367463, -1.0340978334015247, 1.999052680708055,
                                        1.526260218532662, 0.2251323942481138, -0.5690918575019012])
    }

    @Test func newtonSchulzOfARowOnlyRescalesIt() {
        // A 1×2 matrix has one singular value: orthogonalising it keeps its direction and gives
        // it the length p(p(p(p(p(1))))), p(s) = as + bs³ + cs⁵ — whatever the input's length.
        var length = 1.0
        for _ in 0..<5 { length = 3.4445 * length - 4.7750 * LibM.pow(length, 3) + 2.0315 * LibM.pow(length, 5) }
        #expect(abs(length - 0.6964364094697522) < 1e-12)
        for v in [[3.0, -4.0], [1e-3, 2e-3], [-0.5, 0.0]] {
            let row = Matrix(rows: 1, columns: 2, scalars: v)
            let o = newtonSchulz(row, coefficients: (3.4445, -4.7750, 2.0315), steps: 5, eps: 1e-7)
            #expect(abs(o.norm - length) < 1e-12, "\(v) → \(o.scalars)")
            #expect(abs(o.scalars[0] * v[1] - o.scalars[1] * v[0]) <= 1e-15 * row.norm, "not parallel")
            #expect(o.scalars[0] * v[0] + o.scalars[1] * v[1] > 0, "reversed")
        }
    }
}
