using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Connect.Emulator.BrowserTests;

internal static class HttpClientJson
{
    public static Task<JsonObject?> GetFromJsonAsyncObject(this HttpClient client, string path) => client.GetFromJsonAsync<JsonObject>(path);
}
