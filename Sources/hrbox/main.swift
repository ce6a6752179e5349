import Foundation

// Wires the process to the command line tool; every subcommand is a type of its own.
exit(CommandLineTool.run(Array(CommandLine.arguments.dropFirst())))
