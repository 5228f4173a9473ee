/// GaLore (gradient low-rank projection), as `pytorch_optimizer.GaLore`, on the
/// tensors it does not project: `UnprojectedAdamW`, the AdamW every Descent point gets.
///
/// Zhao et al., GaLore: Memory-Efficient LLM Training by Gradient Low-Rank Projection, ICML 2024. Follows pytorch_optimizer 4.1.0's batched (foreach) CPU path
/// (`update_unprojected_foreach`, shared with Fira: the two give the same trajectory on a
/// point). The library projects only matrices of a group with a `rank` key (a parameter-group option, not a
/// constructor argument), so the low-rank projection never applies here.
public typealias GaLore = UnprojectedAdamW<GaLoreVariant>

/// `GaLore`'s registry entry.
public enum GaLoreVariant: UnprojectedAdamWVariant {
    public static let info = OptimizerInfo(
        name: "GaLore", year: 2024,
        paper: "Zhao et al., GaLore: Memory-Efficient LLM Training by Gradient Low-Rank Projection, ICML 2024",
        url: "https://arxiv.org/abs/2403.03507", family: .adam,
        reference: "pytorch_optimizer.GaLore")
}
