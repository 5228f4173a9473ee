import Testing
@testable import DescentRender

@Suite struct SegmentClipperTests {
    let clipper = SegmentClipper(bounds: PixelBox(x: 0, y: 0, width: 100, height: 100))

    @Test func keepsInsideSegmentsWhole() {
        let runs = clipper.clip([PlotPoint(10, 10), PlotPoint(20, 30), PlotPoint(50, 50)])
        #expect(runs == [Polyline([PlotPoint(10, 10), PlotPoint(20, 30), PlotPoint(50, 50)])])
    }

    @Test func cutsAtTheBorderKeepingDirection() throws {
        // From the centre to a point a billion pixels away along the diagonal.
        let runs = clipper.clip([PlotPoint(50, 50), PlotPoint(1e9, 1e9)])
        let run = try #require(runs.first)
        #expect(runs.count == 1)
        #expect(run.points.last == PlotPoint(100, 100))
    }

    @Test func leavingAndReturningSplitsTheLine() {
        let runs = clipper.clip([PlotPoint(10, 50), PlotPoint(200, 50), PlotPoint(60, 60)])
        #expect(runs.count == 2)
        #expect(runs.allSatisfy { $0.points.allSatisfy(clipper.contains) })
    }

    @Test func nonFinitePointsAreDroppedAndSplit() {
        let runs = clipper.clip([PlotPoint(10, 10), PlotPoint(20, 20), PlotPoint(.nan, 3), PlotPoint(30, 30),
                                 PlotPoint(40, .infinity), PlotPoint(50, 50), PlotPoint(60, 60)])
        #expect(runs == [Polyline([PlotPoint(10, 10), PlotPoint(20, 20)]), Polyline([PlotPoint(50, 50), PlotPoint(60, 60)])])
    }

    @Test func segmentsOutsideVanish() {
        #expect(clipper.clip([PlotPoint(-10, -10), PlotPoint(-5, 200)]).isEmpty)
    }
}
