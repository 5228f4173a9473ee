/// GaLore (gradient low-rank projection), as `pytorch_optimizer.GaLore`, on the
/// tensors it does not project: `UnprojectedAdamW`, the AdamW every Descent point gets.
///
/// Zhao et al., GaLore: Memory-Efficient LLM Training by Gradient Low-Rank Projection, ICML 2024. Follows pytorch_optimizer 4.1.0's batched (foreach) CPU path
/// (`update_unprojected_foreach`, shared with Fira: the two give the same trajectory on a
/// point). The library projects only matrices of a group with a `rank` key (a parameter-group option, not a
/// constructor argument), so the low-rank projection never applies here.
public typealias GaLore = UnprojectedAdamW<GaLoreVariant>

/// Marks `UnprojectedAdamW` as `GaLore` (its registry entry is `GaLore`'s).
public enum GaLoreVariant: UnprojectedAdamWVariant {}
