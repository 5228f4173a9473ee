/// A slot whose fields all start at 0, as most of the references' state tensors
/// (`torch.zeros_like`).
public protocol ZeroInitializable {
    init()
}

extension Double: ZeroInitializable {}
