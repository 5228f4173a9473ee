import DescentBase
import DescentCore
import DescentRender

/// Builds the figures of a landscape for DescentRender, which knows only grids, polylines and
/// markers: the sampled function over the view, its contour levels, paths and minima.
public struct LandscapeFigures: Sendable {
    public var function: any TestFunction
    public var view: ViewWindow
    public var levels: ContourLevels
    public var grid: Int
    public var colorMap: ColorMap
    public var filled: Bool

    public init(function: any TestFunction, view: ViewWindow, levels: ContourLevels, grid: Int = 250,
                colorMap: ColorMap = .jet, filled: Bool = false) {
        self.function = function
        self.view = view
        self.levels = levels
        self.grid = grid
        self.colorMap = colorMap
        self.filled = filled
    }

    /// An experiment's landscape, drawn as its `figures` settings say (colour map, filling, grid).
    public init(_ e: Experiment) throws {
        self.init(function: e.function, view: e.view, levels: e.levels, grid: e.figures.grid,
                  colorMap: try ColorMap.named(e.figures.colorMap), filled: e.figures.filled)
    }

    /// The view, checked for drawing.
    public var drawableView: ViewWindow {
        get throws { try ViewWindow.drawable(x: view.x, y: view.y) }
    }

    /// The function sampled on the view (values evaluated with `Double`).
    public func samples() throws -> ScalarGrid {
        let f = function
        return try ScalarGrid(sampling: drawableView, columns: grid, rows: grid) { f.value($0, $1) }
    }

    public var minima: [Point] { function.minima }

    /// The scene of one trajectory: the seed's still figure and the animation background.
    public func scene(for trajectory: Trajectory, samples: ScalarGrid? = nil) throws -> LandscapeScene {
        try LandscapeScene(
            view: drawableView, grid: samples ?? self.samples(), levels: levels, colorMap: colorMap, filled: filled,
            path: trajectory.points, minima: minima)
    }

    /// The two title lines of a still figure: "Rosenbrock Function: Adam" and
    /// "500 iterations, lr=0.359005" (or "diverged at iteration k, …").
    public static func stillTitle(function: any TestFunction, label: String, trajectory: Trajectory, learningRate: Double) -> [String] {
        let steps = trajectory.points.count - 1
        let outcome: String
        switch trajectory.stop {
        case .completed: outcome = "\(steps) iterations"
        case .diverged(let step): outcome = "diverged at iteration \(step)"
        }
        return ["\(function.displayName) Function: \(label)", "\(outcome), lr=\(pythonFloat(learningRate))"]
    }

    /// The title of animation frame i: "Rosenbrock Function: Adam", "Iteration: i/N, lr=…".
    public static func frameTitle(function: any TestFunction, label: String, steps: Int, learningRate: Double) -> @Sendable (Int) -> [String] {
        let heading = "\(function.displayName) Function: \(label)"
        let lr = pythonFloat(learningRate)
        return { i in [heading, "Iteration: \(i)/\(steps), lr=\(lr)"] }
    }

    /// Python's `format(x, '.6')` as the seed's titles print learning rates: 6 significant
    /// digits, ".0" on whole numbers.
    public static func pythonFloat(_ x: Double) -> String {
        var s = String(format: "%.6g", x)
        if x.isFinite && !s.contains(".") && !s.contains("e") { s += ".0" }
        return s
    }
}

import Foundation
