import DescentBase
import Foundation
import Testing
@testable import DescentRender

/// The incremental animation frames: each equals the frame drawn from scratch, and only the
/// reported rectangle differs from the previous frame.
@Suite struct TailFramesTests {
    static func frames(stride: Int = 1) throws -> TailFrames {
        let view = try ViewWindow.drawable(x: -2...2, y: -2...2)
        let grid = try ScalarGrid(sampling: view, columns: 60, rows: 60) { $0 * $0 + $1 * $1 }
        // A spiral into the origin, with one excursion far out of the view.
        var path = (0..<40).map { k -> Point in
            let t = Double(k) * 0.35, r = 1.8 * (1 - Double(k) / 45)
            return Point(r * cos(t), r * sin(t))
        }
        path[12] = Point(40, -30)
        let scene = try LandscapeScene(view: view, grid: grid, levels: .automatic(count: 6), path: path, minima: [Point(0, 0)])
        return try TailFrames(figure: scene.animationFigure(width: 160, height: 160), path: path,
                              style: TailStyle(tail: 5, fade: 6, stride: stride)) { i in ["Paraboloid: Test", "Iteration: \(i)/39"] }
    }

    /// Copies the frame's pixels (the view is only valid during the callback).
    static func copy(_ v: RasterView) -> [UInt32] {
        var out = [UInt32](repeating: 0, count: v.width * v.height)
        for y in 0..<v.height {
            for x in 0..<v.width {
                out[y * v.width + x] = UnsafeRawPointer(v.base + y * v.stride + 4 * x).loadUnaligned(as: UInt32.self)
            }
        }
        return out
    }

    @Test func incrementalFramesEqualFramesDrawnFromScratch() throws {
        let frames = try Self.frames()
        var previous: [UInt32]? = nil
        var indices: [Int] = []
        try frames.forEach { view, changed, i in
            indices.append(i)
            let pixels = Self.copy(view)
            // Outside the changed rectangle, the frame equals the previous one.
            if let previous, let c = changed {
                for y in 0..<view.height {
                    for x in 0..<view.width where !(x >= c.x && x < c.x + c.width && y >= c.y && y < c.y + c.height) {
                        if pixels[y * view.width + x] != previous[y * view.width + x] {
                            Issue.record("frame \(i): pixel (\(x), \(y)) changed outside \(c)")
                            return
                        }
                    }
                }
            } else {
                #expect(previous == nil && changed == nil, "only the first frame is whole")
            }
            // And it is the frame drawn from scratch.
            let scratch = try frames.renderFrame(i)
            let probe = PixelProbe(surface: scratch)
            var worst = 0
            for y in 0..<view.height {
                for x in 0..<view.width {
                    let a = pixels[y * view.width + x], b = probe.surface.pixel(x: x, y: y)
                    for shift in stride(from: 0, to: 32, by: 8) {
                        worst = max(worst, abs(Int((a >> UInt32(shift)) & 0xFF) - Int((b >> UInt32(shift)) & 0xFF)))
                    }
                }
            }
            #expect(worst <= 2, "frame \(i) differs from scratch by \(worst)")
            previous = pixels
        }
        #expect(indices == Array(0..<40))
    }

    @Test func theTailFadesAndTheCurrentPositionIsARedDiamond() throws {
        let frames = try Self.frames()
        let axes = frames.renderer.layout.axes
        let surface = try frames.renderFrame(30)
        let probe = PixelProbe(surface: surface)
        let head = axes.pixel(frames.path[30])
        #expect(probe.isReddish(Int(head.x.rounded(.down)), Int(head.y.rounded(.down))))
        // Far behind the fade (segment 10 in frame 30): no red near its midpoint.
        let a = axes.pixel(frames.path[9]), b = axes.pixel(frames.path[10])
        let mid = Rect<Int>(x: Int((a.x + b.x) / 2) - 1, y: Int((a.y + b.y) / 2) - 1, width: 3, height: 3)
        #expect(!probe.any(in: mid) { probe.isReddish($0, $1) })
    }

    @Test func writingAGIFReportsProgressPerFrame() throws {
        let frames = try Self.frames(stride: 3)
        let file = NSTemporaryDirectory() + "descent-progress-\(UUID().uuidString).gif"
        defer { try? FileManager.default.removeItem(atPath: file) }
        var reports: [(Int, Int)] = []
        try frames.writeGIF(to: file) { reports.append(($0, $1)) }
        // 40 points, stride 3: points 0, 3, …, 39 — 14 frames.
        #expect(reports.map(\.0) == Array(1...14))
        #expect(reports.allSatisfy { $0.1 == 14 })
        #expect(try DecodedGIF(path: file).frames.count == 14)
    }

    @Test func strideSkipsFramesButKeepsTheLast() throws {
        var indices: [Int] = []
        try Self.frames(stride: 7).forEach { _, _, i in indices.append(i) }
        #expect(indices == [0, 7, 14, 21, 28, 35, 39])
        #expect(throws: RenderError.self) { try Self.frames().renderFrame(40) }
    }
}
