using Connect.Tests;

namespace Connect.Sdk.Tests;

/// <summary>Reads the repository's recorded Connect documents (<c>contract/fixtures/</c>).</summary>
internal static class SharedFiles
{
    public static string Fixtures => ContractFiles.FixturesFolder;

    public static string Fixture(string name) => File.ReadAllText(ContractFiles.Fixture(name));
}
