import DescentBase
import DescentRender
import Foundation

/// One clickable figure of the gallery: a small thumbnail in the page (lazy-loaded, sized by
/// its PNG header so nothing shifts while it loads), the full-size still and animation in the
/// lightbox, and every file of it downloadable from there.
struct GalleryFigure {
    /// What the lightbox shows as the figure's title (and the thumbnail's alt text).
    var title: String
    /// The output folder, to read the PNG headers and find thumbnails.
    var root: String
    /// The folder of the figure's files, relative to the output folder.
    var folder: String
    /// The full-size still (a PNG file name in `folder`).
    var png: String
    /// The animation, if any.
    var gif: String?
    /// Every file of the figure to offer for download (file names in `folder`; the lightbox
    /// labels each by its extension: PNG, SVG, PDF, GIF, JSON).
    var downloads: [String]

    init(title: String, root: String, folder: String, png: String, gif: String? = nil, downloads: [String] = []) {
        self.title = title
        self.root = root
        self.folder = folder
        self.png = png
        self.gif = gif
        self.downloads = downloads.isEmpty ? [png] + (gif.map { [$0] } ?? []) : downloads
    }

    /// The figures of one result's `figures` object (format → file name), in a fixed order.
    init?(title: String, root: String, folder: String, formats: [String: String], extra: [String] = []) {
        guard let png = formats["png"] else { return nil }
        let downloads = ["png", "svg", "pdf", "gif"].compactMap { formats[$0] }
        self.init(title: title, root: root, folder: folder, png: png, gif: formats["gif"], downloads: downloads + extra)
    }

    /// The thumbnail beside the still when `descent run` wrote one (`Thumbnail.fileName`'s rule,
    /// which every pipeline follows), else the full still.
    var thumbnail: String {
        let thumb = Thumbnail.fileName(for: png)
        return FileManager.default.fileExists(atPath: path(thumb)) ? thumb : png
    }

    func path(_ file: String) -> String {
        ((root as NSString).appendingPathComponent(folder) as NSString).appendingPathComponent(file)
    }

    /// The markup: a link to the full still (so the page works without its script) holding
    /// the thumbnail; `lazy` defers loading until the thumbnail nears the viewport.
    func html(lazy: Bool = true) -> String {
        let e = Gallery.escape
        let full = Self.pixelSize(ofPNG: path(png))
        let thumb = thumbnail
        let small = thumb == png ? full : Self.pixelSize(ofPNG: path(thumb))
        // Percent-encoded paths hold no spaces: one attribute lists them all; the lightbox names
        // each by its extension.
        let files = downloads.map { Gallery.href(folder, $0) }.joined(separator: " ")
        var s = "<a class=\"fig\" href=\"\(Gallery.href(folder, png))\" data-title=\"\(e(title))\" data-files=\"\(e(files))\""
        if let gif { s += " data-gif=\"\(Gallery.href(folder, gif))\"" }
        if let full { s += " data-w=\"\(full.width)\" data-h=\"\(full.height)\"" }
        s += "><img src=\"\(Gallery.href(folder, thumb))\" alt=\"\(e(title))\""
        if let small { s += " width=\"\(small.width)\" height=\"\(small.height)\"" }
        return s + (lazy ? " loading=\"lazy\"></a>" : "></a>")
    }

    /// The width and height in a PNG file's header (`nil`: not a PNG, or unreadable).
    static func pixelSize(ofPNG path: String) -> (width: Int, height: Int)? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 24), head.count == 24,
              head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
              Array(head[12..<16]) == Array("IHDR".utf8) else { return nil }
        func int(_ at: Int) -> Int { head[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }
}
