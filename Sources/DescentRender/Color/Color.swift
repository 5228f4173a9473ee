/// A straight (not premultiplied) RGBA colour with components in 0…1.
public struct Color: Hashable, Sendable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// A grey of the given lightness (matplotlib's `"0.8"` is `Color(grey: 0.8)`).
    public init(grey: Double, alpha: Double = 1) {
        self.init(red: grey, green: grey, blue: grey, alpha: alpha)
    }

    /// The same colour with another alpha.
    public func withAlpha(_ a: Double) -> Color { Color(red: red, green: green, blue: blue, alpha: a) }

    /// Opaque 8-bit sRGB components, rounded as matplotlib's `to_rgba_array(…, bytes=True)`.
    public var rgb8: (r: UInt8, g: UInt8, b: UInt8) {
        func c(_ v: Double) -> UInt8 { UInt8(max(0, min(255, (v * 255).rounded()))) }
        return (c(red), c(green), c(blue))
    }

    // matplotlib's base colours and the seaborn "whitegrid" greys.
    public static let white = Color(grey: 1)
    public static let black = Color(grey: 0)
    /// matplotlib `"r"`.
    public static let red = Color(red: 1, green: 0, blue: 0)
    /// matplotlib `"g"`.
    public static let green = Color(red: 0, green: 0.5, blue: 0)
    /// seaborn's text and tick-label colour `".15"`.
    public static let text = Color(grey: 0.15)
    /// seaborn's grid and frame colour `".8"`.
    public static let grid = Color(grey: 0.8)
    /// seaborn's "deep" red `#C44E52`: the seed's path and end marker.
    public static let deepRed = Color(red: 0xC4 / 255.0, green: 0x4E / 255.0, blue: 0x52 / 255.0)
    /// seaborn's "deep" green `#55A868`: the seed's start and global-minimum markers.
    public static let deepGreen = Color(red: 0x55 / 255.0, green: 0xA8 / 255.0, blue: 0x68 / 255.0)
}
