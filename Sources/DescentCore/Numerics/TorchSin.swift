// TorchSin.swift — bit-exact emulation of PyTorch's float64 CPU `tensor.sin()` on AMD (Zen)
// CPUs, i.e. Intel MKL 2024.2 vdSin (generic SSE2 kernel mkl_vml_kernel_dSin_EXHAynn in
// libmkl_vml_def.so.2, the one MKL runs on non-Intel CPUs).
//
// REQUIRES TorchCos.swift (same module): the dSin kernel is the dCos kernel applied to |x|
// with MKL's vdsin_data_ha table, which equals the cos table rotated by -128 entries
// (sin(j*pi/256) = cos((j-128)*pi/256); verified word for word), followed by copying the sign
// of x onto the result. See TorchCos.swift for the algorithm, constants and table provenance.
// Specials: +-0 -> +-0, tiny x -> x, +-inf -> NaN 0xfff8000000000000, NaN -> quietened NaN.

/// Returns exactly what torch 2.15 / MKL 2024.2 `vdSin` returns for `x` on AMD Zen CPUs.
@inlinable
public func torchSin(_ x: Double) -> Double {
    let ax = x.magnitude
    if !x.isFinite { return _mklTrigRare(x, 384) }  // inf -> 0xfff8..., NaN -> quietened x
    let r = ax <= 0x1.000000e4db24cp+16 ? _mklTrigSmall(ax, 384) : _mklTrigRare(ax, 384)
    return Double(bitPattern: r.bitPattern ^ (x.bitPattern & 0x8000_0000_0000_0000))
}
