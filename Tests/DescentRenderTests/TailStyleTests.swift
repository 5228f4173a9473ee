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
        // Drawn in the palette's 16 levels: non-decreasing, from 0 up to 1.
        let drawn = (50...100).map { s.drawnAlpha(segment: $0, frame: 100) }
        #expect(zip(drawn, drawn.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(Set(drawn).isSubset(of: Set((0...15).map { Double($0) / 15 })))
        #expect(drawn.first == 0 && drawn.last == 1)
        #expect(Set(drawn).count == 16)
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
