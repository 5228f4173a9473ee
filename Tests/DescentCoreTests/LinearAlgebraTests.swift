import DescentBase
import DescentCore
import Testing

/// The decompositions of the matrix optimizers (the 2×2 ones bit for bit with torch through the
/// SOAP goldens); here the maths: eigenpairs, orthogonality, known spectra.
@Suite struct LinearAlgebraTests {
    @Test func symmetricEigenOfATwoByTwoIsDescendingAndExact() {
        let a = Matrix(rows: 2, columns: 2, scalars: [2, 1, 1, 3])
        let (values, vectors) = SymmetricEigen.decompose(a)
        #expect(values[0] > values[1])
        #expect(abs(values[0] - (5 + 5.0.squareRoot()) / 2) < 1e-15 && abs(values[1] - (5 - 5.0.squareRoot()) / 2) < 1e-15)
        for j in 0..<2 {
            let v = Matrix(rows: 2, columns: 1, scalars: [vectors[0, j], vectors[1, j]])
            let av = a.matmul(v)
            for i in 0..<2 { #expect(abs(av[i, 0] - values[j] * v[i, 0]) < 1e-14) }
        }
        // A negligible off-diagonal splits the matrix: the identity's columns, largest first.
        let split = SymmetricEigen.decompose(Matrix(rows: 2, columns: 2, scalars: [1, 0, 0, 4]))
        #expect(split.values == [4, 1] && split.vectors.scalars == [0, 1, 1, 0])
    }

    @Test func matrixProductsSumEachEntryInOrder() {
        // The row-by-row product rounds every entry exactly as the dot product Σₖ a[r, k]·b[k, c]
        // summed from k = 0 (the order the 2×2 goldens pin), in float64 and in float32.
        let a = Self.randomSymmetric(9, seed: 11), b = Self.randomSymmetric(9, seed: 12)
        let left = Matrix(rows: 7, columns: 9, scalars: Array(a.scalars.prefix(63)))
        let right = Matrix(rows: 9, columns: 5, scalars: Array(b.scalars.prefix(45)))
        let product = left.matmul(right)
        let rounded = { (m: Matrix) in Matrix(rows: m.rows, columns: m.columns, scalars: m.scalars.map { Double(Float($0)) }) }
        let product32 = rounded(left).matmulFloat32(rounded(right))
        for r in 0..<7 {
            for c in 0..<5 {
                var s = left[r, 0] * right[0, c], s32 = Float(left[r, 0]) * Float(right[0, c])
                for k in 1..<9 {
                    s += left[r, k] * right[k, c]
                    s32 += Float(left[r, k]) * Float(right[k, c])
                }
                #expect(product[r, c].bitPattern == s.bitPattern && Float(product32[r, c]).bitPattern == s32.bitPattern)
            }
        }
        // −0 survives a one-term sum, as in torch.
        let negativeZero = Matrix(rows: 1, columns: 1, scalars: [-0.0]).matmul(Matrix(rows: 1, columns: 1, scalars: [1]))
        #expect(negativeZero.scalars[0].sign == .minus)
    }

    @Test func twoByTwoQRIsOrthogonalInFloat32() {
        let q = TwoByTwoQR.orthogonalFactorFloat32(Matrix(rows: 2, columns: 2, scalars: [3, 1, 4, 2]))
        let qtq = q.transposed.matmul(q)
        for (x, y) in zip(qtq.scalars, Matrix.identity(2).scalars) { #expect(abs(x - y) < 1e-6) }
        // The first column is the first column of A, normalised, up to its sign (Householder: −).
        #expect(abs(q[0, 0] + 0.6) < 1e-6 && abs(q[1, 0] + 0.8) < 1e-6)
        #expect(TwoByTwoQR.orthogonalFactorFloat32(Matrix(rows: 2, columns: 2, scalars: [3, 1, 0, 2])) == .identity(2))
    }

    /// max |A·V − V·Λ| and max |VᵀV − I| of a decomposition, relative to A's largest entry.
    static func residuals(_ a: Matrix, _ values: [Double], _ vectors: Matrix) -> (eigen: Double, orthogonality: Double) {
        let n = a.rows, norm = a.scalars.map(\.magnitude).max() ?? 0
        let av = a.matmul(vectors), vtv = vectors.transposed.matmul(vectors)
        var eigen = 0.0, orthogonality = 0.0
        for i in 0..<n {
            for j in 0..<n {
                eigen = max(eigen, (av[i, j] - vectors[i, j] * values[j]).magnitude / norm)
                orthogonality = max(orthogonality, (vtv[i, j] - (i == j ? 1 : 0)).magnitude)
            }
        }
        return (eigen, orthogonality)
    }

    static func randomSymmetric(_ n: Int, seed: UInt64, scale: Double = 1) -> Matrix {
        var g = SplitMix64(seed: seed)
        var m = Matrix(rows: n, columns: n, scalars: [Double](repeating: 0, count: n * n))
        for i in 0..<n {
            for j in 0...i {
                let x = scale * g.nextGaussian()
                m[i, j] = x
                m[j, i] = x
            }
        }
        return m
    }

    @Test(arguments: [3, 4, 7, 26, 64, 129])
    func symmetricEigenOfARandomMatrixIsAnOrthonormalEigenbasis(n: Int) {
        let a = Self.randomSymmetric(n, seed: UInt64(n))
        let (values, vectors) = SymmetricEigen.decompose(a)
        let r = Self.residuals(a, values, vectors)
        // Backward stable: residuals of a few n·ε (ε = 2.2e-16), far below a wrong pair's O(1).
        #expect(r.eigen < Double(n) * 1e-15 && r.orthogonality < Double(n) * 1e-15, "n = \(n): \(r)")
        #expect(zip(values, values.dropFirst()).allSatisfy { $0 >= $1 })
        // The trace and the Frobenius norm are the eigenvalues' sum and root sum of squares.
        let trace = (0..<n).map { a[$0, $0] }.reduce(0, +)
        #expect((values.reduce(0, +) - trace).magnitude < Double(n) * 1e-14)
        let frobenius = a.scalars.map { $0 * $0 }.reduce(0, +)
        #expect((values.map { $0 * $0 }.reduce(0, +) - frobenius).magnitude < Double(n) * 1e-13 * frobenius)
    }

    @Test func symmetricEigenFindsKnownSpectra() {
        // The second-difference matrix tridiag(−1, 2, −1): λ_k = 2 − 2cos(kπ/(n + 1)).
        let n = 12
        var t = Matrix(rows: n, columns: n, scalars: [Double](repeating: 0, count: n * n))
        for i in 0..<n {
            t[i, i] = 2
            if i > 0 { t[i, i - 1] = -1; t[i - 1, i] = -1 }
        }
        let values = SymmetricEigen.decompose(t).values
        for (j, value) in values.enumerated() {
            let k = Double(n - j)
            #expect((value - (2 - 2 * LibM.cos(k * .pi / Double(n + 1)))).magnitude < 1e-14, "λ_\(j) = \(value)")
        }
        // A diagonal matrix: its entries, largest first, with the unit vectors that carry them.
        let diagonal = Matrix(rows: 4, columns: 4, scalars: [3, 0, 0, 0, 0, -1, 0, 0, 0, 0, 7, 0, 0, 0, 0, 0.5])
        let split = SymmetricEigen.decompose(diagonal)
        #expect(split.values == [7, 3, 0.5, -1])
        #expect(split.vectors.scalars.map(\.magnitude) == [0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0])
        // Rank one, u·uᵀ: ‖u‖² once, then a five-fold 0 (any orthonormal basis of u's complement).
        let u: [Double] = [1, -2, 0.5, 3, 0, 1.5]
        let rankOne = Matrix(rows: 6, columns: 6, scalars: u.flatMap { x in u.map { x * $0 } })
        let (r1, v1) = SymmetricEigen.decompose(rankOne)
        let squared = u.map { $0 * $0 }.reduce(0, +)
        #expect((r1[0] - squared).magnitude < 1e-14 * squared && r1.dropFirst().allSatisfy { $0.magnitude < 1e-14 * squared })
        let alignment = (0..<6).map { v1[$0, 0] * u[$0] }.reduce(0, +).magnitude / squared.squareRoot()
        #expect((alignment - 1).magnitude < 1e-14)
        #expect(Self.residuals(rankOne, r1, v1).orthogonality < 1e-14)
    }

    @Test func symmetricEigenNeitherOverflowsNorHangs() {
        // Entries near 1e150 square to 1e300: the reflections are computed on scaled columns.
        let small = Self.randomSymmetric(9, seed: 5), huge = Self.randomSymmetric(9, seed: 5, scale: 1e150)
        let (hugeValues, hugeVectors) = SymmetricEigen.decompose(huge)
        #expect(hugeValues.allSatisfy { $0.isFinite })
        for (x, y) in zip(hugeValues, SymmetricEigen.decompose(small).values) { #expect((x / 1e150 - y).magnitude < 1e-13) }
        #expect(Self.residuals(huge, hugeValues, hugeVectors).eigen < 1e-13)
        // The zero matrix and the identity (one eigenvalue of multiplicity n) need no iteration.
        #expect(SymmetricEigen.decompose(Matrix(rows: 5, columns: 5, scalars: [Double](repeating: 0, count: 25))).values == [0, 0, 0, 0, 0])
        let identity = SymmetricEigen.decompose(.identity(5))
        #expect(identity.values == [1, 1, 1, 1, 1] && identity.vectors.scalars.map(\.magnitude) == Matrix.identity(5).scalars)
        // A NaN or an infinity: NaNs, at once.
        var poisoned = small
        poisoned[3, 4] = .nan
        #expect(SymmetricEigen.decompose(poisoned).values.allSatisfy { $0.isNaN })
        poisoned[3, 4] = .infinity
        #expect(SymmetricEigen.decompose(poisoned).vectors.scalars.allSatisfy { $0.isNaN })
    }
}
