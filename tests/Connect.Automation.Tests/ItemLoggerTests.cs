using Microsoft.Extensions.Logging;

namespace Connect.Automation.Tests;

public sealed class ItemLoggerTests
{
    [Fact]
    public void Flush_FailedItem_WritesBufferedDebugAtWarningWithSecretsMasked()
    {
        var inner = new CapturingLogger();
        var logger = new ItemLogger(inner, 10, "ApiKey SU-1:own-secret", TimeProvider.System);

        TestLog.Looking(logger, "PR-1", "ApiKey SU-2:other-secret and ApiKey SU-1:own-secret");
        Assert.Empty(inner.Snapshot());
        logger.Flush();

        var entry = Assert.Single(inner.Snapshot());
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("looking at PR-1", entry.Message, StringComparison.Ordinal);
        Assert.Contains("ApiKey SU-2:****", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discard_SucceededItem_WritesNothing()
    {
        var inner = new CapturingLogger();
        var logger = new ItemLogger(inner, 10, null, TimeProvider.System);

        TestLog.Looking(logger, "PR-1", "k");
        logger.Discard();
        logger.Flush();

        Assert.Empty(inner.Snapshot());
    }

    [Fact]
    public void Log_MoreThanCapacity_KeepsNewestAndReportsDropped()
    {
        var inner = new CapturingLogger();
        var logger = new ItemLogger(inner, 3, null, TimeProvider.System);

        for (var i = 0; i < 5; i++)
        {
            TestLog.Looking(logger, "PR-" + i, "k");
        }

        logger.Flush();

        var entries = inner.Snapshot();
        Assert.Equal(4, entries.Length);
        Assert.Contains("2 earlier", entries[0].Message, StringComparison.Ordinal);
        Assert.Contains("PR-2", entries[1].Message, StringComparison.Ordinal);
        Assert.Contains("PR-4", entries[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_BufferSizeZero_WritesDebugImmediately()
    {
        var inner = new CapturingLogger();
        var logger = new ItemLogger(inner, 0, null, TimeProvider.System);

        TestLog.Looking(logger, "PR-1", "k");

        Assert.Equal(LogLevel.Debug, Assert.Single(inner.Snapshot()).Level);
    }
}

public sealed class ProcessResultTests
{
    [Fact]
    public void Inquire_NoParameters_Throws() =>
        Assert.Throws<ArgumentException>(() => ProcessResult.Inquire([]));

    [Fact]
    public void Approve_EmptyTemplate_Throws() =>
        Assert.Throws<ArgumentException>(() => ProcessResult.Approve(" "));

    [Fact]
    public void SeedExceptions_MapOntoResults()
    {
        Assert.Equal(ProcessAction.Fail, new FailRequestException("x").Result.Action);
        Assert.Equal("x", new FailRequestException("x").Result.Message);
        Assert.Equal(ProcessAction.Skip, new SkipRequestException().Result.Action);
        Assert.Null(new SkipRequestException().Result.Message);
        Assert.Equal(ProcessAction.Accept, new AcceptUsageFileException("ok").Result.Action);
        Assert.Equal("ok", new AcceptUsageFileException("ok").Result.Message);
        Assert.Equal(ProcessAction.Reject, new RejectUsageFileException("no").Result.Action);
        Assert.Equal(ProcessAction.Close, new CloseUsageFileException().Result.Action);
        Assert.Equal(ProcessAction.Delete, new DeleteUsageFileException("Not needed anymore").Result.Action);
        Assert.Equal(ProcessAction.Submit, new SubmitUsageFileException("Ready for provider").Result.Action);
        var inquire = new InquireRequestException([new Connect.Sdk.Models.Param { Id = "email", ValueError = "e" }], "TL-1").Result;
        Assert.Equal((ProcessAction.Inquire, "TL-1", "email"), (inquire.Action, inquire.TemplateId, inquire.Params[0].Id));
    }

    [Fact]
    public void AutomationOptions_Invalid_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AutomationOptions { MaxConcurrency = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new AutomationOptions { MaxNoteLength = 5 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new AutomationOptions { DebugLogBufferSize = -1 }.Validate());
    }
}
