using System.Collections.Generic;
using System.Linq;
using Clerk.Models.Generator.Tests.Infrastructure;
using Xunit;

namespace Clerk.Models.Generator.Tests;

/// <summary>Options per spec (item metadata) and per project (ClerkModels* properties), and their validation.</summary>
public sealed class OptionsTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Events, version: '1'}
        paths: {}
        components:
          schemas:
            Event:
              type: object
              required: [id, created_at]
              properties:
                id: {type: string}
                attempts: {type: integer}
                created_at: {type: integer, format: int64}
                expire_at: {type: integer, nullable: true}
                retry_after: {type: integer, x-clerk-models-unix-time: seconds}
        """;

    private static GeneratorRun Run(IReadOnlyDictionary<string, string>? metadata = null, IReadOnlyDictionary<string, string>? properties = null)
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(new[] { new SpecFile("/specs/events.yaml", Spec, "Events", metadata) }, properties: properties)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver, output, diagnostics);
    }

    [Fact]
    public void Defaults_are_public_types_and_long_integers_with_timestamps_off()
    {
        var source = Run().Source("events.Event.g.cs");

        Assert.Contains("public sealed partial record Event", source);
        Assert.Contains("public long? Attempts", source);
        Assert.Contains("public required long CreatedAt", source);
        Assert.Contains("public global::System.DateTimeOffset? RetryAfter", source);
    }

    [Fact]
    public void Item_metadata_sets_accessibility_integer_type_and_timestamps()
    {
        var run = Run(new Dictionary<string, string> { ["Accessibility"] = "internal", ["IntegerType"] = "int32", ["UnixTimestamps"] = "*_at" });
        var source = run.Source("events.Event.g.cs");

        Assert.Contains("internal sealed partial record Event", source);
        Assert.Contains("public int? Attempts", source);
        Assert.Contains("public required global::System.DateTimeOffset CreatedAt", source);
        Assert.Contains("public global::System.DateTimeOffset? ExpireAt", source);
        Assert.Contains("global::Clerk.Models.Runtime.Serialization.JsonRead.UnixMilliseconds(ref reader)", source);
        Assert.Contains("global::Clerk.Models.Runtime.Serialization.JsonWrite.StructMember<global::System.DateTimeOffset, global::Clerk.Models.Runtime.Serialization.JsonValues.UnixSeconds>(writer, s_names[4], value._retryAfter, options)", source);
        Assert.Contains("internal sealed partial class EventsJson", run.Source("events.EventsJson.g.cs"));
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Project_properties_apply_when_the_item_says_nothing()
    {
        var run = Run(properties: new Dictionary<string, string> { ["ClerkModelsAccessibility"] = "internal", ["ClerkModelsUnixTimestamps"] = "created_at", ["ClerkModelsUnixTimestampUnit"] = "seconds" });
        var source = run.Source("events.Event.g.cs");

        Assert.Contains("internal sealed partial record Event", source);
        Assert.Contains("JsonRead.UnixSeconds(ref reader)", source);
        Assert.Contains("public long? ExpireAt", source);
    }

    [Fact]
    public void Lenient_required_members_are_nullable_but_still_required_when_building()
    {
        var run = Run(new Dictionary<string, string> { ["RequiredMembers"] = "lenient" });
        var source = run.Source("events.Event.g.cs");

        Assert.Contains("public required string? Id", source);
        Assert.Contains("public required long? CreatedAt", source);
        Assert.Contains("/// <remarks>JSON: <c>created_at</c>, required (may be absent when read).</remarks>", source);
        Assert.DoesNotContain("MissingRequired", source);
        Assert.Empty(run.CompilationProblems);

        // Code that builds the record must still set what the spec requires.
        var consumer = GeneratorHarness.CreateCompilation("class C { object M() => new Events.Event { Id = \"evt_1\" }; }");
        var driver = GeneratorHarness.CreateDriver(new[] { new SpecFile("/specs/events.yaml", Spec, "Events", new Dictionary<string, string> { ["RequiredMembers"] = "lenient" }) });
        driver.RunGeneratorsAndUpdateCompilation(consumer, out var output, out _);
        Assert.Contains(output.GetDiagnostics(), d => d.Id == "CS9035" && d.GetMessage().Contains("CreatedAt"));
    }

    [Fact]
    public void Required_members_are_enforced_by_default_and_by_the_project_property_unless_the_item_says_lenient()
    {
        Assert.Contains("public required long CreatedAt", Run(properties: new Dictionary<string, string> { ["ClerkModelsRequiredMembers"] = "enforce" }).Source("events.Event.g.cs"));
        Assert.Contains("public required long? CreatedAt", Run(properties: new Dictionary<string, string> { ["ClerkModelsRequiredMembers"] = "lenient" }).Source("events.Event.g.cs"));
        Assert.Contains(
            "public required long CreatedAt",
            Run(new Dictionary<string, string> { ["RequiredMembers"] = "Enforce" }, new Dictionary<string, string> { ["ClerkModelsRequiredMembers"] = "lenient" }).Source("events.Event.g.cs"));
    }

    [Fact]
    public void Invalid_values_are_reported_and_the_defaults_used()
    {
        var run = Run(new Dictionary<string, string> { ["Accessibility"] = "protected", ["IntegerType"] = "int128", ["UnixTimestampUnit"] = "fortnights", ["RequiredMembers"] = "sometimes" });

        var messages = run.GeneratorDiagnostics.Where(d => d.Id == "CMG008").Select(d => d.GetMessage()).ToList();
        Assert.Equal(4, messages.Count);
        Assert.Contains(messages, m => m.Contains("'protected'") && m.Contains("'public' or 'internal'"));
        Assert.Contains(messages, m => m.Contains("'int128'"));
        Assert.Contains(messages, m => m.Contains("'fortnights'"));
        Assert.Contains(messages, m => m.Contains("'sometimes'") && m.Contains("'enforce' or 'lenient'"));
        Assert.Contains("public required long CreatedAt", run.Source("events.Event.g.cs"));
        Assert.Contains("public sealed partial record Event", run.Source("events.Event.g.cs"));
        Assert.All(run.GeneratorDiagnostics.Where(d => d.Id == "CMG008"), d => Assert.Equal("/specs/events.yaml", d.Location.GetLineSpan().Path));
    }
}
