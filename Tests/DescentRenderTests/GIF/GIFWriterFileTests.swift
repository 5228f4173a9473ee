import DescentBase
import DescentRender
import Foundation
import Testing

@Suite("GIFWriter files and errors")
struct GIFWriterFileTests {
    static let white = GIFPalette(colors: [RGB(255, 255, 255), RGB(0, 0, 0)])!

    @Test("The GIF appears at its path only when finished, through a hidden temporary file beside it")
    func atomicFinish() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("out.gif")
        let writer = try GIFWriter(path: path, width: 4, height: 4, palette: Self.white, delayCentiseconds: 5)
        try TestRaster(width: 4, height: 4).withView { try writer.addFrame($0) }
        let during = try directory.contents()
        #expect(during.count == 1)
        #expect(during.allSatisfy { $0.hasPrefix(".out.gif.") }, "\(during)")
        #expect(!FileManager.default.fileExists(atPath: path))
        try writer.finish()
        #expect(try directory.contents() == ["out.gif"])
        #expect(try DecodedGIF(path: path).frames.count == 1)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o644)
    }

    @Test("A writer dropped without finish() removes its temporary file and leaves the old file")
    func droppedWriter() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("kept.gif")
        let old = Data("previous contents".utf8)
        try old.write(to: URL(fileURLWithPath: path))
        do {
            let writer = try GIFWriter(path: path, width: 4, height: 4, palette: Self.white, delayCentiseconds: 5)
            try TestRaster(width: 4, height: 4).withView { try writer.addFrame($0) }
            #expect(try directory.contents().count == 2)
        }
        #expect(try directory.contents() == ["kept.gif"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == old)
    }

    @Test("finish() replaces an existing file")
    func replaces() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("replaced.gif")
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        let writer = try GIFWriter(path: path, width: 2, height: 2, palette: Self.white, delayCentiseconds: 5)
        try TestRaster(width: 2, height: 2).withView { try writer.addFrame($0) }
        try writer.finish()
        #expect(try DecodedGIF(path: path).width == 2)
        #expect(try directory.contents() == ["replaced.gif"])
    }

    @Test("A path in a missing directory throws a GIFError naming the file and the system's reason")
    func missingDirectory() throws {
        let path = "/nonexistent-descent-dir/sub/out.gif"
        let error = try #require(throws: GIFError.self) {
            _ = try GIFWriter(path: path, width: 4, height: 4, palette: Self.white, delayCentiseconds: 5)
        }
        #expect(error.path == path)
        #expect(error.reason == .system(code: ENOENT, message: String(cString: strerror(ENOENT))))
        #expect(error.description.contains(path))
        #expect(error.description.contains("No such file or directory"))
    }

    @Test("A path naming a directory throws")
    func directoryPath() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: GIFError.self) {
            _ = try GIFWriter(path: directory.path + "/", width: 4, height: 4, palette: Self.white, delayCentiseconds: 5)
        }
        // Renaming onto an existing directory fails at finish(), and the temporary file goes.
        let writer = try GIFWriter(path: directory.path + "/sub", width: 2, height: 2, palette: Self.white,
                                   delayCentiseconds: 5)
        try FileManager.default.createDirectory(atPath: directory.path + "/sub/inner", withIntermediateDirectories: true)
        try TestRaster(width: 2, height: 2).withView { try writer.addFrame($0) }
        let error = try #require(throws: GIFError.self) { try writer.finish() }
        #expect(error.operation == "write")
        #expect(error.description.contains("Is a directory"))
        #expect(try directory.contents() == ["sub"])
        #expect(throws: GIFError(path: directory.path + "/sub", operation: "add frame 2", reason: .writerClosed)) {
            try TestRaster(width: 2, height: 2).withView { try writer.addFrame($0) }
        }
    }

    @Test("Sizes, delays and loop counts outside a GIF's 16-bit fields are refused", arguments: [
        (0, 4, 5, 0), (4, -1, 5, 0), (70_000, 4, 5, 0), (8193, 8193, 5, 0),  // width, height
        (4, 4, -1, 0), (4, 4, 65_536, 0), (4, 4, 5, -2), (4, 4, 5, 65_536),  // delay, loop count
    ])
    func invalidArguments(_ arguments: (Int, Int, Int, Int)) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (width, height, delay, loops) = arguments
        let error = try #require(throws: GIFError.self) {
            _ = try GIFWriter(path: directory.file("x.gif"), width: width, height: height, palette: Self.white,
                              delayCentiseconds: delay, loopCount: loops)
        }
        guard case .invalidArgument = error.reason else {
            Issue.record("expected invalidArgument, got \(error)")
            return
        }
        #expect(try directory.contents().isEmpty)
    }

    @Test("A bad frame is refused without harming the writer")
    func badFrames() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("frames.gif")
        let writer = try GIFWriter(path: path, width: 4, height: 3, palette: Self.white, delayCentiseconds: 5)
        let wrongSize = TestRaster(width: 3, height: 3)
        #expect(throws: GIFError.self) { try wrongSize.withView { try writer.addFrame($0) } }
        let right = TestRaster(width: 4, height: 3, padding: 0)
        #expect(throws: GIFError.self) {
            try right.withView { try writer.addFrame(RasterView(base: $0.base, width: 4, height: 3, stride: 12)) }
        }
        #expect(throws: GIFError.self) { try right.withView { try writer.addFrame($0, delayCentiseconds: 65_536) } }
        #expect(throws: GIFError.self) {
            try right.withView { try writer.addFrame($0, changed: Rect<Int>(x: 0, y: 0, width: -1, height: 2)) }
        }
        #expect(throws: GIFError.self) { try writer.finish() }  // no frame yet
        try right.withView { try writer.addFrame($0) }
        #expect(writer.frameCount == 1)
        try writer.finish()
        #expect(try DecodedGIF(path: path).frames.count == 1)
        #expect(throws: GIFError.self) { try writer.finish() }
        #expect(throws: GIFError.self) { try right.withView { try writer.addFrame($0) } }
    }

    @Test("Pixels outside a promised changed rectangle are not compared")
    func changedIsAPromise() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("promise.gif")
        let writer = try GIFWriter(path: path, width: 6, height: 4, palette: Self.white, delayCentiseconds: 5)
        var raster = TestRaster(width: 6, height: 4)
        try raster.withView { try writer.addFrame($0) }
        raster[0, 0] = 0xFF00_0000  // outside the promise: ignored
        raster[4, 2] = 0xFF00_0000  // inside: written
        try raster.withView { try writer.addFrame($0, changed: Rect<Int>(x: 3, y: 1, width: 3, height: 3)) }
        try writer.finish()
        let gif = try DecodedGIF(path: path)
        #expect(gif.frames[1].rect == Rect<Int>(x: 4, y: 2, width: 1, height: 1))
        let last = try #require(try gif.composedFrames().last)
        #expect(last[0] == RGB(255, 255, 255))
        #expect(last[2 * 6 + 4] == RGB(0, 0, 0))
    }
}
