// The `connect-emulator` entry point is not API: users embed the emulator through EmulatorHost. The Web SDK would
// otherwise make the top-level Program class public (for WebApplicationFactory); the tests start EmulatorHost instead.
internal sealed partial class Program;
