import DescentBase
import DescentCore
@testable import DescentHarness
import Foundation
import Testing

/// The gallery page built from synthetic results: ranks, the cross-landscape summary, links
/// that land, thumbnails and their sizes, the filter's data, escaping.
@Suite struct GalleryTests {
    static func optimizer(_ label: String, _ name: String = "Adam", loss: Double?, diverged: Int? = nil, left: Bool = false,
                          png: String? = nil) -> OptimizerResult {
        OptimizerResult(label: label, optimizer: name, year: 2014, paper: "a paper", reference: "torch.optim.Adam",
                        hyperparameters: ["lr": .number(0.01)], objective: diverged == nil ? 0.5 : .infinity,
                        finalPoint: Point(1, 1), finalLoss: loss, divergedAtStep: diverged, leftView: left, trials: [],
                        figures: png.map { ["png": $0, "gif": $0.replacingOccurrences(of: ".png", with: ".gif")] } ?? [:],
                        inputDigest: "0")
    }

    static func experiment(_ name: String, _ optimizers: [OptimizerResult], minimum: Double? = 0) -> ExperimentResult {
        ExperimentResult(experiment: name, config: "configs/\(name).json", descentVersion: "t", function: "rosenbrock",
                         functionDisplayName: "Rosenbrock", formula: "(1-x)^2", minima: [Point(1, 1)], start: Point(-2, 2), steps: 500,
                         optimizers: optimizers, raceFigures: [:], lossCurve: nil, minimumValue: minimum,
                         search: SearchSummary(algorithm: "tpe", evaluations: 100, steps: 100, objective: "distance"))
    }

    /// A PNG signature and IHDR chunk of `width` × `height`: all the gallery reads of a PNG.
    static func pngHeader(_ width: Int, _ height: Int) -> Data {
        var d = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]) + Data("IHDR".utf8)
        for v in [width, height] { d += Data([UInt8(v >> 24 & 255), UInt8(v >> 16 & 255), UInt8(v >> 8 & 255), UInt8(v & 255)]) }
        return d + Data([8, 2, 0, 0, 0])
    }

    static func ids(_ html: String) -> [String] {
        html.matches(of: /\bid="([^"]*)"/).map { String($0.1) }
    }

    @Test func ranksOrderTheFinalGapAndTiesShareARank() {
        let x = GalleryExperiment(result: Self.experiment("e", [
            Self.optimizer("A", loss: 0.5), Self.optimizer("B", loss: 0.1), Self.optimizer("C", loss: nil, diverged: 7),
            Self.optimizer("D", loss: 0.1), Self.optimizer("E", loss: 2),
        ], minimum: 0.05), root: ".")
        #expect(x.ranks == ["A": 3, "B": 1, "D": 1, "E": 4])
        let gap = try? #require(x.gap(x.result.optimizers[0]))
        #expect(gap.map { abs($0 - 0.45) < 1e-12 } == true)
    }

    @Test func everyInternalLinkLandsAndIdsAreUnique() {
        let a = Self.experiment("zoo-a", [Self.optimizer("Adam", loss: 1e-9), Self.optimizer("a b", loss: 3), Self.optimizer("a.20b", loss: 1)])
        let b = Self.experiment("zoo b", [Self.optimizer("Adam", loss: 0.5), Self.optimizer("SGD-momentum", "SGD", loss: nil, diverged: 3)])
        let html = Gallery.html([a, b])
        let ids = Self.ids(html)
        #expect(Set(ids).count == ids.count, "duplicate ids")
        let targets = html.matches(of: /href="#([^"]*)"/).map { String($0.1) }
        #expect(!targets.isEmpty)
        for t in targets { #expect(ids.contains(t), "link to missing #\(t)") }
        // The summary: one row per label, sorted by mean relative rank; Adam (first on zoo-a,
        // first of two on zoo b) leads, the diverged SGD-momentum is last.
        let summary = GallerySummary(experiments: [a, b].map { GalleryExperiment(result: $0, root: ".") })
        let rows = summary.rows
        #expect(rows.map(\.label) == ["Adam", "a.20b", "SGD-momentum", "a b"])  // ties (1, 1) by label
        #expect(rows.first?.meanRelativeRank == 0)
        #expect(rows.first { $0.label == "SGD-momentum" }?.meanRelativeRank == 1)
        #expect(rows.first { $0.label == "a b" }?.cells.map(\.ran) == [true, false])
    }

    @Test func rowsCarryWhatTheFilterMatches() {
        let html = Gallery.html([Self.experiment("e", [Self.optimizer("SGD-momentum", "SGD", loss: 1)])])
        #expect(html.contains("data-search=\"sgd-momentum sgd sgd &amp; momentum 2014\""))
        // The optimizer's name links to its paper, from the registry.
        #expect(html.contains("<a href=\"https://doi.org/10.1214/aoms/1177729586\""))
        #expect(html.contains("2014"))
        #expect(html.contains("<input id=\"q\" type=\"search\""))
        #expect(html.contains("id=\"lightbox\"") && html.contains("hidden"))
    }

    @Test func thumbnailsAreUsedWhenWrittenAndSizedFromTheirHeader() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gallery-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/e", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.pngHeader(800, 600).write(to: URL(fileURLWithPath: dir + "/e/f_A.png"))
        try Self.pngHeader(320, 240).write(to: URL(fileURLWithPath: dir + "/e/f_A.thumb.png"))
        try Self.pngHeader(800, 800).write(to: URL(fileURLWithPath: dir + "/e/f_B.png"))
        let x = GalleryExperiment(result: Self.experiment("e", [Self.optimizer("A", loss: 1, png: "f_A.png"),
                                                                Self.optimizer("B", loss: 1, png: "f_B.png")]), root: dir)
        let html = x.html()
        #expect(html.contains("<a class=\"fig\" href=\"e/f_A.png\""))
        #expect(html.contains("data-w=\"800\" data-h=\"600\""))
        #expect(html.contains("<img src=\"e/f_A.thumb.png\" alt=\"A on Rosenbrock\" width=\"320\" height=\"240\" loading=\"lazy\""))
        // No thumbnail on disk: the full still, at its own size.
        #expect(html.contains("<img src=\"e/f_B.png\" alt=\"B on Rosenbrock\" width=\"800\" height=\"800\""))
        // Every file downloadable: PNG, GIF and the run's JSON record.
        #expect(html.contains("data-files=\"e/f_A.png e/f_A.gif e/runs/A.json\""))
        #expect(GalleryFigure.pixelSize(ofPNG: dir + "/e/missing.png") == nil)
        #expect(GalleryFigure.pixelSize(ofPNG: dir + "/e/f_A.png").map { [$0.width, $0.height] } == [800, 600])
    }

    @Test func namesAreEscapedAndNumbersHonest() {
        let html = Gallery.html([Self.experiment("<e>", [Self.optimizer("<script>x</script>", loss: nil, diverged: 4),
                                                         Self.optimizer("far", loss: 9, left: true)])])
        #expect(html.contains("<td class=\"left\">left the view</td>"))
        #expect(!html.contains("<script>x"))
        #expect(html.contains("&lt;script&gt;x"))
        #expect(html.contains("diverged in every trial"))
        #expect(html.contains("diverged at step 4"))
        #expect(html.contains("over 100 tpe trials of 100 steps each"))
        #expect(html.contains("after 500 steps"))
    }

    @Test func summaryColoursRunFromGreenToRed() {
        #expect(GallerySummary.colour(1e-9) == " g0" && GallerySummary.colour(1e-8) == " g0")
        #expect(GallerySummary.colour(100) == " g10" && GallerySummary.colour(1e5) == " g10")
        #expect(GallerySummary.colour(1e-3) == " g5" && GallerySummary.colour(0) == " g0")
        #expect(GallerySummary.colourClasses.hasPrefix(".g0{background:hsl(120,65%,82%)}"))
        #expect(GallerySummary.colourClasses.hasSuffix(".g10{background:hsl(0,65%,82%)}"))
        #expect(GallerySummary.colour(nil) == "" && GallerySummary.colour(.infinity) == "")
    }
}
