import ArgumentParser
import DescentBase
import DescentCore
import DescentHarness
import DescentRender
import Foundation

/// `descent render`: one trajectory drawn as still figures (PNG, SVG, PDF) and an animated GIF.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw an optimizer's path on the contours of a test function (PNG/SVG/PDF, animated GIF).",
        discussion: """
            The view window and contour levels are the function's defaults. The still figure shows \
            the whole path, start, end and global minima; the GIF shows the last --tail segments \
            solid and the --fade segments before them fading out, one frame per --stride points.

            Example:
              descent render --optimizer Adam --hyperparameters '{"lr": 0.1}' \\
                --function rosenbrock --start -2,2 --steps 500 \\
                --png rosenbrock.png --gif rosenbrock.gif
            """)

    @OptionGroup var path: PathOptions

    @Option(help: "Write the still figure as PNG to this file.")
    var png: String?
    @Option(help: "Write the still figure as SVG to this file.")
    var svg: String?
    @Option(help: "Write the still figure as PDF to this file.")
    var pdf: String?
    @Option(help: "Write the animation as GIF to this file.")
    var gif: String?
    @Option(parsing: .unconditional, help: "Figure width and height in pixels (\(Limits.figureSize.text)).")
    var size: Int = 800
    @Option(parsing: .unconditional, help: "Animation frames per second (\(Limits.fps.text)).")
    var fps: Int = 25
    @Option(parsing: .unconditional, help: "Solid segments at the head of the animated path (\(Limits.tail.text)).")
    var tail: Int = 20
    @Option(parsing: .unconditional, help: "Fading segments behind the solid tail (\(Limits.fade.text)).")
    var fade: Int = 30
    @Option(parsing: .unconditional, help: "One animation frame every N points, the last point always has one (\(Limits.stride.text)).")
    var stride: Int = 1
    @Option(parsing: .unconditional, help: "Samples per side of the contour grid (\(Limits.grid.text)).")
    var grid: Int = 250
    @Option(help: ArgumentHelp("Colour map of the contours: \(ColorMap.names.joined(separator: ", ")) (default: jet).",
                               valueName: "colormap"),
            transform: ArgumentTransform.colorMap)
    var colormap: ColorMap = .jet
    @Flag(help: "Fill between contour levels and add a colour bar.")
    var filled = false

    /// The files to write, with their options.
    var outputs: [(option: String, path: String)] {
        [("--png", png), ("--svg", svg), ("--pdf", pdf), ("--gif", gif)].compactMap { o, p in p.map { (o, $0) } }
    }

    func validate() throws {
        guard !outputs.isEmpty else {
            throw ValidationError("nothing to write: give at least one of --png, --svg, --pdf, --gif")
        }
        for (option, file) in outputs { try PathChecks.checkOutputFile(option, file) }
        try PathChecks.checkDistinct(outputs)
        try check("--steps", path.steps, in: Limits.steps)
        try check("--size", size, in: Limits.figureSize)
        try check("--grid", grid, in: Limits.grid)
        try check("--fps", fps, in: Limits.fps)
        try check("--tail", tail, in: Limits.tail)
        try check("--fade", fade, in: Limits.fade)
        try check("--stride", stride, in: Limits.stride)
    }

    func run() throws {
        let (optimizer, trajectory) = try path.run()
        let function = path.landscape.function
        let figures = LandscapeFigures(function: function, view: function.view, levels: function.levels, grid: grid,
                                       colorMap: colormap, filled: filled)
        let scene = try figures.scene(for: trajectory)
        let label = type(of: optimizer).info.name
        let stills = [(png, FigureFormat.png), (svg, .svg), (pdf, .pdf)].compactMap { file, format in file.map { ($0, format) } }
        if !stills.isEmpty {
            let title = LandscapeFigures.stillTitle(function: function, label: label, trajectory: trajectory,
                                                    learningRate: optimizer.learningRate)
            let figure = try scene.stillFigure(width: size, height: size, title: title)
            for (file, format) in stills {
                try Self.reporting(file) { try figure.write(to: file, as: format) }
            }
        }
        if let gif {
            let style = try TailStyle(tail: tail, fade: fade, stride: stride, fps: fps)
            let frames = try TailFrames(
                figure: scene.animationFigure(width: size, height: size), path: scene.path, style: style,
                title: LandscapeFigures.frameTitle(function: function, label: label, steps: trajectory.points.count - 1,
                                                   learningRate: optimizer.learningRate))
            try Self.reporting(gif) { try frames.writeGIF(to: gif) }
        }
    }

    /// Errors of writing `file` become one line naming it (not the temporary file written
    /// first), once, and saying so when the disk is full.
    static func reporting(_ file: String, _ body: () throws -> Void) throws {
        errno = 0  // so that a stale ENOSPC of some earlier call is not read as this write's
        do { try body() } catch {
            let code = errno
            throw ValidationError(writeFailure(file, error, errno: code, freeBytes: WriteFailure.freeBytes(in: PathChecks.folder(of: file))))
        }
    }

    /// "<file>: <reason>": the reason without a path the error repeats, or "no space left on
    /// device (the disk is full)" when `errno` says so or the file's disk has no room left (Cairo
    /// and giflib say only "error while writing" or "Write failed"; their `errno` survives).
    static func writeFailure(_ file: String, _ error: any Error, errno code: Int32, freeBytes: UInt64?) -> String {
        var reason: String
        switch error {
        case RenderError.io(_, let why): reason = why
        case let error as FileError: reason = "cannot \(error.operation): \(error.reason)"
        default: reason = "\(error)"
        }
        let repeated = file + ": "
        while reason.hasPrefix(repeated) { reason = String(reason.dropFirst(repeated.count)) }
        if code == ENOSPC || freeBytes == 0 { reason = WriteFailure.diskFull }
        return "\(file): \(reason)"
    }
}
