import DescentBase
import CCairo
import DescentRender
import Foundation
import Testing

/// The full-size use, measured rather than asserted (timings belong in BENCHMARKS.md, not in a
/// pass/fail test): an 800×800 contour-like background drawn with Cairo, then 501 frames of a
/// path with a faint prefix, a fading 40-segment tail and a head marker, handed to `GIFWriter`.
/// Cairo redraws only what changes: the segment leaving the tail is added to a "base" surface
/// (background + prefix), and each frame restores the previous frame's rectangle from the base
/// and draws the tail and marker, so the changed rectangle is exact by construction.
///
/// It runs twice, with the changed rectangle and without (every pixel compared), prints wall
/// and CPU time for Cairo, palette fitting and the writer, the file size and the per-frame
/// areas, and checks that both GIFs are complete and compose to the same frames (so a promise
/// the drawing broke would show).
///
/// Run (release, one core):
/// `DESCENT_GIF_BENCH=1 taskset -c 0 swift test -c release --filter GIFWriterBenchmark`
/// Set `DESCENT_GIF_BENCH_KEEP=dir` to keep the GIFs there.
@Suite("GIFWriter benchmark", .enabled(if: ProcessInfo.processInfo.environment["DESCENT_GIF_BENCH"] != nil))
struct GIFWriterBenchmark {
    static let size = 800
    static let frames = 501
    static let tail = 40
    static let pathColor = RGB(214, 39, 40)
    static let markerColor = RGB(31, 119, 180)

    @Test("501 frames of 800×800 with a fading tail")
    func fullAnimation() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let keep = ProcessInfo.processInfo.environment["DESCENT_GIF_BENCH_KEEP"]
        var checksums: [[String]] = []
        for passChanged in [true, false] {
            let path = (keep ?? directory.path) + "/bench-\(passChanged ? "changed" : "full").gif"
            let report = try Self.run(path: path, passChangedRect: passChanged)
            let gif = try DecodedGIF(path: path)
            #expect(gif.frames.count == Self.frames)
            let encoded = gif.frames.dropFirst().reduce(0) { $0 + $1.rect.width * $1.rect.height }
            print(report + "  per later frame  \(encoded / (Self.frames - 1)) pixels encoded on average\n")
            checksums.append(try gif.checksumLines())
        }
        #expect(checksums[0] == checksums[1], "the changed rectangles missed a change")
    }

    /// Renders and writes the animation to `path`; returns the printed figures.
    static func run(path: String, passChangedRect: Bool) throws -> String {
        var cairo = Stopwatch(), fitting = Stopwatch(), writing = Stopwatch()
        let background = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(size), Int32(size))!
        let base = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(size), Int32(size))!
        let frame = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(size), Int32(size))!
        defer { [background, base, frame].forEach { cairo_surface_destroy($0) } }
        let baseContext = cairo_create(base)!, frameContext = cairo_create(frame)!
        defer { cairo_destroy(baseContext); cairo_destroy(frameContext) }
        let points = trajectory()

        cairo.time {
            drawBackground(background)
            copy(background, onto: baseContext, rect: nil)
        }
        var palette: GIFPalette!
        fitting.time {
            let view = RasterView(base: cairo_image_surface_get_data(background)!, width: size, height: size,
                                  stride: Int(cairo_image_surface_get_stride(background)))
            palette = GIFPalette.fitted(background: view, overlayColors: [pathColor, markerColor, RGB(0, 0, 0)])
        }
        let writer = try writing.time {
            try GIFWriter(path: path, width: size, height: size, palette: palette, delayCentiseconds: 2)
        }
        let view = RasterView(base: cairo_image_surface_get_data(frame)!, width: size, height: size,
                              stride: Int(cairo_image_surface_get_stride(frame)))
        var previous: Rect<Int>?
        var compared = 0
        for step in 0..<frames {
            let rect = cairo.time {
                if step > tail {  // the segment leaving the tail joins the faint prefix
                    stroke(baseContext, points[step - tail - 1], points[step - tail], alpha: 0.3)
                }
                copy(base, onto: frameContext, rect: previous)
                return drawTail(frameContext, points: points, step: step)
            }
            let changed = previous.map { rect.union($0) }
            previous = rect
            compared += passChangedRect ? (changed ?? view.bounds).intersection(view.bounds).width
                * (changed ?? view.bounds).intersection(view.bounds).height : size * size
            try writing.time { try writer.addFrame(view, changed: passChangedRect ? changed : nil) }
        }
        try writing.time { try writer.finish() }
        let bytes = try TemporaryDirectory.size(of: path)
        return """
            GIFWriter benchmark, \(passChangedRect ? "changed rectangle given" : "no changed rectangle"): \
            \(frames) frames of \(size)×\(size), palette of \(palette.colors.count) colours
              cairo drawing    \(cairo)
              palette fitting  \(fitting)
              GIFWriter        \(writing)
              file size        \(bytes) bytes
              per later frame  \(compared / frames) pixels compared on average

            """
    }

    /// A converging spiral in pixels, like an optimizer's path: big steps first, then small.
    static func trajectory() -> [(x: Double, y: Double)] {
        (0..<frames).map { step in
            let t = Double(step)
            let radius = 250 * exp(-t / 200)
            let angle = t * 0.06
            return (400 + radius * cos(angle), 400 + radius * sin(angle) * 0.7)
        }
    }

    /// Copies `source` onto the context's surface, inside `rect` or everywhere when it is nil.
    static func copy(_ source: OpaquePointer, onto cr: OpaquePointer, rect: Rect<Int>?) {
        cairo_save(cr)
        cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
        cairo_set_source_surface(cr, source, 0, 0)
        if let rect {
            cairo_rectangle(cr, Double(rect.x), Double(rect.y), Double(rect.width), Double(rect.height))
            cairo_fill(cr)
        } else {
            cairo_paint(cr)
        }
        cairo_restore(cr)
    }

    static func stroke(_ cr: OpaquePointer, _ from: (x: Double, y: Double), _ to: (x: Double, y: Double), alpha: Double) {
        cairo_set_line_width(cr, 2.5)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        cairo_move_to(cr, from.x, from.y)
        cairo_line_to(cr, to.x, to.y)
        cairo_set_source_rgba(cr, Double(pathColor.r) / 255, Double(pathColor.g) / 255, Double(pathColor.b) / 255, alpha)
        cairo_stroke(cr)
    }

    /// Draws the fading tail and the head marker of frame `step`; returns the rectangle they can
    /// touch (line half-width, marker radius and anti-aliasing included), in whole pixels.
    static func drawTail(_ cr: OpaquePointer, points: [(x: Double, y: Double)], step: Int) -> Rect<Int> {
        let first = max(0, step - tail)
        var minX = points[step].x, maxX = minX, minY = points[step].y, maxY = minY
        if step > first {
            for i in (first + 1)...step {
                stroke(cr, points[i - 1], points[i], alpha: 0.3 + 0.7 * Double(i - first) / Double(step - first))
                minX = min(minX, points[i - 1].x); maxX = max(maxX, points[i - 1].x)
                minY = min(minY, points[i - 1].y); maxY = max(maxY, points[i - 1].y)
            }
        }
        cairo_arc(cr, points[step].x, points[step].y, 5, 0, 2 * .pi)
        cairo_set_source_rgb(cr, Double(markerColor.r) / 255, Double(markerColor.g) / 255, Double(markerColor.b) / 255)
        cairo_fill_preserve(cr)
        cairo_set_source_rgb(cr, 0, 0, 0)
        cairo_set_line_width(cr, 1)
        cairo_stroke(cr)
        cairo_surface_flush(cairo_get_target(cr))
        let margin = 8.0
        let left = Int((minX - margin).rounded(.down)), top = Int((minY - margin).rounded(.down))
        return Rect<Int>(x: left, y: top, width: Int((maxX + margin).rounded(.up)) - left,
                         height: Int((maxY + margin).rounded(.up)) - top)
    }

    /// Filled "contour" bands of a curved valley with a colour ramp, anti-aliased contour lines,
    /// axes, tick labels and a title: the colour mix of a real figure.
    static func drawBackground(_ surface: OpaquePointer) {
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_surface_flush(surface)
        let data = cairo_image_surface_get_data(surface)!
        let stride = Int(cairo_image_surface_get_stride(surface))
        let ramp: [SIMD3<Double>] = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]]
        for y in 80..<720 {
            let row = UnsafeMutableRawPointer(data + y * stride)
            for x in 80..<720 {
                let u = (Double(x) - 400) / 160, v = (Double(y) - 400) / 160
                let f = (1 - u) * (1 - u) + 5 * (v - u * u) * (v - u * u)
                let position = min(19, (log1p(f) * 4).rounded(.down)) / 19 * 4
                let i = min(3, Int(position))
                let c = (ramp[i] + (ramp[i + 1] - ramp[i]) * (position - Double(i))).rounded(.toNearestOrEven)
                let word = 0xFF00_0000 | UInt32(c.x) << 16 | UInt32(c.y) << 8 | UInt32(c.z)
                row.storeBytes(of: word, toByteOffset: 4 * x, as: UInt32.self)
            }
        }
        cairo_surface_mark_dirty(surface)
        cairo_set_line_width(cr, 1)
        cairo_set_source_rgba(cr, 0.15, 0.15, 0.15, 0.6)
        for k in 1...12 {
            cairo_save(cr)
            cairo_translate(cr, 420, 380)
            cairo_scale(cr, Double(k) * 26, Double(k) * 17)
            cairo_arc(cr, 0, 0, 1, 0, 2 * .pi)
            cairo_restore(cr)
            cairo_stroke(cr)
        }
        cairo_set_source_rgb(cr, 0, 0, 0)
        cairo_rectangle(cr, 79.5, 79.5, 641, 641)
        cairo_stroke(cr)
        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, 14)
        for k in 0...8 {
            let position = 80 + Double(k) * 80
            cairo_move_to(cr, position - 10, 740)
            cairo_show_text(cr, String(format: "%.1f", -2 + Double(k) * 0.5))
            cairo_move_to(cr, 40, position + 5)
            cairo_show_text(cr, String(format: "%.1f", 2 - Double(k) * 0.5))
        }
        cairo_set_font_size(cr, 22)
        cairo_move_to(cr, 260, 50)
        cairo_show_text(cr, "Adam on Rosenbrock (lr = 0.05)")
        cairo_surface_flush(surface)
    }

    /// Wall-clock and this thread's CPU time, summed over the sections timed. The CPU time is
    /// the honest "one core" figure on a shared, loaded machine.
    struct Stopwatch: CustomStringConvertible {
        private(set) var wall = Duration.zero
        private(set) var cpu = Duration.zero

        mutating func time<R>(_ body: () throws -> R) rethrows -> R {
            let clock = ContinuousClock()
            let start = clock.now, startCPU = Self.threadCPU()
            defer {
                wall += clock.now - start
                cpu += Self.threadCPU() - startCPU
            }
            return try body()
        }

        var description: String {
            func ms(_ d: Duration) -> String {
                String(format: "%8.1f ms", Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) * 1e-15)
            }
            return "\(ms(cpu)) CPU, \(ms(wall)) wall"
        }

        private static func threadCPU() -> Duration {
            var spec = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
            return .seconds(spec.tv_sec) + .nanoseconds(spec.tv_nsec)
        }
    }
}
