import DescentBase
import Foundation
import Testing
@testable import DescentRender

/// The race: several paths on one landscape, in tab10 colours, as a still figure and as
/// incremental animation frames.
@Suite struct RaceSceneTests {
    static let view = try! ViewWindow(x: -2...2, y: -2...2)

    /// Paths from a shared start (−1.8, 0) fanning out along straight lines to
    /// (1.5, −1.6 + 0.15 n) (below the legend), `count` points each, except path 2 which stops (diverges) at a
    /// third of the way, its last point non-finite.
    static func paths(_ n: Int = 10, count: Int = 21) -> [(label: String, points: [Point])] {
        (0..<n).map { k in
            let end = Point(1.5, -1.6 + 0.15 * Double(k))
            var points = (0..<count).map { j -> Point in
                let t = Double(j) / Double(count - 1)
                return Point(-1.8 + t * (end.x + 1.8), t * end.y)
            }
            if k == 2 {
                points = Array(points.prefix(count / 3)) + [Point(.nan, .infinity)]
            }
            return ("Opt\(k)", points)
        }
    }

    static func scene(_ n: Int = 10, count: Int = 21) throws -> RaceScene {
        let grid = try ScalarGrid(sampling: view, columns: 60, rows: 60) { $0 * $0 + $1 * $1 }
        return try RaceScene(view: view, grid: grid, levels: .explicit([1, 2.25]), paths: paths(n, count: count),
                             minima: [Point(0, 0)])
    }

    @Test func colorsFollowMatplotlibsTab10CycleAndRepeat() throws {
        let hex: [UInt32] = [0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf]
        let scene = try Self.scene(12)
        for (n, entry) in scene.entries.enumerated() {
            let v = entry.color.rgb8
            let h = hex[n % 10]
            let actual: [UInt32] = [UInt32(v.r), UInt32(v.g), UInt32(v.b)]
            let expected: [UInt32] = [h >> 16, (h >> 8) & 0xFF, h & 0xFF]
            #expect(actual == expected, "path \(n)")
        }
        #expect(scene.starts == [Point(-1.8, 0)])
    }

    /// Beyond ten paths the colours repeat, so the still figure (paths and legend rows) dashes
    /// the 11th to 20th as matplotlib's "--", scaled by the line width; the first ten stay solid.
    @Test func pathsBeyondTheTenColoursAreDashed() throws {
        let scene = try Self.scene(12)
        let figure = try scene.stillFigure(width: 800, height: 800, title: ["Race"])
        let s = figure.style
        #expect(figure.paths.count == 12 && figure.legend.count >= 12)
        for n in 0..<12 {
            let expected = n < 10 ? [] : [3.7, 1.6].map { s.px($0 * s.lineWidth) }
            #expect(figure.paths[n].line.dashes == expected, "path \(n)")
            #expect(figure.legend[n].line?.dashes == expected, "legend row \(n)")
            #expect(figure.paths[n].line.color == scene.entries[n].color)
        }
        // The 1st and the 11th share a colour and differ in their dashes.
        #expect(scene.entries[0].color == scene.entries[10].color && figure.paths[0].line != figure.paths[10].line)
    }

    @Test func stillFigureDrawsEachPathInItsColourAndALegendRowForIt() throws {
        let scene = try Self.scene()
        let figure = try scene.stillFigure(width: 800, height: 800, title: ["Race"])
        let surface = try figure.rasterize()
        let probe = PixelProbe(surface: surface)
        let layout = FigureLayout(figure, measuringWith: try Canvas(surface: surface))
        let axes = layout.axes
        for (n, entry) in scene.entries.enumerated() {
            // Points 55 %…95 % of the way along (where the fan has spread), away from the legend.
            let finite = entry.points.filter(\.isFinite)
            let samples = stride(from: 0.55, through: 0.95, by: 0.1).map { f -> Point in
                let a = finite[0], b = finite[finite.count - 1]
                return Point(a.x + f * (b.x - a.x), a.y + f * (b.y - a.y))
            }
            for p in samples {
                let q = axes.pixel(p)
                if let legend = layout.legendBox, legend.insetBy(-4).contains(Rect<Double>(x: q.x, y: q.y, width: 0, height: 0)) { continue }
                #expect(probe.matchesNear(q, entry.color), "path \(n) at \(p) \((-2...2).map { probe.rgba(Int(q.x), Int(q.y) + $0) })")
            }
            // Its end: a diamond in its colour at the last finite point.
            let end = axes.pixel(finite[finite.count - 1])
            #expect(probe.matches(Int(end.x), Int(end.y), entry.color, tolerance: 10), "end of path \(n)")
        }
        // Legend: one row per path in order, then start and minimum; each handle in its colour.
        #expect(layout.legendRows.map(\.entry.label) == scene.entries.map(\.label) + ["Start", "Global Minimum"])
        for (row, entry) in zip(layout.legendRows, scene.entries) {
            let c = row.handleCenter
            #expect(probe.matchesNear(c, entry.color), "legend row \(entry.label) \((-2...2).map { probe.rgba(Int(c.x), Int(c.y) + $0) })")
        }
        let startRow = layout.legendRows[scene.entries.count].handleCenter
        #expect(probe.matches(Int(startRow.x), Int(startRow.y), .black, tolerance: 10))
        let minimumRow = layout.legendRows[scene.entries.count + 1].handleCenter
        #expect(probe.matches(Int(minimumRow.x), Int(minimumRow.y), .white, tolerance: 10))
        // The shared start (black circle) and the minimum: a white star edged in black, a
        // colour no path has.
        let start = axes.pixel(Point(-1.8, 0)), origin = axes.pixel(Point(0, 0))
        #expect(probe.matches(Int(start.x), Int(start.y), .black, tolerance: 10))
        #expect(probe.matches(Int(origin.x), Int(origin.y), .white, tolerance: 10))
        #expect((1...12).contains { dy in probe.matches(Int(origin.x), Int(origin.y) - dy, .black, tolerance: 40) }, "the star's edge")
    }

    /// Readable on jet contours: each path over a white halo, each end labelled with its
    /// optimizer's name in its colour, the labels apart from each other and the legend.
    @Test func pathsHaveHalosAndLabelledEnds() throws {
        let scene = try Self.scene()
        let figure = try scene.stillFigure(width: 800, height: 800, title: ["Race"])
        for path in figure.paths {
            let halo = try #require(path.line.halo)
            #expect(halo.color == .white && halo.width > path.line.width + 2)
        }
        #expect(figure.pointLabels.map(\.text) == scene.entries.map(\.label))
        let surface = try figure.rasterize()
        let probe = PixelProbe(surface: surface)
        let layout = FigureLayout(figure, measuringWith: try Canvas(surface: surface))
        let canvas = try Canvas(surface: surface)
        let boxes = layout.pointLabels.map { Canvas.textBox(canvas.measure($0.label.text, figure.style.tickFont), at: $0.origin, anchor: TextAnchor(.left, .center)) }
        #expect(boxes.count == scene.entries.count)
        for (i, a) in boxes.enumerated() {
            #expect(layout.axes.box.contains(a))
            if let legend = layout.legendBox { #expect(!legend.intersects(a), "label \(i) under the legend") }
            for b in boxes[(i + 1)...] { #expect(!a.intersects(b), "labels overlap: \(a) \(b)") }
            // Some of the label's pixels are in its path's colour.
            let color = layout.pointLabels[i].label.color
            let rect = try #require(a.pixelRect(within: 800, 800))
            #expect(probe.any(in: rect) { probe.matches($0, $1, color, tolerance: 40) }, "label \(i)")
        }
        // The halo: on filled contours (no white anywhere), white pixels either side of a
        // path. Path 0 runs from (−1.8, 0) to (1.5, −1.6).
        let grid = try ScalarGrid(sampling: Self.view, columns: 60, rows: 60) { $0 * $0 + $1 * $1 }
        let filled = try RaceScene(view: Self.view, grid: grid, levels: .explicit([0, 1, 2.25, 8]), filled: true,
                                   paths: Self.paths(), minima: [Point(0, 0)])
        let filledFigure = try filled.stillFigure(width: 800, height: 800, title: ["Race"])
        let filledSurface = try filledFigure.rasterize()
        let filledProbe = PixelProbe(surface: filledSurface)
        let axes = FigureLayout(filledFigure, measuringWith: try Canvas(surface: filledSurface)).axes
        let entry = filled.entries[0]
        let a = entry.points[0], b = entry.points[entry.points.count - 1]
        let p = axes.pixel(Point(a.x + 0.45 * (b.x - a.x), a.y + 0.45 * (b.y - a.y)))
        let white = { (q: (r: Int, g: Int, b: Int, a: Int)) in q.r > 235 && q.g > 235 && q.b > 235 }
        #expect((-6...(-1)).contains { white(filledProbe.rgba(Int(p.x), Int(p.y) + $0)) }, "halo above")
        #expect((1...6).contains { white(filledProbe.rgba(Int(p.x), Int(p.y) + $0)) }, "halo below")
    }

    @Test func incrementalFramesEqualFramesDrawnFromScratch() throws {
        let frames = try Self.scene(count: 30).frames(width: 200, height: 200, style: TailStyle(tail: 4, fade: 5)) { i in
            ["Race", "Iteration: \(i)/29"]
        }
        #expect(frames.frameCount == 30)
        var previous: [UInt32]? = nil
        var indices: [Int] = []
        try frames.forEach { view, changed, i in
            indices.append(i)
            let pixels = TailFramesTests.copy(view)
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
            let scratch = try frames.renderFrame(i)
            var worst = 0
            for y in 0..<view.height {
                for x in 0..<view.width {
                    let a = pixels[y * view.width + x], b = scratch.pixel(x: x, y: y)
                    for shift in stride(from: 0, to: 32, by: 8) {
                        worst = max(worst, abs(Int((a >> UInt32(shift)) & 0xFF) - Int((b >> UInt32(shift)) & 0xFF)))
                    }
                }
            }
            #expect(worst <= 2, "frame \(i) differs from scratch by \(worst)")
            previous = pixels
        }
        #expect(indices == Array(0..<30))
    }

    @Test func aShorterPathStaysAtItsEnd() throws {
        let scene = try Self.scene(count: 30)
        let frames = try scene.frames(width: 300, height: 300, style: TailStyle(tail: 4, fade: 5)) { _ in [] }
        let axes = frames.renderer.layout.axes
        let short = scene.entries[2]  // 10 finite points, then a non-finite one: it ends at point 9
        let last = axes.pixel(short.points[9])
        var seen: [Int: Bool] = [:]
        try frames.forEach { view, _, i in
            guard [12, 20, 29].contains(i) else { return }
            let word = UnsafeRawPointer(view.base + Int(last.y) * view.stride + 4 * Int(last.x)).loadUnaligned(as: UInt32.self)
            let c = short.color.rgb8
            let r = Int((word >> 16) & 0xFF), g = Int((word >> 8) & 0xFF), b = Int(word & 0xFF)
            seen[i] = abs(r - Int(c.r)) <= 10 && abs(g - Int(c.g)) <= 10 && abs(b - Int(c.b)) <= 10
        }
        #expect(seen == [12: true, 20: true, 29: true], "the diverged path's diamond stays at its last point")
        // Its frozen tail does not count as a change: late frames change only near the others' heads.
        var late: Rect<Int>? = nil
        try frames.forEach { _, changed, i in if i == 29 { late = changed } }
        let changed = try #require(late)
        #expect(!Rect<Double>(changed).contains(Rect<Double>(x: last.x - 1, y: last.y - 1, width: 2, height: 2)))
    }

    @Test func aRaceWithoutFinitePointsThrows() throws {
        let grid = try ScalarGrid(sampling: Self.view, columns: 10, rows: 10) { $0 + $1 }
        for paths in [[], [(label: "A", points: [Point(.nan, 0)])]] {
            let scene = try RaceScene(view: Self.view, grid: grid, levels: .automatic(count: 3), paths: paths, minima: [])
            #expect(throws: RenderError.self) { try scene.frames(width: 100, height: 100, style: TailStyle()) { _ in [] } }
            _ = try scene.stillFigure(width: 100, height: 100, title: [])  // the still figure is just empty
        }
    }

    @Test func gifPaletteHoldsEveryPathColourExactly() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let scene = try Self.scene(count: 12)
        let frames = try scene.frames(width: 320, height: 320, style: TailStyle(tail: 3, fade: 3)) { i in ["\(i)"] }
        let path = dir.file("race.gif")
        try frames.writeGIF(to: path)
        let gif = try DecodedGIF(path: path)
        #expect(gif.frames.count == 12)
        let composed = try gif.composedFrames()
        let axes = frames.renderer.layout.axes
        for entry in scene.entries {
            let v = entry.color.rgb8
            let exact = RGB(v.r, v.g, v.b)
            #expect(gif.colors.contains(exact), "\(entry.label)")
            // The decoded last frame shows the head (current position) in the exact colour.
            let head = axes.pixel(entry.points.last(where: \.isFinite)!)
            let hit = (-1...1).contains { dy in
                (-1...1).contains { dx in composed[11][(Int(head.y) + dy) * 320 + Int(head.x) + dx] == exact }
            }
            #expect(hit, "head of \(entry.label)")
        }
    }
}
