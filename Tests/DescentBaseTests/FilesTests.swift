@testable import DescentBase
import Foundation
import Testing

@Suite struct FilesTests {
    func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "descent-base-\(getpid())-\(UUID().uuidString.prefix(6))"
        try AtomicFile.makeDirectory(path + "/a/b")
        return path
    }

    @Test func atomicWriteLeavesOnlyTheFile() throws {
        let dir = try temporaryDirectory()
        try AtomicFile.write("hello\n", to: dir + "/a/x.txt")
        try AtomicFile.write("again\n", to: dir + "/a/x.txt")
        #expect(try String(contentsOfFile: dir + "/a/x.txt", encoding: .utf8) == "again\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/a").sorted() == ["b", "x.txt"])
    }

    @Test func aFailedBodyLeavesTheOldFileAndNoTemporary() throws {
        struct Boom: Error {}
        let dir = try temporaryDirectory()
        try AtomicFile.write("old", to: dir + "/f")
        #expect(throws: Boom.self) {
            try AtomicFile.write(to: dir + "/f") { (temporary: String) throws(Boom) in
                FileManager.default.createFile(atPath: temporary, contents: Data("half".utf8))
                throw Boom()
            }
        }
        #expect(try String(contentsOfFile: dir + "/f", encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["a", "f"])
    }

    @Test func errorsNameTheFileAndTheReason() throws {
        let dir = try temporaryDirectory()
        let missing = try #require(throws: FileError.self) { try AtomicFile.write("x", to: dir + "/nope/f") }
        #expect(missing.path == dir + "/nope/f")
        #expect(missing.reason == "No such file or directory")
        try AtomicFile.write("x", to: dir + "/file")
        let notFolder = try #require(throws: FileError.self) { try AtomicFile.makeDirectory(dir + "/file/sub") }
        #expect(notFolder.reason.hasSuffix("is not a folder"))
        #expect(throws: FileError.self) { try AtomicFile.makeDirectory("") }
    }

    @Test func temporaryNamesCarryTheirOwner() {
        #expect(TemporaryFile.owner(ofTemporaryName: ".x.png.descent-4242.AbC123") == 4242)
        #expect(TemporaryFile.owner(ofTemporaryName: ".x.png.descent-4242.AbC12") == nil)
        #expect(TemporaryFile.owner(ofTemporaryName: "x.png.descent-4242.AbC123") == nil)
        #expect(TemporaryFile.owner(ofTemporaryName: ".x.png.descent-abc.AbC123") == nil)
        #expect(TemporaryFile.owner(ofTemporaryName: ".x.png.AbC123") == nil)
    }

    @Test func staleTemporariesOfDeadProcessesAreRemovedLiveOnesKept() throws {
        let dir = try temporaryDirectory()
        // A process id that cannot be running: above the kernel's maximum.
        let dead = dir + "/.r.gif.descent-2147483646.q1w2e3"
        let live = dir + "/.r.gif.descent-\(getpid()).q1w2e3"
        let user = dir + "/.r.gif.mine"
        for p in [dead, live, user] { FileManager.default.createFile(atPath: p, contents: Data()) }
        #expect(TemporaryFile.removeStale(in: dir) == [".r.gif.descent-2147483646.q1w2e3"])
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: live) && FileManager.default.fileExists(atPath: user))
    }
}
