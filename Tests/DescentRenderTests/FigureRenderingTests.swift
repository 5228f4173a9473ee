import DescentBase
import Foundation
import Testing
@testable import DescentRender

/// Rendered figures checked by geometry: where the axes, contours, paths and markers must
/// (and must not) put colour.
@Suite struct FigureRenderingTests {
    static let view = try! ViewWindow(x: -2...2, y: -2...2)

    /// x² + y² with levels 1 and 2.25 (circles of radius 1 and 1.5), and a path that runs
    /// out of the view to the right, comes back, and then diverges.
    static func scene() throws -> LandscapeScene {
        let grid = try ScalarGrid(sampling: view, columns: 101, rows: 101) { $0 * $0 + $1 * $1 }
        let path = [Point(-1.5, -0.2), Point(-0.5, -0.2), Point(1e300, -0.2), Point(0.5, 0.5),
                    Point(0.6, 0.6), Point(.nan, .infinity)]
        return try LandscapeScene(view: view, grid: grid, levels: .explicit([1, 2.25]), colorMap: .jet,
                                  path: path, minima: [Point(0, 0)])
    }

    static func render(size: Int = 400) throws -> (PixelProbe, FigureLayout) {
        let figure = try scene().stillFigure(width: size, height: size, title: ["Paraboloid: Test", "5 iterations"])
        let surface = try figure.rasterize()
        let canvas = try Canvas(surface: surface)
        return (PixelProbe(surface: surface), FigureLayout(figure, measuringWith: canvas))
    }

    @Test func axesBoxFollowsMatplotlibSubplotParameters() throws {
        let (_, layout) = try Self.render(size: 800)
        #expect(layout.axes.box == Rect<Double>(x: 100, y: 96, width: 620, height: 616))
        #expect(layout.xTicks.map(\.label) == ["−2.0", "−1.5", "−1.0", "−0.5", "0.0", "0.5", "1.0", "1.5", "2.0"])
        let zero = try #require(layout.xTicks.first { $0.value == 0 })
        #expect(abs(zero.pixel - 410) < 1e-9)
    }

    @Test func axesMapDataToPixelsWithYUp() throws {
        let axes = Axes(view: Self.view, box: Rect<Double>(x: 100, y: 50, width: 400, height: 200))
        #expect(axes.pixel(Point(-2, -2)) == Point(100, 250))
        #expect(axes.pixel(Point(2, 2)) == Point(500, 50))
        #expect(axes.pixel(Point(0, 1)) == Point(300, 100))
        let p = Point(0.3, -1.7)
        let back = axes.data(axes.pixel(p))
        #expect(abs(back.x - p.x) < 1e-12 && abs(back.y - p.y) < 1e-12)
    }

    @Test func contourCirclesAreDrawnInTheirLevelColours() throws {
        let (probe, layout) = try Self.render(size: 800)
        let axes = layout.axes
        // The radius-1.5 circle (level 2.25, the top of the range: jet(1), dark red) and the
        // radius-1 circle (jet(0), dark blue), probed at (−0.6r, −0.8r), off the grid lines.
        for (radius, color) in [(1.5, ColorMap.jet(1)), (1.0, ColorMap.jet(0))] {
            let p = axes.pixel(Point(-0.6 * radius, -0.8 * radius))
            let hit = (-1...1).contains { dy in
                (-1...1).contains { dx in probe.matches(Int(p.x) + dx, Int(p.y) + dy, color, tolerance: 12) }
            }
            #expect(hit, "circle of radius \(radius) at \(p): \((-2...2).map { probe.rgba(Int(p.x), Int(p.y) + $0) })")
        }
        // Between the circles and away from the path: white background.
        let between = axes.pixel(Point(-0.9, -0.9))
        #expect(probe.matches(Int(between.x), Int(between.y), .white, tolerance: 2))
    }

    @Test func pathIsRedInsideTheAxesAndNothingIsDrawnOutside() throws {
        let (probe, layout) = try Self.render()
        let axes = layout.axes
        let onPath = axes.pixel(Point(-1.0, -0.2))
        #expect(probe.isReddish(Int(onPath.x), Int(onPath.y)))
        // The path leaves the view to the right: the margin right of the axes stays white.
        let right = Rect<Int>(x: Int(axes.box.maxX) + 2, y: Int(axes.box.minY), width: 400 - Int(axes.box.maxX) - 2,
                              height: Int(axes.box.height))
        #expect(probe.all(in: right) { probe.matches($0, $1, .white, tolerance: 0) })
        // Start (deep green circle) and end (deep red diamond, the last finite point).
        let start = axes.pixel(Point(-1.5, -0.2)), end = axes.pixel(Point(0.6, 0.6))
        #expect(probe.matches(Int(start.x), Int(start.y), .deepGreen, tolerance: 10))
        #expect(probe.matches(Int(end.x), Int(end.y), .deepRed, tolerance: 10))
        // The global minimum: a deep green diamond at the origin.
        let origin = axes.pixel(Point(0, 0))
        #expect(probe.matches(Int(origin.x), Int(origin.y), .deepGreen, tolerance: 10))
    }

    @Test func frameLegendAndTitleAreDrawn() throws {
        let (probe, layout) = try Self.render()
        let box = layout.axes.box
        // The frame: seaborn's light grey at the axes' left edge, mid-height.
        #expect(probe.matches(Int(box.minX), Int(box.center.y), .grid, tolerance: 30))
        // The legend's handles: a red line sample and a green marker inside its box.
        let legend = try #require(layout.legendBox)
        let rect = try #require(legend.pixelRect(within: 400, 400))
        #expect(probe.any(in: rect) { probe.isReddish($0, $1) })
        #expect(probe.any(in: rect) { probe.matches($0, $1, .deepGreen, tolerance: 10) })
        // Title text: dark pixels above the axes.
        let title = Rect<Int>(x: Int(box.minX), y: 0, width: Int(box.width), height: Int(box.minY) - 1)
        #expect(probe.any(in: title) { probe.rgba($0, $1).r < 100 })
    }

    @Test func filledContoursGetAColourBar() throws {
        let grid = try ScalarGrid(sampling: Self.view, columns: 81, rows: 81) { $0 * $0 + $1 * $1 }
        let scene = try LandscapeScene(view: Self.view, grid: grid, levels: .automatic(count: 5), colorMap: .viridis,
                                       filled: true, path: [], minima: [])
        let figure = try scene.stillFigure(width: 300, height: 300, title: [])
        let surface = try figure.rasterize()
        let layout = FigureLayout(figure, measuringWith: try Canvas(surface: surface))
        let probe = PixelProbe(surface: surface)
        let bar = try #require(layout.colorBarBox)
        #expect(bar.minX > layout.axes.box.maxX)
        // Bottom of the bar: the first band's colour; the centre of the axes (z ≈ 0) likewise.
        let filled = try #require(figure.filledContours)
        let low = filled.bands[0].color
        #expect(probe.matches(Int(bar.center.x), Int(bar.maxY) - 3, low, tolerance: 3))
        let c = layout.axes.pixel(Point(0.05, 0.05))
        #expect(probe.matches(Int(c.x), Int(c.y), low, tolerance: 3))
        #expect(!layout.colorBarTicks.isEmpty)
    }

    @Test func vectorFiguresAreWrittenAtomicallyWithoutNonFiniteNumbers() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("descent-render-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let figure = try Self.scene().stillFigure(width: 300, height: 300, title: ["T"])
        for format in FigureFormat.allCases {
            let path = dir.appendingPathComponent("f.\(format.rawValue)").path
            try figure.write(to: path, as: format)
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let head = String(decoding: data.prefix(8), as: UTF8.self)
            switch format {
            case .png: #expect(data.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
            case .svg:
                #expect(head.hasPrefix("<?xml"))
                let text = String(decoding: data, as: UTF8.self)
                #expect(!text.contains("nan") && !text.contains("inf"))
            case .pdf: #expect(head.hasPrefix("%PDF"))
            }
        }
        // Only the three figures: no temporary files left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["f.pdf", "f.png", "f.svg"])
        let missing = try #require(throws: FileError.self) { try figure.write(to: dir.path + "/missing/f.png", as: .png) }
        #expect(missing.path == dir.path + "/missing/f.png" && missing.reason == "No such file or directory")
    }

    /// A vector figure is at its true size: pixels × 72 / dpi points, the page of matplotlib's
    /// `savefig` of an 8-inch figure (576 pt for 800 px at 100 dpi; 800 × 600 px at 75 dpi, the
    /// shorter side's, is 768 × 576 pt).
    @Test(arguments: [(800, 800, "576", "576"), (800, 600, "768", "576")])
    func vectorFiguresAreAtTheirTrueSize(width: Int, height: Int, w: String, h: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("descent-size-\(getpid())-\(width)x\(height)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let figure = try Self.scene().stillFigure(width: width, height: height, title: ["T"])
        try figure.write(to: dir.appendingPathComponent("f.pdf").path, as: .pdf)
        try figure.write(to: dir.appendingPathComponent("f.svg").path, as: .svg)
        let pdf = String(decoding: try Data(contentsOf: dir.appendingPathComponent("f.pdf")), as: UTF8.self)
        #expect(pdf.contains("/MediaBox [ 0 0 \(w) \(h) ]"), "\(pdf.components(separatedBy: "/MediaBox").dropFirst().first?.prefix(30) ?? "no MediaBox")")
        let svg = String(decoding: try Data(contentsOf: dir.appendingPathComponent("f.svg")), as: UTF8.self)
        #expect(svg.contains("width=\"\(w)pt\" height=\"\(h)pt\""), "\(svg.prefix(300))")
    }

    @Test func badFigureSizesThrow() {
        #expect(throws: RenderError.self) { try Figure(width: 10, height: 400, view: Self.view) }
        #expect(throws: RenderError.self) { try Figure(width: 400, height: 100_000, view: Self.view) }
    }
}
