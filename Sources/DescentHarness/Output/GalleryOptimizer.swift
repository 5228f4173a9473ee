import DescentCore

/// What the gallery says about an optimizer beyond one run: its paper (a link when the
/// registry knows it) and its family — looked up by registry name, so results written by any
/// Descent version show today's links.
struct GalleryOptimizer {
    var name: String
    var year: Int
    var paper: String
    var url: String?
    var family: String?

    init(name: String, year: Int, paper: String) {
        self.name = name
        self.year = year
        self.paper = paper
        if let info = (try? OptimizerRegistry.type(named: name))?.info {
            if year == 0 { self.year = info.year }
            if paper.isEmpty { self.paper = info.paper }
            url = info.url
            family = info.family.displayName
        }
    }

    /// The optimizer's name linked to its paper (the citation as its tooltip).
    func link(_ text: String) -> String {
        let e = Gallery.escape
        guard let url else { return "<span title=\"\(e(paper))\">\(e(text))</span>" }
        return "<a href=\"\(e(url))\" title=\"\(e(paper))\" rel=\"noopener\">\(e(text))</a>"
    }

    /// The lower-cased text the search box matches: label, name, family and year.
    func searchText(label: String) -> String {
        [label, name, family ?? "", String(year)].joined(separator: " ").lowercased()
    }
}
