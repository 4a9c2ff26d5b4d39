using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Connect.Sdk.Models;

namespace Connect.Sdk.Tests;

public partial class ConventionTests
{
    private static readonly Type[] PublicTypes = typeof(ConnectClient).Assembly.GetExportedTypes();

    public static TheoryData<Type> Models()
    {
        var data = new TheoryData<Type>();
        foreach (var type in PublicTypes.Where(t => t.IsSubclassOf(typeof(ConnectModel))))
        {
            data.Add(type);
        }

        return data;
    }

    [Fact]
    public void PublicAsyncMethods_EndInAsync_AndTakeCancellationTokenLast()
    {
        var methods = PublicTypes
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType) || (m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)))
            .ToList();

        Assert.NotEmpty(methods);
        Assert.All(methods, m =>
        {
            Assert.EndsWith("Async", m.Name, StringComparison.Ordinal);
            var last = m.GetParameters().LastOrDefault();
            Assert.True(last?.ParameterType == typeof(CancellationToken), $"{m.DeclaringType!.Name}.{m.Name} must take a CancellationToken last");
            Assert.True(last!.HasDefaultValue, $"{m.DeclaringType!.Name}.{m.Name}: the CancellationToken must be optional");
        });
    }

    [Fact]
    public void Models_AreAtLeastTheSeedEntities()
    {
        string[] expected =
        [
            "FulfillmentRequest", "Asset", "Item", "Param", "Constraints", "ValueChoice", "Product", "Connection", "Hub", "Marketplace",
            "Contract", "Agreement", "Tiers", "TierAccount", "ContactInfo", "Contact", "PhoneNumber", "TierConfig", "TierConfigRequest",
            "Template", "Conversation", "ConversationMessage", "UsageFile", "UsageListing", "UsageRecordDetails", "Company", "User",
            "Events", "Event", "Activation", "Configuration", "Renewal", "ServerErrorResponse", "Account", "AgreementStats", "Country",
            "CustomerUiSettings", "Document", "DownloadLink", "ExtIdHub", "HubInstance", "HubStats", "ProductCategory", "ProductConfiguration",
            "ProductConfigurationParameter", "ProductFamily", "ProductStats", "ProductStatsInfo", "UsageRecords",
        ];

        var names = PublicTypes.Where(t => t.IsSubclassOf(typeof(ConnectModel))).Select(t => t.Name).ToHashSet();
        var missing = expected.Where(n => !names.Contains(n)).ToList();

        Assert.True(missing.Count == 0, "missing models: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Model_IsSealed_AndEveryJsonPropertyIsSnakeCase(Type model)
    {
        Assert.True(model.IsSealed);
        var properties = model.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(p => p.Name != nameof(ConnectModel.ExtensionData));
        foreach (var property in properties)
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
            var ignored = property.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.Always };
            if (property.GetMethod!.IsPublic && !ignored)
            {
                Assert.True(name is not null, $"{model.Name}.{property.Name} needs [JsonPropertyName]");
            }

            if (name is not null)
            {
                Assert.Matches(SnakeCase(), name);
            }
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SnakeCase();
}
