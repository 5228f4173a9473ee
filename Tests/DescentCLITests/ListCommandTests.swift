import DescentCore
import Foundation
import Testing
@testable import descent

/// `descent list`: each optimizer's family and paper link, and README.md's optimizer table kept
/// equal to `descent list --markdown`.
@Suite struct ListCommandTests {
    /// The sentence README.md puts before the table.
    static let marker = "This table is `descent list --markdown`:"

    /// README.md at the package root (this file is Tests/DescentCLITests/ListCommandTests.swift).
    static var readme: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
    }

    /// The lines of the table that follows `marker` in `text` (blank lines before it skipped, the
    /// table ending at its first line that is not a table row), or nil without the marker.
    static func table(after marker: String, in text: String) -> [String]? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: marker) else { return nil }
        return Array(lines[(start + 1)...].drop(while: { $0.isEmpty }).prefix(while: { $0.hasPrefix("|") }))
    }

    @Test func readmeTableIsTheMarkdownListing() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let table = try #require(Self.table(after: Self.marker, in: text), "README.md lacks \"\(Self.marker)\"")
        let listing = ListCommand.markdownTable().split(separator: "\n").map(String.init)
        guard table != listing else { return }
        let first = zip(table, listing).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset
            ?? min(table.count, listing.count)
        Issue.record("""
            README.md's optimizer table is stale (\(table.count) rows, the listing \(listing.count)); first \
            difference at row \(first + 1):
            README:  \(first < table.count ? table[first] : "(none)")
            listing: \(first < listing.count ? listing[first] : "(none)")
            Replace the table with the output of `descent list --markdown`.
            """)
    }

    @Test func tableExtractionStopsAtTheEndOfTheTable() {
        let text = "intro\n\(Self.marker)\n\n| a |\n|---|\n| 1 |\n\n## Next\n| not this |\n"
        #expect(Self.table(after: Self.marker, in: text) == ["| a |", "|---|", "| 1 |"])
        #expect(Self.table(after: Self.marker, in: "no marker here") == nil)
    }

    @Test func markdownRowsLinkEachPaperAndNameTheFamily() {
        let table = ListCommand.markdownTable()
        #expect(table.hasPrefix("| optimizer | year | family | paper | reference | hyperparameters (defaults) |\n"))
        for type in OptimizerRegistry.all {
            let info = type.info
            #expect(table.contains("| \(info.name) | \(info.year) | \(info.family.displayName) | [\(info.paper)](\(info.url)) |"),
                    "\(info.name)")
        }
        #expect(table.split(separator: "\n").count == OptimizerRegistry.all.count + 2)
    }

    @Test func textShowsFamilyAndLink() {
        let text = ListCommand.text()
        #expect(text.contains("""
              Adam (2014, Adam family) — Kingma & Ba, Adam: A Method for Stochastic Optimization, ICLR 2015 [torch.optim.Adam]
                  https://arxiv.org/abs/1412.6980

            """))
        #expect(text.contains("  LBFGS (1989, Second-order) — "))
    }

    @Test func commandPrintsTheSameListing() throws {
        let r = try CLIRunner.run(["list", "--markdown"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == ListCommand.markdownTable())
    }
}
