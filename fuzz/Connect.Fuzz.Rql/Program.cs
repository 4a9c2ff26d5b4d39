// Fuzz target: RqlQuery.Parse of the emulator. Any exception other than RqlParseException is a finding.
//
//   AFL (instrument first: sharpfuzz bin/Release/net10.0/Connect.Emulator.dll):
//     afl-fuzz -i corpus -o findings -t 5000 -m none dotnet bin/Release/net10.0/Connect.Fuzz.Rql.dll
//   libFuzzer (with SharpFuzz's libfuzzer-dotnet driver):
//     libfuzzer-dotnet --target_path=bin/Release/net10.0/Connect.Fuzz.Rql --target_arg=--libfuzzer corpus
//   Without AFL or libFuzzer: random and mutated inputs for a bounded time, findings written to ./findings:
//     dotnet bin/Release/net10.0/Connect.Fuzz.Rql.dll --random <seconds> [corpus-dir] [seed]
using System.Text;
using Connect.Emulator.Rql;
using SharpFuzz;

if (args.Length > 0 && args[0] == "--libfuzzer")
{
    Fuzzer.LibFuzzer.Run(span => Target.Run(Encoding.UTF8.GetString(span)));
    return 0;
}

if (args.Length > 0 && args[0] == "--random")
{
    var seconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 60;
    var corpus = args.Length > 2 ? args[2] : Path.Combine(AppContext.BaseDirectory, "corpus");
    var seed = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1;
    return RandomRun.Run(TimeSpan.FromSeconds(seconds), corpus, seed);
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var reader = new StreamReader(stream, Encoding.UTF8);
    Target.Run(reader.ReadToEnd());
});
return 0;

internal static class Target
{
    public static void Run(string input)
    {
        try
        {
            var query = RqlQuery.Parse(input);
            _ = query.Filter?.ToString();
            _ = query.CacheKey;
        }
        catch (RqlParseException)
        {
            // The expected answer to a bad query: 400 RQL_001.
        }
    }
}

/// <summary>A bounded random fuzz loop for machines without AFL/libFuzzer: byte-level mutations of the corpus plus random RQL-ish text.</summary>
internal static class RandomRun
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789()[],;&|=!<>\"'\\%*.-_+: éé€😀\u0000\t";
    private static readonly string[] Tokens = ["and(", "or(", "not(", "eq(", "ne(", "in(", "out(", "like(", "ilike(", "gt(", "lt(", "ordering(", "select(", "limit=", "offset=", "search=", "null()", "empty()", "%2", "%ZZ", "%", "(", ")", ",", "&", "|", ";", "\"", "'", "\\", "*", "**", "a.b", "a__b", "-", "=", "=eq=", "2026-01-05T09:00:00+00:00", "1e999999", "-0", "9999999999999999999999999999999"];

    public static int Run(TimeSpan duration, string corpusDir, int seed)
    {
        var random = new Random(seed);
        var corpus = Directory.Exists(corpusDir) ? Directory.GetFiles(corpusDir).Select(File.ReadAllText).ToList() : [];
        if (corpus.Count == 0)
        {
            corpus.Add("eq(status,pending)");
        }

        var deadline = DateTime.UtcNow + duration;
        long executions = 0;
        var findings = 0;
        while (DateTime.UtcNow < deadline)
        {
            for (var i = 0; i < 1000; i++, executions++)
            {
                var input = Next(random, corpus);
                try
                {
                    Target.Run(input);
                }
                catch (Exception e)
                {
                    findings++;
                    Directory.CreateDirectory("findings");
                    File.WriteAllText(Path.Combine("findings", $"crash-{findings}.txt"), input);
                    Console.Error.WriteLine($"FINDING {findings}: {e.GetType().Name}: {e.Message} (input saved to findings/crash-{findings}.txt)");
                }
            }
        }

        Console.WriteLine($"random fuzz: {executions:N0} inputs in {duration.TotalSeconds:F0} s (seed {seed}, {corpus.Count} corpus files), {findings} findings");
        return findings == 0 ? 0 : 1;
    }

    private static string Next(Random random, List<string> corpus)
    {
        var builder = new StringBuilder(corpus[random.Next(corpus.Count)]);
        var mutations = random.Next(1, 8);
        for (var m = 0; m < mutations; m++)
        {
            var at = builder.Length == 0 ? 0 : random.Next(builder.Length + 1);
            switch (random.Next(5))
            {
                case 0:
                    builder.Insert(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 1:
                    builder.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 2 when builder.Length > 0:
                    builder.Remove(Math.Min(at, builder.Length - 1), Math.Min(random.Next(1, 6), builder.Length - Math.Min(at, builder.Length - 1)));
                    break;
                case 3 when builder.Length > 0:
                    builder.Length = random.Next(builder.Length);
                    break;
                default:
                    builder.Insert(at, builder.ToString(0, Math.Min(builder.Length, random.Next(1, 20))));
                    break;
            }
        }

        return builder.ToString();
    }
}
