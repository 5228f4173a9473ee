import DescentBase

/// Contour lines of a `ScalarGrid` by marching squares.
///
/// A corner is "above" when its value is greater than the level (contourpy's rule). Each
/// crossing lies on a grid edge, found by linear interpolation between the edge's two
/// corners. The two saddle cases (opposite corners above) are decided by the average of the
/// four corners: when it is above the level, the above corners are joined through the cell
/// centre. Cells with a non-finite corner draw nothing. Segments are joined into polylines
/// through the edges they share; loops that close inside the grid are marked closed.
public struct MarchingSquares: Sendable {
    public let grid: ScalarGrid

    public init(grid: ScalarGrid) { self.grid = grid }

    /// The polylines of `level`, in data coordinates.
    public func lines(at level: Double) -> [Polyline] {
        lines(at: [level])[0]
    }

    /// The polylines of each level, sharing one edge table between levels.
    public func lines(at levels: [Double]) -> [[Polyline]] {
        var graph = EdgeGraph(edgeCount: 2 * grid.columns * grid.rows)
        var visited = [Bool](repeating: false, count: 2 * grid.columns * grid.rows)
        return levels.map { level in
            guard level.isFinite else { return [] }
            link(level, into: &graph)
            defer { graph.reset() }
            return chains(graph, level: level, visited: &visited)
        }
    }

    /// Which crossed edges are joined by a segment: at most two neighbours per edge.
    /// Edge ids: horizontal edge (c, r)→(c+1, r) is r·nx + c; vertical edge (c, r)→(c, r+1)
    /// is nx·ny + r·nx + c.
    struct EdgeGraph {
        var first: [Int32]
        var second: [Int32]
        /// Edges with a neighbour, in order of first touch (reset and walked through this).
        var touched: [Int] = []

        init(edgeCount: Int) {
            first = [Int32](repeating: -1, count: edgeCount)
            second = first
        }

        mutating func link(_ a: Int, _ b: Int) {
            add(a, b)
            add(b, a)
        }

        private mutating func add(_ a: Int, _ b: Int) {
            if first[a] < 0 {
                first[a] = Int32(b)
                touched.append(a)
            } else {
                second[a] = Int32(b)
            }
        }

        mutating func reset() {
            for id in touched {
                first[id] = -1
                second[id] = -1
            }
            touched.removeAll(keepingCapacity: true)
        }
    }

    /// Adds the segments of every cell the level crosses.
    private func link(_ level: Double, into graph: inout EdgeGraph) {
        let nx = grid.columns, ny = grid.rows
        let vOffset = nx * ny
        grid.values.withUnsafeBufferPointer { z in
            for r in 0..<(ny - 1) {
                for c in 0..<(nx - 1) {
                    let bl = z[r * nx + c], br = z[r * nx + c + 1]
                    let tl = z[(r + 1) * nx + c], tr = z[(r + 1) * nx + c + 1]
                    var index = 0
                    if bl > level { index |= 1 }
                    if br > level { index |= 2 }
                    if tr > level { index |= 4 }
                    if tl > level { index |= 8 }
                    if index == 0 || index == 15 { continue }
                    guard bl.isFinite, br.isFinite, tl.isFinite, tr.isFinite else { continue }
                    let b = r * nx + c, t = (r + 1) * nx + c
                    let l = vOffset + r * nx + c, rt = vOffset + r * nx + c + 1
                    switch index {
                    case 1, 14: graph.link(l, b)
                    case 2, 13: graph.link(b, rt)
                    case 3, 12: graph.link(l, rt)
                    case 4, 11: graph.link(rt, t)
                    case 6, 9: graph.link(b, t)
                    case 7, 8: graph.link(l, t)
                    case 5:  // bl and tr above
                        if (bl + br + tl + tr) / 4 > level {
                            graph.link(b, rt); graph.link(t, l)
                        } else {
                            graph.link(l, b); graph.link(rt, t)
                        }
                    case 10:  // br and tl above
                        if (bl + br + tl + tr) / 4 > level {
                            graph.link(l, b); graph.link(rt, t)
                        } else {
                            graph.link(b, rt); graph.link(t, l)
                        }
                    default: break
                    }
                }
            }
        }
    }

    /// The point where `level` crosses edge `id`.
    private func crossing(_ id: Int, _ level: Double) -> Point {
        let nx = grid.columns, n = nx * grid.rows
        let vertical = id >= n
        let base = vertical ? id - n : id
        let c = base % nx, r = base / nx
        let za = grid.values[base]
        let zb = vertical ? grid.values[base + nx] : grid.values[base + 1]
        let t = zb == za ? 0.5 : (level - za) / (zb - za)
        if vertical {
            return Point(grid.xs[c], grid.ys[r] + t * (grid.ys[r + 1] - grid.ys[r]))
        }
        return Point(grid.xs[c] + t * (grid.xs[c + 1] - grid.xs[c]), grid.ys[r])
    }

    /// Walks the edge graph: open chains from their ends first, then the closed loops.
    /// `visited` is all false on entry and on return.
    private func chains(_ graph: EdgeGraph, level: Double, visited: inout [Bool]) -> [Polyline] {
        var result: [Polyline] = []
        func walk(from start: Int) -> [Point] {
            var points = [crossing(start, level)]
            visited[start] = true
            var previous = -1, current = start
            while true {
                let a = Int(graph.first[current]), b = Int(graph.second[current])
                let next = (a >= 0 && a != previous && !visited[a]) ? a
                    : (b >= 0 && b != previous && !visited[b]) ? b : -1
                if next < 0 { break }
                visited[next] = true
                points.append(crossing(next, level))
                previous = current
                current = next
            }
            return points
        }
        for id in graph.touched where graph.second[id] < 0 && !visited[id] {
            result.append(Polyline(walk(from: id)))
        }
        for id in graph.touched where !visited[id] {
            result.append(Polyline(walk(from: id), isClosed: true))
        }
        for id in graph.touched { visited[id] = false }
        return result
    }
}
