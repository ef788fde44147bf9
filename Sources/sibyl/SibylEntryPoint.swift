import ArgumentParser
import Logging
import SibylCLI

/// The executable: bootstraps logging (only the executable does), then runs the command tree.
@main
enum SibylEntryPoint {
    static func main() async {
        OpenMPThreadLimit.applyByRestarting()
        LoggingSystem.bootstrap { label in StreamLogHandler.standardError(label: label) }
        await Sibyl.main()
    }
}
