import ArgumentParser
import DescentCore
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
              descent render --optimizer Adam --hyperparameters '{"lr": 0.1}' --function rosenbrock \\
                --start -2,2 --steps 500 --png rosenbrock.png --gif rosenbrock.gif
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
    @Option(help: "Figure width and height in pixels (64…8192).")
    var size: Int = 800
    @Option(help: "Animation frames per second (1…100).")
    var fps: Int = 25
    @Option(help: "Solid segments at the head of the animated path.")
    var tail: Int = 20
    @Option(help: "Fading segments behind the solid tail.")
    var fade: Int = 30
    @Option(help: "One animation frame every N points (the last point always has one).")
    var stride: Int = 1
    @Option(help: "Samples per side of the contour grid (2…2000).")
    var grid: Int = 250
    @Option(help: "Colour map of the contours: jet, viridis (or jet_r, viridis_r).")
    var colormap: String = "jet"
    @Flag(help: "Fill between contour levels and add a colour bar.")
    var filled = false

    func validate() throws {
        guard [png, svg, pdf, gif].contains(where: { $0 != nil }) else {
            throw ValidationError("nothing to write: give at least one of --png, --svg, --pdf, --gif")
        }
        guard (64...8192).contains(size) else { throw ValidationError("--size must be 64…8192, got \(size)") }
        guard (2...2000).contains(grid) else { throw ValidationError("--grid must be 2…2000, got \(grid)") }
        do { _ = try TailStyle(tail: tail, fade: fade, stride: stride, fps: fps) } catch {
            throw ValidationError("\(error)")
        }
        do { _ = try ColorMap.named(colormap) } catch { throw ValidationError("--colormap: \(error)") }
    }

    func run() throws {
        let (function, optimizer, trajectory) = try path.run()
        let scene = try Self.scene(function, trajectory, colorMap: ColorMap.named(colormap), filled: filled, grid: grid)
        let heading = "\(function.displayName) Function: \(type(of: optimizer).info.name)"
        let lr = Self.pythonFloat(optimizer.learningRate)
        let steps = trajectory.points.count - 1
        let outcome: String
        switch trajectory.stop {
        case .completed: outcome = "\(steps) iterations"
        case .diverged(let step): outcome = "diverged at iteration \(step)"
        }
        let stills = [(png, FigureFormat.png), (svg, .svg), (pdf, .pdf)].compactMap { file, format in file.map { ($0, format) } }
        if !stills.isEmpty {
            let figure = try scene.stillFigure(width: size, height: size, title: [heading, "\(outcome), lr=\(lr)"])
            for (file, format) in stills {
                try Self.reporting(file) { try figure.write(to: file, as: format) }
            }
        }
        if let gif {
            let style = try TailStyle(tail: tail, fade: fade, stride: stride, fps: fps)
            let frames = try TailFrames(
                figure: scene.animationFigure(width: size, height: size), path: scene.path, style: style
            ) { i in [heading, "Iteration: \(i)/\(steps), lr=\(lr)"] }
            try Self.reporting(gif) { try frames.writeGIF(to: gif) }
        }
    }

    /// The function's landscape over its default view, with the trajectory and minima.
    static func scene(_ f: any TestFunction, _ t: Trajectory, colorMap: ColorMap, filled: Bool,
                      grid: Int) throws -> LandscapeScene {
        let view = try DataRect(x: f.view.x, y: f.view.y)
        let samples = try ScalarGrid(sampling: view, columns: grid, rows: grid) { f.value($0, $1) }
        let levels: LevelRule
        switch f.levels {
        case .automatic(let count): levels = .automatic(count: count)
        case .explicit(let values): levels = .explicit(values)
        case .logSpaced(let from, let to, let count): levels = .logSpaced(from: from, to: to, count: count)
        }
        return try LandscapeScene(
            view: view, grid: samples, levels: levels, colorMap: colorMap, filled: filled,
            path: t.points.map { PlotPoint($0.x, $0.y) }, minima: f.minima.map { PlotPoint($0.x, $0.y) })
    }

    /// Errors of writing `file` become one line naming it.
    static func reporting(_ file: String, _ body: () throws -> Void) throws {
        do { try body() } catch let error as RenderError {
            throw ValidationError("\(error)")
        } catch {
            throw ValidationError("\(file): \(error)")
        }
    }

    /// Python's `format(x, '.6')`: 6 significant digits, and a ".0" on whole numbers.
    static func pythonFloat(_ x: Double) -> String {
        var s = String(format: "%.6g", x)
        if x.isFinite && !s.contains(".") && !s.contains("e") { s += ".0" }
        return s
    }
}
