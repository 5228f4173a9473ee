import DescentSearch

/// What every config's `search` block sets, whatever its trials run: the sampler, how many
/// trials it draws and its seed — `SearchSettings` in 2-D configs, `StudySearch` in studies.
/// `ExperimentDecoder.decodeSampling` reads these keys for both.
protocol SearchSampling {
    var algorithm: SearchAlgorithm { get set }
    var evaluations: Int { get set }
    var seed: UInt64 { get set }
}

extension SearchSettings: SearchSampling {}
extension StudySearch: SearchSampling {}
