import DescentBase
import DescentCore
@testable import DescentHarness
import Foundation
import Testing

/// Issue 14's attacks on configs, each a regression test: names that would leave the output
/// folder, collisions, configs that validate but would fail or run for hours, leftovers of
/// killed runs, and messages that break lines.
@Suite(.serialized) struct HostileConfigTests {
    func decode(_ text: String) throws(ConfigError) -> Experiment {
        try ExperimentDecoder.decode(text, file: "h.json", defaultName: "h")
    }

    func rejection(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ConfigError? {
        #expect(throws: ConfigError.self, sourceLocation: sourceLocation) { try decode(text) }
    }

    static let escaping = #"""
        {"name":"trav","function":{"expression":"x^2+y^2","name":"../../esc","minima":[[0,0]],"view":{"x":[-2,2],"y":[-2,2]}},
         "steps":20,"search":{"evaluations":2,"steps":5},"figures":{"size":100},"optimizers":["Adam"]}
        """#

    // 1. Names that become paths follow one rule, with the JSON path in the error.
    @Test(arguments: [
        (#"{"name": "../up", "function": "rosenbrock", "optimizers": ["Adam"]}"#, "name"),
        (#"{"name": "a/b", "function": "rosenbrock", "optimizers": ["Adam"]}"#, "name"),
        (#"{"name": "a\u0000b", "function": "rosenbrock", "optimizers": ["Adam"]}"#, "name"),
        (#"{"name": "..", "function": "rosenbrock", "optimizers": ["Adam"]}"#, "name"),
        (#"{"function": "rosenbrock", "optimizers": [{"name": "Adam", "label": "."}]}"#, "optimizers[0].label"),
        (#"{"function": "rosenbrock", "optimizers": [{"name": "Adam", "label": ".."}]}"#, "optimizers[0].label"),
        (#"{"function": "rosenbrock", "optimizers": [{"name": "Adam", "label": "a/b"}]}"#, "optimizers[0].label"),
        (#"{"function": "rosenbrock", "optimizers": [{"name": "Adam", "label": "-rf"}]}"#, "optimizers[0].label"),
    ])
    func namesThatWouldLeaveTheFolderAreRejected(_ text: String, _ path: String) {
        let error = rejection(text)
        #expect(error?.path == path, "\(String(describing: error))")
        #expect(error?.message.contains("not a usable") == true)
    }

    @Test func theReportedEscapeIsRejectedAtItsPath() {
        let error = rejection(Self.escaping)
        #expect(error?.path == "function.name")
        #expect(error?.message.contains("must not start with '.'") == true)
    }

    @Test func aNameOfThreeHundredBytesIsRejectedNotFailedAtRunTime() {
        let long = String(repeating: "a", count: 300)
        #expect(rejection(#"{"name": "\#(long)", "function": "rosenbrock", "optimizers": ["Adam"]}"#)?.path == "name")
        let error = rejection(#"{"function": "rosenbrock", "optimizers": [{"name": "Adam", "label": "\#(long)"}]}"#)
        #expect(error?.message.contains("300 bytes") == true)
    }

    // 5. Collisions with the experiment's own figures.
    @Test(arguments: ["race", "loss", "Race", "LOSS"])
    func labelsNamingTheExperimentsFiguresAreRejected(_ label: String) {
        let error = rejection(#"{"function": "rosenbrock", "optimizers": [{"name": "Adam", "label": "\#(label)"}]}"#)
        #expect(error?.path == "optimizers[0].label")
    }

    // 4. Work and memory far beyond what a config looks like.
    @Test func costsBeyondTheModelAreRejectedSayingWhatToLower() {
        let levels = (0..<100_000).map { "\($0)" }.joined(separator: ",")
        #expect(rejection(#"{"function": "rosenbrock", "levels": [\#(levels)], "optimizers": ["Adam"]}"#)?.path == "levels")
        let gif = rejection(#"{"function": "rosenbrock", "steps": 100000, "figures": {"size": 4000}, "optimizers": ["Adam"]}"#)
        #expect(gif?.path == "figures" && gif?.message.contains("figures.stride") == true, "\(String(describing: gif))")
        let many = (0..<100).map { #"{"name": "Adam", "label": "a\#($0)"}"# }.joined(separator: ",")
        let search = rejection(#"{"function": "rosenbrock", "search": {"evaluations": 10000, "steps": 2000}, "optimizers": [\#(many)]}"#)
        #expect(search?.path == "search" && search?.message.contains("search.evaluations") == true)
        let contours = rejection(#"{"function": "rosenbrock", "levels": 200, "figures": {"grid": 2000}, "optimizers": ["Adam"]}"#)
        #expect(contours?.path == "levels")
    }

    // 6. What run would reject, validate rejects.
    @Test(arguments: [
        (#"{"function": {"expression": "log(-1)+x", "minima": [[0,0]], "view": {"x": [-1,1], "y": [-1,1]}}, "optimizers": ["Adam"]}"#, "function"),
        (#"{"function": {"expression": "10^10^10", "minima": [[0,0]], "view": {"x": [-1,1], "y": [-1,1]}}, "optimizers": ["Adam"]}"#, "function"),
        (#"{"function": "rosenbrock", "view": {"x": [-1e308, 1e308], "y": [-1, 3]}, "optimizers": ["Adam"]}"#, "view"),
    ])
    func configsThatCouldNotRunAreRejected(_ text: String, _ path: String) {
        #expect(rejection(text)?.path == path)
    }

    // 8. Smaller: unused spaces are checked, odd keys have unambiguous paths, messages are one line.
    @Test func anUnusedTopLevelSpaceIsStillChecked() {
        let error = rejection(#"""
            {"function": "rosenbrock", "search": {"space": {"lr": {"uniform": [1, 0]}}},
             "optimizers": [{"name": "Adam", "space": {"lr": {"uniform": [0, 1]}}}]}
            """#)
        #expect(error?.path == "search.space" && error?.message.contains("inverted") == true)
    }

    @Test func oddKeysGetQuotedPaths() {
        #expect(rejection(#"{"function": "rosenbrock", "search": {"": 1}, "optimizers": ["Adam"]}"#)?.path == #"search[""]"#)
        #expect(rejection(#"{"function": "rosenbrock", "a.b": 1, "optimizers": ["Adam"]}"#)?.path == #"["a.b"]"#)
    }

    @Test func messagesStayOnOneLine() {
        for name in ["a\nb", "a\u{2028}b", "a\rb"] {
            let json = JSONWriter.string(.object([("name", .string(name)), ("function", .string("rosenbrock")),
                                                  ("optimizers", .array([.string("Adam")]))]), pretty: false)
            let error = rejection(json)
            #expect(error.map { !$0.description.contains(where: \.isNewline) } == true, "\(String(describing: error))")
        }
    }

    // 1, second line of defence, and 7: the writer itself.
    @Test func theWriterRefusesFoldersThatResolveOutsideTheOutput() throws {
        let dir = ExperimentRunnerTests.temporaryDirectory(), outside = ExperimentRunnerTests.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/out/tiny", withDestinationPath: outside)
        #expect(throws: FileError.self) { try ExperimentRunnerTests.run([try ExperimentRunnerTests.experiment()], output: dir + "/out") }
        #expect(ExperimentRunnerTests.files(outside).isEmpty)
        let folder = try OutputFolder(making: dir + "/plain")
        #expect(throws: FileError.self) { try folder.file("../x") }
        #expect(throws: FileError.self) { try folder.file("") }
    }

    @Test func aRunRemovesTheTemporaryFilesOfKilledRuns() throws {
        let dir = ExperimentRunnerTests.temporaryDirectory()
        let folder = dir + "/tiny"
        try FileManager.default.createDirectory(atPath: folder + "/runs", withIntermediateDirectories: true)
        let stale = [folder + "/.rosenbrock_Adam.gif.descent-2147483646.qvK3xI", folder + "/runs/.Adam.json.descent-2147483646.abcdef"]
        for p in stale { FileManager.default.createFile(atPath: p, contents: Data(repeating: 7, count: 1000)) }
        _ = try ExperimentRunnerTests.run([try ExperimentRunnerTests.experiment()], output: dir)
        for p in stale { #expect(!FileManager.default.fileExists(atPath: p), "\(p)") }
        #expect(!ExperimentRunnerTests.files(dir).keys.contains { ($0 as NSString).lastPathComponent.hasPrefix(".") })
    }
}

@Suite struct GalleryMarkdownTests {
    @Test func namesCannotBreakMarkdown() {
        #expect(Gallery.markdownText("a|b") == #"a\|b"#)
        #expect(Gallery.markdownText("# [x](y) <b>") == ##"\# \[x\](y) \<b\>"##)
        #expect(Gallery.markdownText("line\nbreak") == #"line\\nbreak"#)  // the escaped \n, its backslash escaped
        #expect(Gallery.markdownText("SGD-momentum") == "SGD-momentum")
    }
}
