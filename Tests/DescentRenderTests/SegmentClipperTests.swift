import DescentBase
import Testing
@testable import DescentRender

@Suite struct SegmentClipperTests {
    let clipper = SegmentClipper(bounds: Rect<Double>(x: 0, y: 0, width: 100, height: 100))

    @Test func keepsInsideSegmentsWhole() {
        let runs = clipper.clip([Point(10, 10), Point(20, 30), Point(50, 50)])
        #expect(runs == [Polyline([Point(10, 10), Point(20, 30), Point(50, 50)])])
    }

    @Test func cutsAtTheBorderKeepingDirection() throws {
        // From the centre to a point a billion pixels away along the diagonal.
        let runs = clipper.clip([Point(50, 50), Point(1e9, 1e9)])
        let run = try #require(runs.first)
        #expect(runs.count == 1)
        #expect(run.points.last == Point(100, 100))
    }

    @Test func leavingAndReturningSplitsTheLine() {
        let runs = clipper.clip([Point(10, 50), Point(200, 50), Point(60, 60)])
        #expect(runs.count == 2)
        #expect(runs.allSatisfy { $0.points.allSatisfy(clipper.contains) })
    }

    @Test func nonFinitePointsAreDroppedAndSplit() {
        let runs = clipper.clip([Point(10, 10), Point(20, 20), Point(.nan, 3), Point(30, 30),
                                 Point(40, .infinity), Point(50, 50), Point(60, 60)])
        #expect(runs == [Polyline([Point(10, 10), Point(20, 20)]), Polyline([Point(50, 50), Point(60, 60)])])
    }

    @Test func segmentsOutsideVanish() {
        #expect(clipper.clip([Point(-10, -10), Point(-5, 200)]).isEmpty)
    }
}
