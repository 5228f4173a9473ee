import DescentBase
import Foundation
import Testing
@testable import DescentRender

/// DescentRender's still figure against the same figure drawn by matplotlib
/// (Fixtures/reference-rosenbrock-320.png, made by Fixtures/make_reference.py). The two
/// rasterisers and font engines differ pixel by pixel, so the images are compared as 8×8
/// block averages: layout, colours, line weights and text placement must agree.
@Suite struct MatplotlibReferenceTests {
    static let path: [Point] = [
        (-1.8, 2.6), (-1.5, 2.1), (-1.2, 1.7), (-1.0, 1.1), (-0.7, 0.6), (-0.4, 0.2),
        (-0.1, 0.0), (0.2, 0.05), (0.45, 0.2), (0.6, 0.35), (0.75, 0.55), (0.85, 0.7),
    ].map { Point($0.0, $0.1) }

    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/reference-rosenbrock-320.png").path

    static func figure(colorMap: ColorMap = .jet, path: [Point] = path, size: Int = 320) throws -> Figure {
        let view = try ViewWindow.drawable(x: -2...2, y: -1...3)
        let grid = try ScalarGrid(sampling: view) { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }
        let scene = try LandscapeScene(view: view, grid: grid, levels: .logSpaced(from: -0.5, to: 3.5, count: 20),
                                       colorMap: colorMap, path: path, minima: [Point(1, 1)])
        return try scene.stillFigure(width: size, height: size, title: ["Rosenbrock Function: Test", "11 iterations, lr=0.1"])
    }

    /// Per-channel averages of `block`×`block` tiles, straight RGB in 0…255.
    static func blocks(_ surface: CairoSurface, _ block: Int = 8) -> [Double] {
        let probe = PixelProbe(surface: surface)
        var out: [Double] = []
        for by in stride(from: 0, to: surface.height, by: block) {
            for bx in stride(from: 0, to: surface.width, by: block) {
                var sum = (0, 0, 0)
                for y in by..<(by + block) {
                    for x in bx..<(bx + block) {
                        let p = probe.rgba(x, y)
                        sum = (sum.0 + p.r, sum.1 + p.g, sum.2 + p.b)
                    }
                }
                let n = Double(block * block)
                out += [Double(sum.0) / n, Double(sum.1) / n, Double(sum.2) / n]
            }
        }
        return out
    }

    /// (mean absolute difference, share of block channels differing by more than 40).
    static func difference(_ figure: Figure) throws -> (mean: Double, outliers: Double) {
        let reference = try CairoSurface.png(path: fixture)
        let ours = try figure.rasterize()
        #expect(reference.width == ours.width && reference.height == ours.height)
        let a = blocks(ours), b = blocks(reference)
        let diffs = zip(a, b).map { abs($0 - $1) }
        return (diffs.reduce(0, +) / Double(diffs.count), Double(diffs.filter { $0 > 40 }.count) / Double(diffs.count))
    }

    // Measured: ours vs matplotlib 0.80 mean, no outliers; viridis instead of jet 4.5; the
    // path moved by 0.3 (about 24 px) 1.6 mean and 0.23 % outliers.
    @Test func stillFigureLooksLikeMatplotlibs() throws {
        let (mean, outliers) = try Self.difference(Self.figure())
        #expect(mean < 1.2, "mean block difference \(mean)")
        #expect(outliers < 0.001, "share of blocks off by > 40: \(outliers)")
    }

    @Test func theComparisonNoticesAWrongColourMapOrPath() throws {
        let wrongMap = try Self.difference(Self.figure(colorMap: .viridis))
        let shifted = try Self.difference(Self.figure(path: Self.path.map { Point($0.x + 0.3, $0.y) }))
        #expect(wrongMap.mean >= 1.2 || wrongMap.outliers >= 0.001)
        #expect(shifted.mean >= 1.2 || shifted.outliers >= 0.001)
    }
}
