import DescentBase
import CCairo
import Foundation

/// Draws primitives (lines, polygons, markers, text) in figure pixels on a Cairo surface.
/// It knows nothing of axes or data: callers give pixel coordinates. Every coordinate is
/// clamped to ±`Canvas.coordinateLimit` and non-finite points are dropped before they
/// reach Cairo, whose fixed-point rasteriser misbehaves on huge or NaN values.
public final class Canvas {
    /// The largest coordinate magnitude passed to Cairo (far outside any figure).
    public static let coordinateLimit = 1.0e5

    public let surface: CairoSurface
    private let cr: OpaquePointer

    /// A canvas drawing on `surface`. Throws when Cairo cannot make a context.
    /// A context drawing on `surface`, `scale` surface units per figure pixel (1 for an image;
    /// points per pixel, 72/dpi, for a vector document at its true size).
    public init(surface: CairoSurface, scale: Double = 1) throws(CairoError) {
        self.surface = surface
        cr = cairo_create(surface.handle)!
        try CairoError.check(cairo_status(cr), "creating a drawing context")
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        if scale != 1 { cairo_scale(cr, scale, scale) }
    }

    deinit { cairo_destroy(cr) }

    /// Throws the first error Cairo met while drawing (Cairo's errors are sticky).
    public func check(_ what: @autoclosure () -> String = "drawing") throws(CairoError) {
        try CairoError.check(cairo_status(cr), what())
    }

    // MARK: - State

    /// Runs `body` with the drawing state saved, then restores it (clip included).
    public func withSavedState<R>(_ body: () throws -> R) rethrows -> R {
        cairo_save(cr)
        defer { cairo_restore(cr) }
        return try body()
    }

    /// Restricts drawing to `box` until the saved state is restored.
    public func clip(to box: Rect<Double>) {
        clip(to: [box])
    }

    /// Restricts drawing to the union of `boxes` until the saved state is restored.
    public func clip(to boxes: [Rect<Double>]) {
        for box in boxes { cairo_rectangle(cr, box.x, box.y, box.width, box.height) }
        cairo_clip(cr)
    }

    /// How shape edges are anti-aliased (text is unaffected).
    public enum Antialias: Sendable {
        /// Cairo's default: exact coverage, as matplotlib's Agg.
        case best
        /// `CAIRO_ANTIALIAS_FAST`: 4×4 supersampled coverage, about half the rasteriser's
        /// work. Indistinguishable once a GIF palette has quantised the frame.
        case fast
    }

    /// Runs `body` with shapes anti-aliased as `mode`, then restores the previous mode.
    public func withAntialias<R>(_ mode: Antialias, _ body: () throws -> R) rethrows -> R {
        let previous = cairo_get_antialias(cr)
        cairo_set_antialias(cr, mode == .fast ? CAIRO_ANTIALIAS_FAST : CAIRO_ANTIALIAS_DEFAULT)
        defer { cairo_set_antialias(cr, previous) }
        return try body()
    }

    // MARK: - Shapes

    /// Fills `box` with `color`.
    public func fill(_ box: Rect<Double>, _ color: Color) {
        setColor(color)
        cairo_rectangle(cr, box.x, box.y, box.width, box.height)
        cairo_fill(cr)
    }

    /// Copies `color` into `box`, replacing what is there (no blending).
    public func paintOpaque(_ box: Rect<Double>, _ color: Color) {
        cairo_save(cr)
        cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
        fill(box, color)
        cairo_restore(cr)
    }

    /// Strokes the outline of `box`.
    public func stroke(_ box: Rect<Double>, _ style: LineStyle) {
        cairo_rectangle(cr, box.x, box.y, box.width, box.height)
        strokePath(style)
    }

    /// Fills and strokes a rectangle with rounded corners (radius in pixels).
    public func roundedRect(_ box: Rect<Double>, radius: Double, fill: Color, edge: LineStyle?) {
        let r = min(radius, box.width / 2, box.height / 2)
        cairo_new_sub_path(cr)
        cairo_arc(cr, box.maxX - r, box.minY + r, r, -.pi / 2, 0)
        cairo_arc(cr, box.maxX - r, box.maxY - r, r, 0, .pi / 2)
        cairo_arc(cr, box.minX + r, box.maxY - r, r, .pi / 2, .pi)
        cairo_arc(cr, box.minX + r, box.minY + r, r, .pi, 3 * .pi / 2)
        cairo_close_path(cr)
        setColor(fill)
        if let edge {
            cairo_fill_preserve(cr)
            strokePath(edge)
        } else {
            cairo_fill(cr)
        }
    }

    /// Strokes every polyline with one style, as one path (one pass of Cairo's rasteriser).
    public func stroke(_ lines: [Polyline], _ style: LineStyle) {
        for line in lines { addPath(line.points, closed: line.isClosed) }
        strokePath(style)
    }

    /// Strokes one straight segment.
    public func strokeSegment(_ a: Point, _ b: Point, _ style: LineStyle) {
        addPath([a, b], closed: false)
        strokePath(style)
    }

    /// Fills the polygons with one colour (non-zero winding), as one path.
    public func fill(polygons: [[Point]], _ color: Color) {
        for p in polygons { addPath(p, closed: true) }
        setColor(color)
        cairo_fill(cr)
    }

    /// Draws `marker` centred at `point`.
    public func draw(_ marker: Marker, at point: Point) {
        guard point.isFinite else { return }
        let p = Canvas.clamped(point)
        let h = marker.size / 2
        switch marker.shape {
        case .circle:
            cairo_new_sub_path(cr)
            cairo_arc(cr, p.x, p.y, h, 0, 2 * .pi)
            fillAndEdge(marker)
        case .diamond:
            // matplotlib's "D": a unit square of side `size` turned 45°, corners at size/√2.
            let d = marker.size * 0.7071067811865476
            cairo_move_to(cr, p.x, p.y - d)
            cairo_line_to(cr, p.x + d, p.y)
            cairo_line_to(cr, p.x, p.y + d)
            cairo_line_to(cr, p.x - d, p.y)
            cairo_close_path(cr)
            fillAndEdge(marker)
        case .star:
            // matplotlib's "*": five points on the circle of radius size/2, the inner corners
            // on the circle of radius size/2 × 0.381966 (a regular pentagram), point up.
            for k in 0..<10 {
                let r = k % 2 == 0 ? h : h * 0.381966
                let a = Double(k) * .pi / 5
                let q = Point(p.x + r * sin(a), p.y - r * cos(a))
                if k == 0 { cairo_move_to(cr, q.x, q.y) } else { cairo_line_to(cr, q.x, q.y) }
            }
            cairo_close_path(cr)
            fillAndEdge(marker)
        case .tipUp, .tipDown, .tipLeft, .tipRight:
            // The tip at the point, the base `size` behind it (y grows downwards).
            let (dx, dy): (Double, Double) = switch marker.shape {
            case .tipUp: (0, -1)
            case .tipDown: (0, 1)
            case .tipLeft: (-1, 0)
            default: (1, 0)
            }
            let s = marker.size
            cairo_move_to(cr, p.x, p.y)
            cairo_line_to(cr, p.x - s * dx - h * dy, p.y - s * dy + h * dx)
            cairo_line_to(cr, p.x - s * dx + h * dy, p.y - s * dy - h * dx)
            cairo_close_path(cr)
            fillAndEdge(marker)
        case .cross:
            cairo_move_to(cr, p.x - h, p.y - h)
            cairo_line_to(cr, p.x + h, p.y + h)
            cairo_move_to(cr, p.x - h, p.y + h)
            cairo_line_to(cr, p.x + h, p.y - h)
            strokePath(LineStyle(color: marker.edge, width: marker.edgeWidth))
        }
    }

    /// Draws `marker` at every point, one by one: Cairo rasterises many small paths faster
    /// than one path spanning them all, and overlapping markers composite as matplotlib's do.
    public func draw(_ marker: Marker, at points: [Point]) {
        for p in points { draw(marker, at: p) }
    }

    // MARK: - Text

    /// Selects the font of `style` and measures `text` with it.
    public func measure(_ text: String, _ style: TextStyle) -> TextMetrics {
        selectFont(style)
        var te = cairo_text_extents_t()
        var fe = cairo_font_extents_t()
        cairo_text_extents(cr, text, &te)
        cairo_font_extents(cr, &fe)
        return TextMetrics(width: te.x_advance, ascent: fe.ascent, descent: fe.descent)
    }

    /// Draws `text` at `point` placed by `anchor`; returns the box it occupies.
    @discardableResult
    public func text(_ text: String, at point: Point, _ style: TextStyle, anchor: TextAnchor) -> Rect<Double> {
        let m = measure(text, style)
        let box = Canvas.textBox(m, at: point, anchor: anchor)
        setColor(style.color)
        cairo_move_to(cr, box.x, box.y + m.ascent)
        cairo_show_text(cr, text)
        return box
    }

    /// Draws `text` at `point` placed by `anchor` over a halo of `halo` pixels' width in
    /// `haloColor` (the text's outline stroked underneath), so that it reads on any background.
    @discardableResult
    public func text(_ text: String, at point: Point, _ style: TextStyle, anchor: TextAnchor,
                     halo: Double, haloColor: Color = .white) -> Rect<Double> {
        let m = measure(text, style)
        let box = Canvas.textBox(m, at: point, anchor: anchor)
        cairo_move_to(cr, box.x, box.y + m.ascent)
        cairo_text_path(cr, text)
        strokePath(LineStyle(color: haloColor, width: halo))
        setColor(style.color)
        cairo_move_to(cr, box.x, box.y + m.ascent)
        cairo_show_text(cr, text)
        return box
    }

    /// Draws `text` turned by `angle` radians about `point` (−π/2 reads upwards), placed by
    /// `anchor` in the text's own turned frame.
    public func text(_ text: String, at point: Point, _ style: TextStyle, anchor: TextAnchor, angle: Double) {
        guard point.isFinite else { return }
        cairo_save(cr)
        defer { cairo_restore(cr) }
        let p = Canvas.clamped(point)
        cairo_translate(cr, p.x, p.y)
        cairo_rotate(cr, angle)
        self.text(text, at: Point(0, 0), style, anchor: anchor)
    }

    /// The box a text of metrics `m` occupies when placed at `point` by `anchor`.
    public static func textBox(_ m: TextMetrics, at point: Point, anchor: TextAnchor) -> Rect<Double> {
        let x: Double
        switch anchor.horizontal {
        case .left: x = point.x
        case .center: x = point.x - m.width / 2
        case .right: x = point.x - m.width
        }
        let top: Double
        switch anchor.vertical {
        case .top: top = point.y
        case .center: top = point.y - m.height / 2
        case .baseline: top = point.y - m.ascent
        case .bottom: top = point.y - m.height
        }
        return Rect<Double>(x: x, y: top, width: m.width, height: m.height)
    }

    // MARK: - Images

    /// Paints `source` (an image surface of the same size) over this canvas inside `box`,
    /// replacing what is there.
    public func copy(from source: CairoSurface, in box: Rect<Double>) {
        cairo_save(cr)
        cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE)
        cairo_set_source_surface(cr, source.handle, 0, 0)
        cairo_rectangle(cr, box.x, box.y, box.width, box.height)
        cairo_fill(cr)
        cairo_restore(cr)
    }

    // MARK: - Helpers

    private func setColor(_ c: Color) {
        cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
    }

    private func selectFont(_ style: TextStyle) {
        cairo_select_font_face(cr, style.family, CAIRO_FONT_SLANT_NORMAL,
                               style.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, style.size)
    }

    private func fillAndEdge(_ m: Marker) {
        setColor(m.fill)
        cairo_fill_preserve(cr)
        strokePath(LineStyle(color: m.edge, width: m.edgeWidth))
    }

    private func strokePath(_ style: LineStyle) {
        if style.dashes.isEmpty {
            cairo_set_dash(cr, nil, 0, 0)
        } else {
            style.dashes.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
        }
        if let halo = style.halo {
            setColor(halo.color)
            cairo_set_line_width(cr, halo.width)
            cairo_stroke_preserve(cr)
        }
        setColor(style.color)
        cairo_set_line_width(cr, style.width)
        cairo_stroke(cr)
    }

    /// Adds the finite points as sub-paths (a non-finite point breaks the line).
    private func addPath(_ points: [Point], closed: Bool) {
        var penDown = false
        var allFinite = true
        for p in points {
            guard p.isFinite else {
                penDown = false
                allFinite = false
                continue
            }
            let q = Canvas.clamped(p)
            if penDown { cairo_line_to(cr, q.x, q.y) } else { cairo_move_to(cr, q.x, q.y) }
            penDown = true
        }
        if closed && allFinite && penDown { cairo_close_path(cr) }
    }

    static func clamped(_ p: Point) -> Point {
        Point(min(coordinateLimit, max(-coordinateLimit, p.x)), min(coordinateLimit, max(-coordinateLimit, p.y)))
    }
}
