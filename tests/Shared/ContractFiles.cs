namespace Connect.Tests;

/// <summary>
/// Finds the repository's <c>contract/</c> folder (the Connect OpenAPI document and recorded responses) by walking up
/// from the binaries to the folder that holds <c>Connect.slnx</c>. Linked into every test and benchmark project that
/// reads contract data, so a fresh clone needs nothing beside it.
/// </summary>
internal static class ContractFiles
{
    private static readonly Lazy<string> RepositoryRoot = new(FindRepositoryRoot);

    /// <summary>The <c>contract/</c> folder at the repository root.</summary>
    public static string Folder => System.IO.Path.Combine(RepositoryRoot.Value, "contract");

    /// <summary>The <c>contract/fixtures/</c> folder (recorded Connect documents).</summary>
    public static string FixturesFolder => RequireDirectory("fixtures");

    /// <summary>The full path of <c>contract/{relativePath}</c>; throws naming the file when it is missing.</summary>
    public static string Path(string relativePath)
    {
        var path = System.IO.Path.Combine(Folder, relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The contract file 'contract/{relativePath.Replace('\\', '/')}' is missing from the repository (looked for {path}).", path);
        }

        return path;
    }

    /// <summary>The full path of the recorded document <c>contract/fixtures/{name}</c>.</summary>
    public static string Fixture(string name) => Path("fixtures/" + name);

    private static string RequireDirectory(string relativePath)
    {
        var path = System.IO.Path.Combine(Folder, relativePath);
        if (!Directory.Exists(path))
        {
            throw new DirectoryNotFoundException($"The contract folder 'contract/{relativePath}' is missing from the repository (looked for {path}).");
        }

        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Connect.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No Connect.slnx above {AppContext.BaseDirectory}: run the tests from inside the repository, which carries contract/.");
    }
}
