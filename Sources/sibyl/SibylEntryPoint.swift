import ArgumentParser
import Logging
import SibylCLI

/// The executable: bootstraps logging (only the executable does), then runs the command tree.
@main
enum SibylEntryPoint {
    static func main() async {
        LoggingSystem.bootstrap { label in StreamLogHandler.standardError(label: label) }
        await Sibyl.main()
    }
}
