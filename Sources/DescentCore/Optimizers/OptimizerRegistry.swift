import DescentBase

/// The one registry of optimizers: name → type (and so constructor, paper, year).
/// Names match case-insensitively.
public enum OptimizerRegistry {
    /// Every optimizer, in listing order.
    public static let all: [any Optimizer.Type] = [
        SGD.self,
        Adam.self,
        AdamW.self,
        Adamax.self,
        NAdam.self,
        RAdam.self,
        Adagrad.self,
        Adadelta.self,
        RMSprop.self,
        Rprop.self,
        ASGD.self,
        Adafactor.self,
        Muon.self,
        Lion.self,
        Tiger.self,
        SignSGD.self,
        LaProp.self,
        Grams.self,
        ADOPT.self,
        AdEMAMix.self,
        StableAdamW.self,
        AdaNorm.self,
        AvaGrad.self,
        Kate.self,
        PNM.self,
        AdaPNM.self,
        Adai.self,
        FTRL.self,
        Adan.self,
        MARS.self,
        CAME.self,
        Prodigy.self,
        ScheduleFreeAdamW.self,
        SOAP.self,
        LBFGS.self,
        // torch_optimizer 0.3.0
        Yogi.self,
        Lookahead<Yogi>.self,
        AdaBelief.self,
        AdaBound.self,
        AdaMod.self,
        DiffGrad.self,
        QHAdam.self,
        QHM.self,
        AggMo.self,
        AccSGD.self,
        PID.self,
        Lamb.self,
        NovoGrad.self,
        LARS.self,
        AdamP.self,
        MADGRAD.self,
        Apollo.self,
        A2GradUni.self,
        A2GradInc.self,
        A2GradExp.self,
        SGDW.self,
        SGDP.self,
        Ranger.self,
        RangerQH.self,
        RangerVA.self,
        SWATS.self,
        Shampoo.self,
        // second order (pytorch_optimizer 4.1.0), Hessian diagonals from exact H·v
        AdaHessian.self,
        SophiaH.self,
        // pytorch_optimizer 4.1.0 zoo, batch 1
        AdamC.self,
        AdamG.self,
        AdamS.self,
        AdamWSN.self,
        AdaShift.self,
        AdaSmooth.self,
        AdaTAM.self,
        Adalite.self,
        AdaGC.self,
        Aida.self,
        AliG.self,
        Amos.self,
        Ano.self,
        ApolloDQN.self,
        BCOS.self,
        Conda.self,
        A2Grad.self,
        APOLLO2024.self,
        AdaGO.self,
        AdaMuon.self,
        BSAM.self,
        Alice.self,
        // pytorch_optimizer 4.1.0 zoo, batch 3
        PAdam.self,
        SGDSaI.self,
        SM3.self,
        SimplifiedAdEMAMix.self,
        TAM.self,
        SCION.self,
        SCIONLight.self,
        Nero.self,
        RACS.self,
        ROSE.self,
        ScheduleFreeSGD.self,
        ScheduleFreeRAdam.self,
        SRMM.self,
        SPAM.self,
        StableSPAM.self,
        SaRA.self,
        VSGD.self,
        MuonClip.self,
        NorMuon.self,
        Ranger21.self,
        SPlus.self,
        ScalableShampoo.self,
        SpectralSphere.self,
        // pytorch_optimizer 4.1.0 zoo, batch 2
        EXAdam.self,
        GrokFastAdamW.self,
        GaLore.self,
        Fira.self,
        FOCUS.self,
        Fromage.self,
        MSVAG.self,
        FAdam.self,
        DualAdam.self,
        EmoNavi.self,
        EmoLynx.self,
        EmoFact.self,
        DAdaptAdaGrad.self,
        DAdaptAdam.self,
        DAdaptAdan.self,
        DAdaptLion.self,
        DAdaptSGD.self,
        Gravity.self,
        FlashAdamW.self,
        Magma.self,
        Kron.self,
        DASH.self,
    ]

    public static var names: [String] { all.map { $0.info.name } }

    /// The optimizer type named `name` (any case). Besides the registered names, `Lookahead`
    /// followed by any registered name (`LookaheadAdam`, `lookahead-lion`) is Lookahead around
    /// that optimizer: `k` and `alpha` go to Lookahead, every other key to the base. Whitespace
    /// around the name is ignored; an unknown name's error suggests the nearest ones.
    public static func type(named name: String) throws(OptimizerError) -> any Optimizer.Type {
        let key = name.trimmingWhitespace.lowercased()
        if let t = all.first(where: { $0.info.name.lowercased() == key }) { return t }
        let prefix = "lookahead"
        if key.hasPrefix(prefix), key.count > prefix.count {
            var base = String(key.dropFirst(prefix.count))
            if base.first == "-" || base.first == "_" { base.removeFirst() }
            if let t = all.first(where: { $0.info.name.lowercased() == base }), !base.hasPrefix(prefix) {
                return lookahead(around: t)
            }
        }
        throw .unknownOptimizer(name: name, valid: names + ["Lookahead<any of these>"])
    }

    /// Builds the optimizer named `name` from hyperparameters by the reference's names.
    public static func make(_ name: String, _ hyperparameters: Hyperparameters = [:]) throws(OptimizerError) -> any Optimizer {
        try type(named: name).init(hyperparameters)
    }

    /// The hyperparameters `name` accepts, with defaults and allowed ranges.
    public static func specs(of type: any Optimizer.Type) -> [HyperparameterSpec] {
        var reader = HyperparameterReader(optimizer: type.info.name, values: [:])
        _ = try? type.init(hyperparameters: &reader)
        return reader.specs
    }
}
