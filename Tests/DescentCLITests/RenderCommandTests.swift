import Foundation
import Testing

/// `descent render` end to end: the built binary, its files, its one-line errors.
@Suite struct RenderCommandTests {
    /// The `descent` executable beside the test bundle.
    static let binary: URL = {
        var dir = Bundle.main.bundleURL
        if dir.pathExtension == "xctest" { dir = dir.deletingLastPathComponent() }
        return dir.appendingPathComponent("descent")
    }()

    struct Result {
        var status: Int32
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stderr: String(decoding: data, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("descent-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static let path = ["render", "--optimizer", "Adam", "--hyperparameters", #"{"lr": 0.1}"#,
                       "--function", "rosenbrock", "--steps", "30"]

    @Test func writesEveryRequestedFigure() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = ["png", "svg", "pdf", "gif"].map { dir.appendingPathComponent("r.\($0)").path }
        let result = try Self.run(Self.path + ["--start=-2,2", "--size", "200", "--stride", "5",
                                               "--png", files[0], "--svg", files[1], "--pdf", files[2], "--gif", files[3]])
        #expect(result.status == 0, "\(result.stderr)")
        let png = try Data(contentsOf: URL(fileURLWithPath: files[0]))
        #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        // IHDR: width and height, big-endian, at bytes 16…23.
        #expect(png[16..<24].elementsEqual([0, 0, 0, 200, 0, 0, 0, 200]))
        #expect(try Data(contentsOf: URL(fileURLWithPath: files[1])).prefix(5) == Data("<?xml".utf8))
        #expect(try Data(contentsOf: URL(fileURLWithPath: files[2])).prefix(4) == Data("%PDF".utf8))
        let gif = try Data(contentsOf: URL(fileURLWithPath: files[3]))
        #expect(gif.prefix(6) == Data("GIF89a".utf8))
        #expect(gif[6..<10].elementsEqual([200, 0, 200, 0]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).count == 4)
    }

    @Test(arguments: [
        (["--png", "x.png", "--size", "10"], "--size must be in 100…4000, got 10"),
        (["--png", "x.png", "--size", "4001"], "--size must be in 100…4000, got 4001"),
        (["--png", "x.png", "--grid", "9"], "--grid must be in 10…2000, got 9"),
        (["--png", "x.png", "--steps", "0"], "--steps must be positive (1…100000), got 0"),
        (["--gif", "x.gif", "--tail", "0"], "--tail must be positive (1…10000), got 0"),
        (["--gif", "x.gif", "--fade", "10001"], "--fade must be in 0…10000, got 10001"),
        (["--gif", "x.gif", "--fps", "0"], "--fps must be positive (1…100), got 0"),
        (["--gif", "x.gif", "--stride", "0"], "--stride must be positive (1…10000), got 0"),
        (["--png", "x.png", "--colormap", "rainbow"],
         "The value 'rainbow' is invalid for '--colormap <colormap>': unknown colour map 'rainbow'; valid: jet, viridis, plasma, "
            + "inferno, magma, cividis, turbo, coolwarm, jet_r, viridis_r, plasma_r, inferno_r, magma_r, cividis_r, turbo_r, coolwarm_r"),
        ([], "nothing to write: give at least one of --png, --svg, --pdf, --gif"),
    ])
    func badValuesGiveOneLineErrors(_ extra: [String], _ message: String) throws {
        let result = try Self.run(Self.path + extra)
        #expect(result.status == 2)
        #expect(result.stderr == "descent: \(message)\n")
    }

    @Test func unknownFunctionAndUnwritablePathFail() throws {
        var args = Self.path + ["--png", "/nonexistent-dir/r.png"]
        let unwritable = try Self.run(args)
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr == "descent: --png: no folder /nonexistent-dir for /nonexistent-dir/r.png\n")
        #expect(unwritable.stderr.filter { $0 == "\n" }.count == 1)
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent-dir/r.png"))
        args[args.firstIndex(of: "rosenbrock")!] = "nosuchfunction"
        let unknown = try Self.run(args)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "descent: The value 'nosuchfunction' is invalid for '--function <function>': unknown function 'nosuchfunction'; `descent list` shows all 12\n")
        #expect(unknown.stderr.filter { $0 == "\n" }.count == 1)
    }

    /// `--function` takes a config's function object too: the figure is drawn on its view, and
    /// a bad object is one line naming what is wrong.
    @Test func anExpressionFunctionRendersAsConfigsGiveIt() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let png = dir.appendingPathComponent("e.png").path
        var args = Self.path + ["--png", png, "--size", "200", "--grid", "30"]
        args[args.firstIndex(of: "rosenbrock")!] =
            #"{"expression": "(1-x)^2 + 100*(y-x^2)^2", "minima": [[1, 1]], "view": {"x": [-2, 2], "y": [-1, 3]}, "start": [-1.5, 2]}"#
        let ok = try Self.run(args)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(FileManager.default.fileExists(atPath: png))
        args[args.firstIndex(of: "--png")! + 1] = dir.appendingPathComponent("f.png").path
        args[args.firstIndex(of: "--function")! + 1] = #"{"expression": "(1-x", "minima": [[1, 1]], "view": {"x": [-2, 2], "y": [-1, 3]}}"#
        let bad = try Self.run(args)
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("descent: The value") && bad.stderr.contains("expression"), "\(bad.stderr)")
        #expect(bad.stderr.filter { $0 == "\n" }.count == 1)
    }

    @Test func divergingPathsStillRender() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let png = dir.appendingPathComponent("d.png").path
        let result = try Self.run(["render", "--optimizer", "SGD", "--hyperparameters", #"{"lr": 1000}"#,
                                   "--function", "rosenbrock", "--steps", "50", "--clip-grad-norm", "none",
                                   "--size", "128", "--png", png, "--gif", dir.appendingPathComponent("d.gif").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: png))
    }
}
