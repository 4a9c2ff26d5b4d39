// Placeholder entry point; the emulator issue replaces it.
var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "Connect emulator");
await app.RunAsync().ConfigureAwait(false);
