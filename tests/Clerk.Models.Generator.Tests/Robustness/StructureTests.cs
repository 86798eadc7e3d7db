using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Clerk.Models.Generator.Tests.Infrastructure;
using Clerk.Models.Generator.Tests.Robustness.Infrastructure;
using Xunit;

namespace Clerk.Models.Generator.Tests.Robustness;

/// <summary>
/// Deep, long and cyclic structures: nested inline objects, allOf and $ref chains, recursive and
/// mutually recursive schemas. They generate code that compiles and reads what it writes, in bounded time.
/// </summary>
public sealed class StructureTests
{
    /// <summary>Set to 1 for the large variants (10,000-link chains); they take minutes today.</summary>
    private static readonly bool Stress = Environment.GetEnvironmentVariable("CLERK_MODELS_STRESS") == "1";

    [Fact]
    public void Recursive_and_mutually_recursive_schemas_compile_and_round_trip()
    {
        var run = Hostile.Run(Hostile.Spec("structure-recursive.yaml"), CompileMode.Emit).AssertDidNotThrow().AssertLocated().AssertCompiles();

        // The array alias of itself is the only thing that cannot be typed.
        Assert.All(run.ReportedProblems, d => Assert.Equal("CMG005", d.Id));

        using var models = new LoadedModels(run.Run);
        var node = "{\"value\":\"leaf\"}";
        for (var i = 0; i < 20; i++)
        {
            node = $"{{\"value\":\"n{i}\",\"parent\":{{\"value\":\"p\"}},\"children\":[{node},{{\"value\":\"x\"}}],\"siblings\":[[],[{{\"value\":\"s\"}}]]}}";
        }

        var ping = "{}";
        for (var i = 0; i < 20; i++)
        {
            ping = i % 2 == 0 ? $"{{\"pong\":{ping}}}" : $"{{\"ping\":{ping}}}";
        }

        var expression = "{\"op\":\"literal\",\"value\":1}";
        for (var i = 0; i < 10; i++)
        {
            expression = $"{{\"op\":\"sum\",\"terms\":[{expression},{{\"op\":\"literal\",\"value\":{i}}}]}}";
        }

        var holder = $"{{\"node\":{node},\"ping\":{{\"pong\":{ping}}},\"left\":{{\"right\":\"r\",\"left\":\"l\"}},\"selfish\":{{\"me\":\"m\"}},\"dolls\":[[[]],[]],\"expression\":{expression}}}";
        models.AssertRoundTrip("Hostile.Holder", holder);
    }

    /// <summary>
    /// A member 'allOf: [$ref: Node, {nullable: true}]' inside Node is a nullable reference to Node;
    /// building it as an inline record used to recurse without end.
    /// </summary>
    [Fact]
    public void A_recursive_member_wrapped_in_allOf_beside_nullable_compiles_and_round_trips()
    {
        var run = Hostile.Run(Hostile.Spec("structure-recursive-allof-wrapper.yaml"), CompileMode.Emit).AssertDidNotThrow().AssertLocated().AssertCompiles();

        using var models = new LoadedModels(run.Run);
        models.AssertRoundTrip("Hostile.Node", "{\"value\":\"a\",\"next\":{\"value\":\"b\",\"next\":null}}");
    }

    /// <summary>A cycle made only of aliases is reported (CMG005) and the member kept as raw JSON; the rest generates.</summary>
    [Fact]
    public void A_cycle_of_aliases_is_reported_and_the_rest_generates()
    {
        var run = Hostile.Run(Hostile.Spec("structure-alias-cycle.yaml")).AssertDidNotThrow().AssertLocated().AssertCompiles();

        var cycle = Assert.Single(run.ReportedProblems);
        Assert.Equal("CMG005", cycle.Id);
        Assert.InRange(cycle.Location.GetLineSpan().StartLinePosition.Line + 1, 8, 9);
        Assert.Contains("public global::Clerk.Models.Runtime.RawJson? Alpha", run.Run.Source("structure-alias-cycle.Holder.g.cs"));
    }

    /// <summary>A union among whose alternatives is the union itself: it compiles (the self alternative is reported or left out).</summary>
    [Fact]
    public void A_union_that_lists_itself_compiles()
    {
        var run = Hostile.Run(Hostile.Spec("structure-union-of-itself.yaml"), CompileMode.Emit).AssertDidNotThrow().AssertLocated().AssertCompiles();

        using var models = new LoadedModels(run.Run);
        models.AssertRoundTrip("Hostile.Shape", "{\"radius\":2}");
    }

    /// <summary>Two unions that list each other: reading a value that fits neither must end, as the Unknown case or an error.</summary>
    [Fact]
    public void Unions_that_list_each_other_compile_and_read()
    {
        var run = Hostile.Run(Hostile.Spec("structure-unions-of-each-other.yaml"), CompileMode.Emit).AssertDidNotThrow().AssertLocated().AssertCompiles();

        using var models = new LoadedModels(run.Run);
        models.AssertRoundTrip("Hostile.Shape", "{\"radius\":2}");
        models.AssertRoundTrip("Hostile.Shape", "\"square\"");
        models.AssertRoundTrip("Hostile.Figure", "\"square\"");
        models.AssertRoundTrip("Hostile.Figure", "{\"radius\":2}");
        foreach (var json in new[] { "5", "true", "[1]", "{\"side\":1}" })
        {
            var exception = Record.Exception(() => models.Read("Hostile.Shape", json));
            if (exception is null)
            {
                models.AssertRoundTrip("Hostile.Shape", json);
            }
            else
            {
                Assert.IsType<System.Text.Json.JsonException>(exception);
            }
        }
    }

    /// <summary>
    /// A member whose allOf is its own parent plus a member (from the fuzzer, case 2,484): the inline
    /// type holds itself again. Building it used to recurse until the stack overflowed.
    /// </summary>
    [Fact]
    public void A_member_that_extends_its_own_parent_is_a_type_that_holds_itself()
    {
        var run = Hostile.Run(Hostile.Spec("structure-member-extends-its-parent.yaml"), CompileMode.Emit).AssertDidNotThrow().AssertNoReportedProblems().AssertCompiles();

        using var models = new LoadedModels(run.Run);
        models.AssertRoundTrip("Hostile.NewPet", "{\"name\":\"a\",\"tag\":{\"name\":\"b\",\"tag\":{\"name\":\"c\",\"id\":2},\"id\":1}}");
    }

    public static TheoryData<int> NestingDepths() => new() { 25, 200 };

    /// <summary>Inline objects nested <paramref name="depth"/> levels deep: one record per level.</summary>
    [Theory]
    [MemberData(nameof(NestingDepths))]
    public void Nested_inline_objects_generate_one_record_per_level(int depth)
    {
        var schema = "{\"type\": \"object\", \"properties\": {\"leaf\": {\"type\": \"string\"}}}";
        for (var i = 0; i < depth; i++)
        {
            schema = "{\"type\": \"object\", \"properties\": {\"c\": " + schema + "}}";
        }

        var spec = Json("\"Root\": " + schema);

        var run = Hostile.Run(new SpecFile("/specs/nested.json", spec, "Hostile")).AssertDidNotThrow().AssertNoReportedProblems().AssertCompiles();

        // One record per level, all in the file of the component they are built for.
        Assert.Equal("nested.Root.g.cs", Assert.Single(run.ModelSources).HintName);
        // Each level's name adds the member's; past 128 characters the name is cut and a hash of the whole added.
        var deepest = "Root" + new string('C', depth);
        var typeNames = new GeneratedCode(run.Run).ModelTypeNames.Where(n => !n.Contains('.')).ToList();
        Assert.Equal(depth + 1, typeNames.Count);
        Assert.All(typeNames, name => Assert.InRange(name.Length, 1, 128));
        Assert.Equal(typeNames.Count, typeNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains(deepest.Length <= 128 ? deepest : deepest.Substring(0, 100), string.Join(" ", typeNames));
    }

    [Fact]
    public void An_allOf_chain_of_fifty_links_gives_a_record_per_link()
    {
        var run = Hostile.Run(new SpecFile("/specs/chain.json", AllOfChain(50), "Hostile"), CompileMode.Emit).AssertDidNotThrow().AssertNoReportedProblems().AssertCompiles();

        Assert.Equal(51, run.ModelSources.Count);
        using var models = new LoadedModels(run.Run);
        models.AssertRoundTrip("Hostile.C50", "{\"a\":\"x\",\"link50\":\"y\"}");
    }

    /// <summary>A long allOf chain must not take minutes: each link flattens every link before it.</summary>
    [Fact]
    public void A_long_allOf_chain_generates_within_the_bound()
    {
        var links = Stress ? 10_000 : 1_000;

        var run = Hostile.Run(new SpecFile("/specs/chain.json", AllOfChain(links), "Hostile"), CompileMode.None, TimeSpan.FromSeconds(Stress ? 60 : 20)).AssertDidNotThrow().AssertNoReportedProblems();

        Assert.Equal(links + 1, run.ModelSources.Count);
    }

    [Fact]
    public void A_chain_of_two_hundred_ref_aliases_resolves_to_the_record_at_its_end()
    {
        var run = Hostile.Run(new SpecFile("/specs/aliases.json", AliasChain(200), "Hostile")).AssertDidNotThrow().AssertNoReportedProblems().AssertCompiles();

        Assert.Contains("public global::Hostile.A0? P", run.Run.Source("aliases.Holder.g.cs"));
    }

    /// <summary>
    /// The parsing library follows an alias chain recursively on every keyword read, and so did
    /// resolution here: about 5,500 links overflowed the stack. Chains longer than 256 links are reported.
    /// </summary>
    [Fact]
    public void A_chain_of_ten_thousand_ref_aliases_is_resolved_or_reported()
    {
        var run = Hostile.Run(new SpecFile("/specs/aliases.json", AliasChain(10_000), "Hostile"), CompileMode.None, TimeSpan.FromSeconds(60)).AssertDidNotThrow().AssertLocated();

        Assert.True(run.ReportedProblems.Count > 0 || run.Run.Source("aliases.Holder.g.cs").Contains("global::Hostile.A0? P", StringComparison.Ordinal));
    }

    /// <summary>More than 64 members (two and three presence words), collected from 70 allOf parts.</summary>
    [Fact]
    public void Records_with_more_members_than_a_presence_word_holds_round_trip()
    {
        var wide = string.Join(", ", Enumerable.Range(0, 130).Select(i => $"\"m{i}\": {{\"type\": \"integer\"}}"));
        var parts = string.Join(", ", Enumerable.Range(0, 70).Select(i => $"{{\"type\": \"object\", \"required\": [\"p{i}\"], \"properties\": {{\"p{i}\": {{\"type\": \"string\"}}}}}}"));
        var spec = Json($"\"Wide\": {{\"type\": \"object\", \"properties\": {{{wide}}}}}, \"Parts\": {{\"allOf\": [{parts}]}}");

        var run = Hostile.Run(new SpecFile("/specs/wide.json", spec, "Hostile"), CompileMode.Emit).AssertDidNotThrow().AssertNoReportedProblems().AssertCompiles();

        using var models = new LoadedModels(run.Run);
        models.AssertRoundTrip("Hostile.Wide", "{" + string.Join(",", Enumerable.Range(0, 130).Where(i => i % 3 != 1).Select(i => $"\"m{i}\":{i}")) + "}");
        models.AssertRoundTrip("Hostile.Parts", "{" + string.Join(",", Enumerable.Range(0, 70).Select(i => $"\"p{i}\":\"v{i}\"")) + "}");
        var missing = Assert.Throws<JsonException>(() => models.Read("Hostile.Parts", "{" + string.Join(",", Enumerable.Range(0, 69).Select(i => $"\"p{i}\":\"v{i}\"")) + "}"));
        Assert.Contains("'p69'", missing.Message);
    }

    private static string Json(string schemas)
        => "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"Structure\", \"version\": \"1\"}, \"paths\": {}, \"components\": {\"schemas\": {" + schemas + "}}}\n";

    /// <summary>C0 has one member; each C{i} is allOf [C{i-1}, one more member].</summary>
    private static string AllOfChain(int links)
    {
        var schemas = new StringBuilder("\"C0\": {\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}");
        for (var i = 1; i <= links; i++)
        {
            schemas.Append($", \"C{i}\": {{\"allOf\": [{{\"$ref\": \"#/components/schemas/C{i - 1}\"}}, {{\"type\": \"object\", \"description\": \"link {i}\"}}]}}");
        }

        // Only the last link adds a member, so that the chain costs little to compile.
        schemas.Replace($"{{\"type\": \"object\", \"description\": \"link {links}\"}}", $"{{\"type\": \"object\", \"properties\": {{\"link{links}\": {{\"type\": \"string\"}}}}}}");
        return Json(schemas.ToString());
    }

    /// <summary>A{i} is just a $ref to A{i-1}; A0 is a record; Holder.p refers to the end of the chain.</summary>
    private static string AliasChain(int links)
    {
        var schemas = new StringBuilder("\"A0\": {\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}}");
        for (var i = 1; i <= links; i++)
        {
            schemas.Append($", \"A{i}\": {{\"$ref\": \"#/components/schemas/A{i - 1}\"}}");
        }

        schemas.Append($", \"Holder\": {{\"type\": \"object\", \"properties\": {{\"p\": {{\"$ref\": \"#/components/schemas/A{links}\"}}}}}}");
        return Json(schemas.ToString());
    }
}
