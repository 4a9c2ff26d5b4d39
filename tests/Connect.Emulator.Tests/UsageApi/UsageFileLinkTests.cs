using System.Net;
using static Connect.Emulator.Tests.UsageApi.UsageFiles;

namespace Connect.Emulator.Tests.UsageApi;

/// <summary>Uploaded usage files are served only at the unguessable link handed out; ids do not repeat across stores.</summary>
public sealed class UsageFileLinkTests
{
    [Fact]
    public async Task UploadedFile_LinkWithoutOrWithAWrongToken_IsNotServed()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var id = await CreateAsync(emulator);
        var reply = await UploadAsync(emulator, id, Records(Row("r1", 3)));
        var link = new Uri(reply.Json.Str("usage_file_uri"));
        var origin = link.GetLeftPart(UriPartial.Authority);
        using var anonymous = new HttpClient();

        Assert.Matches($"^/files/usage/uploads/{id}/[0-9a-f]{{32}}\\.xlsx$", link.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{origin}/files/usage/uploads/{id}.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{origin}/files/usage/uploads/{id}/{new string('0', 32)}.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{origin}/files/usage/uploads/{id}/.xlsx")).StatusCode);
    }

    [Fact]
    public async Task FreshStores_UsageFileIds_DoNotRepeat()
    {
        var ids = new List<string>();
        for (var store = 0; store < 3; store++)
        {
            await using var emulator = await TestEmulator.StartAsync();
            ids.Add(await CreateAsync(emulator));
            ids.Add(await CreateAsync(emulator));
        }

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^UF-[0-9]{4}-[0-9]{2}-[0-9]{4}-[0-9]{4}$", id));
    }
}
