import DescentBase
import DescentCore

extension ExperimentDecoder {
    /// A test function given as configs give one, for the command line's `--function`: a
    /// built-in name (`rosenbrock`), or a JSON object with an `expression`, its `minima` and
    /// `view` (and optionally `name`, `start`, `levels`), read by the same rules as a config's
    /// `function` and checked to have a finite value in its view. `source` names the text in
    /// errors (`--function`).
    public static func function(_ text: String, source: String) throws(ConfigError) -> any TestFunction {
        let trimmed = text.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        let json: JSONValue
        if trimmed.hasPrefix("{") {
            do { json = try JSONParser.parse(text) } catch {
                throw ConfigError(file: source, path: "", message: "invalid JSON at \(error)")
            }
        } else {
            json = .string(text)
        }
        let function = try decodeFunction(ConfigNode(json, file: source))
        try checkFinite(function, in: function.view, start: function.defaultStart, file: source)
        return function
    }
}
