import DescentBase
@testable import DescentCore
import Testing

/// SOAP's per-axis machinery on tensors: the float32 Householder QR against torch's
/// `linalg.qr` (`Fixtures/qr.json`), pytorch_optimizer's `merge_small_dims`, the
/// channels-last layout, and projections that undo each other. (The whole optimizer on a conv
/// network is in `TrainingParityTests`.)
@Suite struct SOAPPreconditionerTests {
    @Test func householderQRMatchesTorchUpToColumnSigns() throws {
        let fixture = try Fixture.json("qr.json")
        let cases = fixture["cases"]!.items
        #expect(cases.count == 3)
        for c in cases {
            let n = c["n"]!.int
            let q = HouseholderQR.orthogonalFactorFloat32(Matrix(rows: n, columns: n, scalars: c["a"]!.numbers))
            let expected = Matrix(rows: n, columns: n, scalars: c["q"]!.numbers)
            for j in 0..<n {
                // A column is defined up to its sign; LAPACK's and this one's agree, but compare either way.
                let dot = (0..<n).reduce(0.0) { $0 + q[$1, j] * expected[$1, j] }
                let sign = dot < 0 ? -1.0 : 1.0
                #expect(dot > 0, "column \(j) of the \(n)×\(n) case has the other sign")
                for i in 0..<n { #expect(abs(sign * q[i, j] - expected[i, j]) <= 2e-6, "Q[\(i), \(j)] of \(n)×\(n)") }
            }
        }
    }

    @Test func mergeSmallDimensionsAsPytorchOptimizer() {
        // The examples of pytorch_optimizer's docstring, and the collapse to [1] it returns.
        #expect(SOAPPreconditioner.mergeSmallDimensions([1, 2, 512, 1, 2048, 1, 3, 4], 1024) == [1024, 2048, 12])
        #expect(SOAPPreconditioner.mergeSmallDimensions([1, 2, 768, 1, 2048], 1024) == [2, 768, 2048])
        #expect(SOAPPreconditioner.mergeSmallDimensions([6, 1, 3, 3], 10000) == [1])
        let p = SOAPPreconditioner(shape: [32, 16, 5, 5], mergeDims: true, channelsLast: false, maxDimension: 100, vectors: false)
        // 32 · 16 > 100 closes [32]; 16 · 5 = 80 fits, · 5 does not: [32, 80, 5].
        #expect(p.working == [32, 80, 5] && p.gg.map { $0?.rows } == [32, 80, 5])
        // Every axis merging into one keeps the tensor as one axis (torch's reshape to [1] would fail).
        let q = SOAPPreconditioner(shape: [6, 1, 3, 3], mergeDims: true, channelsLast: false, maxDimension: 10000, vectors: false)
        #expect(q.working == [54])
    }

    @Test func channelsLastRoundTripsAndPermutes() {
        // NHWC [2, 3, 4, 5] is NCHW [2, 5, 3, 4], merged under 12 into [10, 12].
        let p = SOAPPreconditioner(shape: [2, 3, 4, 5], mergeDims: true, channelsLast: true, maxDimension: 12, vectors: false)
        #expect(p.channelsLast && p.working == [10, 12])
        let x = (0..<120).map(Double.init)
        #expect(p.fromWorking(p.toWorking(x)) == x)
        // NHWC element (n, h, w, c) lands at NCHW (n, c, h, w).
        let y = p.toWorking(x)
        let (n, h, w, c) = (1, 2, 3, 4)
        let nchw: Int = ((n * 5 + c) * 3 + h) * 4 + w
        let nhwc: Int = ((n * 3 + h) * 4 + w) * 5 + c
        #expect(y[nchw] == x[nhwc])
    }

    @Test func projectingBackUndoesProjecting() {
        var p = SOAPPreconditioner(shape: [3, 4, 2], mergeDims: false, channelsLast: false, maxDimension: 3, vectors: false)
        #expect(p.gg.map { $0 != nil } == [true, false, true])
        var g = SplitMix64(seed: 4)
        let x = (0..<24).map { _ in g.nextGaussian() }
        p.accumulate(x, weight: 0.05)
        p.initialBases()
        let y = p.project(x, back: false)
        #expect(y != x)
        let z = p.project(y, back: true)
        for (a, b) in zip(z, x) { #expect(abs(a - b) <= 1e-13) }
        // Each statistic is symmetric: the tensor unfolded along its axis times its transpose.
        let gram = p.gram(x, axis: 2)
        #expect(gram[0, 1] == gram[1, 0])
        let direct = stride(from: 0, to: 24, by: 2).reduce(0.0) { $0 + x[$1] * x[$1 + 1] }
        #expect(abs(gram[0, 1] - direct) <= 1e-14)
    }
}
