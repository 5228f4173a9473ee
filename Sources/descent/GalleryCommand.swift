import ArgumentParser
import DescentHarness

/// `descent gallery`: rebuild index.html and README.md from the results in an output folder.
struct GalleryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gallery",
        abstract: "Build output/index.html and output/README.md from every experiment's results.json.",
        discussion: """
            Merges shards: copy the output folders of `descent run --shard I/N` runs together, then \
            run `descent gallery` on the result.

            Example:
              descent gallery output
            """)

    @Argument(help: "The output folder.")
    var directory: String = "output"

    func validate() throws {
        try PathChecks.checkName("the output folder", directory)
        switch PathChecks.kind(of: directory) {
        case .folder: break
        case .missing: throw ValidationError("no folder \(directory)")
        case .unusable(let reason): throw ValidationError("\(directory): \(reason)")
        case .file, .other: throw ValidationError("\(directory) is not a folder")
        }
    }

    func run() throws {
        do {
            let results = try Gallery.write(to: directory)
            print("\(directory)/index.html: \(results.count) experiment(s), \(results.reduce(0) { $0 + $1.optimizers.count }) optimizer run(s)")
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
    }
}
