import Testing
@testable import DescentRender

@Suite struct TailStyleTests {
    @Test func alphaIsSolidThenFallsLinearly() throws {
        let s = try TailStyle(tail: 20, fade: 30)
        #expect(s.alpha(segment: 100, frame: 100) == 1)
        #expect(s.alpha(segment: 81, frame: 100) == 1)
        #expect(s.alpha(segment: 80, frame: 100) == 1 - 1.0 / 31)
        #expect(s.alpha(segment: 51, frame: 100) == 1 - 30.0 / 31)
        #expect(s.alpha(segment: 50, frame: 100) == 0)
        #expect(s.alpha(segment: 101, frame: 100) == 0)
        #expect(s.alpha(segment: 0, frame: 100) == 0)
        let alphas = (51...80).map { s.alpha(segment: $0, frame: 100) }
        #expect(zip(alphas, alphas.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func framesFollowTheStrideAndEndOnTheLastPoint() throws {
        #expect(try TailStyle().frameIndices(count: 501).count == 501)
        #expect(try TailStyle(stride: 4).frameIndices(count: 10) == [0, 4, 8, 9])
        #expect(try TailStyle(stride: 3).frameIndices(count: 10) == [0, 3, 6, 9])
        #expect(try TailStyle().frameIndices(count: 0).isEmpty)
        #expect(try TailStyle(fps: 25).delayCentiseconds == 4)
    }

    @Test func badValuesThrow() {
        #expect(throws: RenderError.self) { try TailStyle(tail: 0) }
        #expect(throws: RenderError.self) { try TailStyle(fade: -1) }
        #expect(throws: RenderError.self) { try TailStyle(stride: 0) }
        #expect(throws: RenderError.self) { try TailStyle(fps: 0) }
        #expect(throws: RenderError.self) { try TailStyle(fps: 500) }
    }
}
