import DescentBase

/// The frames of a path animation with a fading tail, produced one at a time into a single
/// reused image (never all in memory).
///
/// The static figure (underlay, then overlay) is rendered once. For each frame, only two
/// regions are restored from the underlay and redrawn — the previous and current tail and
/// marker, and the title's changed characters: the tail, the current position (deep-red
/// diamond), the overlay (minimum markers, frame, legend, clipped so they stay on top) and
/// the title. The rectangle holding both regions is reported as the frame's change.
///
/// The machinery is `FadingTails`, which `RaceFrames` shares for several paths.
public final class TailFrames {
    public var renderer: FigureRenderer { tails.renderer }
    public var style: TailStyle { tails.style }
    /// The path in data coordinates (non-finite points are skipped).
    public let path: [Point]
    /// The title lines of the frame of point i.
    public var title: (Int) -> [String] { tails.title }

    private let tails: FadingTails

    /// Prepares the static layers of `figure` (the animation figure of a `LandscapeScene`).
    public init(figure: Figure, path: [Point], style: TailStyle,
                title: @escaping (Int) -> [String]) throws {
        self.path = path
        let s = figure.style
        tails = try FadingTails(figure: figure, style: style, title: title) { axes in
            [TailTrack(pixels: path.map(axes.pixel), line: s.line(.deepRed), tailMarker: s.marker(.cross, .deepRed),
                       current: s.pointMarker(.diamond, .deepRed))]
        }
    }

    /// The frame of every `style.frameIndices`, in order: `body` gets the image (valid only
    /// during the call), the rectangle that differs from the previous frame (nil for the
    /// first frame: all of it), and the point index.
    public func forEach(_ body: (RasterView, Rect<Int>?, Int) throws -> Void) throws {
        try tails.forEach(body)
    }

    /// Frame `i` drawn from scratch into a new image (for a poster frame, or to check the
    /// incremental frames against).
    public func renderFrame(_ i: Int) throws -> CairoSurface {
        guard path.indices.contains(i) else { throw RenderError.invalidAnimation("no frame \(i) in a path of \(path.count) points") }
        return try tails.renderFrame(i)
    }

    /// The static background as the first frame would show it without a path: underlay,
    /// overlay, no title. For fitting a palette.
    public func withBackground<R>(_ body: (RasterView) throws -> R) throws -> R {
        try tails.withBackground(body)
    }

    /// Writes the animation as a looping GIF to `path` (atomically, by the GIF writer): the
    /// palette is fitted once to the static background plus the path and title colours, and
    /// each frame after the first is encoded as its changed rectangle only. `progress` gets (frames written, frames in all).
    public func writeGIF(to path: String, progress: (Int, Int) -> Void = { _, _ in }) throws {
        try tails.writeGIF(to: path, overlayColors: [.deepRed, renderer.figure.style.textColor, .deepGreen], progress: progress)
    }
}
