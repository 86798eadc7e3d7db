using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Clerk.Models.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Clerk.Models.Generator.Tests;

/// <summary>Every file generated from the bundled Clerk webhooks spec, with <c>WebhookEventMember=type</c>, against its approved snapshot.</summary>
public sealed class BundledWebhooksSnapshotTests
{
    private static readonly GeneratorRun Run = GeneratorHarness.Run(GeneratorHarness.BundledWebhooksSpec());

    public static TheoryData<string> HintNames => new(Run.Sources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(HintNames))]
    public void Generated_file_matches_snapshot(string hintName)
        => Snapshots.Verify("clerk-webhooks", hintName, Run.Source(hintName));

    [Fact]
    public void Each_of_the_45_webhooks_is_an_event_type_and_a_case_of_WebhookEvent()
    {
        var webhooks = WebhookNames();
        Assert.Equal(45, webhooks.Count);

        var union = Run.Source("clerk-webhooks.WebhookEvent.g.cs");
        foreach (var webhook in webhooks)
        {
            // user.created -> UserCreatedEvent, subscriptionItem.freeTrialEnding -> SubscriptionItemFreeTrialEndingEvent.
            var name = string.Concat(webhook.Split('.').Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)));
            Assert.Contains("public sealed partial record " + name + "Event\n", Run.Source("clerk-webhooks." + name + "Event.g.cs"), StringComparison.Ordinal);
            Assert.Contains("public sealed partial record " + name + "(global::Clerk.Models.Webhooks." + name + "Event Value)", union, StringComparison.Ordinal);
            Assert.Contains("if (discriminator.Is(\"" + webhook + "\"u8)) { return new " + name + "(", union, StringComparison.Ordinal);
        }

        Assert.Empty(Run.GeneratorDiagnostics.Where(d => d.DefaultSeverity >= DiagnosticSeverity.Warning));
        Assert.Empty(Run.CompilationProblems);
    }

    [Fact]
    public void The_events_share_the_envelopes_inline_types()
    {
        // Each body is allOf: [$ref WebhookEventPayload, {data: ...}]: one EventAttributes type, not one per event.
        var declaring = Run.Sources.Where(s => s.SourceText.ToString().Contains("partial record WebhookEventPayloadEventAttributes\n", StringComparison.Ordinal)).Select(s => s.HintName).ToList();
        Assert.Equal(new[] { "clerk-webhooks.WebhookEventPayload.g.cs" }, declaring);
        Assert.Contains("global::Clerk.Models.Webhooks.WebhookEventPayloadEventAttributes? EventAttributes", Run.Source("clerk-webhooks.UserCreatedEvent.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_option_the_union_is_not_generated_and_CMG016_says_why_at_the_webhooks()
    {
        var spec = GeneratorHarness.BundledWebhooksSpec() with { Metadata = null };
        var run = GeneratorHarness.Run(spec);

        Assert.DoesNotContain(run.Sources, s => s.HintName == "clerk-webhooks.WebhookEvent.g.cs");
        Assert.Contains(run.Sources, s => s.HintName == "clerk-webhooks.UserCreatedEvent.g.cs");
        var warning = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CMG016");
        Assert.Equal(DiagnosticSeverity.Warning, warning.DefaultSeverity);
        Assert.Contains("WebhookEventMember", warning.GetMessage(), StringComparison.Ordinal);
        var lines = spec.Text.Replace("\r\n", "\n").Split('\n').ToList();
        Assert.Equal(lines.IndexOf("x-webhooks:"), warning.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(run.CompilationProblems);
    }

    private static List<string> WebhookNames()
    {
        // The names as the spec writes them: two-space-indented keys under x-webhooks.
        var lines = File.ReadAllLines(GeneratorHarness.RepoFile("specs", "clerk-webhooks.yaml"));
        var start = Array.IndexOf(lines, "x-webhooks:") + 1;
        return lines.Skip(start).TakeWhile(l => l.Length == 0 || l.StartsWith(' ')).Select(l => Regex.Match(l, "^  ([A-Za-z.]+):$")).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
    }
}
