using Connect.Tests;

namespace Connect.Sdk.Tests;

public sealed class ContractFilesTests
{
    [Fact]
    public void Fixture_PresentFile_ResolvesInsideTheRepository()
    {
        var path = ContractFiles.Fixture("request_purchase.json");

        Assert.True(File.Exists(path));
        Assert.StartsWith(ContractFiles.Folder, path, StringComparison.Ordinal);
    }

    [Fact]
    public void Path_MissingFile_ThrowsNamingTheFile()
    {
        var error = Assert.Throws<FileNotFoundException>(() => ContractFiles.Path("fixtures/no_such_recording.json"));

        Assert.Contains("contract/fixtures/no_such_recording.json", error.Message, StringComparison.Ordinal);
    }
}
