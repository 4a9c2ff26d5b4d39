namespace Connect.Sdk.Tests;

/// <summary>Finds the shared research folder by walking up from the test binaries.</summary>
internal static class SharedFiles
{
    public static string Fixtures => Path.Combine(Root, "research", "fixtures");

    public static string Root { get; } = Find();

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(Fixtures, name));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "research")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("No 'shared/research' folder above " + AppContext.BaseDirectory);
    }
}
