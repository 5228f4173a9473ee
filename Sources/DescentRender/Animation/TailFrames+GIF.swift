extension TailFrames {
    /// Writes the animation as a looping GIF to `path` (atomically, by the GIF writer): the
    /// palette is fitted once to the static background plus the path and title colours, and
    /// each frame after the first is encoded as its changed rectangle only. `progress` is
    /// called after each frame with (frames written, frames in all).
    public func writeGIF(to path: String, progress: (Int, Int) -> Void = { _, _ in }) throws {
        let s = renderer.figure.style
        let overlay = [Color.red, s.textColor, Color.green].map { c in
            let v = c.rgb8
            return RGB(v.r, v.g, v.b)
        }
        let palette = try withBackground { GIFPalette.fitted(background: $0, overlayColors: overlay) }
        let writer = try GIFWriter(path: path, width: renderer.figure.width, height: renderer.figure.height,
                                   palette: palette, delayCentiseconds: style.delayCentiseconds)
        var written = 0
        let total = style.frameIndices(count: self.path.count).count
        try forEach { frame, changed, _ in
            try writer.addFrame(frame, changed: changed)
            written += 1
            progress(written, total)
        }
        try writer.finish()
    }
}
