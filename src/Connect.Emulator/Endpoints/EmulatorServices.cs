using Connect.Emulator.Domain;
using Connect.Emulator.Store;

namespace Connect.Emulator.Endpoints;

/// <summary>Everything the endpoints of one emulator instance share.</summary>
internal sealed class EmulatorServices(DocumentStore store, Clock clock, string seed)
{
    public DocumentStore Store { get; } = store;

    public Clock Clock { get; } = clock;

    public string Seed { get; } = seed;

    public RequestService Requests { get; } = new(store, clock);

    public RequestCreation RequestCreation { get; } = new(store, clock);

    public RequestWorkflow RequestWorkflow { get; } = new(store, clock);

    public RequestGenerator RequestGenerator { get; } = new(store, clock);

    public TierConfigService Tiers { get; } = new(store, clock);

    public TierConfigWorkflow TierWorkflow { get; } = new(store, clock);

    public RenderService Render { get; } = new(store);

    public ConversationService Conversations { get; } = new(store, clock);

    public UsageService Usage { get; } = new(store, clock);

    public UsageFileWorkflow UsageWorkflow { get; } = new(store, clock);

    public Faults.FaultInjector Faults { get; } = new();
}
