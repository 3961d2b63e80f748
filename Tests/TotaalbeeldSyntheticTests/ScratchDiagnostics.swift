import TotaalbeeldEngine
import TotaalbeeldSynthetic
import TotaalbeeldTestSupport
import XCTest

final class ScratchDiagnostics: XCTestCase {
    func testShareVariance() {
        for seed in [UInt64(1), 2, 3] {
            let p = SyntheticPopulation(seed: seed, count: 1500)
            let m = p.members
            let ind = m.filter(\.result.trialAndError.indicated).count
            var byProfile: [String] = []
            for profile in ["simple", "moderate", "multi-problem", "crisis", "sparse", "contested"] {
                let g = m.filter { $0.generated.profile == profile }
                byProfile.append("\(profile) \(g.count) \(g.filter(\.result.trialAndError.indicated).count)")
            }
            print("seed \(seed): \(ind)/\(m.count) = \(Double(ind) / Double(m.count)) | " + byProfile.joined(separator: ", "))
        }
    }
}
