import DescentBase

/// torch's `nn.functional.cross_entropy(logits, labels)` with mean reduction: the mean over the
/// batch of −log softmax(z)[label], by torch's `log_softmax` then `nll_loss`:
///
///     m = max z;  s = Σⱼ exp(zⱼ − m);  log_softmax(z)ⱼ = (zⱼ − m) − log s;  L = −(1/N)·Σₙ log_softmax(zₙ)[yₙ]
///
/// and its gradient as torch's `log_softmax_backward`: dL/dzⱼ = exp(log_softmax(z)ⱼ)/N − [j = y]/N.
enum CrossEntropy {
    /// The loss of a batch of `batch` rows of `classes` logits; fills `gradient` (same layout)
    /// when given. Labels must lie in 0 ..< classes.
    static func loss(
        logits z: UnsafePointer<Double>, labels: UnsafePointer<Int32>, batch n: Int, classes k: Int,
        gradient: UnsafeMutablePointer<Double>?
    ) -> Double {
        var total = 0.0
        let scale = 1 / Double(n)
        for s in 0..<n {
            let row = z + s * k
            var m = row[0]
            for j in 1..<max(k, 1) where row[j] > m || row[j].isNaN { m = row[j] }
            var sum = 0.0
            for j in 0..<k { sum += LibM.exp(row[j] - m) }
            let logSum = LibM.log(sum)
            let y = Int(labels[s])
            total += -((row[y] - m) - logSum)
            if let gradient {
                let g = gradient + s * k
                for j in 0..<k { g[j] = LibM.exp((row[j] - m) - logSum) * scale }
                g[y] -= scale
            }
        }
        return total / Double(n)
    }

    /// The loss summed over the batch (not averaged) and the number of rows whose largest logit
    /// (the first, on ties, as torch's `argmax`) is the label: for evaluating a data set in chunks.
    static func sumAndCorrect(
        logits z: UnsafePointer<Double>, labels: UnsafePointer<Int32>, batch n: Int, classes k: Int
    ) -> (lossSum: Double, correct: Int) {
        var total = 0.0, correct = 0
        for s in 0..<n {
            let row = z + s * k
            var m = row[0], arg = 0
            for j in 1..<max(k, 1) where row[j] > m || row[j].isNaN { (m, arg) = (row[j], j) }
            var sum = 0.0
            for j in 0..<k { sum += LibM.exp(row[j] - m) }
            let y = Int(labels[s])
            total += -((row[y] - m) - LibM.log(sum))
            if arg == y { correct += 1 }
        }
        return (total, correct)
    }
}
