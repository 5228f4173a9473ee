import DescentRender
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hostile command-line arguments: whatever a value holds (120 KB of JSON, newlines, U+2028,
/// escape sequences, an empty path, `/dev/zero`, a FIFO, two options naming one file, `-5`,
/// `nan`, `1e999`), every command answers with exit code 2 and one short `descent: …` line on
/// stderr, writes nothing, does not crash and does not hang.
@Suite struct HostileArgumentTests {
    // MARK: Running the tool

    /// Runs the built binary in `directory` (a fresh folder, so that "nothing written" can be
    /// checked there), killing it after `timeout` seconds: a hang fails the test, not the suite.
    static func run(_ arguments: [String], in directory: URL? = nil, timeout: Double = 120) throws -> CLIRunner.Result {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let outFile = FileManager.default.temporaryDirectory.appendingPathComponent("descent-hostile-out-\(UUID().uuidString)")
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("descent-hostile-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outFile)
            try? FileManager.default.removeItem(at: errFile)
        }
        let out = try FileHandle(forWritingTo: outFile), err = try FileHandle(forWritingTo: errFile)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        process.waitUntilExit()
        watchdog.cancel()
        try out.close()
        try err.close()
        return CLIRunner.Result(status: process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus,
                                stdout: String(decoding: try Data(contentsOf: outFile), as: UTF8.self),
                                stderr: String(decoding: try Data(contentsOf: errFile), as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("descent-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func contents(of dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }

    /// The usage-error contract: exit 2, nothing on stdout, one `descent: ` line on stderr of at
    /// most `ErrorLine.lineLength` scalars, no control character or line separator in it.
    static func expectUsageError(_ r: CLIRunner.Result, _ comment: String = "",
                                 sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == 2, "\(comment): status \(r.status), \(r.stderr.prefix(300).debugDescription)", sourceLocation: sourceLocation)
        #expect(r.stdout.isEmpty, "\(comment): \(r.stdout.prefix(300).debugDescription)", sourceLocation: sourceLocation)
        expectOneLine(r.stderr, comment, sourceLocation: sourceLocation)
    }

    static func expectOneLine(_ stderr: String, _ comment: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        // By bytes: a value that starts with a combining accent makes one character of it and the space before.
        #expect(stderr.utf8.starts(with: "descent: ".utf8) && stderr.utf8.last == UInt8(ascii: "\n"), "\(comment): \(stderr.prefix(300).debugDescription)",
                sourceLocation: sourceLocation)
        let body = stderr.unicodeScalars.dropLast()
        #expect(body.count <= 1000 + "descent: ".count, "\(comment): \(body.count) scalars", sourceLocation: sourceLocation)
        let breaking = body.filter {
            [.control, .lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory)
        }
        #expect(breaking.isEmpty, "\(comment): \(breaking.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
    }

    static let trace = ["trace", "--optimizer", "Adam", "--function", "rosenbrock"]
    static let render = ["render", "--optimizer", "Adam", "--function", "rosenbrock", "--steps", "3", "--size", "100", "--grid", "10"]
    static let search = ["search", "--optimizer", "Adam", "--function", "rosenbrock", "--evaluations", "2", "--search-steps", "3"]

    /// A valid config of one cheap optimizer.
    static func config(in dir: URL, name: String = "tiny.json") throws -> String {
        let path = dir.appendingPathComponent(name).path
        try Data(#"""
            {"name": "tiny", "function": "rosenbrock", "steps": 5,
             "search": {"evaluations": 2, "steps": 5}, "figures": {"size": 100, "grid": 10, "gif": false, "race": false, "loss_curve": false},
             "optimizers": ["Adam"]}
            """#.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    // MARK: 1. Echoed values

    static let huge = "{\"lr\": " + String(repeating: "9", count: 120_000)

    @Test(arguments: [
        (trace + ["--steps", "3", "--hyperparameters"], "--hyperparameters <json>"),
        (search + ["--space"], "--space <json>"),
        (trace + ["--steps"], "--steps <steps>"),
        (trace + ["--steps", "3", "--function"], "--function <function>"),
        (trace + ["--steps", "3", "--start"], "--start <x,y>"),
        (["run", "x.json", "--shard"], "--shard <i/n>"),
    ])
    func aHugeValueIsCutInTheErrorLine(_ command: [String], _ option: String) throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.run(command + [Self.huge], in: dir)
        Self.expectUsageError(r, option)
        #expect(r.stderr.hasPrefix("descent: The value '{\"lr\": 9999"), "\(r.stderr.prefix(200))")
        #expect(r.stderr.contains("9999…9999"), "\(r.stderr.prefix(400))")
        #expect(r.stderr.contains("9999' is invalid for '\(option)'"), "\(r.stderr.prefix(400))")
        // The reason may quote part of the value again ("number '999…' is too large"): cut too.
        #expect(!r.stderr.contains(String(repeating: "9", count: 81)), "\(r.stderr)")
        #expect(r.stderr.utf8.count < 1200, "\(r.stderr.utf8.count) bytes")
        #expect(Self.contents(of: dir).isEmpty)
        // `--option=value` echoes the value alone; it is cut the same way.
        let joined = try Self.run(command.dropLast() + ["\(command.last!)=\(Self.huge)"], in: dir)
        Self.expectUsageError(joined, option)
        #expect(joined.stderr == r.stderr)
    }

    @Test func newlinesSeparatorsAndEscapesAreEscaped() throws {
        let start = try Self.run(Self.trace + ["--steps", "3", "--start", "1\n,2"])
        Self.expectUsageError(start)
        #expect(start.stderr == "descent: The value '1\\n,2' is invalid for '--start <x,y>' — Start point: two finite numbers x,y (default: the function's default start).\n")
        let json = try Self.run(Self.trace + ["--steps", "3", "--hyperparameters", "{\u{2028}\u{2029}\u{85}\u{202E}\u{1B}[31m\r\t"])
        Self.expectUsageError(json)
        #expect(json.stderr.hasPrefix(#"descent: The value '{\u{2028}\u{2029}\u{85}\u{202E}\u{1B}[31m\r\t' is invalid for '--hyperparameters <json>': "#),
                "\(json.stderr)")
        // Not an argument at all: the library's "Unexpected argument" and "Unknown option" echo it too.
        let unexpected = try Self.run(["list", String(repeating: "x", count: 5000) + "\n" + String(repeating: "y", count: 5000)])
        Self.expectUsageError(unexpected)
        #expect(unexpected.stderr.hasPrefix("descent: Unexpected argument 'xxxx"), "\(unexpected.stderr)")
        let unknown = try Self.run(["--" + String(repeating: "z", count: 100_000) + "=1"])
        Self.expectUsageError(unknown)
        // A combining accent is a character of no width: 100 000 of them are cut as well.
        let accents = try Self.run(Self.trace + ["--steps", "3", "--function", "a" + String(repeating: "\u{301}", count: 50_000)])
        Self.expectUsageError(accents)
    }

    @Test func argumentsWithNULAreCutByTheSystemAndStillAnswered() throws {
        // exec(2) takes C strings: the tool sees "{" and says it is not JSON.
        let r = try Self.run(Self.trace + ["--steps", "3", "--hyperparameters", "{\0\"lr\": 1}"])
        Self.expectUsageError(r)
        #expect(r.stderr.hasPrefix("descent: The value '{' is invalid for '--hyperparameters <json>'"), "\(r.stderr)")
    }

    // MARK: 2. Empty paths

    @Test(arguments: [
        (render + ["--png", ""], "--png: the path is empty"),
        (render + ["--svg", ""], "--svg: the path is empty"),
        (render + ["--pdf", ""], "--pdf: the path is empty"),
        (render + ["--gif", ""], "--gif: the path is empty"),
        (render + ["--png", "a.png", "--gif", ""], "--gif: the path is empty"),
        (["run", "CONFIG", "--output", ""], "--output: the path is empty"),
        (["run", "CONFIG", ""], "a config path is empty"),
        (["validate", "CONFIG", ""], "a config path is empty"),
        (["gallery", ""], "the output folder: the path is empty"),
    ])
    func anEmptyPathIsAUsageErrorNamingTheOption(_ arguments: [String], _ message: String) throws {
        try Self.expectOneLineUsageError(arguments, message)
    }

    /// Runs `arguments` (with `CONFIG` standing for a tiny valid config) in an empty folder:
    /// exit 2, exactly `descent: <message>` on stderr, nothing written.
    static func expectOneLineUsageError(_ arguments: [String], _ message: String) throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try Self.config(in: dir)
        let r = try Self.run(arguments.map { $0 == "CONFIG" ? config : $0 }, in: dir)
        Self.expectUsageError(r, message)
        #expect(r.stderr == "descent: \(message)\n")
        #expect(Self.contents(of: dir) == ["tiny.json"])
    }

    // MARK: 3. Two outputs, one file

    @Test(arguments: [
        (["--png", "a.png", "--gif", "a.png"], "--png and --gif"),
        (["--png", "a.png", "--svg", "./a.png"], "--png and --svg"),
        (["--svg", "sub/../a.svg", "--pdf", "a.svg"], "--svg and --pdf"),
        (["--png", "DIR/a.png", "--pdf", "a.png"], "--png and --pdf"),
        (["--png", "x.png", "--pdf", "link/a.pdf", "--gif", "DIR/sub/a.pdf"], "--pdf and --gif"),
    ])
    func twoOutputsNamingOneFileAreRejected(_ outputs: [String], _ options: String) throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link").path, withDestinationPath: "sub")
        let real = URL(fileURLWithPath: dir.path).resolvingSymlinksInPath().path
        let r = try Self.run(Self.render + outputs.map { $0.replacingOccurrences(of: "DIR", with: real) }, in: dir)
        Self.expectUsageError(r)
        #expect(r.stderr.hasPrefix("descent: \(options) name the same file ("), "\(r.stderr)")
        #expect(r.stderr.hasSuffix("); give each a different file\n"), "\(r.stderr)")
        #expect(Self.contents(of: dir) == ["link", "sub"])
        #expect(Self.contents(of: dir.appendingPathComponent("sub")).isEmpty)
    }

    @Test func distinctOutputsAreAllWritten() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let r = try Self.run(Self.render + ["--png", "a.png", "--svg", "./a.svg", "--pdf", "sub/../a.pdf", "--gif", "a.gif"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.contents(of: dir) == ["a.gif", "a.pdf", "a.png", "a.svg", "sub"])
    }

    // MARK: 4. Numbers

    /// Each numeric option of trace, render, run and bench, with values that are negative, zero,
    /// huge, not numbers, hexadecimal or empty: exit 2, naming the option and what it takes.
    @Test(arguments: [
        (trace + ["--steps", "-5"], "--steps must not be negative (0…1000000), got -5"),
        (trace + ["--steps", "1000001"], "--steps must be in 0…1000000, got 1000001"),
        (render + ["--png", "a.png", "--steps", "-5"], "--steps must be positive (1…100000), got -5"),
        (render + ["--png", "a.png", "--steps", "0"], "--steps must be positive (1…100000), got 0"),
        (render + ["--png", "a.png", "--size", "-1"], "--size must be in 100…4000, got -1"),
        (render + ["--png", "a.png", "--grid", "-10"], "--grid must be in 10…2000, got -10"),
        (render + ["--gif", "a.gif", "--fps", "-25"], "--fps must be positive (1…100), got -25"),
        (render + ["--gif", "a.gif", "--tail", "-1"], "--tail must be positive (1…10000), got -1"),
        (render + ["--gif", "a.gif", "--fade", "-1"], "--fade must not be negative (0…10000), got -1"),
        (render + ["--gif", "a.gif", "--stride", "-1"], "--stride must be positive (1…10000), got -1"),
        (render + ["--gif", "a.gif", "--stride", "9223372036854775807"], "--stride must be in 1…10000, got 9223372036854775807"),
        (["run", "CONFIG", "--jobs", "-3"], "--jobs must be positive (1…256), got -3"),
        (["run", "CONFIG", "--jobs", "0"], "--jobs must be positive (1…256), got 0"),
        (["bench", "--steps", "-1"], "--steps must be positive (1…100000), got -1"),
        (["bench", "--iterations", "-1"], "--iterations must be positive (1…10000000), got -1"),
        (["bench", "--iterations", "0"], "--iterations must be positive (1…10000000), got 0"),
        (["bench", "--seconds", "-1"], "--seconds must not be negative (0…3600), got -1.0"),
        (["bench", "--seconds", "1e9"], "--seconds must be in 0…3600, got 1000000000.0"),
    ])
    func aNumberOutOfRangeNamesTheOptionAndTheRange(_ arguments: [String], _ message: String) throws {
        try Self.expectOneLineUsageError(arguments, message)
    }

    static let notIntegers = ["nan", "inf", "-inf", "1e999", "1e3", "0x10", "", "99999999999999999999999", "1.5", " 5", "--png"]

    static let renderPNG = ["render", "--optimizer", "Adam", "--function", "rosenbrock", "--steps", "3", "--png", "a.png"]

    @Test(arguments: [
        (trace, "--steps", "Number of optimizer steps (trace: 0…1000000; render: 1…100000)."),
        (renderPNG, "--size", "Figure width and height in pixels (100…4000)."),
        (renderPNG, "--fps", "Animation frames per second (1…100)."),
        (["run", "CONFIG"], "--jobs", "Optimizers run in parallel, 1…256 (default: the number of cores)."),
        (["bench"], "--steps", "Steps per trajectory (1…100000)."),
        (["bench"], "--iterations",
         "Run exactly this many trajectories instead of timing, 1…10000000 (for instruction counts under callgrind or perf stat)."),
    ])
    func aValueThatIsNoWholeNumberIsRejectedWithTheRange(_ command: [String], _ option: String, _ help: String) throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try Self.config(in: dir)
        let base = command.map { $0 == "CONFIG" ? config : $0 }
        for value in Self.notIntegers {
            let r = try Self.run(base + [option, value], in: dir)
            Self.expectUsageError(r, "\(option) \(value)")
            let synopsis = r.stderr.components(separatedBy: " is invalid for '").last ?? ""
            #expect(synopsis.hasPrefix("\(option) <") && synopsis.contains(">' — \(help)"), "\(option) \(value): \(r.stderr)")
        }
        #expect(Self.contents(of: dir) == ["tiny.json"])
    }

    @Test func decimalOptionsTakeOnlyFiniteDecimals() throws {
        for value in ["nan", "inf", "-infinity", "1e999", "0x10", "0x1p3", "", "1e", "1..2", "--optimizers"] {
            let seconds = try Self.run(["bench", "--seconds", value])
            Self.expectUsageError(seconds, value)
            #expect(seconds.stderr == "descent: The value '\(value)' is invalid for '--seconds <seconds>': not a finite decimal number\n")
            let start = try Self.run(Self.trace + ["--steps", "1", "--start", "\(value),1"])
            Self.expectUsageError(start, value)
            #expect(start.stderr.hasPrefix("descent: The value '\(value),1' is invalid for '--start <x,y>' — "), "\(start.stderr)")
            let clip = try Self.run(Self.trace + ["--steps", "1", "--clip-grad-norm", value])
            Self.expectUsageError(clip, value)
            #expect(clip.stderr.hasPrefix("descent: The value '\(value)' is invalid for '--clip-grad-norm <max-norm|none>' — "),
                    "\(clip.stderr)")
        }
        // Negative numbers are values, not options.
        let negative = try Self.run(Self.trace + ["--steps", "1", "--start", "-1.5,-2e-1", "--clip-grad-norm", "-1"])
        Self.expectUsageError(negative)
        #expect(negative.stderr.hasPrefix("descent: The value '-1' is invalid for '--clip-grad-norm <max-norm|none>' — "))
        let ok = try Self.run(Self.trace + ["--steps", "1", "--start", "-1.5,+.5", "--clip-grad-norm", "2E+0"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.hasPrefix("{\"points\": [[-1.5, 0.5], "), "\(ok.stdout)")
    }

    // MARK: 5. A full disk

    /// A 64 KB tmpfs, when this process may mount one (root on Linux); nil otherwise.
    static func tinyDisk() throws -> URL? {
        #if os(Linux)
        guard getuid() == 0 else { return nil }
        let dir = try temporaryDirectory()
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir.path]
        mount.standardError = FileHandle.nullDevice
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else {
            try? FileManager.default.removeItem(at: dir)
            return nil
        }
        return dir
        #else
        return nil
        #endif
    }

    static func unmount(_ dir: URL) throws {
        let umount = Process()
        umount.executableURL = URL(fileURLWithPath: "/bin/umount")
        umount.arguments = [dir.path]
        try umount.run()
        umount.waitUntilExit()
        try? FileManager.default.removeItem(at: dir)
    }

    @Test func aFullDiskIsReportedAsSuchNamingTheFile() throws {
        guard let disk = try Self.tinyDisk() else {
            // No tmpfs here: the wording is checked below, without a disk.
            return
        }
        defer { try? Self.unmount(disk) }
        for format in ["png", "svg", "gif"] {
            let file = disk.appendingPathComponent("big.\(format)").path
            let r = try Self.run(["render", "--optimizer", "Adam", "--function", "rosenbrock", "--steps", "300", "--size", "800",
                                  "--\(format)", file])
            Self.expectUsageError(r, format)
            #expect(r.stderr == "descent: \(file): no space left on device (the disk is full)\n")
            #expect(Self.contents(of: disk).isEmpty, "\(format): \(Self.contents(of: disk))")
        }
    }

    @Test func theFullDiskWordingAndTheDestinationOfATemporaryFile() {
        #expect(PNGFile.failureReason(libpng: "Write Error", errno: ENOSPC, freeBytes: 4096)
                == "no space left on device (the disk is full)")
        #expect(PNGFile.failureReason(libpng: "Write Error", errno: 0, freeBytes: 0) == "no space left on device (the disk is full)")
        #expect(PNGFile.failureReason(libpng: "Write Error", errno: EIO, freeBytes: 1 << 30)
                == "libpng: Write Error (\(String(cString: strerror(EIO))))")
        #expect(PNGFile.failureReason(libpng: "Write Error", errno: 0, freeBytes: nil) == "libpng: Write Error")
        #expect(PNGFile.destination(of: "/out/exp/.rosenbrock_Adam.png.descent-4595.42wnCg") == "/out/exp/rosenbrock_Adam.png")
        #expect(PNGFile.destination(of: ".a.png.descent-12.abcdef") == "a.png")
        #expect(PNGFile.destination(of: "/out/a.png") == "/out/a.png")
        #expect(PNGFile.destination(of: "/out/.descent-12.abcdef") == "/out/.descent-12.abcdef")
        #expect(PNGFile.destination(of: "/out/.a.descent-x1.abcdef") == "/out/.a.descent-x1.abcdef")
    }

    // MARK: 6. Paths that are not what they should be

    @Test func aConfigThatIsAFolderADeviceAFIFOOrTooBigIsRefusedWithoutReadingIt() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("fifo.json").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let big = dir.appendingPathComponent("big.json").path
        #expect(FileManager.default.createFile(atPath: big, contents: Data(count: (1 << 20) + 1)))
        let cases = [
            (dir.path, "a folder, not a config file"),
            ("/dev/zero", "not a regular file (a device, FIFO or socket), not a config file"),
            (fifo, "not a regular file (a device, FIFO or socket), not a config file"),
            (big, "the file is larger than 1048576 bytes"),
            (dir.appendingPathComponent("missing.json").path, "cannot read the file (No such file or directory)"),
        ]
        let out = dir.appendingPathComponent("out").path
        for (path, message) in cases {
            for command in [["validate", path], ["run", path, "--output", out]] {
                let r = try Self.run(command, in: dir, timeout: 60)
                Self.expectUsageError(r, path)
                #expect(r.stderr == "descent: \(path): \(message)\n")
            }
        }
        #expect(Self.contents(of: dir) == ["big.json", "fifo.json"])
    }

    @Test func anUnreadableConfigIsOneLine() throws {
        guard getuid() != 0 else { return }  // root reads any file
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try Self.config(in: dir)
        #expect(chmod(config, 0) == 0)
        let r = try Self.run(["validate", config])
        Self.expectUsageError(r)
        #expect(r.stderr.hasPrefix("descent: \(config): cannot read the file ("), "\(r.stderr)")
    }

    @Test func outputsThatAreFoldersDevicesOrInMissingFoldersAreRefusedUpFront() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("folder.png"), withIntermediateDirectories: true)
        let cases: [([String], String)] = [
            (["--png", "folder.png"], "--png: folder.png is a folder, not a file"),
            (["--png", "a.png", "--gif", "/dev/null"], "--gif: /dev/null is not a regular file (a device, FIFO or socket)"),
            (["--svg", "missing/a.svg"], "--svg: no folder missing for missing/a.svg"),
            (["--pdf", "a.pdf/"], "--pdf: a.pdf/ names a folder, not a file"),
            (["--png", "a\nb.png"], #"--png: the path 'a\nb.png' contains a control character"#),
        ]
        for (outputs, message) in cases {
            let r = try Self.run(Self.render + outputs, in: dir)
            Self.expectUsageError(r, message)
            #expect(r.stderr == "descent: \(message)\n")
        }
        #expect(Self.contents(of: dir) == ["folder.png"])
        var null = stat()
        #expect(stat("/dev/null", &null) == 0 && null.st_mode & S_IFMT == S_IFCHR, "/dev/null is still a device")
    }

    @Test func runAndGalleryRefuseAFolderThatIsAFile() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try Self.config(in: dir)
        let cases: [([String], String)] = [
            (["run", config, "--output", config], "--output: \(config) is not a folder"),
            (["run", config, "--output", "/dev/null"], "--output: /dev/null is not a folder"),
            (["run", config, "--output", "a\rb"], #"--output: the path 'a\rb' contains a control character"#),
            (["gallery", config], "\(config) is not a folder"),
            (["gallery", "missing"], "no folder missing"),
            (["run", config, "--format", ","], "The value ',' is invalid for '--format <formats>' — Figure formats to write, overriding the configs: a comma list of png, svg, pdf, gif."),
        ]
        for (arguments, message) in cases {
            let r = try Self.run(arguments, in: dir)
            Self.expectUsageError(r, message)
            #expect(r.stderr == "descent: \(message)\n")
        }
        #expect(Self.contents(of: dir) == ["tiny.json"])
    }

    @Test func benchRefusesWhatWouldRunForEverOrNotAtAll() throws {
        let cases: [([String], String)] = [
            (["bench", "--seconds", "inf"], "The value 'inf' is invalid for '--seconds <seconds>': not a finite decimal number"),
            (["bench", "--optimizers", ",,"], "--optimizers: give 1…500 names, got 0"),
            (["bench", "--optimizers", String(repeating: "Adam,", count: 501)], "--optimizers: give 1…500 names, got 501"),
        ]
        for (arguments, message) in cases {
            let r = try Self.run(arguments, timeout: 60)
            Self.expectUsageError(r, message)
            #expect(r.stderr == "descent: \(message)\n")
        }
        let unknown = try Self.run(["bench", "--optimizers", "Adam," + String(repeating: "n", count: 10_000)])
        Self.expectUsageError(unknown)
        #expect(unknown.stderr.hasPrefix("descent: --optimizers: unknown optimizer 'nnnn"), "\(unknown.stderr.prefix(200))")
    }

    /// Every subcommand given a 200 KB argument, a newline and an escape sequence where a value
    /// or a path goes: exit 2, one bounded line, nothing written.
    @Test(arguments: ["run", "validate", "gallery", "trace", "search", "render", "list", "bench"])
    func everySubcommandAnswersHostileArgumentsInOneLine(_ command: String) throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // exec(2) takes at most 128 KB per argument (Linux's MAX_ARG_STRLEN).
        let long = String(repeating: "/x", count: 60_000)
        let values = [long, long + ".json", "a\nb\u{2028}c\u{1B}[2J", String(repeating: "\u{301}", count: 50_000)]
        for value in values {
            let arguments: [String]
            switch command {
            case "run", "validate": arguments = [command, value]
            case "gallery": arguments = [command, value]
            case "trace": arguments = Self.trace + ["--steps", value]
            case "search": arguments = Self.search + ["--space", value]
            case "render": arguments = Self.render + ["--png", value]
            case "list": arguments = [command, value]
            default: arguments = [command, "--optimizers", value]
            }
            let r = try Self.run(arguments, in: dir, timeout: 60)
            Self.expectUsageError(r, "\(command) \(value.prefix(20).debugDescription)")
        }
        #expect(Self.contents(of: dir).isEmpty)
    }
}
