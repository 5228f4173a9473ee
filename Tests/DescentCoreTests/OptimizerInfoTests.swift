import DescentCore
import Foundation
import Testing

/// Every registry entry links its paper and has a family: the links are of the kinds a reader
/// can follow (arXiv abstract, DOI, OpenReview, proceedings), papers and links correspond one to
/// one, and the families partition the registry with no empty family.
@Suite struct OptimizerInfoTests {
    /// Hosts of papers: an arXiv abstract, a DOI, or the venue's own page of the paper.
    static let paperHosts: Set<String> = [
        "arxiv.org", "doi.org", "openreview.net", "jmlr.org", "proceedings.neurips.cc", "papers.nips.cc",
        "openaccess.thecvf.com", "aclanthology.org", "proceedings.mlr.press",
    ]

    /// The optimizers with no paper, and the host of the source their `paper` names instead
    /// (code, a blog post, lecture slides). Any other link must be to a paper host.
    static let nonPaperSources: [String: String] = [
        "Muon": "kellerjordan.github.io",  // Keller Jordan's blog post
        "RMSprop": "www.cs.toronto.edu",  // Hinton's lecture 6 slides
        "Ranger": "medium.com",  // Less Wright's post
        "Tiger": "github.com", "Adalite": "github.com", "ROSE": "github.com",
        "EmoNavi": "github.com", "EmoLynx": "github.com", "EmoFact": "github.com",
    ]

    static var infos: [OptimizerInfo] { OptimizerRegistry.all.map { $0.info } }

    @Test func everyOptimizerLinksItsPaper() throws {
        for info in Self.infos {
            let url = try #require(URL(string: info.url), "\(info.name): \(info.url)")
            #expect(url.scheme == "https", "\(info.name): \(info.url)")
            #expect(!info.url.contains(where: { $0.isWhitespace || "()<>|[]".contains($0) }), "\(info.name): \(info.url)")
            let host = try #require(url.host, "\(info.name): \(info.url)")
            if let source = Self.nonPaperSources[info.name] {
                #expect(host == source, "\(info.name): \(info.url) is not on \(source)")
                continue
            }
            #expect(Self.paperHosts.contains(host), "\(info.name): \(host) is not a paper host")
            switch host {
            case "arxiv.org":
                #expect(Self.arXivProblem(url.path, year: info.year) == nil,
                        "\(info.name): \(info.url): \(Self.arXivProblem(url.path, year: info.year) ?? "")")
            case "doi.org":
                #expect(url.path.wholeMatch(of: /\/10\.\d{4,9}\/\S+/) != nil, "\(info.name): \(info.url)")
            case "openreview.net":
                #expect(url.path == "/forum" && url.query?.hasPrefix("id=") == true, "\(info.name): \(info.url)")
            default:
                break
            }
        }
    }

    /// Why `path` is not an arXiv abstract of a paper from `year` or before, or nil: the new
    /// identifier scheme is YYMM.NNNN (to 2014) or YYMM.NNNNN (from 2015), with no version suffix.
    static func arXivProblem(_ path: String, year: Int) -> String? {
        guard let m = path.wholeMatch(of: /\/abs\/(\d{2})(\d{2})\.(\d{4,5})/) else { return "not /abs/YYMM.NNNNN" }
        let (yy, mm, digits) = (Int(m.1)!, Int(m.2)!, m.3.count)
        guard (1...12).contains(mm) else { return "month \(mm)" }
        guard digits == (yy >= 15 ? 5 : 4) else { return "\(digits)-digit number in 20\(m.1)" }
        guard 2000 + yy <= year else { return "submitted in 20\(m.1), after the year \(year)" }
        return nil
    }

    @Test func arXivIdentifiersAreCheckedForShapeAndYear() {
        #expect(Self.arXivProblem("/abs/1412.6980", year: 2014) == nil)
        #expect(Self.arXivProblem("/abs/2405.15682", year: 2024) == nil)
        #expect(Self.arXivProblem("/abs/1412.69801", year: 2014) != nil)
        #expect(Self.arXivProblem("/abs/2405.1568", year: 2024) != nil)
        #expect(Self.arXivProblem("/abs/2413.15682", year: 2024) != nil)
        #expect(Self.arXivProblem("/abs/2405.15682v2", year: 2024) != nil)
        #expect(Self.arXivProblem("/pdf/2405.15682", year: 2024) != nil)
        #expect(Self.arXivProblem("/abs/2405.15682", year: 2023) != nil)
    }

    /// The citation without a trailing note in parentheses ("… ICLR 2019 (arXiv 2017)").
    static func citation(_ paper: String) -> String {
        guard paper.hasSuffix(")"), let open = paper.range(of: " (", options: .backwards) else { return paper }
        return String(paper[..<open.lowerBound])
    }

    @Test func optimizersShareALinkExactlyWhenTheyCiteTheSamePaper() {
        let byURL = Dictionary(grouping: Self.infos, by: \.url)
        for (url, group) in byURL {
            let citations = Set(group.map { Self.citation($0.paper) })
            #expect(citations.count == 1, "\(url) is linked by different papers: \(group.map(\.name)) cite \(citations.sorted())")
        }
        let byCitation = Dictionary(grouping: Self.infos, by: { Self.citation($0.paper) })
        for (citation, group) in byCitation {
            let urls = Set(group.map(\.url))
            #expect(urls.count == 1, "\(citation) has several links: \(group.map(\.name)) → \(urls.sorted())")
        }
        #expect(Set(Self.infos.map(\.url)).count > 100)  // most papers are distinct
    }

    @Test func papersHoldNoMarkdownSyntax() {
        for info in Self.infos {
            #expect(!info.paper.contains(where: { $0.isNewline || "\\`*_[]<>|#".contains($0) }), "\(info.name): \(info.paper)")
        }
    }

    @Test func everyFamilyHasAMember() {
        let families = Set(Self.infos.map(\.family))
        for family in OptimizerFamily.allCases {
            #expect(families.contains(family), "no optimizer in \(family)")
        }
        #expect(Set(OptimizerFamily.allCases.map(\.displayName)).count == OptimizerFamily.allCases.count)
    }

    @Test(arguments: [
        ("SGD", OptimizerFamily.sgd), ("QHM", .sgd), ("LARS", .sgd), ("Adagrad", .adaptive), ("RMSprop", .adaptive),
        ("Adafactor", .adaptive), ("Adam", .adam), ("AdamW", .adam), ("RAdam", .adam), ("Yogi", .adam),
        ("Lion", .sign), ("SignSGD", .sign), ("Shampoo", .matrix), ("SOAP", .matrix), ("Muon", .matrix),
        ("Kron", .matrix), ("LBFGS", .secondOrder), ("AdaHessian", .secondOrder), ("Apollo", .secondOrder),
        ("Prodigy", .parameterFree), ("DAdaptAdam", .parameterFree), ("ScheduleFreeAdamW", .parameterFree),
        ("LookaheadYogi", .wrapper), ("BSAM", .wrapper),
    ])
    func familiesOfLandmarkOptimizers(name: String, family: OptimizerFamily) throws {
        #expect(try OptimizerRegistry.type(named: name).info.family == family)
    }

    @Test func landmarkLinks() throws {
        #expect(try OptimizerRegistry.type(named: "Adam").info.url == "https://arxiv.org/abs/1412.6980")
        #expect(try OptimizerRegistry.type(named: "SGD").info.url == "https://doi.org/10.1214/aoms/1177729586")
        #expect(try OptimizerRegistry.type(named: "Muon").info.url == "https://kellerjordan.github.io/posts/muon/")
        // Lookahead around anything links Lookahead's paper.
        #expect(try OptimizerRegistry.type(named: "LookaheadAdam").info.url == "https://arxiv.org/abs/1907.08610")
    }
}
