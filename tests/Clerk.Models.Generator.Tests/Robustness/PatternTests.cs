using System;
using System.Text.Json;
using Clerk.Models.Generator.Tests.Robustness.Infrastructure;
using Xunit;

namespace Clerk.Models.Generator.Tests.Robustness;

/// <summary>Regular expressions from a spec cannot stall the generator or the generated reader.</summary>
public sealed class PatternTests
{
    /// <summary>
    /// Telling the alternatives apart matches the enum value against the pattern. Without a match
    /// timeout that takes about a minute here (2^40 ways), so the bound is tight; a hang leaves its
    /// thread running until the match ends.
    /// </summary>
    [Fact]
    public void A_catastrophic_pattern_does_not_stall_the_generator()
        => Hostile.Run(Hostile.Spec("pattern-catastrophic.yaml"), CompileMode.None, TimeSpan.FromSeconds(10)).AssertDidNotThrow().AssertLocated();

    [Fact]
    public void A_payload_that_makes_a_pattern_time_out_is_a_json_exception_with_a_path()
    {
        var run = Hostile.Run(Hostile.Spec("pattern-catastrophic-payload.yaml"), CompileMode.Emit).AssertDidNotThrow().AssertCompiles();
        using var models = new LoadedModels(run.Run);
        models.AssertRoundTrip("Hostile.Holder", "{\"shape\":{\"kind\":\"aaaa\"}}");

        var json = "{\"shape\":{\"kind\":\"" + new string('a', 60) + "!\"}}";
        var exception = Record.Exception(() => models.Read("Hostile.Holder", json));

        // Either the value is kept (as the Unknown case) or it is refused as a JsonException that says where.
        if (exception is null)
        {
            models.AssertRoundTrip("Hostile.Holder", json);
            return;
        }

        var jsonException = Assert.IsType<JsonException>(exception);
        Assert.StartsWith("$.shape", jsonException.Path);
    }
}
