import Testing
import DescentCore
import Foundation

/// A reference trajectory made by the real library (torch.optim, torch_optimizer,
/// pytorch_optimizer) in float64 with the reference protocol; the format of
/// `Fixtures/goldens/*.json` (see `Fixtures/README.md`).
struct GoldenCase: Decodable, CustomTestStringConvertible {
    var id: String
    var optimizer: String
    var reference: String
    var hyperparameters: Hyperparameters
    var function: String
    var start: [Double]
    var steps: Int
    var clip_grad_norm: Double?
    var trajectory: [[Double]]
    var loss: [Double]

    var testDescription: String { id }

    static let directory = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/goldens")

    /// Every golden case in the fixtures, sorted by id.
    static func all() throws -> [GoldenCase] {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
        return try files.map { try JSONDecoder().decode(GoldenCase.self, from: Data(contentsOf: $0)) }
            .sorted { $0.id < $1.id }
    }

    /// The worst error of `trajectory` against the reference, by the parity rule
    /// |ours − ref| / max(1, |ref|), over points and losses; `nil` if lengths differ.
    func worstError(of t: Trajectory) -> (error: Double, step: Int)? {
        guard t.points.count == trajectory.count, t.losses.count == loss.count else { return nil }
        var worst = (error: 0.0, step: 0)
        for (k, ref) in trajectory.enumerated() {
            for (a, b) in zip(ref, [t.points[k].x, t.points[k].y]) {
                let e = abs(a - b) / max(1, abs(a))
                if !(e <= worst.error) { worst = (e, k) }
            }
        }
        for (k, ref) in loss.enumerated() {
            let e = abs(ref - t.losses[k]) / max(1, abs(ref))
            if !(e <= worst.error) { worst = (e, k) }
        }
        return worst
    }
}


