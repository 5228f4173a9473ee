import DescentBase

/// The frames of a race: several paths, each with a fading tail and its current position,
/// produced one at a time into a single reused image by the machinery `TailFrames` uses
/// (`FadingTails`). Frames run over the points of the longest path; a shorter path (one
/// that diverged) stays at its last point.
public final class RaceFrames {
    public var renderer: FigureRenderer { tails.renderer }
    public var style: TailStyle { tails.style }
    /// The paths in data coordinates, in drawing order, and their colours. Trailing
    /// non-finite points (where a diverged run stopped) are dropped, so that the path stays
    /// at its last finite point.
    public let paths: [(points: [Point], color: Color)]

    private let tails: FadingTails

    /// Prepares the static layers of `figure` (a `RaceScene`'s animation figure). Throws
    /// `RenderError.invalidAnimation` when no path has a finite point (nothing to animate).
    public init(figure: Figure, paths: [(points: [Point], color: Color)], style: TailStyle,
                title: @escaping (Int) -> [String]) throws {
        let paths = paths.map { path in
            (points: Array(path.points[..<(path.points.lastIndex(where: \.isFinite).map { $0 + 1 } ?? 0)]), color: path.color)
        }
        guard paths.contains(where: { !$0.points.isEmpty }) else {
            throw RenderError.invalidAnimation("a race needs at least one path with a finite point")
        }
        self.paths = paths
        let s = figure.style
        tails = try FadingTails(figure: figure, style: style, title: title) { axes in
            paths.map { path in
                TailTrack(pixels: path.points.map(axes.pixel), line: RaceScene.line(s, path.color), tailMarker: nil,
                          current: RaceScene.endMarker(s, path.color))
            }
        }
    }

    /// The number of frames `forEach` produces.
    public var frameCount: Int { style.frameIndices(count: tails.pointCount).count }

    /// The frame of every `style.frameIndices` over the longest path, in order: `body` gets
    /// the image (valid only during the call), the rectangle that differs from the previous
    /// frame (nil for the first frame: all of it), and the point index.
    public func forEach(_ body: (RasterView, Rect<Int>?, Int) throws -> Void) throws {
        try tails.forEach(body)
    }

    /// Frame `i` drawn from scratch into a new image.
    public func renderFrame(_ i: Int) throws -> CairoSurface {
        try tails.renderFrame(i)
    }

    /// The static background (underlay and overlay, no title), for fitting a palette.
    public func withBackground<R>(_ body: (RasterView) throws -> R) throws -> R {
        try tails.withBackground(body)
    }

    /// The colours the GIF palette holds exactly (with their blends over the background):
    /// every path colour, then the title's text colour and the halos' white.
    public var overlayColors: [Color] { paths.map(\.color) + [renderer.figure.style.textColor, .white] }

    /// Writes the race as a looping GIF to `path` (atomically): the palette is fitted once to
    /// the background plus `overlayColors`, and each frame after the first is encoded as its
    /// changed rectangle only. `progress` gets (frames written, frames in all).
    public func writeGIF(to path: String, progress: (Int, Int) -> Void = { _, _ in }) throws {
        try tails.writeGIF(to: path, overlayColors: overlayColors, progress: progress)
    }
}
