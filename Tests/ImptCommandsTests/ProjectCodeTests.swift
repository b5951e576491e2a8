import Foundation
import ImpCentral
import Testing

@testable import ImptCommands
@testable import ImptShell

/// `build deploy` and `build run` in a folder with impt's `.impt.project`: the project's
/// code files are deployed to its device group when no file option is given.
@Suite struct ProjectCodeTests {
  /// `MyDevDG` and `OtherDG`, and a project file in the working folder that links the
  /// folder to `MyDevDG` with `files`, read as a new session would.
  private func project(
    deviceFile: String? = "device.nut", agentFile: String? = "agent.nut"
  ) async throws -> FleetShell {
    let fleet = try await FleetShell.make()
    await fleet.developmentGroup()
    await fleet.ok("dg create --name OtherDG --product MyProduct")
    let group = try await fleet.group("MyDevDG")
    let file = ProjectFile(deviceGroupId: group.id, deviceFile: deviceFile, agentFile: agentFile)
    let json = String(decoding: try JSONEncoder().encode(file), as: UTF8.self)
    try fleet.writeFile(ProjectFile.fileName, json)
    await ProjectDefaults(session: fleet.shell.session).apply()
    return fleet
  }

  /// Regression: in a project folder `build deploy` made a build with empty code.
  @Test func deployUsesTheProjectsFilesForItsGroup() async throws {
    let fleet = try await project()
    try fleet.writeFile("device.nut", "// device from the project")
    try fleet.writeFile("agent.nut", "// agent from the project")

    let result = await fleet.ok("build deploy --tag p1")

    let build = try await fleet.build("p1")
    #expect(build.deviceCode == "// device from the project")
    #expect(build.agentCode == "// agent from the project")
    #expect(build.deviceGroup?.id == (try await fleet.group("MyDevDG")).id)
    #expect(!result.err.contains("is empty"))
    #expect(result.err.contains("took the device code from 'device.nut'"))
  }

  @Test func namesInTheProjectAreRelativeToItsFolder() async throws {
    let fleet = try await project(deviceFile: "src/device.nut", agentFile: nil)
    try FileManager.default.createDirectory(
      atPath: fleet.folder + "/src", withIntermediateDirectories: true)
    try fleet.writeFile("src/device.nut", "// nested")

    await fleet.ok("build run --tag p2")

    #expect(try await fleet.build("p2").deviceCode == "// nested")
    #expect(try await fleet.build("p2").agentCode == "")
  }

  @Test func aFileOptionWinsOverTheProject() async throws {
    let fleet = try await project()
    try fleet.writeFile("device.nut", "// device from the project")
    try fleet.writeFile("agent.nut", "// agent from the project")
    try fleet.writeFile("other.nut", "// given")

    await fleet.ok("build deploy --device-file other.nut --tag p3")

    let build = try await fleet.build("p3")
    #expect(build.deviceCode == "// given")
    #expect(build.agentCode == "// agent from the project")
  }

  @Test func anotherGroupDoesNotGetTheProjectsFiles() async throws {
    let fleet = try await project()
    try fleet.writeFile("device.nut", "// device from the project")

    await fleet.ok("build deploy --dg OtherDG --tag p4")

    #expect(try await fleet.build("p4").deviceCode == "")
  }

  @Test func aFileTheProjectNamesButIsMissingFailsAndMakesNoBuild() async throws {
    let fleet = try await project()
    try fleet.writeFile("agent.nut", "// agent")

    let error = await fleet.fails("build deploy --tag p5", "command.fileNotFound")

    #expect(error?.message.contains("device code file 'device.nut' named in '") == true)
    #expect(error?.message.hasSuffix(".impt.project' was not found") == true)
    #expect(error?.help.first?.contains("correct 'deviceFile' in the project file") == true)
    #expect(try await fleet.builds(tagged: "p5").isEmpty)
  }

  @Test func theProjectOutlastsUsingOtherGroups() async throws {
    let fleet = try await project()
    try fleet.writeFile("device.nut", "// device from the project")
    try fleet.writeFile("agent.nut", "// agent")

    await fleet.ok("use dg OtherDG; use none; use dg MyDevDG")
    await fleet.ok("build deploy --tag p6")

    #expect(try await fleet.build("p6").deviceCode == "// device from the project")
  }
}
