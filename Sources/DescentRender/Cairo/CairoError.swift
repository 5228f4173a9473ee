import CCairo

/// A Cairo failure, carrying the status Cairo reported and what Descent was doing.
public struct CairoError: Error, CustomStringConvertible, Sendable {
    /// Cairo's status code (`cairo_status_t` raw value).
    public let status: UInt32
    /// What was being done, e.g. "writing figure.png".
    public let context: String

    init(_ status: cairo_status_t, _ context: String) {
        self.status = status.rawValue
        self.context = context
    }

    public var description: String {
        "\(context): cairo: \(String(cString: cairo_status_to_string(cairo_status_t(rawValue: status))))"
    }

    /// Throws when `status` is not `CAIRO_STATUS_SUCCESS`.
    static func check(_ status: cairo_status_t, _ context: @autoclosure () -> String) throws(CairoError) {
        if status != CAIRO_STATUS_SUCCESS { throw CairoError(status, context()) }
    }
}
