using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Clerk.Models.Generator.Tests.Robustness.Infrastructure;
using Xunit;

namespace Clerk.Models.Generator.Tests.Robustness;

/// <summary>
/// Names that are C# keywords, punctuation, other scripts, digits, 2,000 characters long, that
/// differ only in case or collide once cased, or that the generated code uses itself: the code
/// compiles and emits, and every name is still its own JSON member, enum value or union case.
/// </summary>
public sealed class NameTests
{
    public static TheoryData<string> NameSpecs() => new()
    {
        "names-keywords.yaml",
        "names-punctuation.yaml",
        "names-unicode.yaml",
        "names-digits.yaml",
        "names-case.yaml",
        "names-reserved-members.yaml",
        "names-reserved-types.yaml",
        "names-resolver-members.yaml",
        "names-union-cases.yaml",
        "names-enum-values.yaml",
        "names-enum-values-converter-members.yaml",
        "names-long.json",
        "names-container-helpers.yaml",
    };

    [Theory]
    [MemberData(nameof(NameSpecs))]
    public void Hostile_names_compile_and_emit(string file)
    {
        var run = Hostile.Run(Hostile.Spec(file), CompileMode.Emit).AssertDidNotThrow().AssertNoReportedProblems().AssertLocated();

        run.AssertCompiles();
        new GeneratedCode(run.Run).AssertOnlyOwnDirectivesAndWellFormedDocs();
    }

    [Theory]
    [MemberData(nameof(NameSpecs))]
    public void Hostile_names_keep_their_json_names(string file)
    {
        var run = Hostile.Run(Hostile.Spec(file), CompileMode.Emit).AssertDidNotThrow().AssertCompiles();
        var code = new GeneratedCode(run.Run);
        var schemas = (YamlMapping)((YamlMapping)((YamlMapping)SpecTree(file))["components"]!)["schemas"]!;
        using var models = new LoadedModels(run.Run);

        // Records: one generated record per schema, matching exactly the schema's member names.
        var records = schemas.Entries.Select(e => e.Value).OfType<YamlMapping>().Where(s => s["properties"] is YamlMapping).ToList();
        foreach (var group in records.GroupBy(r => string.Join("\u0001", MemberNames(r))))
        {
            var names = MemberNames(group.First());
            var types = code.RecordsWithJsonNames(names);
            Assert.True(types.Count == group.Count(), $"{group.Count()} schemas have the members [{string.Join(", ", names)}] but {types.Count} records match them: {string.Join(", ", types)}");
            foreach (var type in types)
            {
                Assert.Equal(names.Count, code.EnumMembers(type + ".JsonMember").Count);
                // Every string member, an enum one with its first value: a required enum member must be there too.
                var strings = (YamlMapping)group.First()["properties"]!;
                var json = CompactJson.Object(strings.Entries
                    .Where(e => e.Value is YamlMapping p && p["type"] is YamlScalar { Value: "string" })
                    .Select((e, i) => new KeyValuePair<string, object?>(
                        ((YamlScalar)e.Key).Value,
                        ((YamlMapping)e.Value)["enum"] is YamlSequence values ? ((YamlScalar)values.Items[0]).Value : "v" + i)));
                models.AssertRoundTrip("Hostile." + type, json);
            }
        }

        // Open enums: every value is known, has its own instance, and reads back as itself.
        var enums = schemas.Entries.Select(e => e.Value).OfType<YamlMapping>().Where(s => s["enum"] is YamlSequence).Select(EnumValues);
        foreach (var group in enums.GroupBy(v => string.Join("\u0001", v)))
        {
            var values = group.First();
            var types = EnumTypesKnowing(models, values);
            Assert.True(types.Count == group.Count(), $"{group.Count()} enums list [{string.Join(", ", values)}] but {types.Count} generated enums know all of them");
            foreach (var type in types)
            {
                var instances = values.Select(v => From(type, v)).ToList();
                Assert.Equal(values, instances.Select(i => (string)i.GetType().GetProperty("Value")!.GetValue(i)!));
                Assert.Equal(values.Count, instances.Distinct(ReferenceEqualityComparer.Instance).Count());
                foreach (var value in values)
                {
                    var json = System.Text.Json.JsonSerializer.Serialize(value);
                    Assert.Same(From(type, value), models.Read(type.FullName!, json));
                    Assert.Equal(json, models.Write(type.FullName!, From(type, value)));
                }
            }
        }

        // Unions: each alternative, told apart by its 'k', is read as its own case.
        foreach (var (name, union) in schemas.Entries.Where(e => e.Value is YamlMapping m && m["oneOf"] is YamlSequence).Select(e => (((YamlScalar)e.Key).Value, (YamlMapping)e.Value)))
        {
            var unionType = models.Type("Hostile." + name);
            foreach (var alternative in ((YamlSequence)union["oneOf"]!).Items.Cast<YamlMapping>())
            {
                var target = ((YamlScalar)alternative["$ref"]!).Value.Split('/').Last();
                var k = EnumValues((YamlMapping)((YamlMapping)((YamlMapping)schemas[target]!)["properties"]!)["k"]!)[0];
                var json = CompactJson.Object(("k", k));
                var value = models.Read(unionType.FullName!, json);
                Assert.NotEqual("Unknown", value.GetType().Name);
                Assert.Equal(json, models.Write(unionType.FullName!, value));
            }
        }
    }

    /// <summary>
    /// The spec as a tree. A JSON spec is read as JSON: YAML caps an implicit key at 1,024 characters,
    /// so SharpYaml refuses the 2,000-character names that JSON allows.
    /// </summary>
    private static YamlNode SpecTree(string file)
        => file.EndsWith(".json", StringComparison.Ordinal)
            ? FromJson(System.Text.Json.Nodes.JsonNode.Parse(Hostile.SpecText(file)))
            : YamlTree.Parse(Hostile.SpecText(file));

    private static YamlNode FromJson(System.Text.Json.Nodes.JsonNode? node)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject obj:
                var mapping = new YamlMapping();
                mapping.Entries.AddRange(obj.Select(p => new KeyValuePair<YamlNode, YamlNode>(new YamlScalar(p.Key), FromJson(p.Value))));
                return mapping;
            case System.Text.Json.Nodes.JsonArray array:
                var sequence = new YamlSequence();
                sequence.Items.AddRange(array.Select(FromJson));
                return sequence;
            case System.Text.Json.Nodes.JsonValue value when value.TryGetValue<string>(out var text):
                return new YamlScalar(text);
            default:
                return new YamlScalar(node?.ToJsonString() ?? "null", plain: true);
        }
    }

    private static List<string> MemberNames(YamlMapping schema)
        => ((YamlMapping)schema["properties"]!).Entries.Select(e => ((YamlScalar)e.Key).Value).ToList();

    private static List<string> EnumValues(YamlMapping schema)
        => ((YamlSequence)schema["enum"]!).Items.Cast<YamlScalar>().Select(s => s.Value).ToList();

    private static List<Type> EnumTypesKnowing(LoadedModels models, List<string> values)
        => models.Assembly.GetTypes()
            .Where(t => t.GetMethod("From", BindingFlags.Public | BindingFlags.Static, new[] { typeof(string) }) is not null)
            .Where(t => values.All(v => IsKnown(From(t, v))))
            .ToList();

    private static object From(Type enumType, string value)
        => enumType.GetMethod("From", BindingFlags.Public | BindingFlags.Static, new[] { typeof(string) })!.Invoke(null, new object[] { value })!;

    private static bool IsKnown(object instance) => (bool)instance.GetType().GetProperty("IsKnown")!.GetValue(instance)!;
}
