namespace Connect.Processor.Tests;

public sealed class ProcessorCommandLineTests
{
    [Fact]
    public void Parse_ArgumentsThatAreNotTheProcessors_AreLeftAlone()
    {
        var flags = ProcessorCommandLine.Parse(["--environment", "Production", "--once", "Logging:LogLevel:Default=Debug", "@notes.txt"]);

        Assert.Equal("Once", flags.Settings["mode"]);
        Assert.Single(flags.Settings);
    }

    [Fact]
    public void Parse_SeveralModeFlags_TheLastWins()
    {
        Assert.Equal("Continuous", ProcessorCommandLine.Parse(["--once", "--interval", "5"]).Settings["mode"]);
        Assert.Equal("Once", ProcessorCommandLine.Parse(["--continuous", "--once"]).Settings["mode"]);
    }

    [Fact]
    public void Parse_ConfigAndShard_AreRead()
    {
        var flags = ProcessorCommandLine.Parse(["--config=prod.json", "--shard", "0/2"]);

        Assert.Equal("prod.json", flags.ConfigFile);
        Assert.Equal("0", flags.Settings["shard:index"]);
        Assert.Equal("2", flags.Settings["shard:count"]);
        Assert.False(flags.Settings.ContainsKey("mode"));
    }

    [Theory]
    [InlineData("--interval")]
    [InlineData("--shard")]
    [InlineData("--config")]
    public void Parse_FlagWithoutItsValue_ThrowsNamingTheFlag(string flag)
    {
        var error = Assert.Throws<ArgumentException>(() => ProcessorCommandLine.Parse([flag]));

        Assert.StartsWith(flag, error.Message, StringComparison.Ordinal);
    }
}
