using System.Text.Json.Nodes;

namespace Connect.Emulator.Tests.Contract;

/// <summary>Finds the shared research folder by walking up from the test binaries (CI: &lt;clone&gt;/../shared).</summary>
internal static class SharedFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Research => Path.Combine(Root.Value, "research");

    public static string Fixture(string name) => Path.Combine(Research, "fixtures", name);

    public static JsonNode LoadFixture(string name) =>
        JsonNode.Parse(File.ReadAllText(Fixture(name))) ?? throw new InvalidDataException($"Fixture {name} is JSON null.");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var direct = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(direct, "research")))
            {
                return direct;
            }

            if (Directory.Exists(Path.Combine(dir.FullName, "research")) && dir.Name == "shared")
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No 'shared/research' folder above {AppContext.BaseDirectory}; clone the shared material beside the repository.");
    }
}
