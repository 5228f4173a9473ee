import DescentBase

/// The folders of an archive (an experiment's, a benchmark's or a study's): `<output>/<name>/`
/// and the subfolder of its per-unit records in it, both made and readied for a run when
/// created — the temporary files that killed runs left are removed, and a run fails before any
/// work when the output cannot be written.
struct ArchiveFolders: Sendable {
    /// `<output>/<name>/`: every file of the archive is named through it, so none can be
    /// written outside it.
    let folder: OutputFolder
    /// `<output>/<name>/<records>/`.
    let records: OutputFolder

    var directory: String { folder.path }

    init(preparing name: String, records: String, output: String) throws {
        folder = try OutputFolder(making: output).folder(name)
        self.records = try folder.folder(records)
        for f in [folder, self.records] { try f.prepareForRun() }
    }
}
