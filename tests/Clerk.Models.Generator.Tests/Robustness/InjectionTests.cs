using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Clerk.Models.Generator.Tests.Robustness.Infrastructure;
using Xunit;

namespace Clerk.Models.Generator.Tests.Robustness;

/// <summary>
/// Spec text never becomes code: names, descriptions, enum values, defaults, examples and patterns
/// holding comment terminators, XML, quotes, backslashes, directives, U+2028/U+2029, NEL and
/// CR-only line breaks give code that compiles and declares only what the schema defines.
/// </summary>
public sealed class InjectionTests
{
    /// <summary>Words of the injected code; as identifiers they would mean the payload was compiled.</summary>
    private static readonly string[] PayloadIdentifiers = { "Environment", "Exit", "Evil", "EVIL" };

    [Fact]
    public void Hostile_descriptions_enum_values_defaults_examples_and_patterns_stay_text()
    {
        var run = Hostile.Run(Hostile.Spec("injection.yaml"), CompileMode.Emit).AssertDidNotThrow().AssertCompiles().AssertNoReportedProblems();
        var code = new GeneratedCode(run.Run);

        code.AssertOnlyOwnDirectivesAndWellFormedDocs();
        code.AssertNoIdentifier(PayloadIdentifiers);
        Assert.Equal(
            Sorted(
                "Victim", "Victim.JsonMember", "Victim.JsonConverter", "Victim.JsonConverter.Direct",
                "VictimKind", "VictimKind.JsonConverter", "VictimKind.JsonConverter.Direct",
                "Shape", "Shape.Circle", "Shape.Square", "Shape.Unknown", "Shape.JsonConverter", "Shape.JsonConverter.Direct",
                "Circle", "Circle.JsonMember", "Circle.JsonConverter", "Circle.JsonConverter.Direct",
                "CircleShape", "CircleShape.JsonConverter", "CircleShape.JsonConverter.Direct",
                "Square", "Square.JsonMember", "Square.JsonConverter", "Square.JsonConverter.Direct"),
            Sorted(code.ModelTypeNames.ToArray()));
        Assert.Equal(new[] { "Kind", "Note", "Count", "Old", "AdditionalProperties" }, code.Properties("Victim"));
        Assert.Equal(new[] { "Kind", "Note", "Count", "Old" }, code.EnumMembers("Victim.JsonMember"));
        Assert.Equal(new[] { "IsPresent", "Without" }, code.Methods("Victim"));
        Assert.Equal(new[] { "Shape", "AdditionalProperties" }, code.Properties("Circle"));
        Assert.Equal(new[] { "Shape", "AdditionalProperties" }, code.Properties("Square"));

        // One static instance per enum value; Value and IsKnown come from the runtime's OpenEnum.
        var enumValues = KindValues();
        Assert.Equal(enumValues.Count, code.Properties("VictimKind").Count);
    }

    [Fact]
    public void Hostile_enum_values_and_patterns_are_read_and_written_exactly()
    {
        var run = Hostile.Run(Hostile.Spec("injection.yaml"), CompileMode.Emit).AssertDidNotThrow().AssertCompiles();
        using var models = new LoadedModels(run.Run);

        foreach (var value in KindValues())
        {
            var json = CompactJson.Object(("kind", value));
            var victim = models.Read("Hostile.Victim", json);
            var kind = victim.GetType().GetProperty("Kind")!.GetValue(victim)!;
            Assert.True((bool)kind.GetType().GetProperty("IsKnown")!.GetValue(kind)!, "not known: " + value);
            Assert.Equal(value, kind.GetType().GetProperty("Value")!.GetValue(kind));
            models.AssertRoundTrip("Hostile.Victim", json);
        }

        // The pattern is a regular expression in the union's converter, not code.
        var square = models.Read("Hostile.Shape", CompactJson.Object(("shape", "square \"; System.Environment.Exit(1); //*/</summary>\r#if")));
        Assert.Equal("Square", square.GetType().Name);
        var circle = models.Read("Hostile.Shape", CompactJson.Object(("shape", "circle */ \"; System.Environment.Exit(1); //")));
        Assert.Equal("Circle", circle.GetType().Name);

        // A deprecation message is the first line of the description, inside a string literal.
        var obsolete = models.Type("Hostile.Victim").GetProperty("Old")!.GetCustomAttribute<ObsoleteAttribute>();
        Assert.NotNull(obsolete);
        Assert.Contains("\"); System.Environment.Exit(1); //", obsolete!.Message);
        Assert.DoesNotContain("second line", obsolete.Message);
    }

    [Fact]
    public void Hostile_schema_member_and_enum_names_stay_text()
    {
        var run = Hostile.Run(Hostile.Spec("injection-names.yaml"), CompileMode.Emit).AssertDidNotThrow().AssertCompiles().AssertNoReportedProblems();
        var code = new GeneratedCode(run.Run);

        code.AssertOnlyOwnDirectivesAndWellFormedDocs();
        code.AssertNoIdentifier(PayloadIdentifiers);

        // Four component schemas, each in its own file with its inline enums (three in all) and nothing else.
        Assert.Equal(4, run.ModelSources.Count);
        var topLevel = code.ModelTypeNames.Where(n => !n.Contains('.')).ToList();
        Assert.Equal(7, topLevel.Count);

        var names = VictimMemberNames();
        var record = topLevel.Single(t => code.Type(t) is Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax && code.Properties(t).Count == names.Count + 1);
        Assert.Equal(names.Count, code.EnumMembers(record + ".JsonMember").Count);
        Assert.Equal(names, code.StringLiterals(record + ".JsonConverter").Where(names.Contains).Distinct());

        var union = topLevel.Single(t => code.TypeNames.Contains(t + ".Unknown"));
        Assert.Equal(Sorted(union, union + ".Left", union + ".Right", union + ".Unknown", union + ".JsonConverter", union + ".JsonConverter.Direct"), Sorted(code.TypeNames.Where(n => n == union || n.StartsWith(union + ".", StringComparison.Ordinal)).ToArray()));

        // Every hostile name is the JSON member it came from.
        using var models = new LoadedModels(run.Run);
        var values = names.Select(n => new KeyValuePair<string, object?>(n, n.StartsWith("</summary>", StringComparison.Ordinal) ? 7L : n.StartsWith("line", StringComparison.Ordinal) ? true : n.StartsWith("kind", StringComparison.Ordinal) ? "*/ #if EVIL" : "v:" + n));
        models.AssertRoundTrip("Hostile." + record, CompactJson.Object(values));
        var left = models.Read("Hostile." + union, CompactJson.Object(("\"; tag //*/\u2028", "left")));
        Assert.Equal("Left", left.GetType().Name);
    }

    private static List<string> KindValues()
    {
        var spec = (YamlMapping)YamlTree.Parse(Hostile.SpecText("injection.yaml"));
        var kind = (YamlMapping)Path(spec, "components", "schemas", "Victim", "properties", "kind");
        return ((YamlSequence)kind["enum"]!).Items.Cast<YamlScalar>().Select(s => s.Value).ToList();
    }

    private static List<string> VictimMemberNames()
    {
        var spec = (YamlMapping)YamlTree.Parse(Hostile.SpecText("injection-names.yaml"));
        var schemas = (YamlMapping)Path(spec, "components", "schemas");
        var victim = (YamlMapping)schemas.Entries[0].Value;
        return ((YamlMapping)victim["properties"]!).Entries.Select(e => ((YamlScalar)e.Key).Value).ToList();
    }

    private static YamlNode Path(YamlMapping root, params string[] keys)
    {
        YamlNode current = root;
        foreach (var key in keys)
        {
            current = ((YamlMapping)current)[key] ?? throw new InvalidOperationException("No '" + key + "' in the spec.");
        }

        return current;
    }

    private static string[] Sorted(params string[] names) => names.OrderBy(n => n, StringComparer.Ordinal).ToArray();
}
