/// Fira (full-rank training under a low-rank constraint), as `pytorch_optimizer.Fira`, on the
/// tensors it does not project: `UnprojectedAdamW`, the AdamW every Descent point gets.
///
/// Chen et al., Fira: Can We Achieve Full-rank Training of LLMs Under Low-rank Constraint?, arXiv 2024. Follows pytorch_optimizer 4.1.0's batched (foreach) CPU path
/// (`update_unprojected_foreach`, shared with GaLore: the two give the same trajectory on a
/// point). The library projects (and adds the scaled residual of) only matrices of a group with a `rank` key (a parameter-group option, not a
/// constructor argument), so the low-rank projection never applies here.
public typealias Fira = UnprojectedAdamW<FiraVariant>

/// Marks `UnprojectedAdamW` as `Fira` (its registry entry is `Fira`'s).
public enum FiraVariant: UnprojectedAdamWVariant {}
