import DescentBase
import Foundation
import Testing
@testable import DescentRender

@Suite struct PolylineTests {
    @Test func straightLinesCollapseToTheirEnds() {
        let line = Polyline((0...10).map { Point(Double($0), 2 * Double($0)) })
        #expect(line.simplified(tolerance: 0.1).points == [Point(0, 0), Point(10, 20)])
    }

    @Test func droppedPointsStayWithinTheTolerance() {
        // A circle of radius 50 px sampled every 2 px of arc, closed.
        let n = 157
        let circle = Polyline((0..<n).map { k in
            let t = 2 * Double.pi * Double(k) / Double(n)
            return Point(100 + 50 * cos(t), 100 + 50 * sin(t))
        }, isClosed: true)
        let tolerance = 1.0 / 9
        let simple = circle.simplified(tolerance: tolerance)
        #expect(simple.isClosed)
        #expect(simple.points.first == circle.points.first && simple.points.last == circle.points.last)
        #expect(simple.points.count < circle.points.count / 2)
        func distance(_ p: Point, _ a: Point, _ b: Point) -> Double {
            let dx = b.x - a.x, dy = b.y - a.y
            let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)))
            return hypot(a.x + t * dx - p.x, a.y + t * dy - p.y)
        }
        let segments = Array(zip(simple.points, simple.points.dropFirst()))
        for p in circle.points {
            let nearest = segments.map { distance(p, $0.0, $0.1) }.min()!
            #expect(nearest <= tolerance + 1e-12)
        }
    }

    @Test func backtrackingIsKept() {
        // Out and back along one line: the turning point is far from the segment between the ends.
        let line = Polyline([Point(0, 0), Point(10, 0), Point(1, 0)])
        #expect(line.simplified(tolerance: 0.1).points.count == 3)
    }
}
