import DescentBase

extension ViewWindow {
    /// A window from two ranges, checked for drawing: throws unless both are finite and of
    /// positive (and finite) width and height.
    public static func drawable(x: ClosedRange<Double>, y: ClosedRange<Double>) throws(RenderError) -> ViewWindow {
        let view = ViewWindow(x: x, y: y)
        guard view.isDrawable else {
            throw .invalidView("view window x \(x), y \(y) must be finite with positive width and height")
        }
        return view
    }
}
