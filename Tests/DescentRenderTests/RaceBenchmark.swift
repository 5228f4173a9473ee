import DescentBase
import DescentRender
import Foundation
import Testing

/// The race at full size, measured rather than asserted (timings belong in BENCHMARKS.md):
/// ten heavy-ball runs on Rosenbrock (one stopping at step 300, one diverging at step 120),
/// 501 frames at 800×800, written as a GIF; and the loss curve of the same runs as a PNG.
/// Prints CPU seconds of each, frame count and file sizes.
///
/// Run (release): `Benchmarks/race.sh`, or
/// `DESCENT_RACE_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter RaceBenchmark`;
/// set `DESCENT_RACE_BENCH_KEEP=dir` to keep race.png, race.gif and loss.png there.
@Suite("Race benchmark", .enabled(if: ProcessInfo.processInfo.environment["DESCENT_RACE_BENCH"] != nil))
struct RaceBenchmark {
    static func rosenbrock(_ x: Double, _ y: Double) -> Double { (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }

    /// Gradient descent with heavy-ball momentum and gradient-norm clipping at 1, from (−2, 2).
    static func run(lr: Double, momentum: Double, steps: Int, divergeAt: Int?) -> (points: [Point], losses: [Double]) {
        var x = -2.0, y = 2.0, vx = 0.0, vy = 0.0
        var points = [Point(x, y)], losses = [rosenbrock(x, y)]
        for step in 1...steps {
            var gx = -2 * (1 - x) - 400 * x * (y - x * x), gy = 200 * (y - x * x)
            let norm = (gx * gx + gy * gy).squareRoot()
            if norm > 1 { gx /= norm; gy /= norm }
            vx = momentum * vx + gx
            vy = momentum * vy + gy
            x -= lr * vx
            y -= lr * vy
            if let d = divergeAt, step >= d { x *= 1.8; y *= 1.8 }
            guard x.isFinite, abs(x) < 1e6 else {
                points.append(Point(.nan, .nan))
                losses.append(.infinity)
                break
            }
            points.append(Point(x, y))
            losses.append(rosenbrock(x, y))
        }
        return (points, losses)
    }

    static let names = ["SGD", "Momentum", "Nesterov", "Adam", "AdamW", "RMSprop", "Adagrad", "Lion", "Adamax", "Diverging"]

    static func runs() -> [(points: [Point], losses: [Double])] {
        (0..<10).map { k in
            let lr = 0.01 + 0.006 * Double(k), momentum = 0.5 + 0.045 * Double(k)
            return run(lr: lr, momentum: momentum, steps: k == 3 ? 300 : 500, divergeAt: k == 9 ? 120 : nil)
        }
    }

    static func cpuSeconds(_ body: () throws -> Void) rethrows -> Double {
        let start = clock()
        try body()
        return Double(clock() - start) / Double(CLOCKS_PER_SEC)
    }

    @Test("10 paths × 501 frames at 800×800, and their loss curve")
    func race() throws {
        let directory = ProcessInfo.processInfo.environment["DESCENT_RACE_BENCH_KEEP"] ?? NSTemporaryDirectory()
        let runs = Self.runs()
        let view = try ViewWindow.drawable(x: -2...2, y: -1...3)
        var scene: RaceScene!
        let setup = try Self.cpuSeconds {
            let grid = try ScalarGrid(sampling: view) { Self.rosenbrock($0, $1) }
            scene = try RaceScene(view: view, grid: grid, levels: .logSpaced(from: 0, to: 3.5, count: 10),
                                  paths: zip(Self.names, runs).map { ($0, $1.points) }, minima: [Point(1, 1)])
        }
        let still = directory + "/race.png", gif = directory + "/race.gif", loss = directory + "/loss.png"
        let png = try Self.cpuSeconds {
            try scene.stillFigure(width: 800, height: 800, title: ["Rosenbrock Function: race", "500 iterations"])
                .write(to: still, as: .png)
        }
        var frameCount = 0
        let animation = try Self.cpuSeconds {
            let frames = try scene.frames(width: 800, height: 800, style: TailStyle()) { i in
                ["Rosenbrock Function: race", "Iteration: \(i)/500"]
            }
            frameCount = frames.frameCount
            try frames.writeGIF(to: gif)
        }
        let curve = try Self.cpuSeconds {
            try LossCurve(series: zip(Self.names, runs).map { ($0, $1.losses) })
                .figure(width: 800, height: 600, title: ["Rosenbrock Function: loss"]).write(to: loss, as: .png)
        }
        let size = { (path: String) in (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1 }
        print(String(format: "race: landscape %.3f s CPU; still PNG %.3f s (%d bytes); GIF %d frames %.3f s CPU (%d bytes); loss PNG %.3f s (%d bytes)",
                     setup, png, size(still), frameCount, animation, size(gif), curve, size(loss)))
        #expect(frameCount == 501)
    }
}
