import DescentCore
import Testing

/// The 2×2 decompositions SOAP uses (bit for bit with torch through the SOAP goldens); here the
/// maths: eigenpairs and orthogonality.
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

    @Test func twoByTwoQRIsOrthogonalInFloat32() {
        let q = TwoByTwoQR.orthogonalFactorFloat32(Matrix(rows: 2, columns: 2, scalars: [3, 1, 4, 2]))
        let qtq = q.transposed.matmul(q)
        for (x, y) in zip(qtq.scalars, Matrix.identity(2).scalars) { #expect(abs(x - y) < 1e-6) }
        // The first column is the first column of A, normalised, up to its sign (Householder: −).
        #expect(abs(q[0, 0] + 0.6) < 1e-6 && abs(q[1, 0] + 0.8) < 1e-6)
        #expect(TwoByTwoQR.orthogonalFactorFloat32(Matrix(rows: 2, columns: 2, scalars: [3, 1, 0, 2])) == .identity(2))
    }
}
