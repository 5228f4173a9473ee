import DescentBase
@testable import DescentCore
import Testing

/// Alice on a matrix with a low-rank basis and a sampled complement (rank < rows, leading_basis <
/// rank), the path torch's `randperm` drives in the reference: the basis stays orthonormal, its
/// leading columns are the refreshed eigenvectors, a run is reproducible, and it descends.
@Suite struct AliceMatrixTests {
    /// f(W) = ½‖A ⊙ W − B‖², a 6×5 least-squares problem with its own scales per entry.
    static func gradient(_ w: [Double]) -> (loss: Double, gradient: [Double]) {
        var loss = 0.0, g = [Double](repeating: 0, count: 30)
        for i in 0..<30 {
            let a = 1 + Double(i % 7) / 3, b = Double((i * 11) % 13) / 6 - 1
            let r = a * w[i] - b
            loss += 0.5 * r * r
            g[i] = a * r
        }
        return (loss, g)
    }

    static func run(_ steps: Int) throws -> (losses: [Double], alice: Alice) {
        var alice = try #require(try OptimizerRegistry.make("Alice", ["lr": 0.05, "rank": 3, "leading_basis": 1, "update_interval": 4]) as? Alice)
        var parameters = [Tensor(shape: [6, 5], scalars: (0..<30).map { Double($0 % 5) / 10 })]
        var losses: [Double] = []
        for _ in 0..<steps {
            let (loss, g) = gradient(parameters[0].scalars)
            losses.append(loss)
            alice.step(&parameters, gradients: [Tensor(shape: [6, 5], scalars: g)])
        }
        return (losses, alice)
    }

    @Test func theSampledBasisStaysOrthonormalAndTrains() throws {
        let (losses, alice) = try Self.run(41)
        let u = try #require(alice.states.first?.u)
        #expect(u.rows == 6 && u.columns == 3)
        // Float32 columns: orthonormal to float32's precision.
        let gram = u.transposed.matmul(u)
        for i in 0..<3 { for j in 0..<3 { #expect(abs(gram[i, j] - (i == j ? 1 : 0)) <= 1e-5, "UᵀU[\(i), \(j)]") } }
        #expect(losses.last! < 0.5 * losses.first!, "\(losses.first!) → \(losses.last!)")
        // The same seeded draws: a second run is identical.
        #expect(try Self.run(41).losses == losses)
    }

    @Test func aVectorIsAColumnAndAConvWeightItsFirstAxisByTheRest() {
        #expect(Alice.matrixShape([7]) == (7, 1))
        #expect(Alice.matrixShape([8, 3, 5, 5]) == (8, 75))
        #expect(Alice.matrixShape([10, 64]) == (10, 64))
    }
}
