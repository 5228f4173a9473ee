import DescentBase
@testable import DescentRender
import Foundation
import Testing

@Suite struct SVGIdentifiersTests {
    @Test func renumbersCairoCountersByFirstAppearance() {
        let text = ##"<g id="surface78"><use xlink:href="#glyph3-1" x="1"/><use xlink:href="#glyph3-2"/><path clip-path="url(#clip12)"/><use xlink:href="#glyph3-1"/></g><symbol id="glyph3-1"/><clipPath id="clip12"/>"##
        #expect(SVGIdentifiers.renumber(text) == ##"<g id="surface1"><use xlink:href="#glyph1-1" x="1"/><use xlink:href="#glyph1-2"/><path clip-path="url(#clip1)"/><use xlink:href="#glyph1-1"/></g><symbol id="glyph1-1"/><clipPath id="clip1"/>"##)
        // Words that merely start like a prefix, and numbers elsewhere, are untouched.
        #expect(SVGIdentifiers.renumber(##"<text>surfaces 12</text><g id="imageless"/>"##) == ##"<text>surfaces 12</text><g id="imageless"/>"##)
    }

    @Test func vectorFiguresAreByteIdenticalWhateverWasDrawnBefore() throws {
        var figure = try Figure(width: 120, height: 120, view: ViewWindow(x: 0...1, y: 0...1))
        figure.title = ["Same"]
        let dir = NSTemporaryDirectory() + "descent-svg-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for format in [FigureFormat.svg, .pdf] {
            try figure.write(to: "\(dir)/a.\(format.rawValue)", as: format)
            try figure.write(to: "\(dir)/unrelated.\(format.rawValue)", as: format)
            try figure.write(to: "\(dir)/b.\(format.rawValue)", as: format)
            #expect(FileManager.default.contents(atPath: "\(dir)/a.\(format.rawValue)") ==
                    FileManager.default.contents(atPath: "\(dir)/b.\(format.rawValue)"), "\(format)")
        }
    }
}
