extension Color {
    /// The colour of an opaque `0xRRGGBB` value.
    public init(hex: UInt32) {
        self.init(red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255,
                  blue: Double(hex & 0xFF) / 255)
    }

    /// matplotlib's default colour cycle, `tab10` (`axes.prop_cycle`): C0 … C9.
    public static let tab10: [Color] = [
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
    ].map { Color(hex: $0) }

    /// The `n`-th colour of the cycle (C`n mod 10`), as matplotlib gives the n-th line of an axes.
    public static func cycle(_ n: Int) -> Color { tab10[((n % tab10.count) + tab10.count) % tab10.count] }
}
