import Testing

@testable import Forecasting

@Suite struct ParallelFittingTests {
    @Test func resultsComeBackInIndexOrderWhateverTheStartingOrder() {
        let order = ParallelFitting.longestFirst([3, 40, 7, 40, 1])
        #expect(order == [1, 3, 2, 0, 4])  // ties keep index order
        #expect(ParallelFitting.map(order: order) { $0 * 10 } == [0, 10, 20, 30, 40])
        #expect(ParallelFitting.map(order: []) { $0 }.isEmpty)
    }

    @Test func theJobAlongsideAnswersWithTheItemsOrNilWithoutOne() {
        let (job, results) = ParallelFitting.map(order: [1, 0], alongside: { (1...100).reduce(0, +) }) { $0 + 1 }
        #expect(job == 5050)
        #expect(results == [1, 2])
        let (none, alone) = ParallelFitting.map(order: [0], alongside: nil as (@Sendable () -> Int)?) { $0 }
        #expect(none == nil)
        #expect(alone == [0])
    }
}
