import DescentBase
import CGif
import DescentRender
import Testing

@Suite("GIFWriter encoding")
struct GIFWriterTests {
    @Test("Every composed frame equals the frame mapped to the palette, frame by frame")
    func roundTrip() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let animation = TestAnimation(width: 64, height: 48, steps: 24)
        let palette = animation.palette
        let path = directory.file("spiral.gif")
        let writer = try GIFWriter(path: path, width: 64, height: 48, palette: palette, delayCentiseconds: 4)
        var expected: [[RGB]] = []
        var delays: [Int] = []
        for step in 0..<24 {
            var frame = animation.frame(step)
            if step == 5 {
                // A translucent pixel: written as its un-premultiplied colour (black at a = 0).
                frame[1, 1] = 0x8080_0000
                frame[2, 1] = 0x0000_0000
            }
            expected.append(frame.paletteImage(palette))
            // Alternate the three ways a caller can describe the change. Steps 5 and 6 (the
            // translucent pixels come and go) fall on the whole-image cases, as they must.
            let changed: Rect<Int>? = switch step % 3 {
            case 0: nil
            case 1: animation.changed(step)
            default: Rect<Int>(x: -10, y: -10, width: 200, height: 200)  // clipped to the image
            }
            let delay: Int? = step % 4 == 0 ? 10 + step : nil
            delays.append(delay ?? 4)
            try frame.withView { try writer.addFrame($0, changed: changed, delayCentiseconds: delay) }
        }
        try writer.finish()

        let gif = try DecodedGIF(path: path)
        #expect(gif.width == 64 && gif.height == 48)
        #expect(Array(gif.colors.prefix(palette.colors.count)) == palette.colors)
        #expect(gif.colors.count == 256)
        #expect(gif.loopCount == 0)
        let composed = try gif.composedFrames()
        try #require(composed.count == expected.count)
        for (step, (got, want)) in zip(composed, expected).enumerated() {
            #expect(got == want, "frame \(step) differs in \(zip(got, want).filter { $0 != $1 }.count) pixels")
        }
        #expect(gif.frames.map(\.delayCentiseconds) == delays)
        #expect(gif.frames.allSatisfy { $0.disposal == DISPOSE_DO_NOT })
        #expect(gif.frames[0].transparentIndex == nil)
        #expect(gif.frames[0].rect == Rect<Int>(x: 0, y: 0, width: 64, height: 48))
        #expect(gif.frames.dropFirst().allSatisfy { $0.transparentIndex == palette.colors.count })
    }

    @Test("Later frames hold exactly the bounding box of the changed pixels, unchanged ones transparent")
    func changedRectangles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let animation = TestAnimation(width: 80, height: 60, steps: 30)
        let palette = animation.palette
        let path = directory.file("boxes.gif")
        let writer = try GIFWriter(path: path, width: 80, height: 60, palette: palette, delayCentiseconds: 2)
        var images: [[RGB]] = []
        for step in 0..<30 {
            let frame = animation.frame(step)
            images.append(frame.paletteImage(palette))
            try frame.withView { try writer.addFrame($0, changed: step.isMultiple(of: 2) ? animation.changed(step) : nil) }
        }
        try writer.finish()
        let gif = try DecodedGIF(path: path)
        try #require(gif.frames.count == 30)
        var unchangedFrames = 0
        for step in 1..<30 {
            let frame = gif.frames[step]
            let differing = (0..<(80 * 60)).filter { images[step][$0] != images[step - 1][$0] }
            guard let first = differing.first else {
                unchangedFrames += 1
                #expect(frame.rect == Rect<Int>(x: 0, y: 0, width: 1, height: 1), "frame \(step)")
                #expect(frame.indices == [UInt8(palette.colors.count)], "frame \(step)")
                continue
            }
            let box = differing.dropFirst().reduce(Rect<Int>(x: first % 80, y: first / 80, width: 1, height: 1)) {
                $0.union(Rect<Int>(x: $1 % 80, y: $1 / 80, width: 1, height: 1))
            }
            #expect(frame.rect == box, "frame \(step)")
            // Inside the box: a pixel is transparent exactly when it did not change.
            let transparent = frame.indices.filter { Int($0) == frame.transparentIndex }.count
            #expect(transparent == box.width * box.height - differing.count, "frame \(step)")
        }
        #expect(unchangedFrames > 0, "the stalled end of the path gives identical frames")
    }

    @Test("Changed-rectangle encoding keeps the file small")
    func smallFrames() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let animation = TestAnimation(width: 200, height: 150, steps: 60)
        let palette = animation.palette
        let single = directory.file("single.gif"), animated = directory.file("animated.gif")
        let one = try GIFWriter(path: single, width: 200, height: 150, palette: palette, delayCentiseconds: 2)
        try animation.frame(0).withView { try one.addFrame($0) }
        try one.finish()
        let writer = try GIFWriter(path: animated, width: 200, height: 150, palette: palette, delayCentiseconds: 2)
        for step in 0..<60 {
            try animation.frame(step).withView { try writer.addFrame($0, changed: animation.changed(step)) }
        }
        try writer.finish()
        let singleSize = try TemporaryDirectory.size(of: single), animatedSize = try TemporaryDirectory.size(of: animated)
        // 59 more frames, each a few dozen changed pixels: far less than the first frame each.
        #expect(animatedSize - singleSize < 59 * singleSize / 20, "one frame \(singleSize) B, 60 frames \(animatedSize) B")
        let gif = try DecodedGIF(path: animated)
        #expect(gif.frames.dropFirst().allSatisfy { $0.rect.width * $0.rect.height <= 40 * 40 })
    }

    @Test("The NETSCAPE2.0 extension carries the loop count", arguments: [0, 1, 3, 65535])
    func loopCount(_ count: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let raster = TestRaster(width: 3, height: 2)
        let palette = try #require(GIFPalette(colors: [RGB(255, 255, 255)]))
        let path = directory.file("loop.gif")
        let writer = try GIFWriter(path: path, width: 3, height: 2, palette: palette, delayCentiseconds: 1, loopCount: count)
        try raster.withView { try writer.addFrame($0) }
        try raster.withView { try writer.addFrame($0) }
        try writer.finish()
        let gif = try DecodedGIF(path: path)
        #expect(gif.loopCount == count)
        #expect(gif.frames.count == 2)
        #expect(gif.colors.count == 2, "one colour and the transparent index: the smallest table")
    }

    @Test("The cache never changes an answer: thousands of colours match the exhaustive search")
    func cacheMatchesExhaustiveSearch() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let palette = GIFPaletteTests.landscape(width: 120, height: 90).withView {
            GIFPalette.fitted(background: $0, overlayColors: [TestAnimation.pathColor])
        }
        let path = directory.file("noise.gif")
        let writer = try GIFWriter(path: path, width: 128, height: 64, palette: palette, delayCentiseconds: 1)
        var expected: [[RGB]] = []
        var state: UInt32 = 12345
        for _ in 0..<3 {
            var raster = TestRaster(width: 128, height: 64)
            for y in 0..<64 {
                for x in 0..<128 {
                    state = state &* 1_664_525 &+ 1_013_904_223  // LCG: many colours, many slot collisions
                    raster[x, y] = 0xFF00_0000 | state >> 8
                }
            }
            expected.append(raster.paletteImage(palette))
            try raster.withView { try writer.addFrame($0) }
        }
        try writer.finish()
        let composed = try DecodedGIF(path: path).composedFrames()
        #expect(composed == expected)
    }
}
