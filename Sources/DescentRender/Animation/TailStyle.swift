/// How an animation shows the path: the last `tail` segments solid with markers, the `fade`
/// segments before them with alpha falling linearly towards 0, one frame every `stride`
/// points (the last point always gets a frame), `fps` frames per second.
public struct TailStyle: Hashable, Sendable {
    public var tail: Int
    public var fade: Int
    public var stride: Int
    public var fps: Int

    /// Throws unless tail ≥ 1, fade ≥ 0, stride ≥ 1 and fps is 1…100.
    public init(tail: Int = 20, fade: Int = 30, stride: Int = 1, fps: Int = 25) throws(RenderError) {
        guard tail >= 1, tail <= 100_000 else { throw .invalidAnimation("--tail must be 1…100000, got \(tail)") }
        guard fade >= 0, fade <= 100_000 else { throw .invalidAnimation("--fade must be 0…100000, got \(fade)") }
        guard stride >= 1 else { throw .invalidAnimation("--stride must be ≥ 1, got \(stride)") }
        guard (1...100).contains(fps) else { throw .invalidAnimation("--fps must be 1…100, got \(fps)") }
        self.tail = tail
        self.fade = fade
        self.stride = stride
        self.fps = fps
    }

    /// GIF frame delay: 100 / fps centiseconds, rounded (25 fps → 4 cs).
    public var delayCentiseconds: Int { max(1, Int((100.0 / Double(fps)).rounded())) }

    /// The point indices that get a frame for a path of `count` points.
    public func frameIndices(count: Int) -> [Int] {
        guard count > 0 else { return [] }
        var indices = Array(Swift.stride(from: 0, to: count, by: stride))
        if indices.last != count - 1 { indices.append(count - 1) }
        return indices
    }

    /// The alpha segment `k` is drawn with in frame `i`: `alpha(segment:frame:)` rounded to
    /// one of 16 levels (0, 1/15, … 1), the levels the GIF palette holds blends for.
    public func drawnAlpha(segment k: Int, frame i: Int) -> Double {
        (alpha(segment: k, frame: i) * 15).rounded() / 15
    }

    /// The alpha of segment `k` (from point k−1 to point k) in the frame of point `i`:
    /// 1 for the tail, 1 − j/(fade + 1) for the j-th segment before it, 0 for the rest.
    public func alpha(segment k: Int, frame i: Int) -> Double {
        let age = i - k  // 0 for the newest segment
        if k < 1 || age < 0 { return 0 }
        if age < tail { return 1 }
        let j = age - tail + 1
        return j <= fade ? 1 - Double(j) / Double(fade + 1) : 0
    }
}
