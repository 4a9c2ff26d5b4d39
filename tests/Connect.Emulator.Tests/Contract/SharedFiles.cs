using System.Text.Json.Nodes;
using Connect.Tests;

namespace Connect.Emulator.Tests.Contract;

/// <summary>Reads the repository's contract data (<c>contract/</c>): the OpenAPI document and recorded documents.</summary>
internal static class SharedFiles
{
    public static string OpenApiDocument => ContractFiles.Path("connect-openapi30-v37.yml");

    public static string Fixture(string name) => ContractFiles.Fixture(name);

    /// <summary>The list of places where the emulator follows the recordings rather than the OpenAPI document.</summary>
    public static string Deviations => ContractFiles.Path("deviations.json");

    public static JsonNode LoadFixture(string name) =>
        JsonNode.Parse(File.ReadAllText(Fixture(name))) ?? throw new InvalidDataException($"Fixture {name} is JSON null.");
}
