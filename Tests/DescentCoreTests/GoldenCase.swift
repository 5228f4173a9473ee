import DescentBase
import Testing
import DescentCore
import Foundation

/// A reference trajectory made by the real library (torch.optim, torch_optimizer,
/// pytorch_optimizer) in float64 with the reference protocol; the format of
/// `Fixtures/goldens/*.json` (see `Fixtures/README.md`).
struct GoldenCase: CustomTestStringConvertible {
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

    struct FormatError: Error, CustomStringConvertible {
        var file: String, key: String
        var description: String { "\(file): missing or malformed '\(key)'" }
    }

    /// Reads a golden file with the project's strict JSON parser.
    init(file url: URL) throws {
        let json = try JSONParser.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
        let file = url.lastPathComponent
        func value<T>(_ key: String, _ read: (JSONValue) -> T?) throws -> T {
            guard let v = json[key], let t = read(v) else { throw FormatError(file: file, key: key) }
            return t
        }
        func number(_ v: JSONValue) -> Double? { if case .number(let d) = v { d } else { nil } }
        func numbers(_ v: JSONValue) -> [Double]? {
            guard case .array(let items) = v else { return nil }
            let ds = items.compactMap(number)
            return ds.count == items.count ? ds : nil
        }
        func string(_ v: JSONValue) -> String? { if case .string(let s) = v { s } else { nil } }
        id = try value("id", string)
        optimizer = try value("optimizer", string)
        reference = try value("reference", string)
        function = try value("function", string)
        start = try value("start", numbers)
        steps = try value("steps", { number($0).map(Int.init) })
        clip_grad_norm = json["clip_grad_norm"].flatMap(number)
        loss = try value("loss", numbers)
        trajectory = try value("trajectory") { v -> [[Double]]? in
            guard case .array(let rows) = v else { return nil }
            let points = rows.compactMap(numbers)
            return points.count == rows.count ? points : nil
        }
        hyperparameters = try value("hyperparameters") { try? Hyperparameters(json: $0) }
    }

    static let directory = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/goldens")

    /// Every golden case in the fixtures, sorted by id.
    static func all() throws -> [GoldenCase] {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
        return try files.map(GoldenCase.init(file:))
            .sorted { $0.id < $1.id }
    }

    /// The trajectory Descent computes for this case: the registry's optimizer, the case's
    /// function, start, steps and clipping.
    func replay() throws -> Trajectory {
        let function = try FunctionCatalog.named(self.function)
        let optimizer = try OptimizerRegistry.make(self.optimizer, hyperparameters)
        let runner = TrajectoryRunner(steps: steps, clipping: GradientClipping(maxNorm: clip_grad_norm))
        return runner.run(function, optimizer, from: Point(start[0], start[1]))
    }

    /// The first value of `t` that is not the reference's to the bit — at each step the x and
    /// y of the point, then the loss — or `nil` when every value is identical (`==`, so 0 and
    /// −0 count as equal; the references hold no NaN). A trajectory of another length differs
    /// at the first step one of them lacks.
    func firstDifference(of t: Trajectory) -> Difference? {
        for k in 0..<max(trajectory.count, t.points.count, loss.count, t.losses.count) {
            let ours: [Double?] = k < t.points.count ? [t.points[k].x, t.points[k].y] : [nil, nil]
            let reference: [Double?] = k < trajectory.count ? trajectory[k] : [nil, nil]
            for (axis, (a, b)) in zip(["x", "y"], zip(ours, reference)) where a != b {
                return Difference(step: k, value: axis, ours: a, reference: b)
            }
            let a = k < t.losses.count ? t.losses[k] : nil, b = k < loss.count ? loss[k] : nil
            if a != b { return Difference(step: k, value: "loss", ours: a, reference: b) }
        }
        return nil
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

/// One value where a trajectory and its reference part: the step, which value (`x`, `y` or
/// `loss`), and both (`nil` where one trajectory has no such step).
struct Difference: CustomStringConvertible {
    var step: Int
    var value: String
    var ours: Double?
    var reference: Double?

    var description: String {
        func show(_ v: Double?) -> String { v.map { "\($0) (0x\(String($0.bitPattern, radix: 16)))" } ?? "nothing" }
        var text = "step \(step) \(value): ours \(show(ours)), reference \(show(reference))"
        if let a = ours, let b = reference, a.isFinite, b.isFinite, a.sign == b.sign {
            let ulps = a.bitPattern > b.bitPattern ? a.bitPattern - b.bitPattern : b.bitPattern - a.bitPattern
            text += ", \(ulps) ulp apart"
        }
        return text
    }
}
