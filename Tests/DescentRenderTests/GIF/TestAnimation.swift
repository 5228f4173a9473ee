import DescentBase
import DescentRender
import Foundation

/// A small, deterministic stand-in for a Descent animation: a contour-like background and a
/// path whose last `tail` points fade out, drawn as opaque blends over the background (as Cairo
/// leaves them over an opaque surface), with a marker at the head.
struct TestAnimation {
    static let pathColor = RGB(214, 39, 40)
    static let markerColor = RGB(31, 119, 180)

    let background: TestRaster
    let points: [(x: Int, y: Int)]
    let tail: Int

    init(width: Int, height: Int, steps: Int, tail: Int = 6) {
        background = GIFPaletteTests.landscape(width: width, height: height)
        // A spiral towards the centre, like an optimizer converging; repeated points (a path that
        // stalls) give frames identical to the previous one.
        points = (0..<steps).map { step in
            let t = Double(min(step, steps * 3 / 4)) / Double(steps)
            let radius = (1 - t) * Double(min(width, height)) * 0.35
            let angle = t * 9
            return (width / 2 + Int((radius * cos(angle)).rounded()),
                    height / 2 + Int((radius * sin(angle)).rounded()))
        }
        self.tail = tail
    }

    /// Frame `step`: the background, the path up to `step` with a fading tail, and the marker.
    func frame(_ step: Int) -> TestRaster {
        var raster = background
        for age in 0..<min(tail, step + 1) {
            let point = points[step - age]
            let alpha = 1 - Double(age) / Double(tail)
            for (dx, dy) in [(0, 0), (1, 0), (0, 1), (-1, 0), (0, -1)] {
                let x = point.x + dx, y = point.y + dy
                let under = RGB(premultipliedARGB32: raster[x, y])
                let cover = dx == 0 && dy == 0 ? alpha : alpha / 2  // anti-aliased edge
                raster[x, y] = TestRaster.opaque(GIFPaletteTests.blend(Self.pathColor, over: under, alpha: cover))
            }
        }
        let head = points[step]
        raster.fill(Rect<Int>(x: head.x - 1, y: head.y - 1, width: 3, height: 1), with: TestRaster.opaque(Self.markerColor))
        return raster
    }

    /// A rectangle holding every pixel that can differ between frames `step − 1` and `step`.
    func changed(_ step: Int) -> Rect<Int> {
        let touched = points[max(0, step - tail)...step]
        let xs = touched.map(\.x), ys = touched.map(\.y)
        return Rect<Int>(x: xs.min()! - 2, y: ys.min()! - 2, width: xs.max()! - xs.min()! + 5,
                         height: ys.max()! - ys.min()! + 5)
    }

    /// The palette a caller would fit for this animation.
    var palette: GIFPalette {
        background.withView { GIFPalette.fitted(background: $0, overlayColors: [Self.pathColor, Self.markerColor]) }
    }
}
