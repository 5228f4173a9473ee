import DescentBase
import Foundation
import Testing
@testable import DescentRender

@Suite struct PNGFileTests {
    @Test func opaqueImagesRoundTripExactly() throws {
        let figure = try FigureRenderingTests.scene().stillFigure(width: 120, height: 120, title: ["T"])
        let surface = try figure.rasterize()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("descent-png-\(getpid()).png").path
        defer { unlink(path) }
        try PNGFile.write(surface, to: path)
        let back = try CairoSurface.png(path: path)
        #expect(back.width == 120 && back.height == 120)
        for y in 0..<120 {
            for x in 0..<120 where back.pixel(x: x, y: y) != surface.pixel(x: x, y: y) {
                Issue.record("pixel (\(x), \(y)) differs")
                return
            }
        }
    }

    @Test func transparentPixelsAreCompositedOnWhite() throws {
        let surface = try CairoSurface.image(width: 2, height: 1)
        let canvas = try Canvas(surface: surface)
        canvas.paintOpaque(Rect<Double>(x: 0, y: 0, width: 1, height: 1), Color(red: 1, green: 0, blue: 0, alpha: 0.5))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("descent-png-a-\(getpid()).png").path
        defer { unlink(path) }
        try PNGFile.write(surface, to: path)
        let back = PixelProbe(surface: try CairoSurface.png(path: path))
        let half = back.rgba(0, 0), clear = back.rgba(1, 0)
        #expect(half.r == 255 && abs(half.g - 128) <= 1 && abs(half.b - 128) <= 1 && half.a == 255)
        #expect(clear.r == 255 && clear.g == 255 && clear.b == 255)
    }

    @Test func unwritablePathsThrow() throws {
        let surface = try CairoSurface.image(width: 4, height: 4)
        #expect(throws: RenderError.self) { try PNGFile.write(surface, to: "/nonexistent-dir/x.png") }
    }
}
